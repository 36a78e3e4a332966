/**
 * One call for the whole backhaul-limited S&C trade-off (arXiv:2403.20228, Sections II-D and V):
 * the Pareto boundary of the cooperative scheme, the two corners, the time-sharing line, the
 * non-cooperative curve, whether the cooperative region contains the time-sharing line, and
 * optionally the weighted optimum. The rate envelope (independent of C_backhaul and e) can be shared
 * between calls for several backhaul capacities.
 */
import { checkProblem, type BackhaulProblem, type CrlbModel, type ClusterRateModel } from './model.ts';
import { RateEnvelope } from './rateEnvelope.ts';
import { SensingTable } from './sensingTable.ts';
import { Frontier, type OperatingPoint, type ParetoOptions } from './frontier.ts';
import { assertFeasible, containment, corners, nonCooperative, timeSharing, type Containment, type Corners, type TimeSharingPoint } from './baselines.ts';
import { optimizeWeighted, type WeightedResult } from './weighted.ts';

export interface TradeoffOptions extends ParetoOptions {
  /** Weight w of the rate in the weighted objective; omitted: no weighted optimum. */
  weight?: number;
  /** τ samples of the containment check. */
  containmentSamples?: number;
}

export interface TradeoffResult {
  pareto: OperatingPoint[];
  /** Drawable region boundary: Pareto points plus the tops of the backhaul jumps. */
  boundary: Array<OperatingPoint & { pareto: boolean }>;
  timeSharing: TimeSharingPoint[];
  corners: Corners;
  nonCooperative: OperatingPoint[];
  containment: Containment;
  weighted?: WeightedResult;
  warnings: string[];
  /** The sensing records (candidate N) and the CRLB levels swept. */
  records: Array<{ N: number; crlbFull: number }>;
  crlbLevels: number[];
}

/**
 * Memoize a CRLB model (the table is shared between backhaul settings).
 *
 * Formula: not in the paper (caching CRLB_a(N, 1) of Eq. (16) or its simulation).
 * Method: a Map by N.
 * Accuracy: exact (same values).
 * References: docs/optimization.md.
 *
 * @example
 * import { memoCrlb } from 'isacnet';
 * let calls = 0;
 * const m = memoCrlb({ name: 'count', crlbFullPower: (N: number) => { calls++; return 1 / N; } });
 * m.crlbFullPower(3) + m.crlbFullPower(3); // => 0.666666667
 * calls; // => 1
 */
export function memoCrlb(model: CrlbModel): CrlbModel {
  const cache = new Map<number, number>();
  return {
    name: model.name,
    crlbFullPower(N: number): number {
      let v = cache.get(N);
      if (v === undefined) {
        v = model.crlbFullPower(N);
        cache.set(N, v);
      }
      return v;
    },
  };
}

/**
 * Build the rate envelope for a problem (the expensive, C-independent part).
 *
 * Formula: G(p^c) = max_{1 ≤ L ≤ maxL} R_c(L, p^c) and P(R) = min_L R_c(L, ·)^{−1}(R) (not in the paper;
 * L enters Eq. (10) of arXiv:2403.20228 and the CRLB only through R_c, so G and P suffice).
 * Method: `new RateEnvelope(rate, maxL, gridCells)`: R_c(L, ·) tabulated on p_k = (k/K)² for every L,
 * certified bands per cell, exact evaluations where the bands cannot decide.
 * Accuracy: exact on the integer L; P(R) to 1e-12 in p^c (Brent); checked against brute force
 * (test/optimize/envelope.test.ts).
 * References: docs/optimization.md (the rate envelope).
 *
 * @example
 * import { buildEnvelope } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const env = buildEnvelope(rate, 3);
 * // G(1) = 1.2 ln 11, attained by L = 2 (closed forms of the synthetic example in scripts/doc-example-references.py)
 * env.maxRate; // => 2.87747433
 */
