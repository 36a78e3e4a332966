/**
 * Special functions used by the closed forms of arXiv:2403.20228, wrapping stdlib-js (double
 * precision accurate; stdlib takes x first). Each wrapper states its definition so that the paper's
 * notation maps onto it.
 */
import { stdlibBeta, stdlibBetainc, stdlibGamma, stdlibGammainc, stdlibGammaln } from './stdlib.ts';

/**
 * Γ(x).
 *
 * Formula: Γ(x) = ∫_0^∞ t^{x−1} e^{−t} dt, in E[d_n] below Prop. 1 of arXiv:2403.20228.
 * Method: stdlib-js gamma (Lanczos / Stirling).
 * Accuracy: double precision (stdlib's tests); the Gamma ratios built on it match mpmath to 1e-12
 * (test/math/special.test.ts).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §5.2.
 *
 * @example
 * import { gamma } from 'isacnet/math';
 * gamma(4.5); // => 11.6317284
 */
export function gamma(x: number): number {
  return stdlibGamma(x);
}

/**
 * ln Γ(x) for x > 0.
 *
 * Formula: ln Γ(x) (not in the paper; keeps Γ ratios such as Γ(n + ½)/Γ(n) of Prop. 1 of
 * arXiv:2403.20228 finite for large n).
 * Method: stdlib-js gammaln.
 * Accuracy: double precision; Γ(n + ½)/Γ(n) through it matches mpmath to 1e-12 up to n = 1000
 * (test/math/special.test.ts).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §5.4.
 *
 * @example
 * import { gammaln } from 'isacnet/math';
 * gammaln(100); // => 359.134205
 */
export function gammaln(x: number): number {
  return stdlibGammaln(x);
}

/**
 * Regularized upper incomplete gamma Q(s, x) = Γ(s, x)/Γ(s). Γ(ψ, x)/(ψ−1)! in eq. (15) is Q(ψ, x).
 *
 * Formula: Q(s, x) = Γ(s, x)/Γ(s); Γ(ψ, μ_s N̄)/(ψ − 1)! of Eq. (15) and of κ_c of arXiv:2403.20228.
 * Method: stdlib-js gammainc (upper, regularized).
 * Accuracy: matches mpmath to 1e-12 relative for values above 1e-280 (test/math/special.test.ts).
 * References: stdlib-js; NIST DLMF §8.2.
 *
 * @example
 * // Shape s first, then x (stdlib-js takes x first). For integer s, Q(s, x) = e^{−x} Σ_{k<s} x^k/k!.
 * gammaincUpperRegularized(1, 2); // => 0.135335283237
 * gammaincUpperRegularized(3, 2); // => 0.676676416183
 */
export function gammaincUpperRegularized(s: number, x: number): number {
  return stdlibGammainc(x, s, true, true);
}

/**
 * Regularized lower incomplete gamma P(s, x) = γ(s, x)/Γ(s).
 *
 * Formula: P(s, x) = γ(s, x)/Γ(s) = 1 − Q(s, x) (not in the paper; the CDF of πλd_n² ~ Gamma(n, 1)).
 * Method: stdlib-js gammainc (lower, regularized).
 * Accuracy: double precision; the distance CDF built on it matches mpmath to 1e-12
 * (test/geometry/nearestDistances.test.ts).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §8.2.
 *
 * @example
 * import { gammaincLowerRegularized } from 'isacnet/math';
 * gammaincLowerRegularized(3, 2); // => 0.323323584
 */
export function gammaincLowerRegularized(s: number, x: number): number {
  return stdlibGammainc(x, s, true, false);
}

/**
 * Beta function B(a, b).
 *
 * Formula: B(a, b) = Γ(a)Γ(b)/Γ(a + b) (the complete form of the incomplete Beta of Lemma 2 of
 * arXiv:2403.20228).
 * Method: stdlib-js beta.
 * Accuracy: double precision (stdlib's tests).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §5.12.
 *
 * @example
 * import { beta } from 'isacnet/math';
 * beta(2, 3); // => 0.0833333333
 */
export function beta(a: number, b: number): number {
  return stdlibBeta(a, b);
}

/**
 * Non-regularized lower incomplete Beta function B(x; a, b) = ∫_0^x t^{a−1}(1−t)^{b−1} dt, written
 * B(x, a, b) in Lemma 2 of arXiv:2403.20228.
 *
 * Formula: B(x; a, b) of Lemma 2 (H1, H2 in Eqs. (19)–(21) of arXiv:2403.20228).
 * Method: stdlib-js betainc (non-regularized); x clamped to [0, 1].
 * Accuracy: matches mpmath to 1e-12 relative (test/math/special.test.ts).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §8.17.
 *
 * @example
 * import { incompleteBeta } from 'isacnet/math';
 * incompleteBeta(0.5, 2, 3); // => 0.0572916667
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  return stdlibBetainc(Math.min(x, 1), a, b, false, false);
}

/**
 * Regularized lower incomplete Beta I_x(a, b).
 *
 * Formula: I_x(a, b) = B(x; a, b)/B(a, b) (not in the paper).
 * Method: stdlib-js betainc (regularized).
 * Accuracy: double precision (stdlib's tests).
 * References: stdlib-js (https://stdlib.io); NIST DLMF §8.17.
 *
 * @example
 * import { incompleteBetaRegularized } from 'isacnet/math';
 * incompleteBetaRegularized(0.5, 2, 3); // => 0.6875
 */
export function incompleteBetaRegularized(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  return stdlibBetainc(Math.min(x, 1), a, b, true, false);
}

/**
 * Γ(n + 1/2)/Γ(n) computed through ln Γ to stay finite for large n.
 *
 * Formula: Γ(n + ½)/Γ(n) = √(λ_bπ) E[d_n], below Prop. 1 of arXiv:2403.20228.
 * Method: exp(ln Γ(n + ½) − ln Γ(n)).
 * Accuracy: matches mpmath to 1e-12 relative up to n = 1000 (test/math/special.test.ts).
 * References: arXiv:2403.20228, Prop. 1; NIST DLMF §5.11.
 *
 * @example
 * import { gammaRatioHalf } from 'isacnet/math';
 * gammaRatioHalf(10); // => 3.12301143
 */
export function gammaRatioHalf(n: number): number {
  return Math.exp(gammaln(n + 0.5) - gammaln(n));
}
