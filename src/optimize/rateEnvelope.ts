/**
 * The rate envelope of the communication side:
 *
 *   G(p^c) = max_{1 ≤ L ≤ L_max} R_c(L, p^c)           (best rate reachable with power share p^c)
 *   P(R)   = min_{1 ≤ L ≤ L_max} R_c(L, ·)^{-1}(R)      (least power share reaching rate R)
 *
 * Why it suffices: in Eq. (10) and in CRLB_a(N, p^s) = CRLB_a(N, 1)/(1 − p^c), the cluster size L
 * enters only through the rate R_c(L, p^c). Any (L, p^c) is therefore weakly dominated by
 * (argmin P(R), P(R)) with R = R_c(L, p^c): same rate, same backhaul use, no more power. So every
 * Pareto point and every optimum of an objective increasing in R_c and decreasing in CRLB_a uses
 * p^c = P(R) and the L attaining it.
 *
 * Method (exact on the integer L, no relaxation): R_c(L, ·) is tabulated for every L on a grid
 * p_k = k/K. Because each R_c(L, ·) is non-decreasing, on a cell [p_k, p_{k+1}]
 *   - G(q) can only be attained by an L with R_c(L, p_{k+1}) ≥ max_L' R_c(L', p_k) (all other L are
 *     below G(p_k) ≤ G(q) throughout the cell); these few candidates are evaluated at q;
 *   - P(R), with k the first grid index where G(p_k) ≥ R, lies in (p_{k−1}, p_k] and can only be
 *     attained by an L with R_c(L, p_k) ≥ R; for each candidate the crossing is found by Brent's
 *     bracketed root finder on the true function (to 1e-12 in p^c), never on an interpolant.
 * The grid only prunes candidates; it never changes the answer. Cost: L_max·K evaluations for the
 * table, then 1–3 evaluations per G and about 8 per candidate per P (the paper's observation that
 * one L* is best at every p^c makes the candidate set a singleton almost everywhere).
 *
 * The contract of `RateModel` (continuity, strict increase, R_c(L, 0) = 0) is checked on the grid;
 * concavity in p^c (used by the weighted search) is checked and reported.
 */
import type { RateModel } from './model.ts';
import { rootIncreasing } from './scalar.ts';

export interface EnvelopeValue {
  /** G(p^c), nats/s/Hz. */
  rate: number;
  /** The smallest L attaining it. */
  L: number;
}

export interface EnvelopeInverse {
  /** P(R), the least power share reaching rate R. */
  pc: number;
  /** The smallest L attaining it. */
  L: number;
}

export class RateEnvelope {
  /** Grid p_k = k/K, k = 0 … K. */
  readonly grid: number[];
  /** table[L − 1][k] = R_c(L, p_k). */
  readonly table: number[][];
  /** gridMax[k] = G(p_k), gridArg[k] = its smallest argmax L. */
  readonly gridMax: number[];
  readonly gridArg: number[];
  /** L whose tabulated curve has a positive second difference somewhere (not concave). */
  readonly nonConcaveL: number[] = [];
  private readonly cache = new Map<string, number>();
  /** Number of rate-model evaluations so far (cache misses). */
  evaluations = 0;

  constructor(
    readonly model: RateModel,
    readonly maxL: number,
    readonly gridCells = 16,
  ) {
    if (!(Number.isInteger(maxL) && maxL >= 1)) throw new RangeError(`maxL must be an integer ≥ 1, got ${maxL}`);
    if (!(Number.isInteger(gridCells) && gridCells >= 2)) throw new RangeError(`gridCells must be an integer ≥ 2, got ${gridCells}`);
    this.grid = Array.from({ length: gridCells + 1 }, (_, k) => k / gridCells);
    this.table = [];
    for (let L = 1; L <= maxL; L++) {
      const row = this.grid.map((p) => this.rate(L, p));
      for (let k = 1; k < row.length; k++) {
        if (!(Number.isFinite(row[k]) && row[k] > row[k - 1])) {
          throw new Error(
            `rate model "${model.name}" is not strictly increasing in p^c at L = ${L}: R(${this.grid[k - 1]}) = ${row[k - 1]}, R(${this.grid[k]}) = ${row[k]}`,
          );
        }
        if (k >= 2 && row[k] - 2 * row[k - 1] + row[k - 2] > 1e-9 * Math.max(1, row[k])) {
          if (!this.nonConcaveL.includes(L)) this.nonConcaveL.push(L);
        }
      }
      this.table.push(row);
    }
    this.gridMax = [];
    this.gridArg = [];
    for (let k = 0; k <= gridCells; k++) {
      let best = -Infinity;
      let arg = 1;
      for (let L = 1; L <= maxL; L++) {
        if (this.table[L - 1][k] > best) {
          best = this.table[L - 1][k];
          arg = L;
        }
      }
      this.gridMax.push(best);
      this.gridArg.push(arg);
    }
  }

