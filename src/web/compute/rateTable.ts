/**
 * A fast, accurate stand-in for R_c(L, p^c) in the live trade-off view: the library's exact rate
 * (src/comm/exactRate.ts) tabulated per L at Chebyshev nodes in u = √p^c and evaluated by
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
 * Accuracy is not assumed: `check` evaluates the exact rate at points between the nodes and the
 * view shows the largest relative deviation found.
 */

export interface RateFn {
  (L: number, pc: number): number;
}

/** Chebyshev points of the second kind on [0, 1], ascending. */
export function chebyshevNodes(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, j) => 0.5 - 0.5 * Math.cos((Math.PI * j) / n));
}

export class RateTable {
  /** Nodes in u = √p^c. */
  readonly u: number[];
  /** values[L − 1][j] = R_c(L, u_j²). */
  readonly values: number[][];
  private readonly w: number[];
  /** Rate evaluations made to build the table. */
  readonly evaluations: number;

  constructor(
    rate: RateFn,
    readonly maxL: number,
    readonly degree = 24,
  ) {
    this.u = chebyshevNodes(degree);
    this.w = this.u.map((_, j) => (j === 0 || j === degree ? 0.5 : 1) * (j % 2 ? -1 : 1));
    this.values = [];
    let evals = 0;
    for (let L = 1; L <= maxL; L++) {
      this.values.push(
        this.u.map((uj) => {
          if (uj === 0) return 0;
          evals++;
          return rate(L, uj * uj);
        }),
      );
    }
    this.evaluations = evals;
  }

  /** Interpolated R_c(L, p^c). */
  rate(L: number, pc: number): number {
    if (pc <= 0) return 0;
    const t = Math.sqrt(Math.min(1, pc));
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
        const um = 0.5 * (this.u[j] + this.u[j + 1]);
        const exact = rate(L, um * um);
        worst = Math.max(worst, Math.abs(this.rate(L, um * um) / exact - 1));
      }
    }
    return worst;
  }
}
