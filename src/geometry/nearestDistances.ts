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
 *
 * Formula: πλd_n² = E_1 + … + E_n, E_k iid Exp(1) (mapping theorem; not printed in the paper, it is the
 * law behind E[d_n] below Prop. 1 of arXiv:2403.20228).
 * Method: n exponentials −ln U, summed.
 * Accuracy: exact in distribution; the sampled d_n pass a KS test against the exact CDF (20 000
 * draws) and their means are within 4 SE of E[d_n] (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Section II-B and Prop. 1; Haenggi, Stochastic Geometry for Wireless
 * Networks (2012), ch. 2; docs/sensing.md (geometry).
 *
 * @example
 * import { sampleNearestAreas, Rng } from 'isacnet';
 * const g = sampleNearestAreas(new Rng(1), 3);
 * g[0] < g[1] && g[1] < g[2]; // => true
 * // seed 1
 * g[2]; // => 1.4121
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
 *
 * Formula: d_k = √(Γ_k/(πλ)) with Γ_k as in `sampleNearestAreas`; E[d_k] = Γ(k + ½)/(√(λπ) Γ(k)) below
 * Prop. 1 of arXiv:2403.20228.
 * Method: cumulative sums of Exp(1), scaled.
 * Accuracy: exact in distribution; sample means of d_1, d_5, d_20 within 4 SE of E[d_n] and a KS test
 * of d_3 (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Prop. 1; docs/sensing.md (geometry).
 *
 * @example
 * import { sampleNearestDistances, Rng } from 'isacnet';
 * const rng = new Rng(1);
 * let s = 0;
 * for (let t = 0; t < 100000; t++) s += sampleNearestDistances(rng, 1, 1 / Math.PI)[0];
 * // Monte Carlo, seed 1; E[d_1] = Γ(3/2)/√(λπ) = 0.8862 for λπ = 1
 * s / 100000; // => 0.8860
 */
export function sampleNearestDistances(rng: Rng, n: number, densityPerUnitArea: number, out: Float64Array = new Float64Array(n)): Float64Array {
  checkDensity(densityPerUnitArea);
  sampleNearestAreas(rng, n, out);
  const s = 1 / (Math.PI * densityPerUnitArea);
  for (let k = 0; k < n; k++) out[k] = Math.sqrt(out[k] * s);
  return out;
}

/**
 * n iid uniform bearings on [0, 2π) (radians).
 *
 * Formula: θ_i ~ U[0, 2π), independent of the distances (isotropy of the PPP), the bearings of
 * Eq. (5) of arXiv:2403.20228.
 * Method: 2π·U with 53-bit uniforms.
 * Accuracy: exact in distribution; means of cos θ, sin θ, cos 2θ within 4σ of 0
 * (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md (geometry).
 *
 * @example
 * import { sampleBearings, Rng } from 'isacnet';
 * const th = sampleBearings(new Rng(1), 2);
 * th.every((t) => t >= 0 && t < 2 * Math.PI); // => true
 */
export function sampleBearings(rng: Rng, n: number, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let k = 0; k < n; k++) out[k] = 2 * Math.PI * rng.uniform();
  return out;
}

/**
 * Exact E[d_n] = Γ(n + 1/2)/(√(λπ) Γ(n)) (below Prop. 1 of arXiv:2403.20228).
 *
 * Formula: E[d_n] = Γ(n + ½)/(√(λ_b π) Γ(n)), the exact expected distance printed below Prop. 1
 * (Eq. (12)) of arXiv:2403.20228; in the unit of density^{−1/2} (m for λ in /m²).
 * Method: Γ(n + ½)/Γ(n) through ln Γ (finite for every n).
 * Accuracy: 1e-12 relative against mpmath, which also checked it against ∫ r f(r) dr
 * (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Prop. 1; docs/sensing.md (geometry).
 *
 * @example
 * import { expectedNthDistance } from 'isacnet';
 * // λ_b = 1 /km² = 1e-6 /m²: E[d_1] = 1/(2√λ) = 500 m
 * expectedNthDistance(1, 1e-6); // => 500 (±1e-12)
 * expectedNthDistance(10, 1e-6); // => 1761.9705
 */
export function expectedNthDistance(n: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  return gammaRatioHalf(n) / Math.sqrt(densityPerUnitArea * Math.PI);
}

/**
 * The paper's approximation E[d_n] ≈ √(n/(λπ)) (used in Eq. (13)); relative error ≈ 1/(8n).
 *
 * Formula: E[d_n] ≈ √(n/(λ_b π)), below Prop. 1 of arXiv:2403.20228, which turns Eq. (12) into Eq. (13).
 * Method: direct evaluation.
 * Accuracy: the approximation itself is 1/(8n) + O(n⁻²) too large (tested against the exact Gamma
 * ratio in test/geometry/nearestDistances.test.ts); the evaluation is exact to a few ulp.
 * References: arXiv:2403.20228, Eqs. (12)–(13); docs/sensing.md (geometry).
 *
 * @example
 * import { expectedNthDistanceApprox } from 'isacnet';
 * expectedNthDistanceApprox(10, 1e-6); // => 1784.1241
 */
export function expectedNthDistanceApprox(n: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  return Math.sqrt(n / (densityPerUnitArea * Math.PI));
}

/**
 * E[d_n^p] = Γ(n + p/2)/(Γ(n) (λπ)^{p/2}), finite for p > −2n (∞ otherwise).
 *
 * Formula: E[d_n^p] = Γ(n + p/2)/(Γ(n)(λπ)^{p/2}) from πλd_n² ~ Gamma(n, 1) (not printed in
 * arXiv:2403.20228; p = 1 is E[d_n] below Prop. 1, p = −β the terms of Eq. (12) if the expectation were
 * taken inside).
 * Method: through ln Γ.
 * Accuracy: 1e-12 relative against mpmath (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Prop. 1; docs/sensing.md (geometry).
 *
 * @example
 * import { nthDistanceMoment } from 'isacnet';
 * nthDistanceMoment(2, 2, 1 / Math.PI); // => 2 (±1e-12)
 * nthDistanceMoment(3, -1, 1 / Math.PI); // => 0.664670194
 * nthDistanceMoment(1, -2, 1 / Math.PI); // => Infinity
 */
export function nthDistanceMoment(n: number, p: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (n + p / 2 <= 0) return Infinity;
  return Math.exp(gammaln(n + p / 2) - gammaln(n) - (p / 2) * Math.log(densityPerUnitArea * Math.PI));
}

/**
 * P(d_n ≤ r) = P(Γ_n ≤ π λ r²) = regularized lower incomplete gamma P(n, π λ r²).
 *
 * Formula: not in the paper: P(d_n ≤ r) = P(n, πλr²) = γ(n, πλr²)/Γ(n), the law of the distances of
 * Section II-B of arXiv:2403.20228.
 * Method: stdlib-js gammainc.
 * Accuracy: 1e-12 against mpmath (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Section II-B; docs/sensing.md (geometry).
 *
 * @example
 * import { nthDistanceCdf } from 'isacnet';
 * nthDistanceCdf(1, 1, 1 / Math.PI); // => 0.632120559
 * nthDistanceCdf(3, 1.5, 1 / Math.PI); // => 0.390660733
 */
export function nthDistanceCdf(n: number, r: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (r <= 0) return 0;
  return gammaincLowerRegularized(n, Math.PI * densityPerUnitArea * r * r);
}

/**
 * Density of d_n: 2 (λπ)^n r^{2n−1} e^{−λπr²}/Γ(n).
 *
 * Formula: not in the paper: f_{d_n}(r) = 2(λπ)^n r^{2n−1} e^{−λπr²}/Γ(n), the law of the distances of
 * Section II-B of arXiv:2403.20228.
 * Method: in log space.
 * Accuracy: 1e-12 against mpmath (test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Section II-B; docs/sensing.md (geometry).
 *
 * @example
 * import { nthDistancePdf } from 'isacnet';
 * nthDistancePdf(1, 1, 1 / Math.PI); // => 0.735758882
 */
export function nthDistancePdf(n: number, r: number, densityPerUnitArea: number): number {
  checkRank(n);
  checkDensity(densityPerUnitArea);
  if (r <= 0) return 0;
  const a = Math.PI * densityPerUnitArea;
  return 2 * Math.exp(n * Math.log(a) + (2 * n - 1) * Math.log(r) - a * r * r - gammaln(n));
}
