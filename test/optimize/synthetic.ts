/**
 * Synthetic models with known structure for the optimizer's tests:
 * - rate(L, p) = a_L ln(1 + b_L p): strictly increasing and concave in p, with curves that cross so
 *   that the best L changes with p (L = 1 at low power, L = 3–4 at full power);
 * - CRLB(N, 1) = s0 / (ln²N · κ(N)²) · (1 + 0.2 sin(1.7 N)): Eq. (16)-like with an acceptance that
 *   drops beyond N = 8, and a wiggle so that some N are not records. N = 1 is singular (Infinity).
 */
import type { CrlbModel, ClusterRateModel } from '../../src/optimize/model.ts';

export function synthA(L: number): number {
  return 1 + 0.45 * L - 0.03 * L * L;
}
export function synthB(L: number): number {
  return 12 / Math.pow(L, 0.7);
}

export function synthRate(counter?: { n: number }, concave = true): ClusterRateModel {
  return {
    name: 'synthetic',
    concaveInPc: concave,
    rate(L: number, pc: number): number {
      if (counter) counter.n++;
      return synthA(L) * Math.log1p(synthB(L) * pc);
    },
  };
}

export function synthCrlbFull(N: number): number {
  if (N < 2) return Infinity;
  const kappa = N <= 8 ? 1 : Math.pow(8 / N, 0.8);
  const l = Math.log(N);
  return (1000 / (l * l * kappa * kappa)) * (1 + 0.2 * Math.sin(1.7 * N));
}

export function synthCrlb(): CrlbModel {
  return { name: 'synthetic', crlbFullPower: synthCrlbFull };
}
