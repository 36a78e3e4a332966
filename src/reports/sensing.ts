/**
 * The result object of `isacnet sensing` (the JSON contract of issue 2), computed from the
 * parameters: for each cluster size N, the expected CRLB of Eq. (6) by Monte Carlo beside Prop. 1
 * (Eq. 12), Eq. (13) and Theorem 1 (Eq. 14), in m² and normalized; κ_s by Lemma 1 (Eq. 15) beside the
 * network-level simulation; and the CRLB with acceptance by Eq. (16) beside the simulated one.
 *
 * Pure (no node: imports): the caller passes `run`, which executes a chunked Monte Carlo job (a
 * WorkerPool in Node, a Web Worker pool in the browser, or `runJobSync`). Results depend on the seed
 * only: the CRLB job uses `seed`, the network job `seed + NETWORK_SEED_OFFSET`.
 */
import { checkMemory } from './memoryBudget.ts';
import type { JobRunner } from '../parallel/job.ts';
import type { MonteCarloJob, ProgressFn } from '../parallel/job.ts';
import { crlbScaleM2, zeta2M2, targetsPerBs } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { checkInteger } from '../math/argumentError.ts';
import { kappaSLemma1, kappaSNegBinomial, kappaSPalm, nBar } from '../sensing/acceptance.ts';
import { crlbAcceptanceEq16Normalized, crlbAcceptanceThinnedNormalized, nonLocalizableIndependent } from '../sensing/crlbAcceptance.ts';
import { sensingNetworkJob, summarizeSensingNetwork, type ConditionalMean, type SensingNetworkPoint } from '../sensing/networkSummary.ts';
import { sensingNetworkSide } from '../sensing/network.ts';
import { crlbEq13Normalized, crlbProp1Normalized, crlbTheorem1CorrectedNormalized, crlbTheorem1PrintedNormalized } from '../sensing/closedForms.ts';
import { column, crlbNestedJob } from '../sensing/crlbMonteCarlo.ts';
import { summarizeCrlbSamples, type CrlbMcSummary } from '../sensing/crlbSummary.ts';

/** The network simulation of a report runs with seed + NETWORK_SEED_OFFSET (the CRLB job with seed). */
export const NETWORK_SEED_OFFSET = 1_000_003;

export interface SensingRunOptions {
  /** Cluster sizes (any order; reported ascending, duplicates removed). */
  Ns: number[];
  /** Random geometries for the κ = 1 CRLB Monte Carlo. */
  trials: number;
  seed: number;
  /** Torus windows of the network-level acceptance simulation (0 skips it). */
  windows: number;
  /** Targets per window whose CRLB with acceptance is recorded. */
  samplesPerWindow: number;
}


export interface CrlbBlock {
  mc: CrlbMcSummary;
  prop1: number | null;
  eq13: number | null;
  thm1: number | null;
  /** Theorem 1 with the constant corrected (2 instead of 1), see docs/errata.md. */
  thm1Corrected: number | null;
}

export interface CrlbAcceptBlock {
  /** Eq. (16) with Lemma 1's κ_s, both as printed. */
  eq16: number | null;
  /** Eq. (16) with the simulated κ_s. */
  eq16McKappa: number | null;
  /** Prop. 1 thinned by the corrected κ_s: 2/(κ² (Σ E[d_k]^{−β})²). */
  thinnedProp1: number | null;
  /**
   * The fraction of targets every CRLB_a above leaves out: they cannot be localized (≤ 1 accepted
   * BS, or a singular FIM). `mc` from the network simulation (≤ 1 BS, all targets; `singular`: sampled
   * targets with ≥ 2 BSs and collinear bearings), `independentModel` = P(Binomial(N, κ_s) ≤ 1) with
   * the corrected κ_s; `minority` when the simulated fraction reaches ½ (the median CRLB_a is then ∞
   * and Eq. (16) describes a minority of targets, docs/errata.md S7).
   */
  nonLocalizable: {
    mc: number | null;
    mcCi95: [number, number] | null;
    singular: number | null;
    independentModel: number;
    minority: boolean;
  };
  mc: {
    mean: null;
    median: number | null;
    ci95: null;
    medianCi95: [number, number] | null;
    conditionalMean4: ConditionalMean;
    nonLocalizableFraction: number | null;
    trials: number;
    warning: string;
  } | null;
}

export interface SensingPoint {
  N: number;
  crlb: CrlbBlock;
  crlbNormalized: CrlbBlock;
  kappaS: {
    lemma1: number;
    /** Per-request acceptance, negative-binomial load (corrected). */
    negBinomial: number;
    /** Per-request acceptance, Poisson load of mean μ_s N (size-biased). */
    palmPoisson: number;
    mc: number | null;
    mcCi95: [number, number] | null;
    mcBsAverage: number | null;
    loadDispersion: number | null;
  };
  crlbAccept: CrlbAcceptBlock;
  crlbAcceptNormalized: CrlbAcceptBlock;
}

