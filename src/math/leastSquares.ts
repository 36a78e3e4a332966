/**
 * Linear least squares by the normal equations, accumulated one row at a time (for fitting control
 * variates on a pilot sample without storing a design matrix).
 *
 * `NormalEquations(p)` accumulates XᵀX and Xᵀy over rows x ∈ ℝ^p; `solve()` returns the coefficient
 * vector minimizing ‖y − Xβ‖². Columns that are (numerically) constant zero — e.g. a coin feature whose
 * probability is 1 — get coefficient 0 instead of making the system singular.
 */

/**
 * Accumulator of the normal equations XᵀX β = Xᵀy.
 *
 * Formula: not in the paper; β̂ = (XᵀX)⁻¹Xᵀy, the ordinary least-squares coefficients.
 * Method: rows are added to the upper triangle of XᵀX (p(p+1)/2 multiply-adds per row); `solve`
 * scales the columns to unit diagonal (Jacobi preconditioning), factors by Cholesky and drops
 * (coefficient 0) every column whose pivot falls below 1e-10 of its diagonal, i.e. a column that is
 * zero or a linear combination of the columns before it.
 * Accuracy: for well-conditioned designs (condition number of the scaled XᵀX ≲ 1e6) the
 * coefficients agree with numpy.linalg.lstsq to ≈ 1e-9 relative (test/math/leastSquares.test.ts);
 * for control variates any fixed coefficient vector gives an unbiased estimator, only its variance
 * depends on the accuracy of the fit.
 * References: Å. Björck, Numerical Methods for Least Squares Problems, SIAM 1996, §2.2.
 *
 * @example
 * import { NormalEquations } from 'isacnet/math';
 * const ne = new NormalEquations(2);
 * // y = 1 + 2x on x = 0, 1, 2 (first column the intercept)
 * for (const x of [0, 1, 2]) ne.add([1, x], 1 + 2 * x);
 * Array.from(ne.solve(), (b) => Math.round(b * 1e9) / 1e9); // => [1, 2]
 */
export class NormalEquations {
  readonly p: number;
  /** Row-major upper triangle of XᵀX (full p × p storage; the lower part is unused). */
  private readonly xtx: Float64Array;
  private readonly xty: Float64Array;
  rows = 0;

  constructor(p: number) {
    if (!Number.isInteger(p) || p < 1 || p > 4096) throw new RangeError(`p: invalid value ${p}; must be an integer in [1, 4096]`);
    this.p = p;
    this.xtx = new Float64Array(p * p);
    this.xty = new Float64Array(p);
  }

  /** Add one row x (length ≥ p; the first p entries are used) with response y. */
  add(x: ArrayLike<number>, y: number): void {
    const p = this.p;
    const a = this.xtx;
    for (let i = 0; i < p; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const row = i * p;
      for (let j = i; j < p; j++) a[row + j]! += xi * x[j]!;
      this.xty[i]! += xi * y;
    }
    this.rows++;
  }

  /** The least-squares coefficients (length p); dropped columns get 0. */
  solve(): Float64Array {
    const p = this.p;
    const scale = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const d = this.xtx[i * p + i]!;
      scale[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
    }
    // scaled matrix S = D XᵀX D (D = diag(scale)), Cholesky S = R^T R in place (upper triangle)
    const r = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r[i * p + j] = this.xtx[i * p + j]! * scale[i]! * scale[j]!;
    const active = new Uint8Array(p);
    for (let i = 0; i < p; i++) {
      if (scale[i] === 0) continue;
      let d = r[i * p + i]!;
      for (let k = 0; k < i; k++) if (active[k]) d -= r[k * p + i]! * r[k * p + i]!;
      if (!(d > 1e-10)) continue; // zero or dependent column: dropped
      const piv = Math.sqrt(d);
      r[i * p + i] = piv;
      for (let j = i + 1; j < p; j++) {
        let s = r[i * p + j]!;
        for (let k = 0; k < i; k++) if (active[k]) s -= r[k * p + i]! * r[k * p + j]!;
        r[i * p + j] = s / piv;
      }
      active[i] = 1;
    }
    // solve R^T z = D Xᵀy, then R w = z, β = D w (dropped columns stay 0)
    const z = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      if (!active[i]) continue;
      let s = this.xty[i]! * scale[i]!;
      for (let k = 0; k < i; k++) if (active[k]) s -= r[k * p + i]! * z[k]!;
      z[i] = s / r[i * p + i]!;
    }
    const w = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
      if (!active[i]) continue;
      let s = z[i]!;
      for (let j = i + 1; j < p; j++) if (active[j]) s -= r[i * p + j]! * w[j]!;
      w[i] = s / r[i * p + i]!;
    }
    for (let i = 0; i < p; i++) w[i]! *= scale[i]!;
    return w;
  }
}
