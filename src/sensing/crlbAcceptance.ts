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
import { crlbScaleM2, targetsPerBs } from '../params/derived.ts';
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

/**
 * Eq. (16) as printed, normalized: 1/(κ² ln² N); null for N = 1, κ = 0 or β ≠ 2.
 *
 * Formula: CRLB_a = 1/(κ_s² |ζ|² λ_b² π² ln² N), Eq. (16) of arXiv:2403.20228, normalized
 * (|ζ|² = 1, πλ_b = 1) with a given κ.
 * Method: direct evaluation.
 * Accuracy: exactly Theorem 1 printed / κ² (test/sensing/acceptance.test.ts). As a model: the expected
 * CRLB with acceptance is infinite (κ < 1 gives clusters of ≤ 3 BSs with positive probability); against
 * the simulated median (ψ = 15, λ_s = λ_b) Eq. (16) with Lemma 1 is +70% at N = 2, +26% at N = 10,
 * +22% at N = 15, −6% at N = 20, −34% at N = 30 (docs/errata.md S6).
 * References: arXiv:2403.20228, Eq. (16); docs/errata.md S4, S6.
 *
 * @example
 * import { crlbAcceptanceEq16Normalized } from 'isacnet';
 * crlbAcceptanceEq16Normalized(10, 0.9); // => 0.232853947
 * crlbAcceptanceEq16Normalized(1, 0.9); // => null
 */
export function crlbAcceptanceEq16Normalized(N: number, kappa: number, beta = 2): number | null {
  checkN(N);
  checkKappa(kappa);
  if (N === 1 || kappa === 0 || beta !== 2) return null;
  const l = Math.log(N);
  return 1 / (kappa * kappa * l * l);
}

/**
 * Eq. (16) as printed in m², with a given κ_s.
 *
 * Formula: CRLB_a = 1/(κ_s² |ζ|² λ_b² π² ln² N), Eq. (16) of arXiv:2403.20228.
 * Method: `crlbAcceptanceEq16Normalized(N, κ, β) · crlbScaleM2(p)`.
 * Accuracy: as `crlbAcceptanceEq16Normalized`.
 * References: arXiv:2403.20228, Eq. (16); docs/errata.md S6.
 *
 * @example
 * import { crlbAcceptanceEq16, defaultParams } from 'isacnet';
 * crlbAcceptanceEq16(10, 0.9, defaultParams()); // => 726373.191
 */
export function crlbAcceptanceEq16(N: number, kappa: number, p: Params): number | null {
  const v = crlbAcceptanceEq16Normalized(N, kappa, p.beta);
  return v === null ? null : v * crlbScaleM2(p);
}

/**
 * Eq. (16) with Lemma 1's κ_s (both as printed) in m²: the paper's CRLB_a(N).
 *
 * Formula: Eq. (16) of arXiv:2403.20228 with κ_s of Lemma 1, Eq. (15), μ_s = λ_s/λ_b and ψ from `p`.
 * Method: `crlbAcceptanceEq16(N, kappaSLemma1(ψ, μ_s, N), p)`.
 * Accuracy: as its parts; equal to what `isacnet sensing` prints to rounding (test/index.test.ts). Its
 * optimum over N is 12 for ψ = 15, λ_s = λ_b, not ψ as the paper states (test/sensing/acceptance.test.ts;
 * the simulated median gives 12 too, docs/errata.md S6).
 * References: arXiv:2403.20228, Eqs. (15)–(16) and Fig. 3; docs/errata.md S6.
 *
 * @example
 * import { crlbAcceptanceEq16Lemma1, argminN, defaultParams } from 'isacnet';
 * const p = defaultParams();
 * crlbAcceptanceEq16Lemma1(10, p); // => 632184.796
 * argminN((N) => crlbAcceptanceEq16Lemma1(N, p), 30); // => 12
 */
