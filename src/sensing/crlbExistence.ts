/**
 * When does the expected CRLB of Eq. (6) of arXiv:2403.20228 exist, and how heavy is its tail at the
 * sample sizes a simulation reaches? (Derivation in docs/sensing.md, "The tail of the CRLB".)
 *
 * The FIM F_N = 2|ζ|²M, M = W A + S Sᵀ (src/sensing/fim.ts), is singular exactly when all N bearings
 * are collinear. Write θ_k = φ + δ_k (mod π) near such a line and w_k = d_k^{−β}; then
 * λ_min(M) ≈ min_η Q(δ − η1) with Q = W diag(w) + (σ∘w)(σ∘w)ᵀ (σ_k = ±1 the side of the line), and
 * tr F⁻¹ ≈ 1/(2|ζ|² λ_min). The bearings are iid uniform and independent of the distances, so
 *   P(CRLB > t) ~ C_N(β) t^{−(N−1)/2},
 *   C_N(β) = π^{1−N} V_{N−1} 2^{−(N−1)/2} E[√((W² + (Σσ_k w_k)²)/(2 W^N Π w_k))]   (V_m: unit m-ball),
 * and C_N(β) < ∞ for every β (all moments of the PPP distances are finite, W ≥ w_1). So the asymptotic
 * tail index is (N − 1)/2 for EVERY β ≥ 2: E[CRLB] < ∞ ⇔ N ≥ 4, Var[CRLB] < ∞ ⇔ N ≥ 6.
 *
 * Before that regime the tail is heavier, and how much depends on β: given the distances, BS k
 * constrains the line only once ε_k = (2tW w_k)^{−1/2} < 1, i.e. the far BSs, whose weights d^{−β} are
 * tiny next to the nearest one's, do not count until t is very large, and the distances themselves
 * enter as CRLB ∝ d^{2β} (a stretched-exponential factor that looks heavy over a wide range when β is
 * large). Averaging P(CRLB > t | d) ≈ Π_{k≥2} (2/π) asin(min(1, ε_k)) over the PPP distances gives
 * the index a Hill estimate at tail fraction p sees (`crlbTailIndexModel`). Hill estimates from 10⁶
 * numpy geometries at the top 0.1%: N = 30/50: 6.9/7.5 (β = 2), 4.3/4.4 (β = 3), 2.9/3.0 (β = 4);
 * N = 6, β = 4: 2.3 — the asymptotic 14.5/24.5 and 2.5 lie beyond the reach of any simulation; the
 * model reproduces the top-1% estimates within 25% (test/sensing/fixtures/tail_index.json,
 * docs/errata.md S1, docs/tail-index.svg).
 * N = 1 is singular for every geometry (CRLB = +∞ surely).
 */
import { ArgumentError, checkInteger, checkReal } from '../math/argumentError.ts';
import { Rng } from '../math/rng.ts';

/**
 * Asymptotic tail index α_N = (N − 1)/2 of the CRLB distribution, the same for every β ≥ 2 (0 for
 * N = 1: CRLB = ∞ surely).
 *
 * Formula: P(CRLB > t) ~ C_N(β) t^{−(N−1)/2} (t → ∞) for the CRLB of Eq. (6) of arXiv:2403.20228 over
 * PPP geometries, with C_N(β) finite for every β (derived in src/sensing/crlbExistence.ts and
 * docs/sensing.md; not in the paper).
 * Method: (N − 1)/2; `beta` is checked (≥ 2) but does not change the value.
 * Accuracy: the law and its constant are checked against 10⁶ numpy geometries: the survival over
 * C_N t^{−(N−1)/2} is 0.98 (N = 2) and 1.0 (N = 4, β = 2) at the top 0.01%; Hill estimates
 * 0.49, 1.54, 3.06 for N = 2, 4, 6 at β = 2 (test/sensing/fixtures/tail_index.json). For large N or β
 * the regime starts beyond any simulated sample: see `crlbTailIndexModel`.
 * References: arXiv:2403.20228, Eq. (6); docs/sensing.md (the tail of the CRLB); docs/errata.md S1.
 *
 * @example
 * import { crlbTailIndex } from 'isacnet';
 * crlbTailIndex(5); // => 2
 * crlbTailIndex(5, 4); // => 2
 * crlbTailIndex(1); // => 0
 */
