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
 *    maximizer p°_L on [0, 1], found by Brent's 1-D search, lazily. With the room B the constrained
 *    maximum of h_L on {R_c(L, p) ≤ B} is h_L(p°_L) if R_c(L, p°_L) ≤ B, else h_L(R_c(L,·)^{-1}(B))
 *    (concavity: the constraint binds at its end).
 * 3. Branch and bound over L: the rate table of `RateEnvelope` gives, without new evaluations, the
 *    upper bound ub_L = max_k [w·R_c(L, p_{k+1}) + (1 − w)·ln(1 − p_k)] ≥ max h_L. For each record
 *    N, the L are visited by decreasing ub_L and the scan stops once ub_L cannot beat the best.
 *
 * Complexity: exhaustive search solves one 1-D problem per (L, N): O(L_max · N̄ · I) rate
 * evaluations (I ≈ 30–60 per 1-D solve). The fast algorithm costs the envelope table
 * (L_max·(K+1) evaluations, shared with the Pareto computation) plus O(|records| · b · I) with b
 * the number of L not pruned (1–2 in practice, since one L* dominates at all p^c): for the paper's
 * setting about 15 records and a handful of 1-D solves instead of 30 × 40 of them.
 * `test/optimize/weighted.test.ts` checks it against `exhaustiveWeighted` (every (L, N) pair).
 */
import { rateRoom } from './model.ts';
import type { Frontier, OperatingPoint } from './frontier.ts';
import { maximizeUnimodal } from './scalar.ts';

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

/** The fast algorithm (see the module comment). Throws if no localizing cluster fits. */
export function optimizeWeighted(frontier: Frontier, w: number): WeightedResult {
  if (!(w >= 0 && w <= 1)) throw new RangeError(`weight w must be in [0, 1], got ${w}`);
  if (w === 1) return rateOnly(frontier);
  const env = frontier.envelope;
  const K = env.grid.length - 1;
  const Ls = Array.from({ length: frontier.problem.maxL }, (_, i) => i + 1);
  const ub = new Map<number, number>();
  for (const L of Ls) {
    let u = -Infinity;
    for (let k = 0; k < K; k++) {
      const v = w * env.table[L - 1][k + 1] + (w < 1 ? (1 - w) * Math.log(1 - env.grid[k]) : 0);
      if (v > u) u = v;
    }
    ub.set(L, u);
  }
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
    let bestV = -Infinity;
    let bestL = 1;
    let bestPc = 0;
    let bestRate = 0;
    for (const L of order) {
      if ((ub.get(L) as number) <= bestV) break;
      const s = solve(L);
      if (s.value <= bestV) continue;
      if (s.rate <= room) {
        bestV = s.value;
        bestL = L;
        bestPc = s.pc;
        bestRate = s.rate;
      } else {
        const pcB = env.inverseFor(L, room, 0, s.pc);
        stats.rootFinds++;
        const v = hFunction(frontier, w, L)(pcB);
        if (v > bestV) {
          bestV = v;
          bestL = L;
          bestPc = pcB;
          bestRate = env.rate(L, pcB);
        }
      }
    }
    const J = sensTerm + bestV;
    // Ties (e.g. w = 1, where the CRLB does not count) go to the lower CRLB, i.e. the later record.
    if (!best || J >= best.J) best = { J, N: rec.N, crlbFull: rec.crlbFull, L: bestL, pc: bestPc, rate: bestRate };
  }
  if (!best) throw new RangeError('no localizing sensing cluster fits the backhaul');
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
  if (!(top.rate >= 0)) throw new RangeError('no localizing sensing cluster fits the backhaul');
  const p = frontier.minCrlbAtRate(top.rate) as OperatingPoint;
  return { ...p, w: 1, objective: p.rate, stats: { oneDimSolves: 0, rootFinds: 0, recordsVisited: 0 } };
}

/** J for a given point (for checks): w·R − (1 − w)·ln CRLB (−∞ … handled as the formula gives). */
export function weightedObjective(w: number, rate: number, crlbA: number): number {
  return w * rate - (w < 1 ? (1 - w) * Math.log(crlbA) : 0);
}