export function crlbAcceptanceEq16Lemma1(N: number, p: Params): number | null {
  return crlbAcceptanceEq16(N, kappaSLemma1(p.psi, targetsPerBs(p), N), p);
}

/**
 * Corrected approximation 2/(κ² (Σ_k E[d_k]^{−β})²), normalized; null for N = 1 or κ = 0.
 *
 * Formula: Prop. 1 (Eq. (12) of arXiv:2403.20228) with every BS weight thinned by κ (corrected
 * version of Eq. (16), valid for any β ≥ 2): 2/(κ Σ_k E[d_k]^{−β})².
 * Method: `sumExpectedDistancePowNormalized`, scaled by κ.
 * Accuracy: with the corrected κ_s (`kappaSNegBinomial`) it stays within ±15% of the simulated median
 * CRLB with acceptance for N = 4…30 (ψ = 15, λ_s = λ_b; docs/sensing.md).
 * References: arXiv:2403.20228, Prop. 1 and Eq. (16); docs/sensing.md (CRLB with acceptance).
 *
 * @example
 * import { crlbAcceptanceThinnedNormalized } from 'isacnet';
 * crlbAcceptanceThinnedNormalized(10, 0.9); // => 0.220656451
 */
export function crlbAcceptanceThinnedNormalized(N: number, kappa: number, beta = 2): number | null {
  checkN(N);
  checkKappa(kappa);
  if (N === 1 || kappa === 0) return null;
  const s = kappa * sumExpectedDistancePowNormalized(N, beta);
  return 2 / (s * s);
}

/**
 * Cluster size minimizing a CRLB-vs-N function over N = 2…nMax (ties: smallest N); null if none is finite.
 *
 * Formula: N* = argmin_N CRLB_a(N), e.g. of Eq. (16) of arXiv:2403.20228 (the optimal sensing cluster
 * of Fig. 3).
 * Method: enumeration of N = 2…nMax.
 * Accuracy: exact on the integers.
 * References: arXiv:2403.20228, Section V-A and Fig. 3; docs/errata.md S6.
 *
 * @example
 * import { argminN } from 'isacnet';
 * argminN((N) => (N - 7) ** 2, 20); // => 7
 * argminN(() => null, 20); // => null
 */
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

/**
 * Fraction of targets that cannot be localized when each of the N requests is accepted
 * independently with probability κ: P(Binomial(N, κ) ≤ 1) = (1 − κ)^N + Nκ(1 − κ)^{N−1}.
 *
 * Formula: not in the paper: a target with fewer than 2 accepted BSs has a singular FIM (Eq. (5) of
 * arXiv:2403.20228 with N ≤ 1), so its CRLB_a is infinite; where this fraction reaches ½ the median
 * CRLB_a is infinite too and Eq. (16) no longer describes a typical target (docs/errata.md S7).
 * Method: direct evaluation (log1p for small κ).
 * Accuracy: exact for independent acceptance; against the network simulation of the mechanism
 * (acceptances of one target's requests are weakly dependent) with the corrected κ_s
 * (`kappaSNegBinomial`) it is within 0.05 absolute over the map of docs/errata.md S7 (25 cells,
 * N = 2…30; worst 0.048 at λ_s/λ_b = 1, ψ = 3), test/sensing/network.test.ts.
 * References: docs/sensing.md (CRLB with acceptance); docs/errata.md S6–S7.
 *
 * @example
 * import { nonLocalizableIndependent } from 'isacnet';
 * nonLocalizableIndependent(2, 0.5); // => 0.75
 * nonLocalizableIndependent(6, 1); // => 0
 */
export function nonLocalizableIndependent(N: number, kappa: number): number {
  checkN(N);
  checkKappa(kappa);
  if (kappa === 1) return N <= 1 ? 1 : 0;
  const l = Math.log1p(-kappa);
  return Math.min(1, Math.exp(N * l) + (kappa > 0 ? N * kappa * Math.exp((N - 1) * l) : 0));
}