export function crlbTailIndex(N: number, beta = 2): number {
  checkReal('beta', beta, 2, 64);
  return N <= 1 ? 0 : (N - 1) / 2;
}

/**
 * The tail index a Hill estimate sees at tail fraction p (pre-asymptotic), from the two mechanisms:
 * near-collinear bearings, with each BS's constraint counted only once it bites, and the PPP
 * distances entering as d^{−β} weights. Tends to (N − 1)/2 as p → 0; lower than it where the far BSs
 * (small d^{−β} weights) do not yet constrain the geometry, which for β > 2 covers every sample size
 * that can be simulated at N ≥ 10.
 *
 * Formula: not in the paper: S(t) = E_d[Π_{k=2}^N (2/π) asin(min(1, (2tW w_k)^{−1/2}))], w_k = Γ_k^{−β/2}
 * (Γ_k the normalized PPP areas, W = Σ w_k), and the model Hill index 1/∫_{t_p}^∞ S(s)/p d ln s with
 * S(t_p) = p (docs/sensing.md, the tail of the CRLB).
 * Method: `draws` seeded PPP distance draws (xoshiro128** stream (seed, 0)), S on a grid of ln t with
 * step 0.05, trapezoid rule; deterministic for given arguments.
 * Accuracy: an approximation (the product of per-BS constraints replaces the ellipsoid of the exact
 * asymptotics): against Hill estimates from 10⁶ numpy geometries at p = 10⁻² it is within 25% (worst
 * −23% at N = 50, β = 2) over N = 2…50, β = 2, 3, 4 (test/sensing/crlbExistence.test.ts,
 * tail_index.json); at p ≤ 10⁻³ its own Monte Carlo error over the distances grows (rare distance
 * draws dominate: −43% at N = 50, β = 3), so use it for p ≥ 10⁻². About 1 s per call at N = 10.
 * References: docs/sensing.md; docs/errata.md S1; B. M. Hill, Ann. Statist. 3 (1975) 1163–1174.
 *
 * @example
 * import { crlbTailIndexModel } from 'isacnet';
 * // N = 10 at the top 1%, 300 distance draws (quick, noisy): β = 2 vs β = 4 (asymptotic index 4.5 for
 * // both; numpy Hill estimates from 10⁶ geometries 3.79 and 1.79)
 * [crlbTailIndexModel(10, 2, 1e-2, 300), crlbTailIndexModel(10, 4, 1e-2, 300)]; // => [4.370, 1.860]
 */
