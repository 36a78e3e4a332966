/**
 * The weighted ISAC objective and a fast algorithm for the optimal cluster sizes.
 *
 * Objective (scale-free scalarization): maximize
 *   J(L, N, p^c) = w·R_c(L, p^c) − (1 − w)·ln CRLB_a(N, 1 − p^c),   w ∈ [0, 1],
 * subject to Eq. (10) R_c + e·N ≤ C_backhaul (arXiv:2403.20228, Sections II-D and V). The logarithm
 * makes the trade-off independent of the CRLB's unit (m² or normalized: a constant shift) and
 * turns CRLB_a(N, p^s) = CRLB_a(N, 1)/p^s into a sum, so J separates:
 *
 *   J = −(1 − w)·ln CRLB_a(N, 1)  +  h_L(p^c),   h_L(p) = w·R_c(L, p) + (1 − w)·ln(1 − p),
 *
 * coupled only by the backhaul room B_N = C − e·N ≥ R_c(L, p^c). Every optimum of J (0 < w < 1)
 * is a Pareto point of the region (J increases in R_c and decreases in CRLB_a).
 *
 * Algorithm (exact on the integers):
 * 1. Sensing: only the records N (see `SensingTable`) can be optimal: a non-record is beaten by a
 *    smaller N with a lower CRLB and a larger room.
 * 2. Communication: R_c(L, ·) is concave (E[ln(1 + p X_L)]), so h_L is strictly concave with one
 *    maximizer p°_L on [0, 1] (Brent's 1-D search, lazily, at most once per L). With the room
 *    B = C − e·N, the constrained maximum of h_L is h_L(p°_L) if R_c(L, p°_L) ≤ B and otherwise
 *    h_L at its root R_c(L, ·)^{-1}(B) (concavity: the constraint binds at its end), whose value
 *    w·B + (1 − w)·ln(1 − root) is largest for the least root, P(B) of the envelope. Hence
 *      V(B) = max( w·B + (1 − w)·ln(1 − P(B)),  max{ h_L(p°_L) : R_c(L, p°_L) ≤ B } ).
 * 3. Branch and bound over L for the second term: the rate table gives, without new evaluations,
 *    an upper bound ub_L ≥ max h_L (certified band) and a lower bound on R_c(L, p°_L) (a slope
 *    test); L are visited by decreasing ub_L, skipped when their optimum provably exceeds B, and
 *    the scan stops once ub_L cannot beat the best value.
 * Complexity: exhaustive search solves one 1-D problem per (L, N): O(L_max · N̄ · I) rate
 * evaluations (I ≈ 30–60 per 1-D solve). The fast algorithm costs the envelope table
 * (L_max·(K+1) evaluations, shared with the Pareto computation), one envelope inverse per record
 * (≈ 8 evaluations each, shared with the Pareto breakpoints) and at most one 1-D solve per L that
 * survives the bounds (typically 1–3 in all, since one L* dominates at every p^c): for the paper's
 * setting (L_max = 30, 11–15 records) a few hundred evaluations instead of ~20 000.
 * `test/optimize/weighted.test.ts` checks it against `exhaustiveWeighted` (every (L, N) pair).
 */
import { rateRoom } from './model.ts';
import type { Frontier, OperatingPoint } from './frontier.ts';
import { maximizeUnimodal } from '../math/brent.ts';
import { goldenSectionMaximize } from '../math/goldenSection.ts';
import { ArgumentError } from '../math/argumentError.ts';

export interface WeightedResult extends OperatingPoint {
  /** The weight w of the rate. */
  w: number;
  /** J at the optimum (CRLB in m²). */
  objective: number;
  stats: { oneDimSolves: number; rootFinds: number; recordsVisited: number };
}

interface SolvedL {
  pc: number;
  value: number;
  rate: number;
}

/** h_L(p) = w·R_c(L, p) + (1 − w)·ln(1 − p) (no 0·∞ at w = 1). */
function hFunction(frontier: Frontier, w: number, L: number): (p: number) => number {
  const env = frontier.envelope;
  return (p: number): number => w * env.rate(L, p) + (w < 1 ? (1 - w) * Math.log(1 - p) : 0);
}

/**
 * ub_L ≥ max_p h_L(p) from the envelope's certified upper band (no model evaluation): on each grid
 * cell, w·upper(L, p) + (1 − w)·ln(1 − p) is concave (a minimum of lines plus a concave term) and is
 * maximized by golden-section search; the band is an upper bound, so is the result (a final
 * relative margin of 1e-9 covers the search tolerance).
 */
