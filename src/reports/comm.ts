/**
 * The `isacnet comm` report (contract of issue 3): for each (L, p^c), κ_c as printed (and simulated
 * with the network model), R_c by Theorem 2, by the exact expression and by Monte Carlo with a 95%
 * confidence interval. Library code (no Node imports): Monte Carlo jobs go through an injected
 * runner, so the CLI (worker pool), the figures and the browser share it.
 *
 * Monte Carlo: every point uses the same seed (common random numbers across L and p^c, which makes
 * differences between points, e.g. the location of L*, far less noisy than the points themselves);
 * results depend on the seed only, never on the thread count.
 * - acceptance `independent`: typical user at the origin, acceptance with probability κ_c as printed;
 *   CI = mean ± 1.96 s/√n. With Gamma gains and noise off (`usesRateCurve`) one comm.rateCurve job
 *   simulates every L and every p^c on the same trials (whole curves in one pass; plain Monte Carlo, no
 *   control variates: this is the check of the closed forms), and the SIR coverage at every threshold
 *   comes from the same records (SIR > T ⇔ ln(1 + SIR) > ln(1 + T)); otherwise one
 *   comm.typicalUser job per (L, p^c). `params.monteCarloKernel` names the kernel used.
 * - acceptance `network`: kernel comm.network (torus windows, mechanism of src/comm/network.ts);
 *   the rate is the Palm average over all users of all windows (ratio estimator), its CI from the
 *   between-window variance (users of one window are dependent); κ_c MC = accepted/requests.
 *   With gains `gamma` the kernel also evaluates, on the same geometry, gains and acceptance coins,
 *   every user's rate under independent acceptance at the printed κ_c (the closed-form model, whose
 *   mean is `rate.exact`); `rate.mcNetworkCv` is the controlled estimate (see
 *   `networkControlledRate`), `rate.mc` stays the plain one.
 * - gains `zf` with `zfControlVariate` (independent acceptance, no noise): additionally one
 *   comm.zfRateCurve job per p^c for all L (full ZF simulation with the closed-form model as a
 *   per-trial control, src/comm/zfRateCurve.ts); `rate.zfControlVariate` holds the controlled and the
 *   plain estimate of the same records and the variance-reduction factor (controlVariateEstimate).
 */
import { checkMemory } from './memoryBudget.ts';
import { usersPerBs, coMPRateParamsAt, commNoisePowerW, normalizedNoise, refPathGain } from '../params/derived.ts';
import type { JobRunner } from '../parallel/job.ts';
import type { MonteCarloJob, ProgressFn } from '../parallel/job.ts';
import type { Params } from '../params/schema.ts';
import { meanCi95, proportionCi95, ratioEstimateCi95 } from '../math/stats.ts';
import { ArgumentError } from '../math/argumentError.ts';
import { coverageL1Noise } from '../comm/noise.ts';
import { kappaCPrinted, lBar } from '../comm/kappa.ts';
import { rateExact } from '../comm/exactRate.ts';
import { rateTheorem2 } from '../comm/theorem2.ts';
import type { CoMPRateParams } from '../comm/rateModel.ts';
import type { RateTableValues } from '../comm/rateTable.ts';
import { yieldToEventLoop } from '../parallel/yieldToEventLoop.ts';
import type { GainModel } from '../comm/gains.ts';
import { COMM_NET_FIELDS, commNetworkKernel, networkRecordWidth, networkSideForDisc } from '../comm/network.ts';
import { TYPICAL_USER_RECORD, typicalUserKernel } from '../comm/typicalUser.ts';
import { RecordReader } from '../parallel/record.ts';
import { zfRateCurveKernel } from '../comm/zfRateCurve.ts';
import { rateCurveKernel } from '../comm/rateCurve.ts';
import { controlVariateEstimate } from '../comm/controlVariate.ts';

export type AcceptanceModel = 'independent' | 'network';

/** Chunk sizes are part of a result's identity (seed → numbers): fixed here. */
export const TYPICAL_USER_CHUNK = 4096;
export const NETWORK_CHUNK = 1;
/** Chunk size of the ZF control-variate job (comm.zfRateCurve). */
export const ZF_CURVE_CHUNK = 4096;
/** Chunk size of the whole-curve job (comm.rateCurve: every L and p^c in one pass). */
export const RATE_CURVE_CHUNK = 4096;

/** The whole-curve job of a report (`rateCurveReportJob`) and where each (L, p^c) sits in its records. */
export interface RateCurveReportJob {
  job: MonteCarloJob;
  /** Record width: one rate per (p^c, L). */
  width: number;
  /** Field of (L, p^c) in a record (p^c-major: all L of the first distinct p^c, then the next). */
  field(L: number, pc: number): number;
}

