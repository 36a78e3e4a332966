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

/** Σ_{k=1}^N E[d_k]^{−β} in normalized units (πλ_b = 1): Σ (Γ(k)/Γ(k + ½))^β. */
export function sumExpectedDistancePowNormalized(N: number, beta: number): number {
  checkN(N);
  let s = 0;
  for (let k = 1; k <= N; k++) s += Math.pow(gammaRatioHalf(k), -beta);
  return s;
}

/** Σ_{k=1}^N k^{−β/2}. */
export function sumRankPow(N: number, beta: number): number {
  checkN(N);
  let s = 0;
  for (let k = 1; k <= N; k++) s += Math.pow(k, -beta / 2);
  return s;
}

/** Prop. 1 (Eq. 12), normalized; null for N = 1. */
export function crlbProp1Normalized(N: number, beta: number): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1) return null;
  const s = sumExpectedDistancePowNormalized(N, beta);
  return 2 / (s * s);
}

/** Eq. (13), normalized; null for N = 1. */
export function crlbEq13Normalized(N: number, beta: number): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1) return null;
  const s = sumRankPow(N, beta);
  return 2 / (s * s);
}

/** Theorem 1 (Eq. 14) as printed, read as CRLB ≈ 1/(ln² N) normalized; null for N = 1 or β ≠ 2. */
export function crlbTheorem1PrintedNormalized(N: number, beta = 2): number | null {
  checkN(N);
  checkBeta(beta);
  if (N === 1 || beta !== 2) return null;
  const l = Math.log(N);
  return 1 / (l * l);
}

/** Theorem 1 corrected: CRLB ≈ 2/ln² N normalized (the limit of Eq. 13 and of Monte Carlo). */
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

/** Prop. 1 in m² for the given parameters (|ζ|², λ_b, β). */
export function crlbProp1(N: number, p: Params): number | null {
  return scaled(crlbProp1Normalized(N, p.beta), p);
}

/** Eq. (13) in m². */
export function crlbEq13(N: number, p: Params): number | null {
  return scaled(crlbEq13Normalized(N, p.beta), p);
}

/** Theorem 1 as printed in m²: 1/(|ζ|² λ_b² π² ln² N). */
export function crlbTheorem1Printed(N: number, p: Params): number | null {
  return scaled(crlbTheorem1PrintedNormalized(N, p.beta), p);
}

/** Theorem 1 corrected in m²: 2/(|ζ|² λ_b² π² ln² N). */
export function crlbTheorem1Corrected(N: number, p: Params): number | null {
  return scaled(crlbTheorem1CorrectedNormalized(N, p.beta), p);
}
