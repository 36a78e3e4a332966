/**
 * A fast, accurate stand-in for R_c(L, p^c) in the live trade-off view: the library's exact rate
 * (src/comm/exactRate.ts) tabulated per L at Chebyshev nodes in u = (p^c)^{1/(2α)} and evaluated by
 * barycentric interpolation.
 *
 * Why a table: the optimizer (src/optimize) evaluates R_c at thousands of (L, p^c) pairs (root
 * finding in p^c along the Pareto sweep, the containment check, the baselines); at a few ms per
 * double integral that is seconds per frame. The trade-off region needs every p^c ∈ [0, 1], so the
 * table covers the whole interval; it depends only on (α, M_t, ψ, λ_u/λ_b, L_max) and is rebuilt
 * only when one of those moves.
 *
 * Why √p^c: R_c(p) = E[ln(1 + p X)] with X the SIR at full power, whose tail is heavy enough that
 * R_c grows like √p near p = 0 (E[X] = ∞ for α = 4): a polynomial in p converges slowly (relative
 * error 0.2 with 33 nodes, measured), a polynomial in u = √p spectrally (≈1e-9 with 17 nodes,
 * ≈1e-12 with 33; measured at L = 1, 3, 8 in test/web/compute.test.ts).
 *
 * The table spans p^c ∈ [1e-8, 1] (Chebyshev points mapped to [u_min, 1]); below 1e-8 the exact rate
 * is evaluated directly. Accuracy is not assumed: `check` evaluates the exact rate at points between
 * the nodes and the view shows the largest relative deviation found (the table is rejected above
 * 1e-6, see tradeoff.ts).
 */

export interface RateFn {
  (L: number, pc: number): number;
}

/** Chebyshev points of the second kind on [0, 1], ascending. */
export function chebyshevNodes(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, j) => 0.5 - 0.5 * Math.cos((Math.PI * j) / n));
}

/**
 * Smallest p^c covered by the table (the optimizer rarely asks below it); below it the exact rate is evaluated directly. Rates there are
 * a small fraction of R_c(L, 1) and their integrals are the slowest (tens of ms each), so spending
 * table nodes on them would be wasted.
 */
export const TABLE_MIN_PC = 1e-8;

export class RateTable {
  /** Nodes in u = (p^c)^{exponent}, Chebyshev points on [u_min, 1]. */
  readonly u: number[];
  readonly uMin: number;
  /** values[L − 1][j] = R_c(L, u_j²). */
  readonly values: number[][];
  private readonly w: number[];
  /** Rate evaluations made to build the table. */
  readonly evaluations: number;

  /**
   * @param exponent u = (p^c)^{exponent}; 1/(2α) for the CoMP rate (see the module comment)
   */
  constructor(
    private readonly exact: RateFn,
    readonly maxL: number,
    readonly exponent: number,
    readonly degree = 32,
  ) {
    if (!(exponent > 0 && exponent <= 1)) throw new RangeError(`rate table exponent must be in (0, 1], got ${exponent}`);
    this.uMin = Math.pow(TABLE_MIN_PC, exponent);
    this.u = chebyshevNodes(degree).map((t) => this.uMin + (1 - this.uMin) * t);
    this.w = this.u.map((_, j) => (j === 0 || j === degree ? 0.5 : 1) * (j % 2 ? -1 : 1));
    this.values = [];
    let evals = 0;
    for (let L = 1; L <= maxL; L++) {
      this.values.push(
        this.u.map((uj) => {
          evals++;
          return exact(L, this.toPc(uj));
        }),
      );
    }
    this.evaluations = evals;
  }

  private toPc(u: number): number {
    return Math.pow(u, 1 / this.exponent);
  }

  /** Interpolated R_c(L, p^c) on [TABLE_MIN_PC, 1]; the exact rate below. */
  rate(L: number, pc: number): number {
    if (pc <= 0) return 0;
    if (pc < TABLE_MIN_PC * (1 - 1e-12)) return this.exact(L, pc);
    const t = Math.pow(Math.min(1, pc), this.exponent);
    const f = this.values[L - 1];
    let num = 0;
    let den = 0;
    for (let j = 0; j < this.u.length; j++) {
      const d = t - this.u[j];
      if (d === 0) return f[j];
      const c = this.w[j] / d;
      num += c * f[j];
      den += c;
    }
    return num / den;
  }

  /**
   * Largest relative deviation |table/exact − 1| at the midpoints (in u) of `cells` node intervals
   * for the given L values (exact rate from `rate`).
   */
  check(rate: RateFn, Ls: number[], cells: number[]): number {
    let worst = 0;
    for (const L of Ls) {
      for (const j of cells) {
        const pm = this.toPc(0.5 * (this.u[j] + this.u[j + 1]));
        const exact = rate(L, pm);
        worst = Math.max(worst, Math.abs(this.rate(L, pm) / exact - 1));
      }
    }
    return worst;
  }
}
