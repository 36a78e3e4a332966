/**
 * Expected CRLB with acceptance, Eq. (16) of arXiv:2403.20228, as printed and corrected.
 *
 * Printed (Eq. 16):  CRLB_a = 1/(κ_s² |ζ|² λ_b² π² ln² N)   → normalized 1/(κ_s² ln² N),
 * i.e. Theorem 1 with every BS weight thinned by κ_s (W → κ_s W). It inherits Theorem 1's constant,
 * which is half the true limit (docs/errata.md), and its ln² N (β = 2 only).
 *
 * Corrected approximation (`crlbAcceptanceThinnedNormalized`): Prop. 1 with the weights thinned by
 * κ_s,  2/(κ_s² (Σ_k E[d_k]^{−β})²), valid for any β ≥ 2.
 *
 * Neither is an expectation that exists: with κ_s < 1 a cluster of ≤ 3 accepted BSs has positive
 * probability and the true E[CRLB_a] is infinite (src/sensing/networkSummary.ts); compare them
 * with the median and with the mean conditional on ≥ 4 accepted BSs.
 *
 * Every function returns `null` where the formula is undefined (N = 1, κ_s = 0, β ≠ 2 for the
 * ln² N forms).
 */
import { crlbScaleM2 } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { checkInteger, checkReal } from '../math/argumentError.ts';
import { sumExpectedDistancePowNormalized } from './closedForms.ts';
import { kappaSLemma1 } from './acceptance.ts';

function checkN(N: number): void {
  checkInteger('N', N, 1);
}

function checkKappa(kappa: number): void {
  checkReal('kappa', kappa, 0, 1);
}

/** Eq. (16) as printed, normalized: 1/(κ² ln² N); null for N = 1, κ = 0 or β ≠ 2. */
export function crlbAcceptanceEq16Normalized(N: number, kappa: number, beta = 2): number | null {
  checkN(N);
  checkKappa(kappa);
  if (N === 1 || kappa === 0 || beta !== 2) return null;
  const l = Math.log(N);
  return 1 / (kappa * kappa * l * l);
}

/** Eq. (16) as printed in m², with a given κ_s. */
export function crlbAcceptanceEq16(N: number, kappa: number, p: Params): number | null {
  const v = crlbAcceptanceEq16Normalized(N, kappa, p.beta);
  return v === null ? null : v * crlbScaleM2(p);
}

/** Eq. (16) with Lemma 1's κ_s (both as printed) in m²: the paper's CRLB_a(N). */
export function crlbAcceptanceEq16Lemma1(N: number, p: Params): number | null {
  return crlbAcceptanceEq16(N, kappaSLemma1(p.psi, p.lambdaS / p.lambdaB, N), p);
}

/** Corrected approximation 2/(κ² (Σ_k E[d_k]^{−β})²), normalized; null for N = 1 or κ = 0. */
export function crlbAcceptanceThinnedNormalized(N: number, kappa: number, beta = 2): number | null {
  checkN(N);
  checkKappa(kappa);
  if (N === 1 || kappa === 0) return null;
  const s = kappa * sumExpectedDistancePowNormalized(N, beta);
  return 2 / (s * s);
}

/** Cluster size minimizing a CRLB-vs-N function over N = 2…nMax (ties: smallest N); null if none is finite. */
export function argminN(f: (N: number) => number | null, nMax: number): number | null {
  let best: number | null = null;
  let bestV = Infinity;
  for (let N = 2; N <= nMax; N++) {
    const v = f(N);
    if (v !== null && v < bestV) {
      bestV = v;
      best = N;
    }
  }
  return best;
}
