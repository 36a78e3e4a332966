/**
 * The backhaul-limited S&C trade-off of one scenario, as `isacnet optimize` reports it: the Pareto
 * boundary of the achievable rate–CRLB region under Eq. (10) of arXiv:2403.20228
 * (R_c + e·N ≤ C_backhaul), the two corners, the time-sharing line between them, the
 * non-cooperative baseline and, optionally, the weighted optimum. Orchestration only: the rate and
 * CRLB models come from src/optimize/models.ts, the solver from src/optimize/tradeoff.ts; with the
 * `mc` CRLB model the network simulation runs through the given `JobRunner` factory.
 */
import type { JobRunner } from '../parallel/job.ts';
import { targetsPerBs, zeta2M2 } from '../params/derived.ts';
import { kappaSNegBinomial } from '../sensing/acceptance.ts';
import { nonLocalizableIndependent } from '../sensing/crlbAcceptance.ts';
import type { Params } from '../params/schema.ts';
import { checkProblem, type BackhaulProblem, type CrlbModel } from '../optimize/model.ts';
import { buildEnvelope, memoCrlb, solveTradeoff, type TradeoffResult } from '../optimize/tradeoff.ts';
import type { RateEnvelope } from '../optimize/rateEnvelope.ts';
import type { OperatingPoint } from '../optimize/frontier.ts';
import { eq16CrlbModel, fullSensingPowerParams, mcCrlbModel, rateModel, type CrlbModelName, type RateModelName } from '../optimize/models.ts';

/** A runner and its release (a worker pool and its `close`). */
export interface RunnerLease {
  run: JobRunner;
  close(): Promise<void>;
}

export interface OptimizeSettings {
  rateModel: RateModelName;
  crlbModel: CrlbModelName;
  maxL: number;
  maxN: number;
  levels: number;
  decades: number;
  weight?: number;
  /** Network-simulation windows and seed of the `mc` CRLB model. */
  windows: number;
  seed: number;
  threads: number;
}

export interface OptimizeOutput {
  params: Record<string, unknown>;
  /**
   * The Pareto boundary; each point also carries the fraction of targets its CRLB_a leaves out
   * (cannot be localized: ≤ 1 accepted BS or a singular FIM; simulated with the `mc` CRLB model,
   * the independent-acceptance model P(Binomial(N, κ_s) ≤ 1) with the corrected κ_s otherwise) and
   * `localizableMinority` when that fraction is ≥ ½: the CRLB_a of such a point describes a minority of
   * the targets (docs/errata.md S7).
   */
  pareto: Array<Pick<OperatingPoint, 'rate' | 'crlbA' | 'L' | 'N' | 'pc' | 'backhaulUse'> & { nonLocalizableFraction: number | null; localizableMinority: boolean }>;
  timeSharing: TradeoffResult['timeSharing'];
  corners: TradeoffResult['corners'];
  weighted?: TradeoffResult['weighted'];
  nonCooperative: OperatingPoint[];
  containment: TradeoffResult['containment'];
  warnings: string[];
  timing: { seconds: number; rateEvaluations: number };
}

/**
 * Run the optimization for one scenario. `openRunner` is called only when the `mc` CRLB model needs
 * a network simulation (e.g. `(threads) => createWorkerPool(threads)` in Node); its lease is closed
 * before the function returns. `envelopes` (optional) shares rate envelopes between calls.
 */