  /** R_c(L, p^c), memoized; R_c(L, 0) = 0 by the model's contract (no signal power). */
  rate(L: number, pc: number): number {
    if (pc <= 0) return 0;
    const key = `${L}|${pc}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const r = this.model.rate(L, pc);
    this.evaluations++;
    this.cache.set(key, r);
    return r;
  }

  /** Largest rate of all: G(1). */
  get maxRate(): number {
    return this.gridMax[this.gridMax.length - 1];
  }

  /** Index k with p_k ≤ q < p_{k+1} (k = K − 1 for q = 1). */
  private cell(q: number): number {
    const K = this.grid.length - 1;
    return Math.min(K - 1, Math.max(0, Math.floor(q * K)));
  }

  /** Lower and upper bounds of G on the cell containing q (from the table, no evaluation). */
  bounds(q: number): [number, number] {
    const k = this.cell(q);
    return [this.gridMax[k], this.gridMax[k + 1]];
  }

  /** G(q) = max_L R_c(L, q) and its smallest argmax. */
  value(q: number): EnvelopeValue {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`p^c must be in [0, 1], got ${q}`);
    const K = this.grid.length - 1;
    const kq = q * K;
    if (Number.isInteger(kq)) return { rate: this.gridMax[kq], L: this.gridArg[kq] };
    const k = this.cell(q);
    const floor = this.gridMax[k];
    let best = -Infinity;
    let arg = 1;
    for (let L = 1; L <= this.maxL; L++) {
      if (this.table[L - 1][k + 1] < floor) continue;
      const r = this.rate(L, q);
      if (r > best) {
        best = r;
        arg = L;
      }
    }
    return { rate: best, L: arg };
  }

  /** R_c(L, ·)^{-1}(R) for one L with R_c(L, lo) ≤ R ≤ R_c(L, hi). */
  inverseFor(L: number, R: number, lo: number, hi: number): number {
    const fa = this.rate(L, lo);
    const fb = this.rate(L, hi);
    if (R <= fa) return lo;
    if (R >= fb) return hi;
    return rootIncreasing((p) => this.rate(L, p), R, lo, hi, { fa, fb }).x;
  }

  /**
   * P(R): the least p^c with G(p^c) ≥ R, and its smallest L; null when R > G(1). `hint` = q with
   * G(q) = R known to the caller (then P(R) = q without a root search, by strict monotonicity).
   */
  inverse(R: number, hint?: EnvelopeValue & { pc: number }): EnvelopeInverse | null {
    if (R <= 0) return { pc: 0, L: this.gridArg[1] };
    if (hint && hint.rate === R) return { pc: hint.pc, L: hint.L };
    const K = this.grid.length - 1;
    if (R > this.gridMax[K]) return null;
    let k = 1;
    while (this.gridMax[k] < R) k++;
    // P(R) ∈ (p_{k−1}, p_k]; candidates are the L that reach R by p_k.
    let best = Infinity;
    let arg = 1;
    for (let L = 1; L <= this.maxL; L++) {
      if (this.table[L - 1][k] < R) continue;
      const p = this.inverseFor(L, R, this.grid[k - 1], this.grid[k]);
      if (p < best) {
        best = p;
        arg = L;
      }
    }
    return { pc: best, L: arg };
  }
}