export interface SensingReport {
  params: Record<string, unknown>;
  points: SensingPoint[];
}

function scaleOrNull(v: number | null, s: number): number | null {
  return v === null ? null : v * s;
}

function scaleSummary(m: CrlbMcSummary, s: number): CrlbMcSummary {
  return {
    mean: scaleOrNull(m.mean, s),
    ci95: m.ci95 ? [m.ci95[0] * s, m.ci95[1] * s] : null,
    median: scaleOrNull(m.median, s),
    medianCi95: m.medianCi95 ? [m.medianCi95[0] * s, m.medianCi95[1] * s] : null,
    trials: m.trials,
    ...(m.tailIndex ? { tailIndex: m.tailIndex } : {}),
    ...(m.ci95Reliable !== undefined ? { ci95Reliable: m.ci95Reliable } : {}),
    ...(m.warning ? { warning: m.warning } : {}),
  };
}

function acceptBlock(N: number, beta: number, kappaL1: number, kappaNb: number, net: SensingNetworkPoint | null, s: number): CrlbAcceptBlock {
  const mc = net
    ? {
        mean: null,
        median: scaleOrNull(net.crlb.median, s),
        ci95: null,
        medianCi95: net.crlb.medianCi95 ? ([net.crlb.medianCi95[0] * s, net.crlb.medianCi95[1] * s] as [number, number]) : null,
        conditionalMean4: {
          ...net.crlb.conditionalMean4,
          mean: scaleOrNull(net.crlb.conditionalMean4.mean, s),
          ci95: net.crlb.conditionalMean4.ci95 ? ([net.crlb.conditionalMean4.ci95[0] * s, net.crlb.conditionalMean4.ci95[1] * s] as [number, number]) : null,
        },
        nonLocalizableFraction: net.nonLocalizableFraction,
        trials: net.crlb.trials,
        warning: net.localizableMinority && N > 1
          ? `${net.crlb.warning}; ${((net.nonLocalizableFraction ?? 0) * 100).toFixed(1)}% of targets cannot be localized (≤ 1 accepted BS), so the median is ∞ (null) and Eq. (16) describes a minority of targets`
          : net.crlb.warning,
      }
    : null;
  return {
    eq16: scaleOrNull(crlbAcceptanceEq16Normalized(N, kappaL1, beta), s),
    eq16McKappa: net && net.kappa.mc !== null ? scaleOrNull(crlbAcceptanceEq16Normalized(N, net.kappa.mc, beta), s) : null,
    thinnedProp1: scaleOrNull(crlbAcceptanceThinnedNormalized(N, kappaNb, beta), s),
    nonLocalizable: {
      mc: net ? net.nonLocalizableFraction : null,
      mcCi95: net ? net.nonLocalizableCi95 : null,
      singular: net ? net.singularFraction : null,
      independentModel: nonLocalizableIndependent(N, kappaNb),
      minority: net ? net.localizableMinority : false,
    },
    mc,
  };
}

function checkRun(o: SensingRunOptions): number[] {
  const Ns = [...new Set(o.Ns)].sort((a, b) => a - b);
  o.Ns.forEach((N, i) => checkInteger(`Ns[${i}]`, N, 1, 100000));
  checkInteger('trials', o.trials, 1);
  checkInteger('seed', o.seed, 0, Number.MAX_SAFE_INTEGER);
  checkInteger('windows', o.windows, 0);
  return Ns;
}

/**
 * Compute the report. `onProgress(fraction)` reports overall progress (the CRLB job counts for 70%,
 * the network simulation for 30%).
 *
 * Formula: for each N, E[CRLB] of Eq. (6) of arXiv:2403.20228 by Monte Carlo beside Prop. 1 (Eq. (12)),
 * Eq. (13) and Theorem 1 (Eq. (14)); κ_s by Lemma 1 (Eq. (15)) and its corrected forms beside the network
 * simulation; the CRLB with acceptance by Eq. (16) beside the simulated median. In m² and normalized.
 * Method: one nested CRLB job (seed) and one network job (seed + NETWORK_SEED_OFFSET) through `run`;
 * closed forms from src/sensing; moment-aware summaries.
 * Accuracy: as its parts (see `crlbNestedJob`, `summarizeSensingNetwork`, the closed forms); the JSON
 * of `isacnet sensing` is this object, byte-identical for any thread count (test/cli/sensing.test.ts).
 * References: arXiv:2403.20228, Section III and Figs. 2–3; docs/sensing.md.
 *
 * @example
 * import { computeSensingReport, defaultParams, inlineRunner } from 'isacnet';
 * const r = await computeSensingReport(defaultParams(), { Ns: [10], trials: 20000, seed: 7, windows: 0, samplesPerWindow: 256 }, inlineRunner);
 * r.points[0].crlb.prop1; // => 557542.336
 * // Monte Carlo, 20 000 geometries, seed 7 (m²)
 * [r.points[0].crlb.mc.mean, r.points[0].crlb.mc.median]; // => [837978.4, 470337.9]
 */