/**
 * The one comm.rateCurve job of a report or a sweep point (`usesRateCurve`): the distinct L in
 * increasing order with the printed κ_c, every distinct p^c on the same trials (`pcs`), chunks of
 * RATE_CURVE_CHUNK. computeCommReport and the comm sweep build it here, so both run the same job.
 */
export function rateCurveReportJob(p: Params, Ls: readonly number[], pcs: readonly number[], trials: number, seed: number, discBs: number): RateCurveReportJob {
  const curveLs = [...new Set(Ls)].sort((a, b) => a - b);
  const curvePcs = [...new Set(pcs)];
  const muC = usersPerBs(p);
  const kappaC = curveLs.map((L) => kappaCPrinted(p.psi, muC, L));
  const job = rateCurveKernel.job({ Ls: curveLs, kappaC, pc: curvePcs[0]!, pcs: curvePcs, alpha: p.alpha, mt: p.mt, discBs }, trials, seed, RATE_CURVE_CHUNK);
  return { job, width: curveLs.length * curvePcs.length, field: (L, pc) => curvePcs.indexOf(pc) * curveLs.length + curveLs.indexOf(L) };
}

/**
 * Whether the independent-acceptance Monte Carlo of a report runs as whole curves (kernel
 * comm.rateCurve: one job, every L and p^c on the same trials) instead of one comm.typicalUser job
 * per (L, p^c): Gamma gains, noise off, and the curve kernel's ranges (integer M_t ≥ 2, U ≥ 4·max L, L ≤ 10⁴, at most 1024 distinct L).
 * Both kernels simulate the same model (the law of each column of comm.rateCurve is that of
 * comm.typicalUser's rate); the curve shares the draws across L (common random numbers) and costs
 * about one comm.typicalUser trial for all L together. Coverage thresholds are read off the same
 * rate records (P(SIR > T) = P(ln(1 + SIR) > ln(1 + T)), every threshold and L in the one pass).
 *
 * Formula: not in the paper (which kernel evaluates E[ln(1 + SIR_c)] of Eq. (9) of arXiv:2403.20228).
 * Method: the conditions above, checked on the options.
 * Accuracy: not applicable; test/reports/commCurve.test.ts checks that both kernels agree.
 * References: src/comm/rateCurve.ts, src/comm/typicalUser.ts.
 *
 * @example
 * import { usesRateCurve, defaultParams } from 'isacnet';
 * usesRateCurve(defaultParams(), { Ls: [1, 4], pcs: [0.5], trials: 100, seed: 1, acceptance: 'independent', gains: 'gamma' }); // => true
 * usesRateCurve(defaultParams(), { Ls: [1, 4], pcs: [0.5], trials: 100, seed: 1, acceptance: 'independent', gains: 'gamma', coverageDb: [0] }); // => true
 * usesRateCurve(defaultParams(), { Ls: [1, 4], pcs: [0.5], trials: 100, seed: 1, acceptance: 'independent', gains: 'zf' }); // => false
 */
export function usesRateCurve(p: Params, o: CommRunOptions): boolean {
  const discBs = o.discBs ?? DEFAULT_DISC_BS;
  const Ls = [...new Set(o.Ls)];
  return (
    o.acceptance === 'independent' &&
    o.gains === 'gamma' &&
    o.noise !== 'on' &&
    Number.isInteger(p.mt) && p.mt >= 2 && p.mt <= 1024 &&
    Ls.length <= 1024 &&
    Ls.every((L) => Number.isInteger(L) && L >= 1 && L <= 1e4 && 4 * L <= discBs)
  );
}
/** Default U: BSs simulated explicitly (disc πλ_b r² ≤ U), mean field beyond (bias measured in docs). */
export const DEFAULT_DISC_BS = 100;

export interface CommRunOptions {
  Ls: number[];
  pcs: number[];
  trials: number;
  seed: number;
  acceptance: AcceptanceModel;
  gains: GainModel;
  discBs?: number;
  /** SIR thresholds (linear) for coverage P(SIR > T) by Monte Carlo; none by default. */
  coverageThresholds?: number[];
  /**
   * 'on': SINR with receiver noise (normalized noise ν = `normalizedNoise(p)`; not in the paper);
   * 'off' (default): the paper's SIR, and the report is exactly the noise-free one.
   */
  noise?: 'off' | 'on';
  /** Thresholds T in dB for P(SINR > T) (SIR with noise off): Monte Carlo with a Wilson CI, exact at L = 1. */
  coverageDb?: number[];
  /** Skip the Monte Carlo (closed forms only). */
  noMonteCarlo?: boolean;
  /** Also evaluate Theorem 2 with the printed H1 (`rate.thm2PrintedH1`; default true). */
  printedH1?: boolean;
  /**
   * Gains `zf`, acceptance `independent`, noise off: also run comm.zfRateCurve (`trials` trials, all L
   * at once per p^c, same seed) and report `rate.zfControlVariate` (default false; the CLI turns it on).
   */
  zfControlVariate?: boolean;
}