function upperBoundH(frontier: Frontier, w: number, L: number): number {
  const env = frontier.envelope;
  const K = env.grid.length - 1;
  const u = (p: number): number => w * env.upperBound(L, p) + (w < 1 ? (1 - w) * Math.log(1 - p) : 0);
  let best = -Infinity;
  for (let k = 0; k < K; k++) {
    // The band never exceeds R(p_{k+1}) (plus its slack), so each cell's value is ≤ this simple
    // bound: skip cells that cannot beat the best so far.
    const coarse = w * env.table[L - 1][k + 1] * (1 + 1e-6) + (w < 1 ? (1 - w) * Math.log(1 - env.grid[k]) : 0);
    if (coarse <= best) continue;
    const a = env.grid[k];
    const b = k + 1 === K ? env.grid[k + 1] - 1e-12 : env.grid[k + 1];
    if (!env.concave) {
      best = Math.max(best, coarse);
      continue;
    }
    const g = goldenSectionMaximize(u, a, b, { maxIter: 60, xTol: 1e-13 });
    const v = Math.max(g.value, u(env.grid[k]), u(g.hi));
    best = Math.max(best, v + 1e-9 * Math.abs(v));
  }
  return best;
}

/**
 * A certified lower bound on R_c(L, p°_L), the rate at h_L's unconstrained maximizer, from the table
 * (concave models): for p ≤ p_k, R'(p) ≥ R'(p_k) ≥ s_k (the chord slope of cell k), so
 * h'(p) ≥ w·s_k − (1 − w)/(1 − p_k); if that is positive, p°_L > p_k and R(p°_L) > R(p_k).
 * Used to skip L whose unconstrained optimum cannot fit the backhaul room without solving it.
 */
function optimumRateLowerBound(frontier: Frontier, w: number, L: number): number {
  const env = frontier.envelope;
  if (!env.concave) return 0;
  const t = env.table[L - 1];
  const K = env.grid.length - 1;
  let bound = 0;
  for (let k = 0; k < K; k++) {
    const s = ((t[k + 1] - t[k]) / (env.grid[k + 1] - env.grid[k])) * (1 - 1e-6);
    if (w * s - (1 - w) / (1 - env.grid[k]) > 0) bound = t[k] * (1 - 1e-6);
    else break;
  }
  return bound;
}

/**
 * The fast algorithm (see the module comment). Throws if no localizing cluster fits.
 *
 * Formula: maximize J = w·R_c(L, p^c) − (1 − w)·ln CRLB_a(N, 1 − p^c) subject to Eq. (10) of
 * arXiv:2403.20228 (the weighted objective is the toolkit's scalarization, not in the paper).
 * Method: records only; per record the binding candidate w·B + (1 − w)ln(1 − P(B)) and a branch and
 * bound over L on certified bounds of max h_L (Brent's maximizer at most once per L).
 * Accuracy: equals exhaustive search (`exhaustiveWeighted`) for C ∈ {2.5, 4, 6}, w ∈ {0, 0.1, …, 1}
 * (objective to 1e-8, same N and L) with < 1/10 of its evaluations (test/optimize/weighted.test.ts); a
 * scipy brute force of the example gives the same optimum (scripts/doc-example-references.py).
 * References: docs/optimization.md (the weighted ISAC objective).
 *
 * @example
 * import { optimizeWeighted, Frontier, RateEnvelope, SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const w = optimizeWeighted(new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, problem), problem), 0.5);
 * [w.L, w.N, w.rate]; // => [2, 5, 1.5]
 * w.pc; // => 0.249034296
 * w.objective; // => 1.29994953
 */
