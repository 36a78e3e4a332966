/**
 * The library functions the explorer displays, gathered in one place (pure modules only: no node:
 * imports, nothing from src/cli, src/figures/render.ts or src/parallel/nodePool.ts).
 */
import type { JobRunner } from '../parallel/job.ts';
import * as sensingLib from '../sensing/index.ts';
import { computeSensingReport, type SensingReport as SensingReportT } from '../reports/sensing.ts';
import { kappaCPrinted } from '../comm/kappa.ts';
import { rateExact } from '../comm/exactRate.ts';
import { rateTheorem2 } from '../comm/theorem2.ts';
import type { CoMPRateParams as CommRateModelT } from '../comm/rateModel.ts';
import { buildEnvelope, solveTradeoff, type TradeoffResult as TradeoffResultT } from '../optimize/tradeoff.ts';
import type { CrlbModel, ClusterRateModel as OptRateModelT } from '../optimize/model.ts';
import { eq16CrlbModel, fullSensingPowerParams, rateModel } from '../optimize/models.ts';
import type { Params } from '../params/schema.ts';
import type { MonteCarloJob, ProgressFn } from '../parallel/job.ts';
import { computeCommReport, type AcceptanceModel } from '../reports/comm.ts';
import { checkParetoPoints } from '../reports/paretoChecks.ts';
import { computeLocalizeReport, N1_REASON, type LocalizeReport as LocalizeReportT } from '../reports/localize.ts';
import type { GainModel } from '../comm/gains.ts';

export type SensingReport = SensingReportT;
export type LocalizeReport = LocalizeReportT;
export type CommRateModel = CommRateModelT;
export type OptRateModel = OptRateModelT;
export type TradeoffResult = TradeoffResultT;

/** Sensing: closed forms (src/sensing), κ_s and Eq. (16) (src/sensing/acceptance.ts, src/sensing/crlbAcceptance.ts), the CLI's report function. */
export const sensing = { ...sensingLib, computeSensingReport };

/** Localization estimators against the CRLB (beyond the paper): the CLI's report function. */
export const localize = { computeLocalizeReport, N1_REASON };

/** Lemma 1's κ_s as printed (src/sensing/acceptance.ts). */
export const kappaSLemma1 = sensingLib.kappaSLemma1;

export const comm = {
  kappaC: kappaCPrinted,
  rateTheorem2,
  rateExact,
};

/** The optimizer (src/optimize) with the library's real model adapters (src/optimize/models.ts). */
export const opt = {
  buildEnvelope,
  solveTradeoff,
  /** R_c(L, p^c): the exact rate with the printed κ_c(L) (`--rate-model exact`). */
  rateModel: (p: Params): OptRateModelT => rateModel('exact', p),
  /** CRLB_a(N, p^s = 1): Eq. (16) with Lemma 1's κ_s (`--crlb-model eq16`). */
  crlbModel: (p: Params): CrlbModel => eq16CrlbModel(p),
  fullSensingPowerParams,
};

/** One L of a communication Monte Carlo run. */
export interface CommMcPoint {
  L: number;
  mean: number | null;
  ci95: [number, number] | null;
  trials: number;
  /** Simulated κ_c (network acceptance only). */
  kappaMc: number | null;
}

export interface CommMcResult {
  points: CommMcPoint[];
  meta: Record<string, unknown>;
}

export type CommAcceptance = AcceptanceModel;
export type CommGains = GainModel;

/**
 * The communication Monte Carlo: the CLI's own `computeCommReport` (src/reports/comm.ts), i.e.
 * `isacnet comm --L 1-L_max --pc p^c --trials T --seed S` gives the same numbers.
 */
export const commMc = {
  async run(p: Params, lMax: number, trials: number, seed: number, acceptance: CommAcceptance, gains: CommGains, run: JobRunner, progress: (f: number) => void): Promise<CommMcResult> {
    const Ls = Array.from({ length: lMax }, (_, i) => i + 1);
    const report = await computeCommReport(p, { Ls, pcs: [p.pc], trials, seed, acceptance, gains }, run, progress);
    return {
      points: report.points.map((q) => ({ L: q.L, mean: q.rate.mc?.mean ?? null, ci95: q.rate.mc?.ci95 ?? null, trials: q.rate.mc?.trials ?? 0, kappaMc: q.kappaC.mc ?? null })),
      meta: { ...report.params, kernel: acceptance === 'independent' ? 'comm.typicalUser' : 'comm.network' },
    };
  },
  cli(p: Params, lMax: number, trials: number, seed: number, acceptance: CommAcceptance, gains: CommGains): string {
    const extra = [
      p.lambdaU !== 1 ? ` --lambda-u ${p.lambdaU}` : '',
      p.lambdaB !== 1 ? ` --lambda-b ${p.lambdaB}` : '',
      p.psi !== 15 ? ` --psi ${p.psi}` : '',
      p.mt !== 4 ? ` --mt ${p.mt}` : '',
      p.alpha !== 4 ? ` --alpha ${p.alpha}` : '',
      acceptance !== 'independent' ? ` --acceptance ${acceptance}` : '',
      gains !== 'gamma' ? ` --gains ${gains}` : '',
    ].join('');
    return `npx isacnet comm --L 1-${lMax} --pc ${p.pc} --trials ${trials} --seed ${seed}${extra} --json`;
  },
};

