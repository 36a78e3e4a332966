/**
 * SIR coverage P(SIR_c > T) of Eq. (8) of arXiv:2403.20228.
 *
 * Anchor (Andrews, Baccelli & Ganti 2011, Theorem 2 with Rayleigh fading, no noise): for L = 1
 * (no cooperation), desired and interference gains both Exp(1) — M_t = 2 and p^c = 1 here, since
 * then g_1 ~ Gamma(1, 1) and g_j = |h^H w^c|² ~ Exp(1) — and α = 4,
 *   P(SIR > T) = 1/(1 + ρ(T)),  ρ(T) = √T (π/2 − arctan(1/√T)).
 * General α, same gains: ρ(T, α) = T^{2/α} ∫_{T^{−2/α}}^∞ du/(1 + u^{α/2}) (`coverageL1Rayleigh`).
 * The Monte Carlo kernels record the SIR of every trial; `empiricalCoverage` counts exceedances.
 */
import { integrateToInfinity } from '../math/quadrature.ts';

/**
 * SIR coverage for L = 1, Exp(1) gains and α = 4 (see the module comment).
 *
 * Formula: P(SIR > T) = 1/(1 + √T(π/2 − arctan(1/√T))) (Andrews, Baccelli & Ganti 2011): the
 * complementary CDF of SIR_c of Eq. (8) of arXiv:2403.20228 without cooperation, M_t = 2, p^c = 1.
 * Method: closed form.
 * Accuracy: exact up to rounding; the Monte Carlo (gamma and ZF gains) matches within 4 binomial SE
 * at T = 0.1, 1, 10 (test/comm/rates.test.ts).
 * References: J. G. Andrews, F. Baccelli, R. K. Ganti, IEEE Trans. Commun. 59 (2011) 3122–3134,
 * Theorem 2; docs/communication.md (SIR coverage).
 *
 * @example
 * import { coverageL1Alpha4 } from 'isacnet';
 * coverageL1Alpha4(1); // => 0.560099154
 * coverageL1Alpha4(10); // => 0.200049610
 */
export function coverageL1Alpha4(T: number): number {
  if (T <= 0) return 1;
  const r = Math.sqrt(T);
  return 1 / (1 + r * (Math.PI / 2 - Math.atan(1 / r)));
}

/**
 * SIR coverage for L = 1, Exp(1) desired and interference gains, any α > 2 (numerical ρ).
 *
 * Formula: P(SIR > T) = 1/(1 + ρ(T, α)), ρ = T^{2/α} ∫_{T^{−2/α}}^∞ du/(1 + u^{α/2}) (Andrews et al.
 * 2011), SIR_c of Eq. (8) of arXiv:2403.20228 with L = 1.
 * Method: adaptive Gauss–Kronrod on [T^{−2/α}, ∞) (relTol 1e-12).
 * Accuracy: equals the α = 4 closed form to ~1e-12; at α = 3 it is 9e-9 relative off (0.3743498935
 * against 0.3743498904 from mpmath and scipy, scripts/doc-example-references.py): the u^{−3/2} tail
 * mapped by t/(1 − t) converges slowly.
 * References: Andrews, Baccelli & Ganti 2011, Theorem 2; docs/communication.md.
 *
 * @example
 * import { coverageL1Rayleigh } from 'isacnet';
 * coverageL1Rayleigh(1, 4); // => 0.560099154
 * coverageL1Rayleigh(1, 3); // => 0.3743499
 */
export function coverageL1Rayleigh(T: number, alpha: number): number {
  if (T <= 0) return 1;
  const rho = Math.pow(T, 2 / alpha) * integrateToInfinity((u) => 1 / (1 + Math.pow(u, alpha / 2)), Math.pow(T, -2 / alpha), { relTol: 1e-12 }).value;
  return 1 / (1 + rho);
}

/**
 * Fraction of SIR samples strictly above T.
 *
 * Formula: the empirical P(SIR_c > T), SIR_c of Eq. (8) of arXiv:2403.20228.
 * Method: counting.
 * Accuracy: binomial: SE = √(P(1 − P)/n).
 * References: docs/communication.md (SIR coverage).
 *
 * @example
 * import { empiricalCoverage } from 'isacnet';
 * empiricalCoverage([0.5, 2, 3], 1); // => 0.667
 */
export function empiricalCoverage(sir: ArrayLike<number>, T: number): number {
  let c = 0;
  for (let i = 0; i < sir.length; i++) if (sir[i] > T) c++;
  return c / sir.length;
}
