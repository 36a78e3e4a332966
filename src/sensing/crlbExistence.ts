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

/** Tail index α_N = (N − 1)/2 of the CRLB distribution (0 for N = 1: CRLB = ∞ surely). */
export function crlbTailIndex(N: number): number {
  return N <= 1 ? 0 : (N - 1) / 2;
}

/** E[CRLB] < ∞ ⇔ N ≥ 4. */
export function crlbMeanExists(N: number): boolean {
  return N >= 4;
}

/** E[CRLB²] < ∞ ⇔ N ≥ 6. */
export function crlbVarianceExists(N: number): boolean {
  return N >= 6;
}

/**
 * Hill estimator of a Pareto tail index from an ascending sample: α̂ = k / Σ_{j=1}^k ln(X_(m−j+1)/X_(m−k)),
 * m being the number of finite values. +∞ values at the top (numerically singular CRLBs, a few per
 * 10⁶ draws for N = 2) lie beyond every finite one: they are left out, which biases α̂ by a
 * negligible O(#∞/k). Returns NaN if fewer than k + 1 finite values remain.
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

/** The warning attached to a Monte Carlo summary of the CRLB for cluster size N (undefined if none). */
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
