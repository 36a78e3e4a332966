/**
 * Eq. (11) of arXiv:2403.20228: the CRLB of one geometry written as a ratio of sums,
 *
 *   CRLB = |ζ|^{−2} · 2 Σ_i Σ_j d_i^{−β} d_j^{−β} (1 + cos(θ_i − θ_j))
 *          / Σ_{l=1}^N Σ_{k=1}^N Σ_{i≥k} Σ_{j > ⌈(k−i)N + l⌉⁺} (d_i d_j d_l d_k)^{−β} (a_kl b_ij − a_ij b_kl)²,
 *
 * with ⌈x⌉⁺ = max(x, 1) as printed.
 *
 * What it must be: the numerator is tr F/|ζ|² (|e_i + e_j|² = 2 + 2 cos(θ_i − θ_j)) and the
 * denominator det F/|ζ|⁴ by the Cauchy–Binet formula det(Σ_p c_p u_p u_pᵀ) = Σ_{p<q} c_p c_q (u_p × u_q)²
 * over the N² ordered pairs p = (k, l), q = (i, j) with linear index (k−1)N + l < (i−1)N + j. That
 * order is "i ≥ k and j > (k − i)N + l, j ≥ 1", i.e. j > max((k − i)N + l, 0): the ⌈·⌉⁺ must clip at
 * 0, not at 1. As printed (clip at 1) the terms i > k, j = 1 are dropped, the denominator is too
 * small and the printed Eq. (11) exceeds tr(F⁻¹) (see docs/errata.md, test/sensing/eq11.test.ts).
 *
 * Both versions are O(N⁴): reference implementations for tests and small N only.
 */
import { ArgumentError, checkInteger } from '../math/argumentError.ts';

function eq11(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2: number, n: number, clip: number): number {
  checkInteger('n', n, 1);
  if (distances.length < n) throw new ArgumentError('distances.length', distances.length, `≥ n = ${n}`);
  if (bearings.length < n) throw new ArgumentError('bearings.length', bearings.length, `≥ n = ${n}`);
  const w = (i: number): number => Math.pow(distances[i - 1], -beta);
  const a = (i: number, j: number): number => Math.cos(bearings[i - 1]) + Math.cos(bearings[j - 1]);
  const b = (i: number, j: number): number => Math.sin(bearings[i - 1]) + Math.sin(bearings[j - 1]);
  let num = 0;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) num += w(i) * w(j) * (1 + Math.cos(bearings[i - 1] - bearings[j - 1]));
  num *= 2;
  let den = 0;
  for (let l = 1; l <= n; l++) {
    for (let k = 1; k <= n; k++) {
      for (let i = k; i <= n; i++) {
        const jStart = Math.max((k - i) * n + l, clip) + 1;
        for (let j = jStart; j <= n; j++) {
          const cross = a(k, l) * b(i, j) - a(i, j) * b(k, l);
          den += w(i) * w(j) * w(l) * w(k) * cross * cross;
        }
      }
    }
  }
  if (!(den > 0)) return Infinity;
  return num / (zeta2 * den);
}

/**
 * Eq. (11) literally as printed: ⌈x⌉⁺ = max(x, 1). Not equal to tr(F⁻¹) (kept as printed).
 *
 * Formula: Eq. (11) of arXiv:2403.20228 with its printed index set j > ⌈(k − i)N + l⌉⁺, ⌈x⌉⁺ = max(x, 1).
 * Method: the quadruple sum, O(N⁴) (small N only).
 * Accuracy: matches its own mpmath evaluation (1e-10); it is NOT tr(F⁻¹): it drops the terms i > k,
 * j = 1 and overestimates the CRLB by ×1.03 to ×2 (median ×1.3 over 2000 geometries, N = 2…8)
 * (test/sensing/eq11.test.ts, docs/errata.md S2).
 * References: arXiv:2403.20228, Eq. (11); docs/errata.md S2.
 *
 * @example
 * import { crlbEq11Printed } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * crlbEq11Printed(d, theta, 2); // => 2.06604952
 */
export function crlbEq11Printed(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): number {
  return eq11(distances, bearings, beta, zeta2, n, 1);
}

/**
 * Eq. (11) with the index set corrected to ⌈x⌉⁺ = max(x, 0): equals tr(F⁻¹) exactly.
 *
 * Formula: Eq. (11) of arXiv:2403.20228 corrected: the denominator is det F/|ζ|⁴ by Cauchy–Binet over
 * the ordered pairs (k, l) < (i, j) in linear order, i.e. j > max((k − i)N + l, 0) (corrected version).
 * Method: the quadruple sum, O(N⁴) (small N only).
 * Accuracy: equals tr(F⁻¹) to 1e-10 relative (mpmath fixtures and random geometries N = 2…7,
 * test/sensing/eq11.test.ts).
 * References: arXiv:2403.20228, Eq. (11); docs/errata.md S2; docs/sensing.md.
 *
 * @example
 * import { crlbEq11Corrected, crlbGeometry } from 'isacnet';
 * const d = [1, 2, 3]; // distances of the 3 BSs
 * const theta = [0.3, 2.0, 4.4]; // bearings (rad)
 * crlbEq11Corrected(d, theta, 2); // => 1.34716947
 * crlbEq11Corrected(d, theta, 2) / crlbGeometry(d, theta, 2); // => 1 (±1e-12)
 */
export function crlbEq11Corrected(distances: ArrayLike<number>, bearings: ArrayLike<number>, beta: number, zeta2 = 1, n = distances.length): number {
  return eq11(distances, bearings, beta, zeta2, n, 0);
}
