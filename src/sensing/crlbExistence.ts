/**
 * When does the expected CRLB of Eq. (6) of arXiv:2403.20228 exist?
 *
 * The FIM F_N = 2|ζ|²(W A + S Sᵀ) (src/sensing/fim.ts) is singular exactly when all N bearings are
 * collinear (θ_i ∈ {φ, φ + π}). Near that set, with ρ the norm of the N − 1 angular deviations from
 * the nearest collinear configuration (a rotation of all bearings changes nothing), det F grows like
 * ρ² while tr F stays bounded away from 0, so CRLB = tr F/det F ~ c/ρ². The bearings are iid
 * uniform, so ρ has density ∝ ρ^{N−2} near 0 and
 *   P(CRLB > t) ~ C t^{−(N−1)/2}   (t → ∞):  a Pareto tail with index α_N = (N − 1)/2.
 * Distances only change the constant C (their law has light tails). Hence
 *   E[CRLB]  < ∞  ⇔ α_N > 1 ⇔ N ≥ 4   (N = 2: α = ½, N = 3: α = 1, both infinite),
 *   E[CRLB²] < ∞  ⇔ α_N > 2 ⇔ N ≥ 6   (N = 4, 5: mean finite, variance infinite),
 * and N = 1 is singular for every geometry (CRLB = +∞ surely).
 * Numerical evidence (Hill estimates of α from 10⁶ simulated CRLBs) is in docs/sensing.md and
 * test/sensing/crlbExistence.test.ts.
 */
import { ArgumentError } from '../math/argumentError.ts';

/**
 * Tail index α_N = (N − 1)/2 of the CRLB distribution (0 for N = 1: CRLB = ∞ surely).
 *
 * Formula: P(CRLB > t) ~ C t^{−(N−1)/2} (t → ∞) for the CRLB of Eq. (6) of arXiv:2403.20228 over
 * random geometries (derived in src/sensing/crlbExistence.ts; not in the paper).
 * Method: (N − 1)/2.
 * Accuracy: the law is checked by Hill estimates from simulated CRLBs: 0.52, 1.00, 1.49, 2.30, 3.01 for
 * N = 2…6 (10⁶ geometries; theory 0.5, 1, 1.5, 2, 2.5; the N ≥ 5 estimates are biased upwards),
 * test/sensing/crlbExistence.test.ts, docs/errata.md S1.
 * References: arXiv:2403.20228, Eq. (6); docs/sensing.md (when does the expected CRLB exist?).
 *
 * @example
 * import { crlbTailIndex } from 'isacnet';
 * crlbTailIndex(5); // => 2
 * crlbTailIndex(1); // => 0
 */
export function crlbTailIndex(N: number): number {
  return N <= 1 ? 0 : (N - 1) / 2;
}

/**
 * E[CRLB] < ∞ ⇔ N ≥ 4.
 *
 * Formula: E[CRLB] of Eq. (6) of arXiv:2403.20228 is finite iff the tail index (N − 1)/2 exceeds 1
 * (not in the paper, which assumes it exists: docs/errata.md S1).
 * Method: N ≥ 4.
 * Accuracy: exact (theory); the N = 2 running mean does not settle in simulation
 * (test/sensing/crlbExistence.test.ts).
 * References: docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { crlbMeanExists } from 'isacnet';
 * [crlbMeanExists(3), crlbMeanExists(4)]; // => [false, true]
 */
export function crlbMeanExists(N: number): boolean {
  return N >= 4;
}

/**
 * E[CRLB²] < ∞ ⇔ N ≥ 6.
 *
 * Formula: Var[CRLB] of Eq. (6) of arXiv:2403.20228 is finite iff (N − 1)/2 > 2 (not in the paper).
 * Method: N ≥ 6.
 * Accuracy: exact (theory), see `crlbTailIndex`.
 * References: docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { crlbVarianceExists } from 'isacnet';
 * [crlbVarianceExists(5), crlbVarianceExists(6)]; // => [false, true]
 */
export function crlbVarianceExists(N: number): boolean {
  return N >= 6;
}

/**
 * Hill estimator of a Pareto tail index from an ascending sample: α̂ = k / Σ_{j=1}^k ln(X_(m−j+1)/X_(m−k)),
 * m being the number of finite values. +∞ values at the top (numerically singular CRLBs, a few per
 * 10⁶ draws for N = 2) lie beyond every finite one: they are left out, which biases α̂ by a
 * negligible O(#∞/k). Returns NaN if fewer than k + 1 finite values remain.
 *
 * Formula: not in the paper (Hill 1975), used to check the tail of the CRLB of Eq. (6) of
 * arXiv:2403.20228.
 * Method: the top k order statistics of the finite values.
 * Accuracy: recovers the index of an exact Pareto sample (α = 1.5) within 4% = 4 SE at k = 10⁴
 * (test/sensing/crlbExistence.test.ts).
 * References: B. M. Hill, Ann. Statist. 3 (1975) 1163–1174; docs/sensing.md.
 *
 * @example
 * import { hillTailIndex } from 'isacnet';
 * // exact Pareto(α = 2) quantiles, ascending
 * const x = Float64Array.from({ length: 10000 }, (_, j) => (1 - (j + 1) / 10001) ** -0.5);
 * hillTailIndex(x, 1000); // => 2.0068
 */
export function hillTailIndex(sortedAscending: ArrayLike<number>, k: number): number {
  let m = sortedAscending.length;
  while (m > 0 && !Number.isFinite(sortedAscending[m - 1])) m--;
  if (!(Number.isInteger(k) && k >= 2)) throw new ArgumentError('k', k, 'an integer ≥ 2');
  if (k >= m) return NaN;
  const x0 = sortedAscending[m - k - 1];
  if (!(x0 > 0)) return NaN;
  let acc = 0;
  for (let j = m - k; j < m; j++) acc += Math.log(sortedAscending[j] / x0);
  return k / acc;
}

/**
 * The warning attached to a Monte Carlo summary of the CRLB for cluster size N (undefined if none).
 *
 * Formula: not in the paper (which moments of the CRLB of Eq. (6) of arXiv:2403.20228 exist).
 * Method: N = 1 singular; N ≤ 3 no mean; N = 4, 5 no variance.
 * Accuracy: exact (theory); test/sensing/crlbMonteCarlo.test.ts checks the summaries that carry it.
 * References: docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { crlbMomentWarning } from 'isacnet';
 * crlbMomentWarning(10); // => undefined
 * crlbMomentWarning(5)?.startsWith('N = 5: E[CRLB] is finite but Var[CRLB] is infinite'); // => true
 */
export function crlbMomentWarning(N: number): string | undefined {
  if (N <= 1) return 'N = 1: the FIM of Eq. (5) has rank 1 (one monostatic range cannot fix a 2-D position); the CRLB is infinite for every geometry';
  if (!crlbMeanExists(N)) {
    return `N = ${N}: E[CRLB] is infinite (P(CRLB > t) ~ t^-${crlbTailIndex(N)} from nearly collinear bearings); the sample mean never converges, report the median`;
  }
  if (!crlbVarianceExists(N)) {
    return `N = ${N}: E[CRLB] is finite but Var[CRLB] is infinite (tail index ${crlbTailIndex(N)} ≤ 2); the normal-theory CI of the mean is unreliable`;
  }
  return undefined;
}