/** The ZF rate with the closed-form model as control variate (src/comm/zfRateCurve.ts). */
export interface ZfControlVariateEstimate {
  /** Controlled estimate (split coefficient, unbiased), CI from the residual variance. */
  controlled: McEstimate;
  /** Plain mean of the same ZF records, CI 1.96 s/√n. */
  plain: McEstimate;
  /** Variance-reduction factor Var(plain)/Var(residual). */
  vrf: number;
  /** Pooled control coefficient b. */
  coefficient: number;
  /** Sample mean of the control column and its s.e.; its expectation is `rate.exact`. */
  controlMean: number;
  controlSe: number;
}

export interface McEstimate {
  mean: number;
  ci95: [number, number];
  trials: number;
}

export interface CommPoint {
  L: number;
  pc: number;
  kappaC: { formula: number; mc?: number | null };
  rate: {
    thm2: number;
    /** Theorem 2 evaluated with H1 exactly as printed in Lemma 2 ((1 + x)^{−α} typo). */
    thm2PrintedH1?: number;
    exact: number;
    mc: McEstimate | null;
    /** Network acceptance only: the exact rate with κ_c set to its simulated value. */
    exactAtMcKappa?: number | null;
    /** Network acceptance, gains `gamma`: the control-variate estimate of the network rate (`networkControlledRate`). */
    mcNetworkCv?: NetworkControlledRate | null;
    /** Noise on only: the exact rate without noise (the paper's SIR model) at the same point. */
    exactNoNoise?: number;
    /** Noise on only: (exactNoNoise − exact)/exact, the relative error of the noise-free model. */
    noiseGap?: number;
    /** Gains `zf` with `zfControlVariate`: the controlled ZF estimate (null without Monte Carlo). */
    zfControlVariate?: ZfControlVariateEstimate | null;
  };
  coverage?: Array<{ T: number; mc: number }>;
  /**
   * P(SINR > T) (SIR with noise off) at the thresholds of `coverageDb`: Monte Carlo fraction with its
   * 95% Wilson interval (null without Monte Carlo; network acceptance: no interval, the users of a
   * window are dependent), and the exact value at L = 1 (`coverageL1Noise`; null for L ≥ 2).
   */
  coverageDb?: Array<{ Tdb: number; T: number; mc: { p: number; ci95: [number, number] | null } | null; exact: number | null }>;
}