export async function runOptimize(p: Params, s: OptimizeSettings, openRunner: (threads: number) => RunnerLease, envelopes?: Map<string, RateEnvelope>): Promise<OptimizeOutput> {
  const t0 = performance.now();
  const problem: BackhaulProblem = { backhaul: p.backhaul, e: p.e, maxL: s.maxL, maxN: s.maxN };
  checkProblem(problem);
  let crlb: CrlbModel;
  let simulatedNonLoc: Map<number, number | null> | null = null;
  if (s.crlbModel === 'eq16') {
    crlb = memoCrlb(eq16CrlbModel(p));
  } else {
    const nBar = p.e > 0 ? Math.min(s.maxN, Math.floor(p.backhaul / p.e + 1e-12)) : s.maxN;
    if (nBar < 2) {
      // Let the optimizer raise its "no localizing cluster fits" error without simulating.
      crlb = memoCrlb(eq16CrlbModel(p));
    } else {
      const lease = openRunner(s.threads);
      try {
        const table = await mcCrlbModel(p, { maxN: Math.min(nBar, 200), windows: s.windows, seed: s.seed, run: (job) => lease.run(job) });
        simulatedNonLoc = new Map(table.rows.map((r) => [r.N, r.nonLocalizableFraction]));
        crlb = table;
      } finally {
        await lease.close();
      }
    }
  }
  // The envelope depends on the rate model's inputs only (not on C_backhaul, e or the CRLB model):
  // callers solving many scenarios (isacnet sweep) may share it; its values are cached evaluations
  // of the same pure function, so sharing changes no number (only timing.rateEvaluations).
  const envKey = JSON.stringify([s.rateModel, s.maxL, p.psi, p.lambdaU, p.lambdaB, p.alpha, p.mt]);
  let env = envelopes?.get(envKey);
  if (!env) {
    env = buildEnvelope(rateModel(s.rateModel, p), s.maxL);
    envelopes?.set(envKey, env);
  }
  const res = solveTradeoff(env, crlb, problem, { levels: s.levels, decades: s.decades, ...(s.weight !== undefined ? { weight: s.weight } : {}) });
  const full = fullSensingPowerParams(p);
  const muS = targetsPerBs(p);
  const nonLocAt = (N: number): number | null =>
    simulatedNonLoc ? (simulatedNonLoc.get(N) ?? null) : muS > 0 ? nonLocalizableIndependent(N, kappaSNegBinomial(p.psi, muS, N)) : N <= 1 ? 1 : 0;
  const pareto = res.pareto.map((q) => {
    const f = nonLocAt(q.N);
    return { rate: q.rate, crlbA: q.crlbA, L: q.L, N: q.N, pc: q.pc, backhaulUse: q.backhaulUse, nonLocalizableFraction: f, localizableMinority: f !== null && f >= 0.5 };
  });
  const minority = pareto.filter((q) => q.localizableMinority);
  const warnings = [...res.warnings];
  if (minority.length > 0) {
    const Ns = [...new Set(minority.map((q) => q.N))].sort((a, b) => a - b);
    warnings.push(
      `${minority.length} of ${pareto.length} Pareto points (N = ${Ns.join(', ')}) have CRLB_a resting on a minority of localizable targets (≥ 50% cannot be localized: ≤ 1 accepted BS); their CRLB_a does not describe a typical target (docs/errata.md S7)`,
    );
  }
  const out: OptimizeOutput = {
    params: {
      ...p,
      zeta2FullSensingPowerM2: zeta2M2(full),
      rateModel: s.rateModel,
      crlbModel: s.crlbModel,
      maxL: s.maxL,
      maxN: s.maxN,
      levels: s.levels,
      decades: s.decades,
      ...(s.crlbModel === 'mc' ? { windows: s.windows, seed: s.seed, crlbStatistic: 'median' } : {}),
      ...(s.weight !== undefined ? { weight: s.weight } : {}),
      units: { rate: 'nats/s/Hz', crlbA: 'm²', backhaul: 'nats/s/Hz' },
    },
    pareto,
    timeSharing: res.timeSharing,
    corners: res.corners,
    ...(res.weighted ? { weighted: res.weighted } : {}),
    nonCooperative: res.nonCooperative,
    containment: res.containment,
    warnings,
    timing: { seconds: Math.round(performance.now() - t0) / 1000, rateEvaluations: env.evaluations },
  };
  return out;
}
