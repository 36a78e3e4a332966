/**
 * The rate envelope of the communication side:
 *
 *   G(p^c) = max_{1 ≤ L ≤ L_max} R_c(L, p^c)           (best rate reachable with power share p^c)
 *   P(R)   = min_{1 ≤ L ≤ L_max} R_c(L, ·)^{-1}(R)      (least power share reaching rate R)
 *
 * Why it suffices: in Eq. (10) of arXiv:2403.20228 and in CRLB_a(N, p^s) = CRLB_a(N, 1)/(1 − p^c),
 * the cluster size L enters only through the rate R_c(L, p^c). Any (L, p^c) is therefore weakly
 * dominated by (argmin P(R), P(R)) with R = R_c(L, p^c): same rate, same backhaul use, no more
 * power. So every Pareto point, and every optimum of an objective increasing in R_c and decreasing
 * in CRLB_a, uses p^c = P(R) and the L attaining it.
 *
 * Method (exact on the integer L, no relaxation, no interpolant): R_c(L, ·) is tabulated for every
 * L on the grid p_k = (k/K)², uniform in √p^c (R_c grows like √p^c near 0). On a cell the table gives each curve a certified band [lower, upper]:
 *   - monotone models: R(p_k) ≤ R(p) ≤ R(p_{k+1});
 *   - concave models (`concaveInPc`): lower = the chord; upper = min(R(p_{k+1}), the extension of
 *     the previous chord, the back-extension of the next chord) (chord slopes of a concave function
 *     decrease, so both extensions lie above it),
 *   widened by a relative slack of 1e-6 for the quadrature error of the model.
 * G(q) is then attained by one of the L whose upper bound reaches max_L lower bound (typically one
 * or two curves), each evaluated exactly at q; P(R) by one of the L whose band can cross R first,
 * each solved by Brent's bracketed root finder on the true function (1e-12 in p^c), visited in order
 * and skipped when a single evaluation at the best root so far shows they cross later. The grid
 * prunes candidates; it never changes an answer. Results are memoized.
 *
 * The model contract (continuity, strict increase, R(L, 0) = 0, and concavity when claimed) is
 * checked on the grid; a curve whose second differences contradict a concavity claim is an error.
 */
import type { ClusterRateModel } from './model.ts';
import { rootIncreasing } from '../math/brent.ts';
import { ArgumentError } from '../math/argumentError.ts';

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

/** Relative slack on the certified bands (model quadrature error). */
const BAND_SLACK = 1e-6;

/**
 * The rate envelope G(p^c) = max_L R_c(L, p^c) and its inverse P(R) (see the module comment).
 *
 * Formula: not in the paper: G and P over L ∈ {1 … maxL} for the rate R_c(L, p^c) of Eq. (9) of
 * arXiv:2403.20228; they carry everything L does in Eq. (10) and in the CRLB.
 * Method: R_c(L, ·) tabulated on p_k = (k/K)²; certified bands per cell (chords and their extensions
 * for concave models, widened by 1e-6); `value(q)` evaluates only the L whose band can attain G(q),
 * `inverse(R)` runs Brent's bracketed root finder (1e-12 in p^c) on the surviving L; memoized.
 * Accuracy: exact on the integer L (the grid prunes, it never changes an answer); G and P equal brute
 * force with concave and merely monotone bands (test/optimize/envelope.test.ts).
 * References: docs/optimization.md (the rate envelope).
 *
 * @example
 * import { RateEnvelope } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const env = new RateEnvelope(rate, 3);
 * // G(0.25) = 1.2 ln 3.5 at L = 2; P(2) = (e^{2/1.2} − 1)/10 (scripts/doc-example-references.py)
 * env.value(0.25); // => { rate: 1.50331556, L: 2 }
 * env.inverse(2); // => { pc: 0.429449005, L: 2 }
 */
export class RateEnvelope {
  /** Grid p_k = (k/K)², k = 0 … K. */
  readonly grid: number[];
  /** table[L − 1][k] = R_c(L, p_k). */
  readonly table: number[][];
  /** slope[L − 1][k] = chord slope of R_c(L, ·) on [p_k, p_{k+1}]. */
  private readonly slope: number[][];
  /** gridMax[k] = G(p_k), gridArg[k] = its smallest argmax L. */
  readonly gridMax: number[];
  readonly gridArg: number[];
  /** Whether the bands use concavity (the model claims it and the grid agrees). */
  readonly concave: boolean;
  private readonly cache = new Map<string, number>();
  private readonly inverseCache = new Map<number, EnvelopeInverse | null>();
  /** Number of rate-model evaluations so far (cache misses). */
  evaluations = 0;

