/**
 * One-dimensional solvers used by the optimizer on the continuous power split p^c.
 *
 * - `rootIncreasing`: the x in [a, b] where a continuous non-decreasing f crosses a level y, by
 *   Brent's method (Brent 1973, ch. 4: inverse quadratic interpolation safeguarded by bisection).
 *   The bracket [a, b] with f(a) ≤ y ≤ f(b) is kept throughout, so the result is always within
 *   `xTol` of a crossing even when f carries quadrature noise; convergence is superlinear for smooth
 *   f (typically 6–10 evaluations for xTol = 1e-12 on [0, 1]).
 * - `maximizeUnimodal`: the maximizer of a unimodal f on [a, b] by Brent's `localmin` (golden
 *   section with parabolic steps, Brent 1973, ch. 5). Exact to `xTol` for strictly concave f (the
 *   case here: w·R_c(L, p^c) + (1 − w)·ln(1 − p^c) with R_c concave in p^c); for a multimodal f it
 *   returns a local maximum. End points are compared explicitly so a boundary maximum is found.
 */

export interface RootResult {
  x: number;
  evaluations: number;
}

/**
 * Solve f(x) = y for a continuous non-decreasing f with f(a) ≤ y ≤ f(b). Known end values can be
 * passed to save evaluations. Returns the bracket end closest to the crossing within `xTol`.
 *
 * Formula: not in the paper (numerics of the optimizer).
 * Method: Brent's zeroin (inverse quadratic interpolation safeguarded by bisection), xTol 1e-12;
 * throws a RangeError when y is not bracketed.
 * Accuracy: within xTol of a crossing (test/math/brent.test.ts, to 1e-12); the example's Dottie
 * number x = cos x is off by 1.5e-16 after 8 evaluations (measured against mpmath).
 * References: R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 4.
 *
 * @example
 * import { rootIncreasing } from 'isacnet/math';
 * rootIncreasing((x) => x - Math.cos(x), 0, 0, 1).x; // => 0.739085133215161 (±1e-12)
 * rootIncreasing((x) => x ** 3, 2, 0, 2).x; // => 1.25992104989487 (±1e-12)
 */
export function rootIncreasing(
  f: (x: number) => number,
  y: number,
  a: number,
  b: number,
  opts: { fa?: number; fb?: number; xTol?: number; maxIter?: number } = {},
): RootResult {
  const xTol = opts.xTol ?? 1e-12;
  const maxIter = opts.maxIter ?? 200;
  let evaluations = 0;
  const g = (x: number): number => {
    evaluations++;
    return f(x) - y;
  };
  let fa = opts.fa !== undefined ? opts.fa - y : g(a);
  let fb = opts.fb !== undefined ? opts.fb - y : g(b);
  if (fa > 0 || fb < 0) throw new RangeError(`rootIncreasing: level ${y} not bracketed by f(${a}) = ${fa + y}, f(${b}) = ${fb + y}`);
  if (fa === 0) return { x: a, evaluations };
  if (fb === 0) return { x: b, evaluations };
  // Brent's zero finder (the classic `zeroin`), keeping b as the best estimate.
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIter; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xTol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { x: b, evaluations };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = g(b);
  }
  return { x: b, evaluations };
}

export interface MaxResult {
  x: number;
  value: number;
  evaluations: number;
}

const GOLDEN = 0.5 * (3 - Math.sqrt(5));

/**
 * Maximize a unimodal f on [a, b] (Brent's localmin on −f), end points included.
 *
 * Formula: not in the paper (numerics of the optimizer: the power split p^c maximizing
 * w·R_c + (1 − w)·ln(1 − p^c)).
 * Method: Brent's localmin (golden section with parabolic steps), xTol 1e-10, then the end points
 * compared explicitly.
 * Accuracy: x within xTol for strictly concave f (test/math/brent.test.ts, interior and boundary
 * maxima); in the example x = 3/8 is found to 7e-11 and the value to 1 ulp (measured against the
 * closed form ln(25/16)).
 * References: R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 5.
 *
 * @example
 * import { maximizeUnimodal } from 'isacnet/math';
 * const m = maximizeUnimodal((x) => Math.log(1 + 4 * x) + Math.log(1 - x), 0, 1);
 * m.x; // => 0.375 (±1e-9)
 * m.value; // => 0.446287102628420 (±1e-14)
 */
export function maximizeUnimodal(f: (x: number) => number, a: number, b: number, opts: { xTol?: number; maxIter?: number } = {}): MaxResult {
  const xTol = opts.xTol ?? 1e-10;
  const maxIter = opts.maxIter ?? 200;
  let evaluations = 0;
  const g = (x: number): number => {
    evaluations++;
    const v = -f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  if (!(b > a)) {
    const v = -g(a);
    return { x: a, value: v, evaluations };
  }
  const lo0 = a;
  const hi0 = b;
  let v = a + GOLDEN * (b - a);
  let w = v;
  let x = v;
  let fx = g(x);
  let fv = fx;
  let fw = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const m = 0.5 * (a + b);
    const tol = Math.sqrt(Number.EPSILON) * Math.abs(x) * 1e-3 + xTol / 3;
    const t2 = 2 * tol;
    if (Math.abs(x - m) <= t2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < t2 || b - u < t2) d = x < m ? tol : -tol;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x < m ? b - x : a - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol ? x + d : d > 0 ? x + tol : x - tol;
    const fu = g(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  // localmin never evaluates the end points: compare them explicitly (a boundary maximum is common
  // here, e.g. the backhaul cap or p^c = 0).
  let best = { x, value: -fx };
  for (const end of [lo0, hi0]) {
    const fe = -g(end);
    if (fe > best.value) best = { x: end, value: fe };
  }
  return { x: best.x, value: best.value, evaluations };
}
