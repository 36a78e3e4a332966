/**
 * Special functions used by the closed forms of arXiv:2403.20228, wrapping stdlib-js (double
 * precision accurate; stdlib takes x first). Each wrapper states its definition so that the paper's
 * notation maps onto it.
 */
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibGammainc from '@stdlib/math-base-special-gammainc';
import stdlibBetainc from '@stdlib/math-base-special-betainc';
import stdlibBeta from '@stdlib/math-base-special-beta';

/** Γ(x). */
export function gamma(x: number): number {
  return stdlibGamma(x);
}

/** ln Γ(x) for x > 0. */
export function gammaln(x: number): number {
  return stdlibGammaln(x);
}

/**
 * Regularized upper incomplete gamma Q(s, x) = Γ(s, x)/Γ(s). Γ(ψ, x)/(ψ−1)! in eq. (15) is Q(ψ, x).
 *
 * @example
 * // Shape s first, then x (stdlib-js takes x first). For integer s, Q(s, x) = e^{−x} Σ_{k<s} x^k/k!.
 * gammaincUpperRegularized(1, 2); // => 0.135335283237
 * gammaincUpperRegularized(3, 2); // => 0.676676416183
 */
export function gammaincUpperRegularized(s: number, x: number): number {
  return stdlibGammainc(x, s, true, true);
}

/** Regularized lower incomplete gamma P(s, x) = γ(s, x)/Γ(s). */
export function gammaincLowerRegularized(s: number, x: number): number {
  return stdlibGammainc(x, s, true, false);
}

/** Beta function B(a, b). */
export function beta(a: number, b: number): number {
  return stdlibBeta(a, b);
}

/**
 * Non-regularized lower incomplete Beta function B(x; a, b) = ∫_0^x t^{a−1}(1−t)^{b−1} dt, written
 * B(x, a, b) in Lemma 2 of arXiv:2403.20228.
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  return stdlibBetainc(Math.min(x, 1), a, b, false, false);
}

/** Regularized lower incomplete Beta I_x(a, b). */
export function incompleteBetaRegularized(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  return stdlibBetainc(Math.min(x, 1), a, b, true, false);
}

/** Γ(n + 1/2)/Γ(n) computed through ln Γ to stay finite for large n. */
export function gammaRatioHalf(n: number): number {
  return Math.exp(gammaln(n + 0.5) - gammaln(n));
}
