/**
 * One call for the backhaul-limited sensing–communication trade-off of arXiv:2403.20228
 * (Sections II-D and V): build the rate envelope of the communication model and solve the
 * trade-off against the sensing model under Eq. (10). A convenience over `buildEnvelope` and
 * `solveTradeoff` (src/optimize/tradeoff.ts) for a single backhaul setting; to sweep C_backhaul or
 * e, build the envelope once and call `solveTradeoff` for each setting (the envelope does not
 * depend on them).
 */
import { checkProblem, type BackhaulProblem, type CrlbModel, type ClusterRateModel } from './model.ts';
import { buildEnvelope, solveTradeoff, type TradeoffOptions, type TradeoffResult } from './tradeoff.ts';

export interface OptimizeTradeoffOptions extends TradeoffOptions {
  /** Cells of the envelope's grid p_k = (k/K)² in p^c (default 16; it prunes, it never changes an answer). */
  gridCells?: number;
}

/**
 * The whole backhaul-limited trade-off for one scenario: Pareto boundary, corners, time-sharing
 * line, non-cooperative curve, containment check and (with `weight`) the weighted optimum.
 *
 * Formula: maximize R_c(L, p^c) and minimize CRLB_a(N, p^s) = CRLB_a(N, 1)/(1 − p^c) over
 * L ∈ {1 … maxL}, N ∈ {1 … maxN}, p^c ∈ [0, 1] subject to Eq. (10) of arXiv:2403.20228,
 * R_c + e·N ≤ C_backhaul; the weighted optimum maximizes w·R_c − (1 − w)·ln CRLB_a (not in the
 * paper; docs/optimization.md).
 *
 * Method: `solveTradeoff(buildEnvelope(rate, problem.maxL, gridCells), crlb, problem, options)`:
 * the rate envelope G(p^c) = max_L R_c(L, p^c) and its inverse on certified bands, the sensing
 * records, the ε-constraint sweep (`options.levels`, default 60, over `options.decades`, default 3)
 * plus the exact backhaul breakpoints (src/optimize/frontier.ts).
 *
 * Accuracy: exact on the integer cluster sizes (every L ≤ maxL and every record N is considered);
 * p^c to the 1e-12 of Brent's root finder. Tested against exhaustive search over every (L, N) pair
 * (test/optimize/frontier.test.ts, test/optimize/weighted.test.ts, test/optimize/realModels.test.ts);
 * the rate model's own accuracy (≲ 2e-7 relative for the exact rate) carries over.
 *
 * References: K. Meng, C. Masouros, arXiv:2403.20228, Eq. (10) and Fig. 5; docs/optimization.md.
 *
 * @example
 * import { optimizeTradeoff, rateModel, eq16CrlbModel, defaultParams } from 'isacnet';
 * const p = defaultParams();
 * const r = optimizeTradeoff(rateModel('exact', p), eq16CrlbModel(p), { backhaul: 6, e: 0.2, maxL: 30, maxN: 200 });
 * // Same as `npx isacnet optimize --backhaul 6 --e 0.2 --json`.
 * r.pareto.length; // => 88
 * [r.corners.comm.L, r.corners.sens.N]; // => [13, 12]
 * r.corners.comm.rate; // => 5.0718
 * r.corners.sens.crlbA; // => 3.028e5
 * r.containment.contained; // => true
 */
export function optimizeTradeoff(rate: ClusterRateModel, crlb: CrlbModel, problem: BackhaulProblem, options: OptimizeTradeoffOptions = {}): TradeoffResult {
  checkProblem(problem);
  const { gridCells, ...tradeoff } = options;
  return solveTradeoff(buildEnvelope(rate, problem.maxL, gridCells), crlb, problem, tradeoff);
}
