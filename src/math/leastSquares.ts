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
    const b = this.xty;
    for (let i = 0; i < p; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      let at = i * p + i;
      for (let j = i; j < p; j++) a[at++]! += xi * x[j]!;
      b[i]! += xi * y;
    }
    this.rows++;
  }

  /**
   * Add n rows at once, given column by column: column i of the block is `columns[i·n … i·n + n − 1]`
   * and the responses are `y[0 … n − 1]`. The same sums as n calls of `add` (up to the order of the
   * additions), computed as dot products of contiguous columns, which is several times faster.
   */
  addColumns(columns: Float64Array, n: number, y: Float64Array): void {
    const p = this.p;
    if (!Number.isInteger(n) || n < 0 || columns.length < p * n || y.length < n) throw new RangeError(`columns: need ${p} columns of n = ${n} rows and ${n} responses, got ${columns.length} and ${y.length} values`);
    const a = this.xtx;
    const b = this.xty;
    // register blocks: rows i, i + 1 of XᵀX against columns j … j + 3 (6 column reads per 8 products)
    let i = 0;
    for (; i + 1 < p; i += 2) {
      const oa = i * n;
      const ob = oa + n;
      // the diagonal corner (i, i), (i, i + 1), (i + 1, i + 1) and the responses
      let saa = 0;
      let sab = 0;
      let sbb = 0;
      let sya = 0;
      let syb = 0;
      for (let t = 0; t < n; t++) {
        const ca = columns[oa + t]!;
        const cb = columns[ob + t]!;
        const yt = y[t]!;
        saa += ca * ca;
        sab += ca * cb;
        sbb += cb * cb;
        sya += ca * yt;
        syb += cb * yt;
      }
      a[i * p + i]! += saa;
      a[i * p + i + 1]! += sab;
      a[(i + 1) * p + i + 1]! += sbb;
      b[i]! += sya;
      b[i + 1]! += syb;
      let j = i + 2;
      for (; j + 3 < p; j += 4) {
        const o0 = j * n;
        const o1 = o0 + n;
        const o2 = o1 + n;
        const o3 = o2 + n;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let b0 = 0;
        let b1 = 0;
        let b2 = 0;
        let b3 = 0;
        for (let t = 0; t < n; t++) {
          const ca = columns[oa + t]!;
          const cb = columns[ob + t]!;
          const x0 = columns[o0 + t]!;
          const x1 = columns[o1 + t]!;
          const x2 = columns[o2 + t]!;
          const x3 = columns[o3 + t]!;
          a0 += ca * x0;
          a1 += ca * x1;
          a2 += ca * x2;
          a3 += ca * x3;
          b0 += cb * x0;
          b1 += cb * x1;
          b2 += cb * x2;
          b3 += cb * x3;
        }
        const ra = i * p + j;
        const rb = ra + p;
        a[ra]! += a0;
        a[ra + 1]! += a1;
        a[ra + 2]! += a2;
        a[ra + 3]! += a3;
        a[rb]! += b0;
        a[rb + 1]! += b1;
        a[rb + 2]! += b2;
        a[rb + 3]! += b3;
      }
      for (; j < p; j++) {
        const oj = j * n;
        let a0 = 0;
        let b0 = 0;
        for (let t = 0; t < n; t++) {
          const x = columns[oj + t]!;
          a0 += columns[oa + t]! * x;
          b0 += columns[ob + t]! * x;
        }
        a[i * p + j]! += a0;
        a[(i + 1) * p + j]! += b0;
      }
    }
    if (i < p) {
      // odd p: the last row is the diagonal entry alone
      const oa = i * n;
      let saa = 0;
      let sya = 0;
      for (let t = 0; t < n; t++) {
        const ca = columns[oa + t]!;
        saa += ca * ca;
        sya += ca * y[t]!;
      }
      a[i * p + i]! += saa;
      b[i]! += sya;
    }
    this.rows += n;
  }

  /** The least-squares coefficients (length p); dropped columns get 0. */
  solve(): Float64Array {
    return this.solveFor(this.xty);
  }

  /**
   * The coefficients for another response on the same rows: solves XᵀX β = `rhs`, where `rhs` is that
   * response's Xᵀy (length p) computed by the caller. Several responses on one design (the nested
   * CRLB's columns) then share one XᵀX; the same dropped columns get 0.
   */
  solveFor(rhs: ArrayLike<number>): Float64Array {
    const p = this.p;
    if (rhs.length !== p) throw new RangeError(`rhs: length ${rhs.length}; must be p = ${p}`);
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
      let s = rhs[i]! * scale[i]!;
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
