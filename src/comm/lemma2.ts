/**
 * Lemma 2 of arXiv:2403.20228: the functions H1 and H2 in the Laplace transforms of the cooperative
 * signal U, the declined-request interference I1 and the out-of-cluster interference I2, Eqs. (19)–(21).
 *
 * Definitions (Laplace functional of a PPP, distances normalized by the serving distance r = ‖d_1‖,
 * η = r/r_L, a gain with Laplace transform (1 + s)^{−K}):
 *
 *   H1(x, K, α, η) = ∫_1^{1/η} (1 − (1 + x t^{−α})^{−K}) 2t dt      (annulus r < ‖d‖ < r_L)
 *   H2(x, α, η)    = ∫_{1/η}^∞ (1 − (1 + x t^{−α})^{−1}) 2t dt       (outside r_L, Exp(1) gains)
 *
 * Closed forms (integration by parts, then v = x t^{−α}/(1 + x t^{−α}), a = 1 − 2/α):
 *
 *   H1 = η^{−2}(1 − (1 + x η^α)^{−K}) + (1 + x)^{−K} − 1
 *        + K x^{2/α} [B(x/(1+x); a, K + 2/α) − B(xη^α/(1+xη^α); a, K + 2/α)]
 *   H2 = x^{2/α} B(xη^α/(1+xη^α); a, 1 + 2/α) + η^{−2}((1 + xη^α)^{−1} − 1)
 *
 * with B(v; p, q) = ∫_0^v t^{p−1}(1−t)^{q−1} dt the (non-regularized) incomplete Beta function.
 * The paper prints the boundary term of H1 at t = 1 as (1 + x)^{−α}; the integration by parts gives
 * (1 + x)^{−K} (the two agree only when K = α). `h1Printed` keeps the printed form, `h1` is the
 * corrected one; both are checked against `h1Integral` in test/comm/lemma2.test.ts. H2 is printed
 * correctly.
 *
 * Accuracy: the closed forms are double-precision accurate (≈1e-13 relative against the defining
 * integrals over the tested grid), except that H1 → 0 as η → 1 by cancellation, where the absolute
 * error stays ≈1e-16·η^{−2}.
 */
import { incompleteBeta } from '../math/special.ts';
import { integrate } from '../math/quadrature.ts';

/**
 * 1 − (1 + y)^{−K} without cancellation for small y.
 *
 * Formula: 1 − (1 + y)^{−K}, the terms of H1 in Lemma 2 of arXiv:2403.20228 (1 minus the Laplace
 * transform of a Gamma(K, 1) gain).
 * Method: −expm1(−K·log1p(y)).
 * Accuracy: a few ulp for all y ≥ 0 (measured against mpmath: the example at y = 1e-10 to 1e-16
 * relative, where the naive 1 − (1 + y)^{−3} is off by 8e-8).
 * References: arXiv:2403.20228, Lemma 2; src/comm/lemma2.ts (module comment).
 *
 * @example
 * import { oneMinusPowInv } from 'isacnet/comm';
 * oneMinusPowInv(1, 2); // => 0.75
 * oneMinusPowInv(1e-10, 3); // => 2.9999999994e-10 (±1e-15)
 */
export function oneMinusPowInv(y: number, K: number): number {
  return -Math.expm1(-K * Math.log1p(y));
}

/**
 * Corrected H1(x, K, α, η) of Lemma 2 (closed form; see the module comment).
 *
 * Formula: H1 = 2∫_1^{1/η} (1 − (1 + x t^{−α})^{−K}) t dt = η^{−2}(1 − (1 + xη^α)^{−K}) + (1 + x)^{−K} − 1
 * + K x^{2/α}[B(x/(1+x); 1 − 2/α, K + 2/α) − B(xη^α/(1+xη^α); 1 − 2/α, K + 2/α)] (Lemma 2 of
 * arXiv:2403.20228, in Eqs. (19)–(20), with the t = 1 boundary term corrected from (1 + x)^{−α} to
 * (1 + x)^{−K}: the corrected version).
 * Method: the closed form with stdlib-js betainc.
 * Accuracy: matches the defining integrals (mpmath, 30 digits) to < 1e-10 relative over α ∈ {2.5, 3, 4, 6}, K ∈ {1, 3, 7}, x ∈ [1e-3, 50], η ∈ [0.05, 0.98] (test/comm/lemma2.test.ts); H1 → 0 as η → 1 by cancellation (absolute error ≈ 1e-16·η^{−2}).
 * References: arXiv:2403.20228, Lemma 2; docs/errata.md C3; docs/communication.md (Lemma 2).
 *
 * @example
 * import { h1 } from 'isacnet';
 * h1(2, 1, 4, 0.2); // => 1.27110689
 * h1(0.5, 3, 4, 0.5); // => 0.795817004
 */
export function h1(x: number, K: number, alpha: number, eta: number): number {
  if (x <= 0 || eta >= 1) return 0;
  const a = 1 - 2 / alpha;
  const b = K + 2 / alpha;
  const xe = x * Math.pow(eta, alpha);
  return (
    oneMinusPowInv(xe, K) / (eta * eta) -
    oneMinusPowInv(x, K) +
    K * Math.pow(x, 2 / alpha) * (incompleteBeta(x / (1 + x), a, b) - incompleteBeta(xe / (1 + xe), a, b))
  );
}

