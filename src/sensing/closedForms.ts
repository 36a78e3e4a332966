/**
 * Closed-form approximations of the expected CRLB with full acceptance (κ = 1), Section III-A of
 * arXiv:2403.20228, in normalized units and in the units of the parameters.
 *
 * Normalized units: |ζ|² = 1 and π λ_b = 1 (distances measured in 1/√(πλ_b)). By the scale
 * invariance of the PPP the expected CRLB in consistent units is the normalized value times
 * `crlbScaleM2(params)` = 1/(|ζ|² (πλ_b)^β) (src/params/derived.ts).
 *
 *   Prop. 1, Eq. (12):  CRLB ≈ 2 / (|ζ|² Σ_l Σ_k E[d_k]^{−β} E[d_l]^{−β}) = 2 / (|ζ|² (Σ_k E[d_k]^{−β})²),
 *                       E[d_k] = Γ(k + ½)/(√(λ_bπ) Γ(k))  → normalized 2 / (Σ_k g_k^{−β})², g_k = Γ(k+½)/Γ(k).
 *   Eq. (13):           E[d_k] ≈ √(k/(λ_bπ))          → normalized 2 / (Σ_k k^{−β/2})².
 *   Theorem 1, Eq. (14): lim CRLB · ln² N = 1/(|ζ|² λ_b² π²)  (β = 2) → normalized 1/ln² N.
 *
 * Theorem 1 as printed is half of the limit of Eq. (13) (with β = 2, Σ_k 1/k = H_N ~ ln N, so
 * Eq. (13) · ln² N → 2) and half of the Monte Carlo limit (CRLB ≈ 2/W², W = Σ_k d_k^{−2} ~ ln N):
 * `crlbTheorem1CorrectedNormalized` = 2/ln² N is the corrected law (docs/errata.md).
 *
 * All three are undefined for N = 1: the FIM is singular (rank 1) and the true CRLB is +∞, so
 * these functions return `null` there (the printed formulas would print a meaningless finite
 * number). Theorem 1 only concerns β = 2 (for β > 2 the sum Σ k^{−β/2} converges and the CRLB
 * tends to a positive constant): `null` for other β.
 */
import { gammaRatioHalf } from '../math/special.ts';
import { crlbScaleM2 } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { checkInteger, checkReal } from '../math/argumentError.ts';

function checkN(N: number): void {
  checkInteger('N', N, 1);
}

function checkBeta(beta: number): void {
  checkReal('beta', beta, 2, 8);
}

/**
 * Σ_{k=1}^N E[d_k]^{−β} in normalized units (πλ_b = 1): Σ (Γ(k)/Γ(k + ½))^β.
 *
 * Formula: Σ_k E[d_k]^{−β} with E[d_k] = Γ(k + ½)/(√(λ_bπ) Γ(k)), the sum inside Prop. 1, Eq. (12) of
 * arXiv:2403.20228 (Σ_l Σ_k E[d_k]^{−β} E[d_l]^{−β} is its square).
 * Method: Gamma ratios through ln Γ, summed in order.
 * Accuracy: 1e-12 relative against mpmath for N ≤ 1000, β = 2, 3, 4 (test/sensing/closedForms.test.ts).
 * References: arXiv:2403.20228, Prop. 1; docs/sensing.md.
 *
 * @example
 * import { sumExpectedDistancePowNormalized } from 'isacnet';
 * sumExpectedDistancePowNormalized(10, 2); // => 3.34513904
 */
export function sumExpectedDistancePowNormalized(N: number, beta: number): number {
  checkN(N);
  let s = 0;
  for (let k = 1; k <= N; k++) s += Math.pow(gammaRatioHalf(k), -beta);
  return s;
}

/**
 * Σ_{k=1}^N k^{−β/2}.
 *
 * Formula: Σ_k k^{−β/2}, the sum inside Eq. (13) of arXiv:2403.20228 (the harmonic number H_N for β = 2).
 * Method: direct summation.
 * Accuracy: 1e-12 relative against mpmath (test/sensing/closedForms.test.ts).
 * References: arXiv:2403.20228, Eq. (13).
 *
 * @example
 * import { sumRankPow } from 'isacnet';
 * sumRankPow(10, 2); // => 2.92896825
 */
export function sumRankPow(N: number, beta: number): number {
  checkN(N);
  let s = 0;
  for (let k = 1; k <= N; k++) s += Math.pow(k, -beta / 2);
  return s;
}

