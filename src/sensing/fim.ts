/**
 * Fisher information matrix of Eq. (5) and CRLB = tr(F⁻¹) of Eq. (6) of arXiv:2403.20228 for one
 * geometry (N transceivers at distances d_i and bearings θ_i from the target).
 *
 * Eq. (5):  F_N = |ζ|² Σ_i Σ_j d_i^{−β} d_j^{−β} [a_ij², a_ij b_ij; a_ij b_ij, b_ij²],
 *           a_ij = cos θ_i + cos θ_j,  b_ij = sin θ_i + sin θ_j.
 *
 * Fast form (derived here, tested against the literal double sum): with e_i = (cos θ_i, sin θ_i),
 * w_i = d_i^{−β}, W = Σ w_i, S = Σ w_i e_i and A = Σ w_i e_i e_iᵀ, the pair vector is e_i + e_j and
 *   Σ_ij w_i w_j (e_i + e_j)(e_i + e_j)ᵀ = 2 W A + 2 S Sᵀ,
 * so F_N = 2|ζ|² (W A + S Sᵀ): O(N) per geometry instead of O(N²). For the 2×2 matrix
 *   tr F = 2|ζ|² (W² + |S|²)                      (tr A = W),
 *   det F = 4|ζ|⁴ (W² det A + W Sᵀ adj(A) S),
 *   det A = (W − R)(W + R)/4,  R = |Σ w_i e^{2iθ_i}|,
 * and CRLB = tr(F⁻¹) = tr F / det F. Writing det A through (W − R)(W + R) keeps it non-negative and
 * accurate (absolute error ~ ε W²) even for nearly collinear bearings, where F is nearly singular.
 *
 * F is singular exactly when all bearings are collinear (θ_i ∈ {φ, φ + π}), in particular always
 * for N = 1 (one monostatic range fixes no 2-D position): the CRLB is then +∞.
 */
import { ArgumentError, checkInteger } from '../math/argumentError.ts';

/** A symmetric 2×2 matrix [xx, xy; xy, yy]. */
export interface Sym2 {
  xx: number;
  xy: number;
  yy: number;
}

function checkGeometry(distances: ArrayLike<number>, bearings: ArrayLike<number>, n: number): void {
  if (distances.length < n) throw new ArgumentError('distances.length', distances.length, `≥ n = ${n}`);
  if (bearings.length < n) throw new ArgumentError('bearings.length', bearings.length, `≥ n = ${n}`);
  checkInteger('n', n, 1);
}

/**
 * Eq. (5) evaluated literally as the printed double sum over (i, j): O(N²). Reference
 * implementation for tests. `n` defaults to the number of distances.
 */
export function fimEq5Literal(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): Sym2 {
  checkGeometry(distances, bearings, n);
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = Math.pow(distances[i], -beta) * Math.pow(distances[j], -beta);
      const a = Math.cos(bearings[i]) + Math.cos(bearings[j]);
      const b = Math.sin(bearings[i]) + Math.sin(bearings[j]);
      xx += w * a * a;
      xy += w * a * b;
      yy += w * b * b;
    }
  }
  return { xx: zeta2 * xx, xy: zeta2 * xy, yy: zeta2 * yy };
}

/** Sufficient statistics of a geometry for the fast form: W, S, A and Σ w e^{2iθ}. */
export interface FimStats {
  /** W = Σ w_i */
  w: number;
  /** S = Σ w_i (cos θ_i, sin θ_i) */
  sx: number;
  sy: number;
  /** C + iD = Σ w_i e^{2iθ_i}; A = (W I + [C, D; D, −C])/2 */
  c2: number;
  d2: number;
}

/** Accumulate the statistics of the first n transceivers given weights w_i = d_i^{−β}. */
export function fimStatsFromWeights(weights: ArrayLike<number>, bearings: ArrayLike<number>, n = weights.length): FimStats {
  let w = 0;
  let sx = 0;
  let sy = 0;
  let c2 = 0;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights[i];
    const c = Math.cos(bearings[i]);
    const s = Math.sin(bearings[i]);
    w += wi;
    sx += wi * c;
    sy += wi * s;
    c2 += wi * (c * c - s * s);
    d2 += wi * 2 * s * c;
  }
  return { w, sx, sy, c2, d2 };
}

