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
 *
 * Formula: F_N = |ζ|² Σ_i Σ_j d_i^{−β} d_j^{−β} [a_ij², a_ij b_ij; a_ij b_ij, b_ij²],
 * a_ij = cos θ_i + cos θ_j, b_ij = sin θ_i + sin θ_j: Eq. (5) of arXiv:2403.20228 as printed.
 * Method: the double loop, O(N²).
 * Accuracy: matches mpmath to 1e-12 (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md (FIM and CRLB of one geometry).
 *
 * @example
 * import { fimEq5Literal } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * const F = fimEq5Literal(d, theta, 2);
 * [F.xx, F.xy, F.yy]; // => [3.96638498, 1.28116368, 1.42229885]
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

/**
 * Accumulate the statistics of the first n transceivers given weights w_i = d_i^{−β}.
 *
 * Formula: W = Σ w_i, S = Σ w_i e_i, C + iD = Σ w_i e^{2iθ_i} (e_i = (cos θ_i, sin θ_i)): the sufficient
 * statistics of the fast form F_N = 2|ζ|²(W A + S Sᵀ) of Eq. (5) of arXiv:2403.20228 (derived in
 * src/sensing/fim.ts, not in the paper).
 * Method: one pass, O(N).
 * Accuracy: double precision; the resulting FIM equals the literal double sum (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md.
 *
 * @example
 * import { fimStatsFromWeights } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * const st = fimStatsFromWeights(d.map((x) => x ** -2), theta);
 * st.w; // => 1.36111111
 */
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

/**
 * F_N = 2|ζ|²(W A + S Sᵀ) from the statistics.
 *
 * Formula: Σ_ij w_i w_j (e_i + e_j)(e_i + e_j)ᵀ = 2W A + 2S Sᵀ with A = Σ w_i e_i e_iᵀ, i.e. Eq. (5) of
 * arXiv:2403.20228 in O(N) (the identity is derived in src/sensing/fim.ts, not in the paper).
 * Method: A = (W I + [C, D; D, −C])/2 from the statistics.
 * Accuracy: equals the literal double sum to 1e-12 and mpmath to 1e-12 (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md.
 *
 * @example
 * import { fimFromStats, fimStatsFromWeights } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * const F = fimFromStats(fimStatsFromWeights(d.map((x) => x ** -2), theta));
 * [F.xx, F.xy, F.yy]; // => [3.96638498, 1.28116368, 1.42229885]
 */
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
 *
 * Formula: CRLB = tr(F_N⁻¹) of Eq. (6) of arXiv:2403.20228 for one geometry, = tr F/det F with
 * tr F = 2|ζ|²(W² + |S|²), det F = 4|ζ|⁴(W² det A + W Sᵀ adj(A) S), det A = (W − R)(W + R)/4.
 * Method: O(1) from the statistics; W − R and Sᵀ adj(A) S below 32 ulp count as 0 (singular).
 * Accuracy: 1e-10 relative against mpmath, 1e-6 for bearings collinear within 1e-4 rad
 * (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eqs. (5)–(6); docs/sensing.md.
 *
 * @example
 * import { crlbFromStats, fimStatsFromWeights } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * crlbFromStats(fimStatsFromWeights(d.map((x) => x ** -2), theta)); // => 1.34716947
 * crlbFromStats(fimStatsFromWeights([1], [0])); // => Infinity
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

/**
 * Eq. (5) in O(N) through the identity F = 2|ζ|²(W A + S Sᵀ).
 *
 * Formula: F_N of Eq. (5) of arXiv:2403.20228 (same value as `fimEq5Literal`).
 * Method: weights d_i^{−β}, then `fimStatsFromWeights` and `fimFromStats`: O(N).
 * Accuracy: matches the literal double sum and mpmath to 1e-12 (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md.
 *
 * @example
 * import { fimEq5 } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * const F = fimEq5(d, theta, 2);
 * [F.xx, F.xy, F.yy]; // => [3.96638498, 1.28116368, 1.42229885]
 * // 3 BSs at distance 1, 120° apart: F = 9 I
 * const E = fimEq5([1, 1, 1], [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3], 2);
 * [E.xx, Math.abs(E.xy) < 1e-12, E.yy]; // => [9.0000000000, true, 9.0000000000]
 */
export function fimEq5(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): Sym2 {
  checkGeometry(distances, bearings, n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.pow(distances[i], -beta);
  return fimFromStats(fimStatsFromWeights(w, bearings, n), zeta2);
}

/**
 * tr(F⁻¹) of a 2×2 matrix: (xx + yy)/(xx·yy − xy²); +∞ when singular.
 *
 * Formula: tr(F⁻¹) of Eq. (6) of arXiv:2403.20228 for a given 2 × 2 FIM.
 * Method: closed form of the 2 × 2 inverse (no cancellation guard: use `crlbFromStats` for nearly
 * singular FIMs).
 * Accuracy: double precision for well-conditioned F.
 * References: arXiv:2403.20228, Eq. (6).
 *
 * @example
 * import { traceInverse } from 'isacnet';
 * traceInverse({ xx: 2, xy: 0, yy: 4 }); // => 0.75
 * traceInverse({ xx: 2, xy: 1, yy: 2 }); // => 1.33333333
 * traceInverse({ xx: 1, xy: 1, yy: 1 }); // => Infinity
 */
export function traceInverse(f: Sym2): number {
  const det = f.xx * f.yy - f.xy * f.xy;
  if (!(det > 0)) return Infinity;
  return (f.xx + f.yy) / det;
}

/**
 * CRLB = tr(F_N⁻¹) of Eqs. (5)–(6) for one geometry: d^{2β}/|ζ|² in the units of the inputs
 * (m² with distances in m and |ζ|² from src/params/derived.ts, the convention of `crlbScaleM2`).
 * With |ζ|² = 1 and distances normalized by 1/√(πλ_b) it is the normalized CRLB. O(N).
 *
 * Formula: tr(F_N⁻¹) inside the expectation of Eq. (6) of arXiv:2403.20228, F_N of Eq. (5).
 * Method: weights d_i^{−β}, statistics, `crlbFromStats` (cancellation-free determinant).
 * Accuracy: 1e-10 relative against mpmath (1e-6 for bearings collinear within 1e-4 rad); exactly
 * singular geometries (N = 1, collinear bearings) give +∞ (test/sensing/fim.test.ts).
 * References: arXiv:2403.20228, Eqs. (5)–(6); docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { crlbGeometry } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * crlbGeometry(d, theta, 2); // => 1.34716947
 * crlbGeometry(d, theta, 2, 4); // => 0.336792367
 * crlbGeometry([1], [0], 2); // => Infinity
 */
export function crlbGeometry(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): number {
  checkGeometry(distances, bearings, n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.pow(distances[i], -beta);
  return crlbFromStats(fimStatsFromWeights(w, bearings, n), zeta2);
}