/**
 * Prop. 1 (Eq. 12), normalized (|ζ|² = 1, πλ_b = 1); null for N = 1.
 *
 * Formula: CRLB ≈ 2/(Σ_l Σ_k E[d_k]^{−β} E[d_l]^{−β}) = 2/(Σ_k g_k^{−β})², g_k = Γ(k + ½)/Γ(k):
 * Prop. 1, Eq. (12) of arXiv:2403.20228, in normalized units. N = 1 is singular (rank-1 FIM).
 * Method: `sumExpectedDistancePowNormalized`, squared.
 * Accuracy: the evaluation matches mpmath to 1e-12 (β = 2, 3, 4, N ≤ 1000,
 * test/sensing/closedForms.test.ts). As an approximation of E[CRLB] it is −67% (N = 4), −48% (6),
 * −33% (10), −6% (50), +5% (200), +11% (1000) against 10⁶-geometry Monte Carlo; E[CRLB] does not exist
 * for N ≤ 3 (docs/errata.md S1, S3).
 * References: arXiv:2403.20228, Prop. 1; docs/sensing.md; docs/errata.md S3.
 *
 * @example
 * import { crlbProp1Normalized } from 'isacnet';
 * crlbProp1Normalized(10, 2); // => 0.178731725
 * crlbProp1Normalized(10, 3); // => 0.304906173
 * crlbProp1Normalized(1, 2); // => null
 */
export function crlbProp1Normalized(N: number, beta: number): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1) return null;
  const s = sumExpectedDistancePowNormalized(N, beta);
  return 2 / (s * s);
}

/**
 * Eq. (13), normalized (|ζ|² = 1, πλ_b = 1); null for N = 1.
 *
 * Formula: CRLB ≈ 2/(|ζ|² λ_b^β π^β Σ_l Σ_k k^{−β/2} l^{−β/2}): Eq. (13) of arXiv:2403.20228 (Prop. 1
 * with E[d_k] ≈ √(k/(λ_bπ))), normalized: 2/(Σ_k k^{−β/2})².
 * Method: `sumRankPow`, squared.
 * Accuracy: the evaluation matches mpmath to 1e-12 (test/sensing/closedForms.test.ts). Against the
 * Monte Carlo mean: −54% (N = 4), −13% (10), +13% (50), +24% (1000); it crosses it near N = 20
 * (docs/errata.md S3).
 * References: arXiv:2403.20228, Eq. (13); docs/sensing.md; docs/errata.md S3.
 *
 * @example
 * import { crlbEq13Normalized } from 'isacnet';
 * crlbEq13Normalized(10, 2); // => 0.233131344
 */
export function crlbEq13Normalized(N: number, beta: number): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1) return null;
  const s = sumRankPow(N, beta);
  return 2 / (s * s);
}

/**
 * Theorem 1 (Eq. 14) as printed, read as CRLB ≈ 1/(ln² N) normalized; null for N = 1 or β ≠ 2.
 *
 * Formula: lim_{N→∞} CRLB · ln² N = 1/(|ζ|² λ_b² π²), Theorem 1, Eq. (14) of arXiv:2403.20228 (β = 2),
 * read as CRLB ≈ 1/ln² N in normalized units. The constant is wrong: the limit is 2
 * (`crlbTheorem1CorrectedNormalized`; docs/errata.md S4).
 * Method: direct evaluation.
 * Accuracy: exactly half of the corrected law (test/sensing/closedForms.test.ts). Against the Monte
 * Carlo mean it is 25–27% low for N = 50…1000 (CRLB·ln² N = 1.341, 1.343, 1.370 at N = 50, 200, 1000,
 * docs/errata.md S4).
 * References: arXiv:2403.20228, Theorem 1; docs/errata.md S4.
 *
 * @example
 * import { crlbTheorem1PrintedNormalized } from 'isacnet';
 * crlbTheorem1PrintedNormalized(10); // => 0.188611697
 * crlbTheorem1PrintedNormalized(10, 3); // => null
 */
export function crlbTheorem1PrintedNormalized(N: number, beta = 2): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1 || beta !== 2) return null;
  const l = Math.log(N);
  return 1 / (l * l);
}

/**
 * Theorem 1 corrected: CRLB ≈ 2/ln² N normalized (the limit of Eq. 13 and of Monte Carlo).
 *
 * Formula: lim CRLB · ln² N = 2/(|ζ|² λ_b² π²) (β = 2): Theorem 1, Eq. (14) of arXiv:2403.20228 with
 * its constant corrected from 1 to 2 (corrected version; with W = Σ_k d_k^{−2} ~ ln N, CRLB ≈ 2/W²,
 * and Eq. (13)·ln² N = 2 ln² N/H_N² → 2).
 * Method: direct evaluation; null for N = 1 or β ≠ 2.
 * Accuracy: the limit is approached very slowly: Monte Carlo CRLB·ln² N = 1.34 (N = 50), 1.37
 * (N = 1000), extrapolated 1.52 (10⁶), 1.92 (10¹⁰⁰); at practical N this law is 46–49% above the mean
 * (docs/errata.md S4, test/sensing/crlbMonteCarlo.test.ts).
 * References: arXiv:2403.20228, Theorem 1; docs/errata.md S4; docs/sensing.md (large N).
 *
 * @example
 * import { crlbTheorem1CorrectedNormalized } from 'isacnet';
 * crlbTheorem1CorrectedNormalized(10); // => 0.377223394
 */