export async function computeSensingReport(p: Params, o: SensingRunOptions, run: JobRunner, onProgress?: (fraction: number) => void): Promise<SensingReport> {
  const Ns = checkRun(o);
  const muS = targetsPerBs(p);
  const scale = crlbScaleM2(p);
  // The CRLB samples (trials × |N| doubles) and one network window's neighbour tables (targets ×
  // N_max × (4 + 8 + 4 + 1) bytes: indices, squared distances, grouped ids, acceptance flags).
  checkMemory('trials', o.trials, o.trials * Ns.length * 8, `the CRLB samples (trials × ${Ns.length} values of N × 8 bytes)`);
  const netEnabled = o.windows > 0 && muS > 0;
  const nMax = Ns[Ns.length - 1];
  const side = netEnabled ? sensingNetworkSide(nMax) : null;
  if (side !== null) {
    const targets = muS * side * side;
    checkMemory(muS > 1e3 ? (p.lambdaB < 1 ? 'lambdaB' : 'lambdaS') : 'N', muS > 1e3 ? (p.lambdaB < 1 ? p.lambdaB : p.lambdaS) : nMax, targets * nMax * 17, `one network window (λ_s/λ_b = ${muS.toPrecision(3)} targets per BS, ${targets.toPrecision(3)} targets × N_max = ${nMax} requests × 17 bytes; a smaller λ_s/λ_b fits, {@windows} = 0 skips it)`);
  }
  const crlbJob = crlbNestedJob(Ns, p.beta, o.trials, o.seed);
  const wCrlb = netEnabled ? 0.7 : 1;
  const samples = await run(crlbJob, (d, t) => onProgress?.((wCrlb * d) / t));
  let net: SensingNetworkPoint[] | null = null;
  if (side !== null) {
    const job = sensingNetworkJob({ muS, Ns, psis: [p.psi], beta: p.beta, windows: o.windows, seed: o.seed + NETWORK_SEED_OFFSET, samplesPerWindow: o.samplesPerWindow, side });
    const out = await run(job, (d, t) => onProgress?.(wCrlb + ((1 - wCrlb) * d) / t));
    net = summarizeSensingNetwork(out, job, 1);
  }
  const points: SensingPoint[] = Ns.map((N, i) => {
    const mcNorm = summarizeCrlbSamples(column(samples, Ns.length, i), N, 1);
    const normalized: CrlbBlock = {
      mc: mcNorm,
      prop1: crlbProp1Normalized(N, p.beta),
      eq13: crlbEq13Normalized(N, p.beta),
      thm1: crlbTheorem1PrintedNormalized(N, p.beta),
      thm1Corrected: crlbTheorem1CorrectedNormalized(N, p.beta),
    };
    const scaled: CrlbBlock = {
      mc: scaleSummary(mcNorm, scale),
      prop1: scaleOrNull(normalized.prop1, scale),
      eq13: scaleOrNull(normalized.eq13, scale),
      thm1: scaleOrNull(normalized.thm1, scale),
      thm1Corrected: scaleOrNull(normalized.thm1Corrected, scale),
    };
    const np = net ? net[i] : null;
    const kL1 = kappaSLemma1(p.psi, muS, N);
    const kNb = kappaSNegBinomial(p.psi, muS, N);
    return {
      N,
      crlb: scaled,
      crlbNormalized: normalized,
      kappaS: {
        lemma1: kL1,
        negBinomial: kNb,
        palmPoisson: kappaSPalm(p.psi, muS, N),
        mc: np ? np.kappa.mc : null,
        mcCi95: np ? np.kappa.ci95 : null,
        mcBsAverage: np ? np.kappa.bsAverage : null,
        loadDispersion: np ? np.kappa.loadDispersion : null,
      },
      crlbAccept: acceptBlock(N, p.beta, kL1, kNb, np, scale),
      crlbAcceptNormalized: acceptBlock(N, p.beta, kL1, kNb, np, 1),
    };
  });
  onProgress?.(1);
  return {
    params: {
      ...p,
      zeta2M2: zeta2M2(p),
      muS,
      crlbScaleM2: scale,
      units: { crlb: 'm²', crlbNormalized: 'CRLB·|ζ|²·(πλ_b)^β (dimensionless)', lambda: '/km²' },
      N: Ns,
      trials: o.trials,
      seed: o.seed,
      network: netEnabled ? { windows: o.windows, samplesPerWindow: o.samplesPerWindow, torusSide: side, torusSideUnit: 'λ_b^{-1/2}', seed: o.seed + NETWORK_SEED_OFFSET, nBar: Ns.map(nBar) } : null,
    },
    points,
  };
}
