/**
 * Reference solvers by exhaustive search over every (L, N) pair, sharing no code with the fast
 * algorithms (no envelope, no record pruning, no Brent): plain bisection for the backhaul-binding
 * power and a dense grid refined by golden-section search for the weighted objective. Slow
 * (O(L_max · N̄) one-dimensional problems) and meant for tests and `--verify` checks.
 *
 * Problem (arXiv:2403.20228, Eq. 10): R_c(L, p^c) + e·N ≤ C, CRLB_a(N, p^s) = CRLB_a(N, 1)/p^s.
 */
import type { BackhaulProblem } from './model.ts';

export interface ExhaustiveModels {
  rate: (L: number, pc: number) => number;
  crlbFull: (N: number) => number;
}

export interface ExhaustivePoint {
  rate: number;
  crlbA: number;
  L: number;
  N: number;
  pc: number;
}

function admissibleN(problem: BackhaulProblem): number {
  return problem.e > 0 ? Math.min(problem.maxN, Math.floor(problem.backhaul / problem.e + 1e-12)) : problem.maxN;
}

/** Plain bisection for R(L, p) = y on [0, hi] with R(L, hi) ≥ y (the least such p, to 1e-13). */
function bisect(f: (p: number) => number, y: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 60 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) >= y) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * max R_c s.t. CRLB_a ≤ c and Eq. (10), over every (L, N); ties go to the lower CRLB.
 *
 * Formula: R*(c) = max { R_c(L, p^c) : CRLB_a(N, 1)/(1 − p^c) ≤ c, R_c + e·N ≤ C_backhaul } (Eq. (10) of
 * arXiv:2403.20228), by brute force.
 * Method: every (L, N) pair; p^c = 1 − CRLB_a(N, 1)/c, bisected down to the backhaul when binding
 * (60 steps, 1e-13); no envelope, no pruning (a reference for tests).
 * Accuracy: 1e-13 in p^c; slow (O(L_max · N̄) bisections).
 * References: docs/optimization.md; test/optimize/frontier.test.ts.
 *
 * @example
 * import { exhaustiveMaxRate } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const best = exhaustiveMaxRate({ rate: rate.rate, crlbFull: crlb.crlbFullPower }, problem, 0.5);
 * [best?.rate, best?.N, best?.L]; // => [1.75960448, 4, 2]
 */
export function exhaustiveMaxRate(models: ExhaustiveModels, problem: BackhaulProblem, c: number): ExhaustivePoint | null {
  let best: ExhaustivePoint | null = null;
  for (let N = 1; N <= admissibleN(problem); N++) {
    const s = models.crlbFull(N);
    if (!(Number.isFinite(s) && s <= c)) continue;
    const room = problem.backhaul - problem.e * N;
    if (room < 0) continue;
    const q = 1 - s / c;
    for (let L = 1; L <= problem.maxL; L++) {
      const f = (p: number): number => (p > 0 ? models.rate(L, p) : 0);
      let pc = q;
      let rate = f(q);
      if (rate > room) {
        pc = bisect(f, room, q);
        rate = room;
      }
      const crlb = s / (1 - pc);
      const tieTol = 1e-9 * Math.max(1, rate);
      if (!best || rate > best.rate + tieTol || (Math.abs(rate - best.rate) <= tieTol && crlb < best.crlbA)) {
        best = { rate, crlbA: crlb, L, N, pc };
      }
    }
  }
  return best;
}

/**
 * max w·R_c − (1 − w)·ln CRLB_a over every (L, N): for each pair the power is searched on a dense
 * grid of `gridPoints` over [0, cap] (cap: the backhaul-binding power), then refined by golden
 * section on the two grid cells around the best grid point (to `xTol` in p^c).
 *
 * Formula: the weighted objective (toolkit's, not in the paper) under Eq. (10) of arXiv:2403.20228,
 * by brute force.
 * Method: grid plus golden-section refinement for every (L, N) pair (a reference for tests).
 * Accuracy: `xTol` (1e-12) in p^c for unimodal objectives; slow.
 * References: docs/optimization.md; test/optimize/weighted.test.ts.
 *
 * @example
 * import { exhaustiveWeighted } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const best = exhaustiveWeighted({ rate: rate.rate, crlbFull: crlb.crlbFullPower }, problem, 0.5);
 * [best?.N, best?.L, best?.objective]; // => [5, 2, 1.29994953]
 */
export function exhaustiveWeighted(models: ExhaustiveModels, problem: BackhaulProblem, w: number, gridPoints = 401, xTol = 1e-12): (ExhaustivePoint & { objective: number }) | null {
  let best: (ExhaustivePoint & { objective: number }) | null = null;
  for (let N = 1; N <= admissibleN(problem); N++) {
    const s = models.crlbFull(N);
    if (!Number.isFinite(s)) continue;
    const room = problem.backhaul - problem.e * N;
    if (room < 0) continue;
    for (let L = 1; L <= problem.maxL; L++) {
      const f = (p: number): number => (p > 0 ? models.rate(L, p) : 0);
      const cap = f(1) <= room ? 1 : bisect(f, room, 1);
      const J = (p: number): number => w * f(p) - (w < 1 ? (1 - w) * (Math.log(s) - Math.log(1 - p)) : 0);
      let bi = 0;
      let bv = -Infinity;
      const xs: number[] = [];
      for (let i = 0; i < gridPoints; i++) xs.push((cap * i) / (gridPoints - 1));
      for (let i = 0; i < xs.length; i++) {
        const v = J(xs[i]);
        if (v > bv) {
          bv = v;
          bi = i;
        }
      }
      let a = xs[Math.max(0, bi - 1)];
      let b = xs[Math.min(xs.length - 1, bi + 1)];
      const r = (Math.sqrt(5) - 1) / 2;
      let x1 = b - r * (b - a);
      let x2 = a + r * (b - a);
      let f1 = J(x1);
      let f2 = J(x2);
      for (let it = 0; it < 80 && b - a > xTol; it++) {
        if (f1 >= f2) {
          b = x2;
          x2 = x1;
          f2 = f1;
          x1 = b - r * (b - a);
          f1 = J(x1);
        } else {
          a = x1;
          x1 = x2;
          f1 = f2;
          x2 = a + r * (b - a);
          f2 = J(x2);
        }
      }
      let px = f1 >= f2 ? x1 : x2;
      let pv = Math.max(f1, f2);
      if (bv > pv) {
        px = xs[bi];
        pv = bv;
      }
      const crlb = px < 1 ? s / (1 - px) : Infinity;
      // Ties in J (only at w = 1, where the CRLB does not count) go to the lower CRLB.
      const tie = best !== null && Math.abs(pv - best.objective) <= 1e-12 * Math.max(1, Math.abs(pv));
      if (!best || (pv > best.objective && !tie) || (tie && crlb < best.crlbA)) best = { rate: f(px), crlbA: crlb, L, N, pc: px, objective: pv };
    }
  }
  return best;
}