export function crlbTheorem1CorrectedNormalized(N: number, beta = 2): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1 || beta !== 2) return null;
  const l = Math.log(N);
  return 2 / (l * l);
}

function scaled(v: number | null, p: Params): number | null {
  return v === null ? null : v * crlbScaleM2(p);
}

/**
 * Prop. 1 in m² for the given parameters (|ζ|², λ_b, β); null for N = 1.
 *
 * Formula: CRLB ≈ 2/(|ζ|² Σ_l Σ_k E[d_k]^{−β} E[d_l]^{−β}), E[d_k] = Γ(k + ½)/(√(λ_bπ) Γ(k)):
 * Prop. 1, Eq. (12) of arXiv:2403.20228, with |ζ|² of Eq. (5).
 * Method: `crlbProp1Normalized(N, β) · crlbScaleM2(p)` (scale invariance of the PPP).
 * Accuracy: as `crlbProp1Normalized` (1e-12 evaluation; the approximation's error against Monte Carlo
 * in docs/errata.md S3); equals what `isacnet sensing` prints (test/index.test.ts).
 * References: arXiv:2403.20228, Prop. 1 and Section V; docs/sensing.md.
 *
 * @example
 * import { crlbProp1, defaultParams } from 'isacnet';
 * crlbProp1(10, defaultParams()); // => 557542.336
 * crlbProp1(1, defaultParams()); // => null
 */
export function crlbProp1(N: number, p: Params): number | null {
  return scaled(crlbProp1Normalized(N, p.beta), p);
}

/**
 * Eq. (13) in m²; null for N = 1.
 *
 * Formula: CRLB ≈ 2/(|ζ|² λ_b^β π^β Σ_l Σ_k k^{−β/2} l^{−β/2}), Eq. (13) of arXiv:2403.20228.
 * Method: `crlbEq13Normalized(N, β) · crlbScaleM2(p)`.
 * Accuracy: as `crlbEq13Normalized`; equals what `isacnet sensing` prints (test/index.test.ts).
 * References: arXiv:2403.20228, Eq. (13); docs/errata.md S3.
 *
 * @example
 * import { crlbEq13, defaultParams } from 'isacnet';
 * crlbEq13(10, defaultParams()); // => 727238.512
 */
export function crlbEq13(N: number, p: Params): number | null {
  return scaled(crlbEq13Normalized(N, p.beta), p);
}

/**
 * Theorem 1 as printed in m²: 1/(|ζ|² λ_b² π² ln² N); null for N = 1 or β ≠ 2.
 *
 * Formula: CRLB ≈ 1/(|ζ|² λ_b² π² ln² N), Theorem 1, Eq. (14) of arXiv:2403.20228, as printed (its
 * constant should be 2: `crlbTheorem1Corrected`).
 * Method: `crlbTheorem1PrintedNormalized(N, β) · crlbScaleM2(p)`.
 * Accuracy: as `crlbTheorem1PrintedNormalized` (25–27% below the Monte Carlo mean for N = 50…1000);
 * equals what `isacnet sensing` prints (test/index.test.ts).
 * References: arXiv:2403.20228, Theorem 1; docs/errata.md S4.
 *
 * @example
 * import { crlbTheorem1Printed, defaultParams } from 'isacnet';
 * crlbTheorem1Printed(10, defaultParams()); // => 588362.285
 */
export function crlbTheorem1Printed(N: number, p: Params): number | null {
  return scaled(crlbTheorem1PrintedNormalized(N, p.beta), p);
}

/**
 * Theorem 1 corrected in m²: 2/(|ζ|² λ_b² π² ln² N); null for N = 1 or β ≠ 2.
 *
 * Formula: 2/(|ζ|² λ_b² π² ln² N), Theorem 1, Eq. (14) of arXiv:2403.20228 with the constant corrected
 * to 2 (corrected version).
 * Method: `crlbTheorem1CorrectedNormalized(N, β) · crlbScaleM2(p)`.
 * Accuracy: as `crlbTheorem1CorrectedNormalized` (the true limit, approached very slowly).
 * References: arXiv:2403.20228, Theorem 1; docs/errata.md S4.
 *
 * @example
 * import { crlbTheorem1Corrected, defaultParams } from 'isacnet';
 * crlbTheorem1Corrected(10, defaultParams()); // => 1176724.57
 */
export function crlbTheorem1Corrected(N: number, p: Params): number | null {
  return scaled(crlbTheorem1CorrectedNormalized(N, p.beta), p);
}