/** F_N = 2|ζ|²(W A + S Sᵀ) from the statistics. */
export function fimFromStats(st: FimStats, zeta2 = 1): Sym2 {
  const axx = (st.w + st.c2) / 2;
  const ayy = (st.w - st.c2) / 2;
  const axy = st.d2 / 2;
  return {
    xx: 2 * zeta2 * (st.w * axx + st.sx * st.sx),
    xy: 2 * zeta2 * (st.w * axy + st.sx * st.sy),
    yy: 2 * zeta2 * (st.w * ayy + st.sy * st.sy),
  };
}

/**
 * tr(F⁻¹) from the statistics, computed with the cancellation-free determinant described in the
 * module comment. Returns +∞ when F is singular (collinear bearings, N = 1).
 */
export function crlbFromStats(st: FimStats, zeta2 = 1): number {
  const W = st.w;
  const s2 = st.sx * st.sx + st.sy * st.sy;
  const R = Math.hypot(st.c2, st.d2);
  // W − R and Sᵀ adj(A) S are computed to a few ulp of W and W|S|²: below that they are rounding
  // noise of an exactly singular matrix (N = 1, collinear bearings) and count as 0.
  const gap = W - R <= ROUNDING_GAP * W ? 0 : W - R;
  const detA = (gap * (W + R)) / 4;
  // adj(A) = [A_yy, −A_xy; −A_xy, A_xx]
  const axx = (W + st.c2) / 2;
  const ayy = (W - st.c2) / 2;
  const axy = st.d2 / 2;
  const quadRaw = ayy * st.sx * st.sx - 2 * axy * st.sx * st.sy + axx * st.sy * st.sy;
  const quad = quadRaw <= ROUNDING_GAP * W * s2 ? 0 : quadRaw;
  const det = W * W * detA + W * quad;
  if (!(det > 0)) return Infinity;
  // tr F / det F = 2|ζ|²(W² + |S|²) / (4|ζ|⁴ det)
  return (W * W + s2) / (2 * zeta2 * det);
}

/**
 * Relative size below which W − R (and Sᵀ adj(A) S relative to W|S|²) is rounding noise: 32 ulp.
 * A geometry whose bearings are collinear to within ~1e-7 rad therefore gets CRLB = +∞ (its true
 * CRLB exceeds ~1e13 times the typical value): a probability below 1e-6 for N = 2 and
 * negligible (< 1e-18) for N ≥ 4.
 */
const ROUNDING_GAP = 32 * Number.EPSILON;

/** Eq. (5) in O(N) through the identity F = 2|ζ|²(W A + S Sᵀ). */
export function fimEq5(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): Sym2 {
  checkGeometry(distances, bearings, n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.pow(distances[i], -beta);
  return fimFromStats(fimStatsFromWeights(w, bearings, n), zeta2);
}

/** tr(F⁻¹) of a 2×2 matrix: (xx + yy)/(xx·yy − xy²); +∞ when singular. */
export function traceInverse(f: Sym2): number {
  const det = f.xx * f.yy - f.xy * f.xy;
  if (!(det > 0)) return Infinity;
  return (f.xx + f.yy) / det;
}

/**
 * CRLB = tr(F_N⁻¹) of Eqs. (5)–(6) for one geometry: d^{2β}/|ζ|² in the units of the inputs
 * (m² with distances in m and |ζ|² from src/params/derived.ts, the convention of `crlbScaleM2`).
 * With |ζ|² = 1 and distances normalized by 1/√(πλ_b) it is the normalized CRLB. O(N).
 */
export function crlbGeometry(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): number {
  checkGeometry(distances, bearings, n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.pow(distances[i], -beta);
  return crlbFromStats(fimStatsFromWeights(w, bearings, n), zeta2);
}