export interface CommReport {
  params: Record<string, unknown>;
  points: CommPoint[];
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Summary of network-kernel window records: ratio estimator with between-window CI (and, given `control`, the controlled rate). */
export function summarizeNetworkRecords(rec: Float64Array, L: number, samplesPerWindow: number, control?: NetworkControlSpec): {
  rate: McEstimate | null;
  kappaMc: number | null;
  /** Between-window 95% CI of the accepted fraction (ratio estimator). */
  kappaCi95: [number, number] | null;
  users: number;
  meanRequestsPerBs: number;
  requestDispersion: number;
  meanOwnPerBs: number;
  acceptedByRank: number[];
  samples: { rate: number[]; sir: number[] };
  /** The controlled rate (null without `control`, with gains `zf`, or with fewer than 5 windows). */
  controlled: NetworkControlledRate | null;
} {
  const width = networkRecordWidth(L, samplesPerWindow);
  const r = new RecordReader(rec, width, COMM_NET_FIELDS);
  const windows = r.count;
  const users = r.sum('users');
  const requests = r.sum('requests');
  const bs = r.sum('bsCount');
  const reqSum = r.sum('reqSum');
  const reqSq = r.sum('reqSq');
  const ownSum = r.sum('ownSum');
  const byRank = new Array<number>(L - 1).fill(0);
  const samples = { rate: [] as number[], sir: [] as number[] };
  for (let w = 0; w < windows; w++) {
    for (let k = 0; k < L - 1; k++) byRank[k] += r.extra(w, k);
    for (let k = 0; k < samplesPerWindow; k++) {
      const v = r.extra(w, L - 1 + 2 * k);
      if (Number.isNaN(v)) break;
      samples.rate.push(v);
      samples.sir.push(r.extra(w, L - 1 + 2 * k + 1));
    }
  }
  let rate: McEstimate | null = null;
  if (users > 0) {
    const e = ratioEstimateCi95(windows, (w) => r.get(w, 'rateSum'), (w) => r.get(w, 'users'));
    // One window has no between-window spread: the interval is then undefined (NaN bounds).
    rate = { mean: e.ratio, ci95: e.ci95 ?? [NaN, NaN], trials: users };
  }
  const meanReq = bs > 0 ? reqSum / bs : NaN;
  let kappaCi95: [number, number] | null = null;
  let kappaMc: number | null = null;
  if (requests > 0) {
    const e = ratioEstimateCi95(windows, (w) => r.get(w, 'accepted'), (w) => r.get(w, 'requests'));
    kappaMc = e.ratio;
    kappaCi95 = e.ci95;
  }
  return {
    rate,
    kappaMc,
    kappaCi95,
    users,
    meanRequestsPerBs: meanReq,
    requestDispersion: bs > 0 && meanReq > 0 ? (reqSq / bs - meanReq * meanReq) / meanReq : NaN,
    meanOwnPerBs: bs > 0 ? ownSum / bs : NaN,
    acceptedByRank: byRank.map((a) => (users > 0 ? a / users : NaN)),
    samples,
    controlled: control ? networkControlledRate(rec, L, samplesPerWindow, control) : null,
  };
}

// ---- Network acceptance: control variate (issue 11). Only the network path uses this block. ----

/** What the control-variate estimate needs besides the records: the known means of its controls. */
export interface NetworkControlSpec {
  /** κ of the control (the kernel's `kappaControl`, by default the printed κ_c). */
  kappaC: number;
  /** Exact Palm mean of the control rate: `rateExact` at κ = kappaC. */
  exact: number;
  /** E[BSs per window] = λ_b side² (= side² in normalized units). */
  meanBs: number;
  /** E[users per window] = μ_c side². */
  meanUsers: number;
}

export interface NetworkControlledRate extends McEstimate {
  /** Variance-reduction factor: squared half-width of the plain ratio estimate over that of the controlled one. */
  vrf: number | null;
  /** Regression coefficients of the window residual on the controls (rate under independent acceptance, BS count, user count). */
  coefficients: { controlRate: number; bsCount: number; users: number };
  /** The control: independent acceptance at κ_c, its plain Monte Carlo mean and its exact mean. */
  control: { kappaC: number; mc: number; exact: number };
}

/** Solve the small symmetric system A x = c (Gaussian elimination with partial pivoting); null if singular. */
function solveSmall(A: number[][], c: number[]): number[] | null {
  const n = c.length;
  const M = A.map((row, i) => [...row, c[i]!]);
  const scale = Math.max(...A.map((row, i) => Math.abs(row[i]!)), 0);
  for (let i = 0; i < n; i++) {
    let piv = i;
    for (let j = i + 1; j < n; j++) if (Math.abs(M[j]![i]!) > Math.abs(M[piv]![i]!)) piv = j;
    [M[i], M[piv]] = [M[piv]!, M[i]!];
    if (!(Math.abs(M[i]![i]!) > 1e-12 * scale)) return null;
    for (let j = i + 1; j < n; j++) {
      const f = M[j]![i]! / M[i]![i]!;
      for (let k = i; k <= n; k++) M[j]![k]! -= f * M[i]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let v = M[i]![n]!;
    for (let k = i + 1; k < n; k++) v -= M[i]![k]! * x[k]!;
    x[i] = v / M[i]![i]!;
  }
  return x;
}

/**
 * The network rate with control variates, from the window records of kernel comm.network.
 *
 * Estimator (windows w = 1…n are the i.i.d. units; users of one window are dependent): with A_w the
 * window's Σ rate, N_w its users, C_w its Σ rate under independent acceptance (the closed-form model
 * on the same draws) and B_w its BSs, the plain ratio estimate is R̂ = ΣA/ΣN with the linearized
 * residuals d_w = A_w − R̂ N_w. Three controls have exactly known mean zero: z₁ = C_w − μ_X N_w
 * (Campbell: E[C_w] = μ_X E[N_w], μ_X = `exact`), z₂ = B_w − E[B], z₃ = N_w − E[N] (Poisson counts).
 * β regresses d on the centred z (least squares over all windows in window order, so the result is a
 * function of the records only and identical for any thread count); the controlled estimate is
 * R̂ − β·z̄ / N̄ and its 95% CI is ± 1.96 √(n Σ r_w² / (n − 4)) / ΣN with r_w = d_w − β·(z_w − z̄).
 * β estimated from the same windows makes the estimate biased by O(1/n), the same order as the ratio
 * estimator's own bias and far below its O(1/√n) standard error.
 * VRF = [Σ d²/(n − 1)] / [Σ r²/(n − 4)], the factor by which the controls cut the windows needed
 * for a given half-width.
 * Returns null without control column (gains `zf`), with fewer than 5 windows, or if the controls are
 * collinear.
 */
export function networkControlledRate(rec: Float64Array, L: number, samplesPerWindow: number, spec: NetworkControlSpec): NetworkControlledRate | null {
  const r = new RecordReader(rec, networkRecordWidth(L, samplesPerWindow), COMM_NET_FIELDS);
  const n = r.count;
  const p = 3;
  if (n < p + 2) return null;
  let sumA = 0;
  let sumN = 0;
  let sumC = 0;
  for (let w = 0; w < n; w++) {
    sumA += r.get(w, 'rateSum');
    sumN += r.get(w, 'users');
    sumC += r.get(w, 'ctlSum');
  }
  if (!Number.isFinite(sumC) || !(sumN > 0)) return null;
  const R = sumA / sumN;
  const d = new Float64Array(n);
  const z = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const zm = [0, 0, 0];
  for (let w = 0; w < n; w++) {
    const users = r.get(w, 'users');
    d[w] = r.get(w, 'rateSum') - R * users;
    z[0]![w] = r.get(w, 'ctlSum') - spec.exact * users;
    z[1]![w] = r.get(w, 'bsCount') - spec.meanBs;
    z[2]![w] = users - spec.meanUsers;
    for (let j = 0; j < p; j++) zm[j]! += z[j]![w]!;
  }
  for (let j = 0; j < p; j++) zm[j] = zm[j]! / n;
  const S = [0, 1, 2].map(() => [0, 0, 0]);
  const c = [0, 0, 0];
  let sd2 = 0;
  for (let w = 0; w < n; w++) {
    sd2 += d[w]! * d[w]!;
    for (let j = 0; j < p; j++) {
      const zj = z[j]![w]! - zm[j]!;
      c[j]! += zj * d[w]!;
      for (let k = 0; k < p; k++) S[j]![k]! += zj * (z[k]![w]! - zm[k]!);
    }
  }
  const beta = solveSmall(S, c);
  if (!beta) return null;
  let sr2 = 0;
  for (let w = 0; w < n; w++) {
    let res = d[w]!;
    for (let j = 0; j < p; j++) res -= beta[j]! * (z[j]![w]! - zm[j]!);
    sr2 += res * res;
  }
  const nBar = sumN / n;
  const mean = R - (beta[0]! * zm[0]! + beta[1]! * zm[1]! + beta[2]! * zm[2]!) / nBar;
  const se = Math.sqrt((n * sr2) / (n - 1 - p)) / sumN;
  const vrf = sd2 / (n - 1) / (sr2 / (n - 1 - p));
  return {
    mean,
    ci95: [mean - Z95 * se, mean + Z95 * se],
    trials: sumN,
    vrf: Number.isFinite(vrf) ? vrf : null,
    coefficients: { controlRate: beta[0]!, bsCount: beta[1]!, users: beta[2]! },
    control: { kappaC: spec.kappaC, mc: sumC / sumN, exact: spec.exact },
  };
}

const Z95 = 1.959963984540054;

// ---- end of the network control-variate block ----

/** Windows for about `trials` users: ⌈trials/(μ_c side²)⌉, at least 2 (for a CI). */
export function networkWindows(trials: number, muC: number, side: number): number {
  return Math.max(2, Math.ceil(trials / Math.max(muC * side * side, 1e-9)));
}

/**
 * The `isacnet comm` report: for each (L, p^c), κ_c as printed (and simulated with the network model),
 * R_c by Theorem 2, by the exact expression and by Monte Carlo with a 95% confidence interval.
 *
 * Formula: κ_c (Section IV of arXiv:2403.20228, unnumbered), Theorem 2, the exact rate of Eqs. (8)–(9),
 * and E[ln(1 + SIR_c)] of Eq. (9) by Monte Carlo (typical user or network mechanism), optionally the
 * coverage P(SIR_c > T) of Eq. (8).
 * Method: closed forms from src/comm (taken from `closedFormTable` where it holds the point's model:
 * the values of a `comm.rateTable` job run beforehand, e.g. on the worker pool; the same numbers);
 * Monte Carlo through `run` with the same seed for every point (common random numbers); `noMonteCarlo`
 * skips it.
 * Accuracy: as its parts: rates to ≲ 2e-7 relative, Monte Carlo CIs as printed (e.g. ±0.0063 at
 * 4·10⁵ trials, docs/errata.md C5); results depend on the seed only (test/cli/comm.test.ts).
 * References: arXiv:2403.20228, Section IV and Fig. 4; docs/communication.md.
 *
 * @example
 * import { computeCommReport, defaultParams, inlineRunner } from 'isacnet';
 * const r = await computeCommReport(defaultParams(), { Ls: [1, 4], pcs: [0.5], trials: 1000, seed: 7, acceptance: 'independent', gains: 'gamma', noMonteCarlo: true }, inlineRunner);
 * r.points.map((q) => [q.L, q.rate.thm2, q.rate.exact]); // => [[1, 1.8943308, 1.8943308], [4, 3.4777323, 3.3511746]]
 */
export async function computeCommReport(p: Params, o: CommRunOptions, run: JobRunner, onProgress?: (fraction: number) => void, closedFormTable?: RateTableValues): Promise<CommReport> {
  const muC = usersPerBs(p);
  const noiseOn = o.noise === 'on';
  if (noiseOn && o.acceptance === 'network') throw new ArgumentError('noise', 'on', "noise 'off' with acceptance 'network' (the network simulation has no noise term; use acceptance 'independent')");
  const nu = noiseOn ? normalizedNoise(p) : 0;
  const discBs = o.discBs ?? DEFAULT_DISC_BS;
  const side = networkSideForDisc(discBs);
  const wantCoverage = (o.coverageThresholds && o.coverageThresholds.length > 0) || (o.coverageDb && o.coverageDb.length > 0);
  const samplesPerWindow = wantCoverage ? 64 : 0;
  // One point's samples at a time: trials × (rate, SIR) doubles.
  if (!o.noMonteCarlo && o.acceptance === 'independent') checkMemory('trials', o.trials, o.trials * TYPICAL_USER_RECORD * 8, 'the rate samples of one point (trials × 2 × 8 bytes)');
  const points: CommPoint[] = [];
  const total = o.Ls.length * o.pcs.length;
  // --- ZF control variate (gains zf): one comm.zfRateCurve job per p^c for every L ---
  const zfCv = o.zfControlVariate === true && o.gains === 'zf' && o.acceptance === 'independent' && !noiseOn;
  const zfLs = [...new Set(o.Ls)].sort((a, b) => a - b);
  if (zfCv && !o.noMonteCarlo) checkMemory('trials', o.trials, o.trials * 2 * zfLs.length * 8, 'the ZF control-variate records of one p^c (trials × 2 × #L × 8 bytes)');
  const zfByPc = new Map<number, Map<number, ZfControlVariateEstimate>>();
  const zfEstimates = async (pc: number, progress: ProgressFn): Promise<Map<number, ZfControlVariateEstimate>> => {
    const have = zfByPc.get(pc);
    if (have) return have;
    const kappas = zfLs.map((L) => kappaCPrinted(p.psi, muC, L));
    const rec = await run(zfRateCurveKernel.job({ Ls: zfLs, kappaC: kappas, pc, alpha: p.alpha, mt: p.mt, discBs }, o.trials, o.seed, ZF_CURVE_CHUNK), progress);
    const out = new Map<number, ZfControlVariateEstimate>();
    zfLs.forEach((L, j) => {
      const e = controlVariateEstimate(rec, 2 * zfLs.length, 2 * j, 2 * j + 1, rateExact(coMPRateParamsAt(p, L, pc, kappas[j]!)));
      // the rate is ≥ 0: intervals cut to that support, as the plain Monte Carlo below
      const est = (m: { mean: number; ci95: [number, number] }): McEstimate => ({ mean: m.mean, ci95: [Math.max(0, m.ci95[0]), m.ci95[1]], trials: e.n });
      out.set(L, { controlled: est(e.controlled), plain: est(e.plain), vrf: e.vrf, coefficient: e.coefficient, controlMean: e.controlMean, controlSe: e.controlSe });
    });
    zfByPc.set(pc, out);
    return out;
  };
  // --- whole curves (usesRateCurve): one comm.rateCurve job for every L and p^c on the same trials ---
  const curve = !o.noMonteCarlo && usesRateCurve(p, o);
  const curvePlan = curve ? rateCurveReportJob(p, o.Ls, o.pcs, o.trials, o.seed, discBs) : null;
  if (curvePlan) checkMemory('trials', o.trials, o.trials * curvePlan.width * 8, 'the rate records of the report (trials × #L × #p^c × 8 bytes)');
  let curveRecords: Float64Array | null = null;
  const closedForms = (L: number, pc: number): { kappaFormula: number; model: CoMPRateParams; rate: CommPoint['rate'] } => {
    const kappaFormula = kappaCPrinted(p.psi, muC, L);
    const model = noiseOn ? { ...coMPRateParamsAt(p, L, pc, kappaFormula), noise: nu } : coMPRateParamsAt(p, L, pc, kappaFormula);
    return {
      kappaFormula,
      model,
      rate: {
        thm2: closedFormTable?.get(model, 'thm2') ?? rateTheorem2(model),
        ...(o.printedH1 === false ? {} : { thm2PrintedH1: closedFormTable?.get(model, 'thm2PrintedH1') ?? rateTheorem2(model, { h1Variant: 'printed' }) }),
        exact: closedFormTable?.get(model, 'exact') ?? rateExact(model),
        mc: null,
      },
    };
  };
  // With a curve job, the job starts first and the main thread computes every point's closed forms
  // while the workers simulate, yielding between points so that a worker gets its next chunk as
  // soon as it returns one. The numbers are those of computing one after the other.
  const early = new Map<string, ReturnType<typeof closedForms>>();
  let curvePromise: Promise<Float64Array> | null = null;
  if (curvePlan) {
    let jobFraction = 0;
    curvePromise = run(curvePlan.job, (d, t) => {
      jobFraction = d / t;
      onProgress?.(0.5 * jobFraction + (0.5 * early.size) / total);
    });
    // A failure is raised where the records are awaited below; until then it is not unhandled.
    curvePromise.catch(() => undefined);
    for (const L of o.Ls) {
      for (const pc of o.pcs) {
        early.set(`${L}|${pc}`, closedForms(L, pc));
        onProgress?.(0.5 * jobFraction + (0.5 * early.size) / total);
        await yieldToEventLoop();
      }
    }
  }
  // One point's column of the curve records: its rate estimate and, for the coverage thresholds,
  // the fraction of trials with ln(1 + SIR) > ln(1 + T), the same event as SIR > T (ln(1 + x) is
  // increasing; Math.log1p could order two values within an ulp of each other the other way, an event
  // of probability ≈ 1e-16 per trial).
  const curveEstimate = async (plan: RateCurveReportJob, L: number, pc: number): Promise<{ mc: McEstimate; fractionAbove: (T: number) => number }> => {
    curveRecords ??= await (curvePromise as Promise<Float64Array>);
    const n = curveRecords.length / plan.width;
    const f = plan.field(L, pc);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = curveRecords[i * plan.width + f]!;
    const s = meanCi95(col);
    const fractionAbove = (T: number): number => {
      const r = Math.log1p(T);
      let c = 0;
      for (let i = 0; i < n; i++) if (col[i]! > r) c++;
      return c / n;
    };
    // The rate ln(1 + SIR) is ≥ 0: the normal-theory interval is cut to that support.
    return { mc: { mean: s.mean, ci95: [Math.max(0, s.ci95[0]), s.ci95[1]], trials: n }, fractionAbove };
  };
  let done = 0;
  for (const L of o.Ls) {
    for (const pc of o.pcs) {
      const { kappaFormula, model, rate } = early.get(`${L}|${pc}`) ?? closedForms(L, pc);
      const point: CommPoint = { L, pc, kappaC: { formula: kappaFormula }, rate };
      if (noiseOn) {
        point.rate.exactNoNoise = rateExact(coMPRateParamsAt(p, L, pc, kappaFormula));
        point.rate.noiseGap = (point.rate.exactNoNoise - point.rate.exact) / point.rate.exact;
      }
      const dbs = o.coverageDb;
      if (dbs) point.coverageDb = dbs.map((Tdb) => ({ Tdb, T: Math.pow(10, Tdb / 10), mc: null, exact: L === 1 && pc > 0 ? coverageL1Noise(Math.pow(10, Tdb / 10), { pc, mt: p.mt, alpha: p.alpha, noise: nu }) : null }));
      const progress: ProgressFn = (d, t) => onProgress?.((done + d / t) / total);
      // (the split estimator needs two trials per half: none below 4 trials)
      if (zfCv) point.rate.zfControlVariate = o.noMonteCarlo || o.trials < 4 ? null : ((await zfEstimates(pc, progress)).get(L) ?? null);
      if (!o.noMonteCarlo) {
        if (curvePlan) {
          const c = await curveEstimate(curvePlan, L, pc);
          point.rate.mc = c.mc;
          const n = c.mc.trials;
          if (o.coverageThresholds) point.coverage = o.coverageThresholds.map((T) => ({ T, mc: c.fractionAbove(T) }));
          if (point.coverageDb) {
            for (const row of point.coverageDb) {
              const pHat = c.fractionAbove(row.T);
              row.mc = { p: pHat, ci95: proportionCi95(Math.round(pHat * n), n) };
            }
          }
        } else if (o.acceptance === 'independent') {
          const job = typicalUserKernel.job({ ...model, gains: o.gains, discBs }, o.trials, o.seed, TYPICAL_USER_CHUNK);
          const rec = await run(job, progress);
          const n = rec.length / TYPICAL_USER_RECORD;
          const rates = new Float64Array(n);
          for (let i = 0; i < n; i++) rates[i] = rec[TYPICAL_USER_RECORD * i];
          const s = meanCi95(rates);
          // The rate ln(1 + SIR) is ≥ 0: the normal-theory interval is cut to that support.
          point.rate.mc = { mean: s.mean, ci95: [Math.max(0, s.ci95[0]), s.ci95[1]], trials: n };
          if (o.coverageThresholds) point.coverage = o.coverageThresholds.map((T) => ({ T, mc: fractionAbove(rec, TYPICAL_USER_RECORD, 1, T) }));
          if (point.coverageDb) {
            for (const c of point.coverageDb) {
              const pHat = fractionAbove(rec, TYPICAL_USER_RECORD, 1, c.T);
              c.mc = { p: pHat, ci95: proportionCi95(Math.round(pHat * n), n) };
            }
          }
        } else if (muC > 0) {
          // Control variate (gains gamma): independent acceptance at the printed κ_c on the same draws; its mean is rate.exact.
          const ctl = o.gains === 'gamma' ? { kappaC: kappaFormula, exact: point.rate.exact, meanBs: side * side, meanUsers: muC * side * side } : undefined;
          const job = commNetworkKernel.job({ L, pc, alpha: p.alpha, mt: p.mt, psi: p.psi, muC, gains: o.gains, side, samplesPerWindow, kappaControl: kappaFormula }, networkWindows(o.trials, muC, side), o.seed, NETWORK_CHUNK);
          const rec = await run(job, progress);
          const s = summarizeNetworkRecords(rec, L, samplesPerWindow, ctl);
          point.kappaC.mc = s.kappaMc;
          point.rate.mc = s.rate;
          point.rate.mcNetworkCv = s.controlled;
          point.rate.exactAtMcKappa = s.kappaMc === null ? null : finiteOrNull(rateExact({ ...model, kappaC: s.kappaMc }));
          if (o.coverageThresholds) {
            const sir = s.samples.sir;
            point.coverage = o.coverageThresholds.map((T) => ({ T, mc: sir.filter((x) => x > T).length / Math.max(1, sir.length) }));
          }
          if (point.coverageDb) {
            const sir = s.samples.sir;
            for (const c of point.coverageDb) c.mc = { p: sir.filter((x) => x > c.T).length / Math.max(1, sir.length), ci95: null };
          }
        } else {
          point.kappaC.mc = null;
        }
      }
      points.push(point);
      done++;
      if (!curvePlan) onProgress?.(done / total);
    }
  }
  return {
    params: {
      L: o.Ls,
      pc: o.pcs,
      lambdaU: p.lambdaU,
      lambdaB: p.lambdaB,
      muC,
      lBar: o.Ls.map(lBar),
      psi: p.psi,
      mt: p.mt,
      alpha: p.alpha,
      acceptance: o.acceptance,
      gains: o.gains,
      ...(o.noMonteCarlo ? {} : { monteCarloKernel: curve ? 'comm.rateCurve' : o.acceptance === 'network' ? 'comm.network' : 'comm.typicalUser' }),
      ...(zfCv ? { zfControlVariate: true } : {}),
      trials: o.trials,
      seed: o.seed,
      discBs,
      units: 'nats/s/Hz',
      ...(noiseOn
        ? {
            noise: 'on',
            noisePowerDbm: 10 * Math.log10(commNoisePowerW(p)) + 30,
            refPathGainDb: 10 * Math.log10(refPathGain(p)),
            normalizedNoise: nu,
            noisePsdDbmHz: p.noisePsdDbmHz,
            noiseFigureDb: p.noiseFigureDb,
            commBandwidthHz: p.commBandwidthHz,
            refDistanceM: p.refDistanceM,
            fcHz: p.fcHz,
            ptW: p.ptW,
          }
        : {}),
    },
    points,
  };
}

/** Fraction of records whose field `field` (record width `width`) exceeds T. */
function fractionAbove(rec: Float64Array, width: number, field: number, T: number): number {
  const n = rec.length / width;
  let c = 0;
  for (let i = 0; i < n; i++) if (rec[i * width + field] > T) c++;
  return c / n;
}