/**
 * H1 exactly as printed in Lemma 2: the t = 1 boundary term reads (1 + x)^{−α} instead of
 * (1 + x)^{−K}. Kept to show the effect of the typo; do not use for results.
 *
 * Formula: H1 of Lemma 2 of arXiv:2403.20228 as printed (in Eqs. (19)–(20)).
 * Method: the printed closed form with stdlib-js betainc.
 * Accuracy: matches its own mpmath evaluation; it differs from the defining integral by exactly
 * (1 + x)^{−α} − (1 + x)^{−K} (zero only when K = α): −25% at (2, 1, 4, 0.2), more than 100% elsewhere on
 * the test grid (test/comm/lemma2.test.ts, docs/errata.md C3).
 * References: arXiv:2403.20228, Lemma 2; docs/errata.md C3.
 *
 * @example
 * import { h1Printed, h1 } from 'isacnet';
 * h1Printed(2, 1, 4, 0.2); // => 0.950119233
 * h1Printed(2, 1, 4, 0.2) - h1(2, 1, 4, 0.2); // => -0.320987654 (±1e-9)
 */
export function h1Printed(x: number, K: number, alpha: number, eta: number): number {
  const a = 1 - 2 / alpha;
  const b = K + 2 / alpha;
  const xe = x * Math.pow(eta, alpha);
  return (
    (1 / (eta * eta)) * (1 - 1 / Math.pow(1 + xe, K)) +
    1 / Math.pow(1 + x, alpha) -
    1 +
    K * Math.pow(x, 2 / alpha) * (incompleteBeta(x / (x + 1), a, b) - incompleteBeta(xe / (xe + 1), a, b))
  );
}

/**
 * H2(x, α, η) of Lemma 2 (closed form, as printed).
 *
 * Formula: H2 = 2∫_{1/η}^∞ (1 − (1 + x t^{−α})^{−1}) t dt = x^{2/α} B(xη^α/(1+xη^α); 1 − 2/α, 1 + 2/α)
 * + η^{−2}((1 + xη^α)^{−1} − 1): Lemma 2 of arXiv:2403.20228 (in Eq. (21)), printed correctly.
 * Method: the closed form with stdlib-js betainc.
 * Accuracy: matches the defining integrals (mpmath, 30 digits) to < 1e-10 relative over α ∈ {2.5, 3, 4, 6}, K ∈ {1, 3, 7}, x ∈ [1e-3, 50], η ∈ [0.05, 0.98] (test/comm/lemma2.test.ts).
 * References: arXiv:2403.20228, Lemma 2; docs/communication.md (Lemma 2).
 *
 * @example
 * import { h2 } from 'isacnet';
 * h2(1, 4, 0.5); // => 0.244978663
 * // η = 1, α = 4: H2 = √x·arctan(√x), π/4 at x = 1
 * h2(1, 4, 1); // => 0.785398163
 */
export function h2(x: number, alpha: number, eta: number): number {
  if (x <= 0) return 0;
  const a = 1 - 2 / alpha;
  const xe = x * Math.pow(eta, alpha);
  return Math.pow(x, 2 / alpha) * incompleteBeta(xe / (1 + xe), a, 1 + 2 / alpha) - xe / (1 + xe) / (eta * eta);
}

/**
 * The defining integrals, evaluated numerically (adaptive Gauss–Kronrod) after the change of
 * variables w = t^{2−α}, which maps the integrand 2t(1 − (1 + x t^{−α})^{−K}) dt to the bounded,
 * smooth (2/(α−2)) w^{−α/(α−2)} (1 − (1 + x w^{α/(α−2)})^{−K}) dw on a finite interval.
 */
function definingIntegral(x: number, K: number, alpha: number, wLo: number, wHi: number, relTol: number): number {
  const p = alpha / (alpha - 2);
  const c = 2 / (alpha - 2);
  const f = (w: number): number => {
    if (w === 0) return c * K * x; // limit w → 0
    const y = x * Math.pow(w, p);
    return (c * oneMinusPowInv(y, K)) / Math.pow(w, p);
  };
  return integrate(f, wLo, wHi, { relTol, absTol: 1e-300, maxPanels: 5000 }).value;
}

/**
 * H1 from its defining integral 2∫_1^{1/η}(1 − (1 + x t^{−α})^{−K}) t dt.
 *
 * Formula: the definition of H1 behind Lemma 2 of arXiv:2403.20228 (Laplace functional of the PPP in
 * the annulus r < ‖d‖ < r_L with gains of Laplace transform (1 + s)^{−K}).
 * Method: w = t^{2−α} (a bounded, smooth integrand on a finite interval), adaptive Gauss–Kronrod 7/15.
 * Accuracy: agrees with mpmath (30 digits) to 1e-10 (test/comm/lemma2.test.ts).
 * References: arXiv:2403.20228, Lemma 2; docs/communication.md (Lemma 2).
 *
 * @example
 * import { h1Integral } from 'isacnet';
 * h1Integral(2, 1, 4, 0.2); // => 1.27110689
 */
export function h1Integral(x: number, K: number, alpha: number, eta: number, relTol = 1e-13): number {
  if (eta >= 1) return 0;
  return definingIntegral(x, K, alpha, Math.pow(eta, alpha - 2), 1, relTol);
}

/**
 * H2 from its defining integral 2∫_{1/η}^∞ (1 − (1 + x t^{−α})^{−1}) t dt.
 *
 * Formula: the definition of H2 behind Lemma 2 of arXiv:2403.20228 (Laplace functional of the PPP
 * beyond r_L with Exp(1) gains).
 * Method: w = t^{2−α}, adaptive Gauss–Kronrod 7/15.
 * Accuracy: agrees with mpmath (30 digits) to 1e-10 (test/comm/lemma2.test.ts).
 * References: arXiv:2403.20228, Lemma 2.
 *
 * @example
 * import { h2Integral } from 'isacnet';
 * h2Integral(1, 4, 0.5); // => 0.244978663
 */
export function h2Integral(x: number, alpha: number, eta: number, relTol = 1e-13): number {
  return definingIntegral(x, 1, alpha, 0, Math.pow(eta, alpha - 2), relTol);
}