  constructor(
    readonly model: ClusterRateModel,
    readonly maxL: number,
    readonly gridCells = 16,
  ) {
    if (!(Number.isInteger(maxL) && maxL >= 1)) throw new ArgumentError('maxL', maxL, 'an integer ≥ 1');
    if (!(Number.isInteger(gridCells) && gridCells >= 2)) throw new ArgumentError('gridCells', gridCells, 'an integer ≥ 2');
    const K = gridCells;
    // Uniform in √p^c: R_c grows like √p^c near 0 (E[SIR] = ∞ for α ≤ 4 … see src/comm), so equal
    // steps in √p^c keep the chords tight where the curves are steepest.
    this.grid = RateEnvelope.gridPoints(K);
    this.concave = model.concaveInPc === true;
    this.table = [];
    this.slope = [];
    for (let L = 1; L <= maxL; L++) {
      const row = this.grid.map((p) => this.rate(L, p));
      for (let k = 1; k <= K; k++) {
        if (!(Number.isFinite(row[k]) && row[k] > row[k - 1])) {
          throw new Error(
            `rate model "${model.name}" is not strictly increasing in p^c at L = ${L}: R(${this.grid[k - 1]}) = ${row[k - 1]}, R(${this.grid[k]}) = ${row[k]}`,
          );
        }
      }
      const s = row.slice(0, K).map((v, k) => (row[k + 1] - v) / (this.grid[k + 1] - this.grid[k]));
      if (this.concave) {
        for (let k = 1; k < K; k++) {
          const noise = (BAND_SLACK * Math.max(1, row[k + 1])) / (this.grid[k + 1] - this.grid[k]);
          if (s[k] > s[k - 1] * (1 + BAND_SLACK) + noise) {
            throw new Error(`rate model "${model.name}" claims concavity in p^c but its chord slopes increase at L = ${L}, p^c = ${this.grid[k]}`);
          }
        }
      }
      this.table.push(row);
      this.slope.push(s);
    }
    this.gridMax = [];
    this.gridArg = [];
    for (let k = 0; k <= K; k++) {
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

  /** The table's power shares p_k = (k/K)², k = 0 … K, for K = `gridCells`. */
  static gridPoints(gridCells: number): number[] {
    return Array.from({ length: gridCells + 1 }, (_, k) => (k / gridCells) ** 2);
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

  /** Index k with p_k ≤ q ≤ p_{k+1} (k = K − 1 for q = 1). */
  cell(q: number): number {
    const K = this.grid.length - 1;
    let k = Math.min(K - 1, Math.max(0, Math.floor(Math.sqrt(q) * K)));
    while (k > 0 && this.grid[k] > q) k--;
    while (k < K - 1 && this.grid[k + 1] <= q) k++;
    return k;
  }

  /** The grid index of q if q is a grid point, else −1. */
  private gridIndex(q: number): number {
    const k = this.cell(q);
    if (this.grid[k] === q) return k;
    if (this.grid[k + 1] === q) return k + 1;
    return -1;
  }

  /** Certified lower bound of R_c(L, q) from the table. */
  lowerBound(L: number, q: number): number {
    const k = this.cell(q);
    const t = this.table[L - 1];
    const v = this.concave ? t[k] + (q - this.grid[k]) * this.slope[L - 1][k] : t[k];
    return v - BAND_SLACK * Math.abs(v);
  }

  /** Certified upper bound of R_c(L, q) from the table. */
  upperBound(L: number, q: number): number {
    const k = this.cell(q);
    const t = this.table[L - 1];
    const s = this.slope[L - 1];
    let v = t[k + 1];
    if (this.concave) {
      if (k >= 1) v = Math.min(v, t[k] + (q - this.grid[k]) * s[k - 1]);
      if (k + 1 < s.length) v = Math.min(v, t[k + 1] - (this.grid[k + 1] - q) * s[k + 1]);
    }
    return v + BAND_SLACK * Math.abs(v);
  }

  /** Certified bounds of G(q) (no evaluation). */
  bounds(q: number): [number, number] {
    let lo = -Infinity;
    let hi = -Infinity;
    for (let L = 1; L <= this.maxL; L++) {
      lo = Math.max(lo, this.lowerBound(L, q));
      hi = Math.max(hi, this.upperBound(L, q));
    }
    return [lo, hi];
  }

  /** G(q) = max_L R_c(L, q) and its smallest argmax. */
  value(q: number): EnvelopeValue {
    if (!(q >= 0 && q <= 1)) throw new ArgumentError('q', q, 'in [0, 1] (a power share p^c)');
    const kq = this.gridIndex(q);
    if (kq >= 0) return { rate: this.gridMax[kq], L: this.gridArg[kq] };
    let floor = -Infinity;
    for (let L = 1; L <= this.maxL; L++) floor = Math.max(floor, this.lowerBound(L, q));
    // Candidates by decreasing upper bound; each exact value raises the bar for the rest.
    const cands: Array<{ L: number; hi: number; lo: number }> = [];
    for (let L = 1; L <= this.maxL; L++) {
      const hi = this.upperBound(L, q);
      if (hi >= floor) cands.push({ L, hi, lo: this.lowerBound(L, q) });
    }
    cands.sort((a, b) => b.lo - a.lo || a.L - b.L);
    let best = -Infinity;
    let arg = 1;
    for (const c of cands) {
      if (c.hi < best || (c.hi === best && c.L > arg)) continue;
      const r = this.rate(c.L, q);
      if (r > best || (r === best && c.L < arg)) {
        best = r;
        arg = c.L;
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
   * Bounds [pLo, pHi] on R_c(L, ·)^{-1}(R) inside the cell [p_{k−1}, p_k] (where R_c(L, p_{k−1}) < R
   * ≤ R_c(L, p_k)), from the band: the upper bound crosses R first, the lower bound last.
   */
  private rootBounds(L: number, R: number, k: number): [number, number] {
    const a = this.grid[k - 1];
    const b = this.grid[k];
    if (!this.concave) return [a, b];
    const t = this.table[L - 1];
    const s = this.slope[L - 1];
    // Lower bound (chord) reaches R at pHi.
    const pHi = Math.min(b, a + (R - t[k - 1]) / s[k - 1]);
    // Upper bound = min of increasing lines: it reaches R where the last of them does.
    let pLo = a;
    if (k - 2 >= 0) pLo = Math.max(pLo, a + (R - t[k - 1]) / s[k - 2]);
    if (k < s.length) pLo = Math.max(pLo, b - (t[k] - R) / s[k]);
    const w = BAND_SLACK * (b - a) + 1e-15;
    return [Math.max(a, Math.min(pLo, pHi) - w), Math.min(b, pHi + w)];
  }

  /**
   * P(R): the least p^c with G(p^c) ≥ R, and its smallest L; null when R > G(1). `hint` = q with
   * G(q) = R known to the caller (then P(R) = q without a root search, by strict monotonicity).
   */
  inverse(R: number, hint?: EnvelopeValue & { pc: number }): EnvelopeInverse | null {
    if (R <= 0) return { pc: 0, L: this.gridArg[1] };
    if (hint && hint.rate === R) return { pc: hint.pc, L: hint.L };
    const cached = this.inverseCache.get(R);
    if (cached !== undefined) return cached;
    const K = this.grid.length - 1;
    if (R > this.gridMax[K]) {
      this.inverseCache.set(R, null);
      return null;
    }
    let k = 1;
    while (this.gridMax[k] < R) k++;
    // P(R) ∈ (p_{k−1}, p_k]; candidates are the L that reach R by p_k, visited by their earliest
    // possible crossing.
    const cands: Array<{ L: number; lo: number; hi: number }> = [];
    for (let L = 1; L <= this.maxL; L++) {
      if (this.table[L - 1][k] < R) continue;
      const [lo, hi] = this.rootBounds(L, R, k);
      cands.push({ L, lo, hi });
    }
    const ceiling = Math.min(...cands.map((c) => c.hi));
    cands.sort((x, y) => x.lo - y.lo || x.L - y.L);
    let best = Infinity;
    let arg = 1;
    for (const c of cands) {
      if (c.lo > ceiling || c.lo > best) continue;
      if (best < Infinity) {
        // One evaluation decides whether this curve can cross R before the best root so far.
        const r = this.rate(c.L, best);
        if (r < R || (r === R && c.L > arg)) continue;
      }
      const p = this.inverseFor(c.L, R, this.grid[k - 1], Math.min(this.grid[k], best));
      if (p < best || (p === best && c.L < arg)) {
        best = p;
        arg = c.L;
      }
    }
    const out = { pc: best, L: arg };
    this.inverseCache.set(R, out);
    return out;
  }
}
