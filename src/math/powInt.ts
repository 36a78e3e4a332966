/**
 * x^n for a non-negative integer n by binary exponentiation: ≈ 7 ns against ≈ 55 ns for Math.pow
 * in V8, which matters in the rate integrands (several integer powers per quadrature node). Error:
 * at most ⌈log2 n⌉ + popcount(n) roundings, i.e. a few ulp for the exponents used here (n ≤ 63).
 *
 * Formula: not in the paper (numerics of the rate integrands).
 * Method: square-and-multiply over the bits of n.
 * Accuracy: a few ulp (bound above); measured: powInt(1.1, 63) is 9e-16 relative from mpmath.
 * Timings are from the author's V8 measurement (not a test).
 * References: D. E. Knuth, TAOCP vol. 2, §4.6.3.
 *
 * @example
 * import { powInt } from 'isacnet/math';
 * powInt(2, 10); // => 1024
 * powInt(1.5, 3); // => 3.375
 * powInt(1.1, 63); // => 405.265062229630 (±1e-14)
 * powInt(7, 0); // => 1
 */
export function powInt(x: number, n: number): number {
  let r = 1;
  let b = x;
  let e = n;
  while (e > 0) {
    if (e & 1) r *= b;
    b *= b;
    e >>= 1;
  }
  return r;
}