export function crlbTailIndexModel(N: number, beta: number, p: number, draws = 10000, seed = 1): number {
  checkInteger('N', N, 1, 100000);
  checkReal('beta', beta, 2, 64);
  checkReal('p', p, 0, 0.5, { minExclusive: true });
  checkInteger('draws', draws, 10, 1e6);
  if (N <= 1) return 0;
  const rng = new Rng(seed);
  const h = 0.05;
  const lt0 = -10;
  const J = 1401; // ln t from −10 to 60
  const S = new Float64Array(J);
  const tGrid = Float64Array.from({ length: J }, (_, j) => 2 * Math.exp(lt0 + j * h));
  const w = new Float64Array(N);
  const floor = Math.log(p) - 40;
  const twoOverPi = 2 / Math.PI;
  for (let d = 0; d < draws; d++) {
    let area = 0;
    let W = 0;
    for (let k = 0; k < N; k++) {
      area += -Math.log(rng.uniformOpen());
      w[k] = Math.pow(area, -beta / 2);
      W += w[k];
    }
    for (let j = 0; j < J; j++) {
      const t2W = tGrid[j] * W;
      let logS = 0;
      for (let k = 1; k < N; k++) {
        const e2 = 1 / (t2W * w[k]);
        if (e2 >= 1) break; // ε_k increases with k: the remaining BSs do not constrain yet
        logS += Math.log(twoOverPi * Math.asin(Math.sqrt(e2)));
        if (logS < floor) break;
      }
      if (logS < floor) break; // S decreases in t: the rest of this draw's row is negligible
      S[j] += Math.exp(logS) / draws;
    }
  }
  let i = 0;
  while (i < J && S[i] > p) i++;
  if (i === 0 || i >= J - 1) return NaN;
  // ln t_p by log-linear interpolation between grid points i − 1 and i.
  const f = (Math.log(S[i - 1]) - Math.log(p)) / (Math.log(S[i - 1]) - Math.log(S[i]));
  let integral = (1 - f) * h * (p + S[i]) / 2;
  for (let j = i; j < J - 1; j++) integral += (h * (S[j] + S[j + 1])) / 2;
  return p / integral;
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
 * Hill estimate (top 0.1% of the sample) below which a sample whose variance exists in theory is
 * nevertheless flagged: its tail over the simulated range is as heavy as an infinite-variance one.
 */
export const PRE_ASYMPTOTIC_HILL_LIMIT = 2;

/**
 * The warning attached to a Monte Carlo summary of the CRLB for cluster size N (undefined if none).
 *
 * Formula: not in the paper (which moments of the CRLB of Eq. (6) of arXiv:2403.20228 exist): the
 * asymptotic index (N − 1)/2 holds for every β (src/sensing/crlbExistence.ts), so the existence
 * warnings are the same for every β; where the variance exists but the sample's measured tail index
 * `hill` (top 0.1%) is ≤ 2 — a pre-asymptotic tail, possible for large β — the CI is flagged as well.
 * Method: N = 1 singular; N ≤ 3 no mean; N = 4, 5 no variance; N ≥ 6 with hill ≤ 2: pre-asymptotic.
 * Accuracy: exact (theory). The normal 95% CI of the mean covers 83–85% at N = 4 (β = 2) and 88–97%
 * at N = 6 for β = 2, 3, 4 (200 seeded runs of 10⁴ and 60 of 10⁵ geometries,
 * test/sensing/fixtures/ci_coverage.py; docs/sensing.md); test/sensing/crlbMonteCarlo.test.ts checks the
 * summaries that carry the warnings.
 * References: docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { crlbMomentWarning } from 'isacnet';
 * crlbMomentWarning(10); // => undefined
 * crlbMomentWarning(5)?.startsWith('N = 5: E[CRLB] is finite but Var[CRLB] is infinite'); // => true
 * crlbMomentWarning(8, 1.7)?.startsWith('N = 8: Var[CRLB] is finite (tail index 3.5) but'); // => true
 */
export function crlbMomentWarning(N: number, hill?: number | null): string | undefined {
  if (N <= 1) return 'N = 1: the FIM of Eq. (5) has rank 1 (one monostatic range cannot fix a 2-D position); the CRLB is infinite for every geometry';
  if (!crlbMeanExists(N)) {
    return `N = ${N}: E[CRLB] is infinite (P(CRLB > t) ~ t^-${crlbTailIndex(N)} from nearly collinear bearings); the sample mean never converges, report the median`;
  }
  if (!crlbVarianceExists(N)) {
    return `N = ${N}: E[CRLB] is finite but Var[CRLB] is infinite (tail index ${crlbTailIndex(N)} ≤ 2); no CI of the mean is reported (the normal-theory one covered 83–85% in place of 95% at N = 4), use the median and its CI`;
  }
  if (hill !== undefined && hill !== null && hill <= PRE_ASYMPTOTIC_HILL_LIMIT) {
    return `N = ${N}: Var[CRLB] is finite (tail index ${crlbTailIndex(N)}) but the sample's tail is pre-asymptotic (Hill estimate ${hill.toFixed(2)} ≤ 2 at the top 0.1%: the far BSs' d^-β weights do not yet constrain the geometry); the normal-theory CI of the mean is unreliable, use the median and its CI`;
  }
  return undefined;
}
