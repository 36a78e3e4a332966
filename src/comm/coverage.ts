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

/** Classic closed form for α = 4 (see module comment). */
export function coverageL1Alpha4(T: number): number {
  if (T <= 0) return 1;
  const r = Math.sqrt(T);
  return 1 / (1 + r * (Math.PI / 2 - Math.atan(1 / r)));
}

/** L = 1, Exp(1) desired and interference gains, any α > 2 (numerical ρ). */
export function coverageL1Rayleigh(T: number, alpha: number): number {
  if (T <= 0) return 1;
  const rho = Math.pow(T, 2 / alpha) * integrateToInfinity((u) => 1 / (1 + Math.pow(u, alpha / 2)), Math.pow(T, -2 / alpha), { relTol: 1e-12 }).value;
  return 1 / (1 + rho);
}

/** Fraction of SIR samples strictly above T. */
export function empiricalCoverage(sir: ArrayLike<number>, T: number): number {
  let c = 0;
  for (let i = 0; i < sir.length; i++) if (sir[i] > T) c++;
  return c / sir.length;
}
