/**
 * ψ(k), the digamma function at positive integers, and Euler's constant γ: the exact means of ln u for
 * u ~ Gamma(k, 1) used by the control variates of the rate curve (src/comm/rateCurveControl.ts) and of
 * the nested CRLB (src/sensing/crlbControl.ts).
 */

/** Euler–Mascheroni constant γ (−E[ln h] for h ~ Exp(1)). */
export const EULER_GAMMA = 0.5772156649015329;

/**
 * ψ(k) for an integer k ≥ 1: −γ + Σ_{j=1}^{k−1} 1/j.
 *
 * Formula: not in the paper; the digamma function at positive integers (DLMF 5.4.14).
 * Method: the harmonic sum, exact up to rounding (k − 1 additions).
 * Accuracy: ≤ k ulp; agrees with scipy.special.digamma to 1e-15 for k ≤ 100 (test/comm/rateCurveControl.test.ts).
 * References: DLMF §5.4(ii).
 *
 * @example
 * import { digammaInteger } from 'isacnet/math';
 * digammaInteger(1); // => -0.5772156649015329
 * Math.round(digammaInteger(3) * 1e12) / 1e12; // => 0.922784335098
 */
export function digammaInteger(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: invalid value ${k}; must be an integer ≥ 1`);
  let s = -EULER_GAMMA;
  for (let j = 1; j < k; j++) s += 1 / j;
  return s;
}
