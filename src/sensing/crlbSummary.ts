/**
 * Summary of Monte Carlo CRLB samples that respects which moments exist
 * (src/sensing/crlbExistence.ts): the mean and its 95% CI only where E[CRLB] < ∞ (N ≥ 4), the
 * median with its distribution-free 95% CI always (N ≥ 2), and a warning where the mean does not
 * exist or its CI is unreliable. Values that do not exist are `null` (JSON-safe).
 */
import { meanCi95, medianCi95Ranks, medianCi95Sorted, quantileSorted } from '../math/stats.ts';
import { selectRanks } from '../math/selectRanks.ts';
import { PRE_ASYMPTOTIC_HILL_LIMIT, crlbMeanExists, crlbMomentWarning, crlbTailIndex, crlbVarianceExists, hillTailIndex } from './crlbExistence.ts';

export interface CrlbMcSummary {
  mean: number | null;
  ci95: [number, number] | null;
  median: number | null;
  medianCi95: [number, number] | null;
  trials: number;
  /**
   * Tail index α of P(CRLB > t) ~ t^{−α}: theory (N − 1)/2 and the Hill estimate from the top
   * 0.1% of the sample (at least 10 values; null below 1000 trials). The Hill estimate is biased
   * upwards for N ≥ 5, where the Pareto regime starts further out than the sample reaches.
   */
  tailIndex?: { theory: number; hill: number | null };
  /**
   * Whether the normal-theory `ci95` can be trusted: false where the sample's Hill estimate is ≤ 2
   * (pre-asymptotic tail, N ≥ 6); use the median and its CI there. Absent where there is no `ci95`
   * (no mean for N ≤ 3; for N = 4, 5, every β, Var[CRLB] = ∞ and only the mean and the median with
   * its CI are given).
   */
  ci95Reliable?: boolean;
  warning?: string;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Summarize normalized (or scaled) CRLB samples for cluster size N; `scale` multiplies every value
 * (e.g. `crlbScaleM2`).
 *
 * Formula: not in the paper: the sample mean of tr(F_N⁻¹) estimates Eq. (6) of arXiv:2403.20228 only
 * where E[CRLB] exists (N ≥ 4); the median always exists (N ≥ 2).
 * Method: mean for N ≥ 4 (null otherwise); its normal 95% CI only for N ≥ 6, where Var[CRLB] < ∞
 * (for N = 4, 5 the variance is infinite at every β, the normal interval covered 83–85% instead of
 * 95% in repeated runs (docs/sensing.md), and `ci95` is null: only the median's CI is given); median
 * with its distribution-free 95% CI (binomial order statistics), Hill tail index from the top 0.1%
 * (≥ 1000 trials), a warning where the mean or the variance does not exist, or where the Hill
 * estimate is ≤ 2 (`ci95Reliable` false).
 * Accuracy: as the sample; test/sensing/crlbMonteCarlo.test.ts checks nulls and warnings for N = 1…6.
 * References: docs/sensing.md; docs/errata.md S1.
 *
 * @example
 * import { summarizeCrlbSamples } from 'isacnet';
 * const s = summarizeCrlbSamples(Float64Array.of(1, 2, 3, 4, 5), 6);
 * [s.mean, s.median, s.medianCi95]; // => [3, 3, [1, 5]]
 * summarizeCrlbSamples(Float64Array.of(1, 2, 3, 4, 5), 2).mean; // => null
 * summarizeCrlbSamples(Float64Array.of(1, 2, 3, 4, 5), 4).ci95; // => null
 */
export function summarizeCrlbSamples(samples: ArrayLike<number>, N: number, scale = 1): CrlbMcSummary {
  const trials = samples.length;
  if (N <= 1 || trials === 0) {
    const warning = crlbMomentWarning(N);
    return { mean: null, ci95: null, median: null, medianCi95: null, trials, ...(warning ? { warning } : {}) };
  }
  const k = Math.max(10, Math.floor(trials / 1000));
  // Only a few order statistics are read (median, its CI, the top k + 1 finite values for the Hill
  // estimate): selected, not sorted (the same values; a full sort of 10⁶ samples per N dominated Fig. 2).
  let infinite = 0;
  for (let i = 0; i < trials; i++) if (samples[i] === Infinity) infinite++;
  const mid = Math.floor((trials - 1) / 2);
  const s = selectRanks(samples, [mid, mid + 1, ...medianCi95Ranks(trials)], trials - infinite - k - 1);
  const hill = trials >= 1000 ? finiteOrNull(hillTailIndex(s, k)) : null;
  const warning = crlbMomentWarning(N, hill);
  const median = finiteOrNull(quantileSorted(s, 0.5) * scale);
  const mci = medianCi95Sorted(s);
  const medianCi95: [number, number] | null = Number.isFinite(mci[0]) && Number.isFinite(mci[1]) ? [mci[0] * scale, mci[1] * scale] : null;
  let mean: number | null = null;
  let ci95: [number, number] | null = null;
  let extra = '';
  if (crlbMeanExists(N)) {
    let nonFinite = 0;
    for (let i = 0; i < trials; i++) if (!Number.isFinite(samples[i])) nonFinite++;
    if (nonFinite === 0 && trials >= 2) {
      const m = meanCi95(samples);
      mean = m.mean * scale;
      // A CRLB is positive: the normal-theory interval is cut to that support (few trials). It
      // needs a finite variance: none for N = 4, 5.
      if (crlbVarianceExists(N)) ci95 = [Math.max(0, m.ci95[0]) * scale, m.ci95[1] * scale];
    } else if (nonFinite > 0) {
      extra = `${nonFinite} geometries were numerically singular; mean not reported`;
    }
  }
  const w = [warning, extra].filter((x) => x).join('; ');
  const reliable = ci95 === null ? {} : { ci95Reliable: !(hill !== null && hill <= PRE_ASYMPTOTIC_HILL_LIMIT) };
  return { mean, ci95, median, medianCi95, trials, tailIndex: { theory: crlbTailIndex(N), hill }, ...reliable, ...(w ? { warning: w } : {}) };
}