/** A Pareto point checked by Monte Carlo. */
export interface TradeoffMcPoint {
  L: number;
  N: number;
  pc: number;
  rateModel: number;
  crlbModel: number;
  rateMc: number | null;
  rateCi95: [number, number] | null;
  /** Simulated median CRLB_a at p^s = 1 − p^c (m²) with its 95% CI; the mean is infinite. */
  crlbMedian: number | null;
  crlbMedianCi95: [number, number] | null;
  /** Simulated fraction of targets that cannot be localized (≤ 1 accepted BS or a singular FIM), left out of CRLB_a. */
  nonLocalizableFraction: number | null;
  /** nonLocalizableFraction ≥ ½: this point's CRLB_a rests on a minority of localizable targets. */
  localizableMinority: boolean;
}

function nonLocOf(n: { mc: number | null; singular: number | null; minority: boolean } | undefined): { nonLocalizableFraction: number | null; localizableMinority: boolean } {
  return { nonLocalizableFraction: n && n.mc !== null ? n.mc + (n.singular ?? 0) : null, localizableMinority: n?.minority ?? false };
}

/**
 * Monte Carlo checks of optimal points (L, N, p^c): the rate by the CLI's `computeCommReport`
 * (typical user, independent acceptance, Gamma gains) and CRLB_a by the network-level simulation of
 * `computeSensingReport` (median: E[CRLB_a] is infinite), at full sensing power scaled by 1/p^s.
 */
export const tradeoffMc = {
  async run(p: Params, points: Array<{ L: number | null; N: number; pc: number; rate: number; crlbA: number | null }>, trials: number, seed: number, windows: number, run: JobRunner, progress: (f: number) => void): Promise<TradeoffMcPoint[]> {
    const n = points.length;
    const full = fullSensingPowerParams(p);
    const Ns = [...new Set(points.map((q) => q.N))].sort((a, b) => a - b);
    const sens = await computeSensingReport(full, { Ns, trials: 1000, seed, windows, samplesPerWindow: 256 }, run, (f) => progress(0.5 * f));
    const checked = await checkParetoPoints(
      p,
      points.map((q) => ({ L: q.L as number, N: q.N, pc: q.pc })),
      (N) => {
        const mc = sens.points.find((s) => s.N === N)?.crlbAccept.mc;
        return mc ? { median: mc.median ?? null, ci95: mc.medianCi95 ?? null, trials: 0 } : undefined;
      },
      { trials, seedOf: () => seed, onProgress: (i, f) => progress(0.5 + (0.5 * (i + f)) / n) },
      run,
    );
    const out: TradeoffMcPoint[] = checked.map((c, i) => ({
      L: c.L,
      N: c.N,
      pc: c.pc,
      rateModel: points[i].rate,
      crlbModel: points[i].crlbA as number,
      rateMc: c.rate.mc ? c.rate.mc.mean : null,
      rateCi95: c.rate.mc ? c.rate.mc.ci95 : null,
      crlbMedian: c.crlbMedian,
      crlbMedianCi95: c.crlbMedianCi95,
      ...nonLocOf(sens.points.find((s) => s.N === c.N)?.crlbAccept.nonLocalizable),
    }));
    return out;
  },
  cli(p: Params, points: Array<{ L: number | null; N: number; pc: number }>, trials: number, seed: number, windows: number): string {
    const q = points[0];
    return `npx isacnet comm --L ${q.L} --pc ${q.pc} --trials ${trials} --seed ${seed} --json (per point) and npx isacnet sensing --pc 0 --N ${[...new Set(points.map((x) => x.N))].sort((a, b) => a - b).join(',')} --trials 1000 --windows ${windows} --seed ${seed} --json`;
  },
};