export function buildEnvelope(rate: ClusterRateModel, maxL: number, gridCells = 16): RateEnvelope {
  return new RateEnvelope(rate, maxL, gridCells);
}

/**
 * The whole trade-off for one backhaul setting on a prebuilt rate envelope: Pareto boundary, corners,
 * time-sharing line, non-cooperative curve, containment check and (with `weight`) the weighted optimum.
 *
 * Formula: maximize R_c(L, p^c), minimize CRLB_a(N, 1)/(1 − p^c) subject to Eq. (10) of
 * arXiv:2403.20228, R_c + e·N ≤ C_backhaul (Sections II-D and V).
 * Method: the sensing records (`SensingTable`), the ε-constraint sweep plus exact backhaul
 * breakpoints (`Frontier`), the baselines of src/optimize/baselines.ts, the weighted branch and bound
 * (src/optimize/weighted.ts); warnings when an optimum sits at the top of a search range.
 * Accuracy: exact on the integers, 1e-12 in p^c; every point feasible, consistent and non-dominated,
 * R*(c) equal to exhaustive search over every (L, N) (test/optimize/frontier.test.ts,
 * test/optimize/weighted.test.ts, test/optimize/realModels.test.ts).
 * References: arXiv:2403.20228, Eq. (10) and Fig. 5; docs/optimization.md; docs/errata.md O1–O3.
 *
 * @example
 * import { buildEnvelope, solveTradeoff } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const r = solveTradeoff(buildEnvelope(rate, 3), crlb, problem, { weight: 0.5 });
 * // corners (closed forms of the synthetic example in scripts/doc-example-references.py): G(1) = 1.2 ln 11 fits the backhaul; N ≤ C/e = 8
 * [r.corners.comm.rate, r.corners.comm.L, r.corners.sens.N, r.corners.sens.crlbA]; // => [2.87747433, 2, 8, 0.142857143]
 * r.pareto.length; // => 68
 * // weighted optimum: N = 5 with the backhaul binding (R = C − 5e = 1.5)
 * [r.weighted?.N, r.weighted?.rate, r.weighted?.pc]; // => [5, 1.5, 0.249034296]
 */
export function solveTradeoff(envelope: RateEnvelope, crlb: CrlbModel, problem: BackhaulProblem, opts: TradeoffOptions = {}): TradeoffResult {
  checkProblem(problem);
  const sensing = new SensingTable(crlb, problem);
  const frontier = new Frontier(envelope, sensing, problem);
  assertFeasible(frontier);
  const levels = frontier.crlbLevels(opts);
  const pareto = frontier.pareto(opts);
  const c = corners(frontier);
  const out: TradeoffResult = {
    pareto,
    boundary: frontier.boundary(pareto),
    timeSharing: timeSharing(c, levels),
    corners: c,
    nonCooperative: nonCooperative(frontier),
    containment: containment(frontier, c, opts.containmentSamples ?? 100, pareto),
    warnings: [],
    records: sensing.records.map((r) => ({ N: r.N, crlbFull: r.crlbFull })),
    crlbLevels: levels,
  };
  if (opts.weight !== undefined) out.weighted = optimizeWeighted(frontier, opts.weight);
  const usedL = [...pareto.map((p) => p.L), c.comm.L, out.weighted?.L ?? null];
  if (usedL.includes(problem.maxL)) {
    out.warnings.push(`an optimal point uses L = ${problem.maxL}, the top of the search range: raise --max-L to make sure a larger L is not better`);
  }
  if (problem.e === 0 && [...pareto.map((p) => p.N), c.sens.N].includes(problem.maxN)) {
    out.warnings.push(`with e = 0 the backhaul does not bound N; an optimal point uses N = ${problem.maxN}, the top of the search range (--max-N)`);
  }
  if (opts.weight !== undefined && !envelope.concave) {
    out.warnings.push(`the rate model "${envelope.model.name}" is not declared concave in p^c: the weighted optimum's 1-D searches assume unimodality and may return a local optimum`);
  }
  return out;
}
