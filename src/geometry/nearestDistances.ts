/**
 * Distances from the origin to the n nearest points of a homogeneous Poisson point process (PPP) on
 * the plane, and their bearings (Section II-B and Prop. 1 of arXiv:2403.20228).
 *
 * Exact law: for a PPP of density λ, the areas π λ d_1², π λ d_2², … of the discs reaching the 1st,
 * 2nd, … nearest point are the arrival times of a unit-rate Poisson process on [0, ∞) (mapping
 * theorem). Hence
 *   π λ d_n² = Γ_n = E_1 + … + E_n,   E_k iid Exp(1),   Γ_n ~ Gamma(n, 1),
 * jointly for all n (the ordered distances are generated as cumulative sums; no sorting, no window,
 * no edge effect). The bearings of the points are iid uniform on [0, 2π) and independent of the
 * distances (isotropy).
 *
 * Moments: E[d_n] = Γ(n + 1/2) / (√(λπ) Γ(n)) exactly (E[Γ_n^{1/2}]/√(λπ)); the paper's
 * approximation is √(n/(λπ)) (relative error ≈ 1/(8n)).
 *
 * Accuracy: exact in distribution (sampling); the moments are evaluated through ln Γ, accurate to
 * ~1e-14 relative for all n (tested against mpmath).
 */
import type { Rng } from '../math/rng.ts';
import { gammaincLowerRegularized, gammaln, gammaRatioHalf } from '../math/special.ts';
import { checkInteger, checkReal } from '../math/argumentError.ts';

function checkDensity(densityPerUnitArea: number): void {
  checkReal('densityPerUnitArea', densityPerUnitArea, 0, Infinity, { minExclusive: true });
}

function checkRank(n: number): void {
  checkInteger('n', n, 1);
}

/**
 * Normalized areas Γ_1 < Γ_2 < … < Γ_n (Γ_k = π λ d_k²) of the n nearest points: cumulative sums of
 * n iid Exp(1) draws. Written into `out` (length ≥ n) when given.
 */
export function sampleNearestAreas(rng: Rng, n: number, out: Float64Array = new Float64Array(n)): Float64Array {
  let acc = 0;
  for (let k = 0; k < n; k++) {
    acc += rng.exponential();
    out[k] = acc;
  }
  return out;
}

/**
 * Ordered distances d_1 < … < d_n (same unit as density^{-1/2}) of the n nearest points of a PPP
 * of density `densityPerUnitArea` around the origin: d_k = √(Γ_k/(π λ)).
 */
export function sampleNearestDistances(rng: Rng, n: number, densityPerUnitArea: number, out: Float64Array = new Float64Array(n)): Float64Array {
  checkDensity(densityPerUnitArea);
  sampleNearestAreas(rng, n, out);
  const s = 1 / (Math.PI * densityPerUnitArea);
  for (let k = 0; k < n; k++) out[k] = Math.sqrt(out[k] * s);
  return out;
}

/** n iid uniform bearings on [0, 2π) (radians). */
export function sampleBearings(rng: Rng, n: number, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let k = 0; k < n; k++) out[k] = 2 * Math.PI * rng.uniform();
  return out;
}

/** Exact E[d_n] = Γ(n + 1/2)/(√(λπ) Γ(n)) (below Prop. 1 of arXiv:2403.20228). */
export function expectedNthDistance(n: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  return gammaRatioHalf(n) / Math.sqrt(densityPerUnitArea * Math.PI);
}

/** The paper's approximation E[d_n] ≈ √(n/(λπ)) (used in Eq. (13)); relative error ≈ 1/(8n). */
export function expectedNthDistanceApprox(n: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  return Math.sqrt(n / (densityPerUnitArea * Math.PI));
}

/** E[d_n^p] = Γ(n + p/2)/(Γ(n) (λπ)^{p/2}), finite for p > −2n (∞ otherwise). */
export function nthDistanceMoment(n: number, p: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (n + p / 2 <= 0) return Infinity;
  return Math.exp(gammaln(n + p / 2) - gammaln(n) - (p / 2) * Math.log(densityPerUnitArea * Math.PI));
}

/** P(d_n ≤ r) = P(Γ_n ≤ π λ r²) = regularized lower incomplete gamma P(n, π λ r²). */
export function nthDistanceCdf(n: number, r: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (r <= 0) return 0;
  return gammaincLowerRegularized(n, Math.PI * densityPerUnitArea * r * r);
}

/** Density of d_n: 2 (λπ)^n r^{2n−1} e^{−λπr²}/Γ(n). */
export function nthDistancePdf(n: number, r: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (r <= 0) return 0;
  const a = Math.PI * densityPerUnitArea;
  return 2 * Math.exp(n * Math.log(a) + (2 * n - 1) * Math.log(r) - a * r * r - gammaln(n));
}