export function optimizeWeighted(frontier: Frontier, w: number): WeightedResult {
  if (!(w >= 0 && w <= 1)) throw new ArgumentError('w', w, 'in [0, 1]');
  if (w === 1) return rateOnly(frontier);
  const env = frontier.envelope;
  const Ls = Array.from({ length: frontier.problem.maxL }, (_, i) => i + 1);
  const ub = new Map<number, number>();
  for (const L of Ls) ub.set(L, upperBoundH(frontier, w, L));
  const order = [...Ls].sort((a, b) => (ub.get(b) as number) - (ub.get(a) as number) || a - b);
  const solved = new Map<number, SolvedL>();
  const stats = { oneDimSolves: 0, rootFinds: 0, recordsVisited: 0 };
  const solve = (L: number): SolvedL => {
    const hit = solved.get(L);
    if (hit) return hit;
    const h = hFunction(frontier, w, L);
    const m = maximizeUnimodal(h, 0, 1, { xTol: 1e-11 });
    stats.oneDimSolves++;
    const s = { pc: m.x, value: m.value, rate: env.rate(L, m.x) };
    solved.set(L, s);
    return s;
  };

  let best: { J: number; N: number; crlbFull: number; L: number; pc: number; rate: number } | null = null;
  for (const rec of frontier.sensing.records) {
    const room = rateRoom(frontier.problem, rec.N);
    if (room < 0) continue;
    stats.recordsVisited++;
    const sensTerm = w < 1 ? -(1 - w) * Math.log(rec.crlbFull) : 0;
    // The binding candidate: rate = room with the least power, over all L (the envelope inverse,
    // memoized and shared with the Pareto breakpoints). It dominates every L whose unconstrained
    // optimum exceeds the room (their constrained optimum is their own, larger, root).
    let bestV = -Infinity;
    let bestL = 1;
    let bestPc = 0;
    let bestRate = 0;
    if (room < env.maxRate) {
      const inv = env.inverse(room) as { pc: number; L: number };
      stats.rootFinds++;
      bestV = w * room + (1 - w) * Math.log(1 - inv.pc);
      bestL = inv.L;
      bestPc = inv.pc;
      bestRate = room;
    }
    // Unconstrained optima that fit the room, by decreasing upper bound.
    for (const L of order) {
      if ((ub.get(L) as number) <= bestV) break;
      if (optimumRateLowerBound(frontier, w, L) > room) continue;
      const s = solve(L);
      if (s.rate <= room && s.value > bestV) {
        bestV = s.value;
        bestL = L;
        bestPc = s.pc;
        bestRate = s.rate;
      }
    }
    const J = sensTerm + bestV;
    // Ties (e.g. w = 1, where the CRLB does not count) go to the lower CRLB, i.e. the later record.
    if (!best || J >= best.J) best = { J, N: rec.N, crlbFull: rec.crlbFull, L: bestL, pc: bestPc, rate: bestRate };
  }
  if (!best) throw new ArgumentError('backhaul', frontier.problem.backhaul, 'large enough for a localizing sensing cluster (Eq. 10)');
  const crlb = best.pc < 1 ? best.crlbFull / (1 - best.pc) : Infinity;
  return {
    w,
    rate: best.rate,
    crlbA: Number.isFinite(crlb) ? crlb : null,
    L: best.pc > 0 ? best.L : null,
    N: best.N,
    pc: best.pc,
    backhaulUse: best.rate + frontier.problem.e * best.N,
    objective: best.J,
    stats,
  };
}

/**
 * w = 1: J = R_c ignores the CRLB, so every L and N reaching the largest rate tie; the lexicographic
 * optimum (largest rate, then least CRLB) is the top of the Pareto boundary.
 */
function rateOnly(frontier: Frontier): WeightedResult {
  const top = frontier.maxRate();
  if (!(top.rate >= 0)) throw new ArgumentError('backhaul', frontier.problem.backhaul, 'large enough for a localizing sensing cluster (Eq. 10)');
  const p = frontier.minCrlbAtRate(top.rate) as OperatingPoint;
  return { ...p, w: 1, objective: p.rate, stats: { oneDimSolves: 0, rootFinds: 0, recordsVisited: 0 } };
}

/**
 * J for a given point (for checks): w·R − (1 − w)·ln CRLB (−∞ … handled as the formula gives).
 *
 * Formula: J = w·R_c − (1 − w)·ln CRLB_a (the toolkit's weighted objective, not in the paper;
 * docs/optimization.md).
 * Method: direct evaluation (no CRLB term at w = 1).
 * Accuracy: exact up to rounding.
 * References: docs/optimization.md (the weighted ISAC objective).
 *
 * @example
 * import { weightedObjective } from 'isacnet';
 * weightedObjective(0.5, 2, Math.E ** 2); // => 0 (±1e-15)
 * weightedObjective(1, 3, 1e6); // => 3
 */
export function weightedObjective(w: number, rate: number, crlbA: number): number {
  return w * rate - (w < 1 ? (1 - w) * Math.log(crlbA) : 0);
}
