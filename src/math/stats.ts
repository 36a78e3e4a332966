/**
 * Statistics for Monte Carlo output: mean with a normal-theory 95% confidence interval, median with
 * a distribution-free 95% interval (binomial order statistics), trimmed mean, quantiles.
 *
 * Sums use Neumaier's compensated summation so that a mean over 10^7 samples keeps ~1e-15 relative
 * accuracy. All functions are deterministic in the order of their input.
 */
import { ArgumentError } from './argumentError.ts';

/**
 * Neumaier-compensated sum.
 *
 * Formula: not in the paper: Σ_i x_i.
 * Method: Neumaier's improved Kahan summation (the lost low part carried in a second sum).
 * Accuracy: error independent of n to first order; keeps small terms next to a large one
 * (test/math/stats.test.ts; the example: plain summation gives 0).
 * References: A. Neumaier, ZAMM 54 (1974); test/math/stats.test.ts.
 *
 * @example
 * import { sum } from 'isacnet/math';
 * sum([1e16, 1, -1e16]); // => 1
 * sum([0.1, 0.2, 0.3]); // => 0.6
 */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Sample mean (ArgumentError for an empty sample).
 *
 * Formula: not in the paper: (1/n) Σ_i x_i.
 * Method: the compensated `sum` divided by n.
 * Accuracy: ~1e-15 relative for 10⁷ values (compensated sum); hand-computed samples in
 * test/math/stats.test.ts.
 * References: test/math/stats.test.ts; src/math/stats.ts (module comment).
 *
 * @example
 * import { mean } from 'isacnet/math';
 * mean([1, 2, 3, 4]); // => 2.5
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new ArgumentError('values.length', 0, '≥ 1 (the mean of an empty sample is undefined)');
  return sum(values) / values.length;
}

/**
 * Unbiased sample variance (two-pass); NaN for fewer than two values.
 *
 * Formula: not in the paper: s² = Σ_i (x_i − x̄)²/(n − 1).
 * Method: two passes with the corrected two-pass formula (Σd² − (Σd)²/n)/(n − 1) (Chan, Golub, LeVeque).
 * Accuracy: hand-computed samples in test/math/stats.test.ts; the example equals numpy
 * var(ddof=1) = 5/3.
 * References: T. F. Chan, G. H. Golub, R. J. LeVeque, Am. Stat. 37 (1983); test/math/stats.test.ts.
 *
 * @example
 * import { variance } from 'isacnet/math';
 * variance([1, 2, 3, 4]); // => 1.6666666666666667
 * variance([3]); // => NaN
 */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    s += d * d;
    c += d;
  }
  return (s - (c * c) / n) / (n - 1);
}

/** z_{0.975}, the two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/**
 * Mean ± 1.96·s/√n. Valid when the variance is finite (see the CRLB heavy-tail notes).
 *
 * Formula: not in the paper: x̄ ± z_{0.975}·s/√n (normal-theory 95% interval).
 * Method: `mean`, `variance`, z_{0.975} = `Z95`.
 * Accuracy: the arithmetic is exact to rounding (the example equals numpy/scipy.stats.norm.ppf to the
 * last digit); the coverage is asymptotic (CLT) and fails for heavy tails (docs/sensing.md).
 * References: test/math/stats.test.ts; src/math/stats.ts (module comment).
 *
 * @example
 * import { meanCi95 } from 'isacnet/math';
 * const r = meanCi95([1, 2, 3, 4]);
 * r.standardError; // => 0.645497224367903 (±1e-14)
 * r.ci95; // => [1.23484868811834, 3.76515131188166]
 */
export function meanCi95(values: ArrayLike<number>): { mean: number; ci95: [number, number]; standardError: number } {
  const m = mean(values);
  const se = Math.sqrt(variance(values) / values.length);
  return { mean: m, ci95: [m - Z95 * se, m + Z95 * se], standardError: se };
}

/**
 * Wilson score 95% interval of a proportion: `count` successes in `n` trials.
 *
 * Formula: not in the paper: (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²))/(1 + z²/n), z = z_{0.975}
 * (E. B. Wilson 1927); unlike p̂ ± z√(p̂(1 − p̂)/n) it stays inside [0, 1] and is not empty at
 * p̂ ∈ {0, 1}.
 * Method: closed form with `Z95`.
 * Accuracy: the arithmetic is exact to rounding (the example equals
 * scipy.stats.binomtest(30, 100).proportion_ci(method='wilson') to 1e-16); coverage close to 95%
 * for n p̂(1 − p̂) ≳ 5 and conservative near 0 and 1 (Brown, Cai & DasGupta 2001).
 * References: E. B. Wilson, J. Am. Stat. Assoc. 22 (1927) 209–212; L. D. Brown, T. T. Cai,
 * A. DasGupta, Stat. Sci. 16 (2001) 101–133.
 *
 * @example
 * import { proportionCi95 } from 'isacnet/math';
 * proportionCi95(30, 100); // => [0.218948853, 0.395848546]
 * proportionCi95(0, 50); // => [0, 0.0713475991]
 */
export function proportionCi95(count: number, n: number): [number, number] {
  if (!(n > 0)) return [NaN, NaN];
  const p = count / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At p̂ = 0 (1) the lower (upper) bound is 0 (1) exactly; the formula leaves a rounding residue.
  return [count <= 0 ? 0 : Math.max(0, centre - half), count >= n ? 1 : Math.min(1, centre + half)];
}

/**
 * Sorted copy (ascending, NaN-free input expected; +Infinity sorts last).
 *
 * Formula: not in the paper (order statistics x_(1) ≤ … ≤ x_(n)).
 * Method: `Float64Array.prototype.sort` (numeric order) on a copy.
 * Accuracy: exact.
 * References: test/math/stats.test.ts; src/math/stats.ts (module comment).
 *
 * @example
 * import { sorted } from 'isacnet/math';
 * sorted([3, Infinity, 1, 2]); // => [1, 2, 3, Infinity]
 */
export function sorted(values: ArrayLike<number>): Float64Array {
  const s = Float64Array.from(values as ArrayLike<number>);
  s.sort();
  return s;
}

/**
 * Quantile by linear interpolation between order statistics (numpy's default, type 7) of a sorted sample.
 *
 * Formula: not in the paper: Q(p) = x_(⌊h⌋+1) + (h − ⌊h⌋)(x_(⌊h⌋+2) − x_(⌊h⌋+1)), h = (n − 1)p
 * (Hyndman and Fan type 7).
 * Method: direct interpolation; p ≤ 0 and p ≥ 1 give the extremes.
 * Accuracy: exact to rounding; the example equals numpy.quantile([1, 2, 3, 4], 0.25) = 1.75.
 * References: R. J. Hyndman, Y. Fan, Am. Stat. 50 (1996); test/math/stats.test.ts.
 *
 * @example
 * import { quantileSorted } from 'isacnet/math';
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 * quantileSorted([1, 2, 3, 4], 1); // => 4
 */
export function quantileSorted(s: ArrayLike<number>, p: number): number {
  const n = s.length;
  if (n === 0) throw new ArgumentError('s.length', 0, '≥ 1 (the quantile of an empty sample is undefined)');
  if (p <= 0) return s[0];
  if (p >= 1) return s[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  if (s[lo] === s[hi]) return s[lo];
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * Sample median (type-7 quantile at ½ of the sorted copy).
 *
 * Formula: not in the paper (the middle order statistic, or the mean of the two middle ones).
 * Method: `quantileSorted(sorted(values), 0.5)`.
 * Accuracy: exact to rounding; hand-computed samples in test/math/stats.test.ts (the example equals
 * numpy.median).
 * References: test/math/stats.test.ts; src/math/stats.ts (module comment).
 *
 * @example
 * import { median } from 'isacnet/math';
 * median([5, 1, 3, 2]); // => 2.5
 */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(sorted(values), 0.5);
}

/**
 * Distribution-free 95% confidence interval for the median: order statistics j, k with
 * j, k = n/2 ∓ 1.96·√n/2 (normal approximation to Binomial(n, 1/2), accurate for n ≥ 50).
 * Valid even when the mean does not exist.
 *
 * Formula: not in the paper: [x_(j+1), x_(k+1)] with j = ⌊n/2 − z√n/2⌋ − 1, k = ⌈n/2 + z√n/2⌉
 * (0-based indices, z = 1.96).
 * Method: index arithmetic on the sorted sample (clamped to [0, n − 1]).
 * Accuracy: for n = 100 (the example: order statistics 40 and 61) the exact binomial coverage is
 * 0.9648 (scipy.stats.binom, measured); test/math/stats.test.ts checks that it brackets the median.
 * References: W. J. Conover, Practical Nonparametric Statistics (1999), §3.2; test/math/stats.test.ts.
 *
 * @example
 * import { medianCi95Sorted } from 'isacnet/math';
 * medianCi95Sorted(Array.from({ length: 100 }, (_, i) => i + 1)); // => [40, 61]
 */
export function medianCi95Sorted(s: ArrayLike<number>): [number, number] {
  const [j, k] = medianCi95Ranks(s.length);
  return [s[j], s[k]];
}

/**
 * The 0-based ranks j, k of the order statistics bounding `medianCi95Sorted` for a sample of n.
 *
 * Formula: not in the paper: j = max(0, ⌊n/2 − z√n/2⌋ − 1), k = min(n − 1, ⌈n/2 + z√n/2⌉), z = z_{0.975}.
 * Method: index arithmetic (for selecting them without a full sort, `selectRanks`).
 * Accuracy: exact. References: as `medianCi95Sorted`.
 *
 * @example
 * import { medianCi95Ranks } from 'isacnet/math';
 * medianCi95Ranks(100); // => [39, 60]
 */
export function medianCi95Ranks(n: number): [number, number] {
  const half = (Z95 * Math.sqrt(n)) / 2;
  return [Math.max(0, Math.floor(n / 2 - half) - 1), Math.min(n - 1, Math.ceil(n / 2 + half))];
}

/**
 * Mean of the sorted sample after dropping the fraction `trim` at each end (trim in [0, 0.5)).
 *
 * Formula: not in the paper: (1/(n − 2g)) Σ_{i=g+1}^{n−g} x_(i), g = ⌊n·trim⌋.
 * Method: compensated sum of the kept order statistics.
 * Accuracy: exact to rounding; the example equals scipy.stats.trim_mean([1, 2, 3, 4, 100], 0.2) = 3.
 * References: test/math/stats.test.ts; src/math/stats.ts (module comment).
 *
 * @example
 * import { trimmedMeanSorted } from 'isacnet/math';
 * trimmedMeanSorted([1, 2, 3, 4, 100], 0.2); // => 3
 * trimmedMeanSorted([1, 2, 3, 4, 100], 0); // => 22
 */
export function trimmedMeanSorted(s: ArrayLike<number>, trim: number): number {
  if (!(trim >= 0 && trim < 0.5)) throw new ArgumentError('trim', trim, 'in [0, 0.5)');
  const n = s.length;
  const g = Math.floor(n * trim);
  let acc = 0;
  let c = 0;
  for (let i = g; i < n - g; i++) {
    const v = s[i];
    const t = acc + v;
    c += Math.abs(acc) >= Math.abs(v) ? acc - t + v : v - t + acc;
    acc = t;
  }
  return (acc + c) / (n - 2 * g);
}

export interface Summary {
  trials: number;
  mean: number;
  ci95: [number, number];
  standardError: number;
  median: number;
  medianCi95: [number, number];
  trimmedMean05: number;
}

/**
 * Everything a Monte Carlo report needs from one sample (finite values expected).
 *
 * Formula: not in the paper: mean ± 1.96·s/√n, median with the distribution-free 95% CI (binomial
 * order statistics), 5%-trimmed mean.
 * Method: Neumaier-compensated sums, one sort, numpy's type-7 quantile.
 * Accuracy: ~1e-15 relative for the mean of 10⁷ values (compensated); hand-computed small samples in
 * test/math/stats.test.ts. The mean's CI needs a finite variance (see `summarizeCrlbSamples`).
 * References: docs/sensing.md (Monte Carlo statistics).
 *
 * @example
 * import { summarize } from 'isacnet';
 * const s = summarize([1, 2, 3, 4, 100]);
 * [s.mean, s.median, s.standardError]; // => [22, 3, 19.5064092]
 */
export function summarize(values: ArrayLike<number>): Summary {
  const s = sorted(values);
  const m = meanCi95(values);
  return {
    trials: values.length,
    mean: m.mean,
    ci95: m.ci95,
    standardError: m.standardError,
    median: quantileSorted(s, 0.5),
    medianCi95: medianCi95Sorted(s),
    trimmedMean05: trimmedMeanSorted(s, 0.05),
  };
}

/**
 * Ratio estimator of Σa/Σq over iid groups (e.g. accepted over requested requests of simulation
 * windows) with its 95% CI from the between-group spread (delta method, Cochran 1977 §6.4):
 *   r = Σ_w a_w / Σ_w q_w,  se = √(W/(W − 1) · Σ_w (a_w − r q_w)²) / Σ_w q_w.
 * The CI is null with fewer than two groups. `a(w)`, `q(w)` read group w.
 *
 * Formula: not in the paper (the estimator of the acceptance κ_s, κ_c by simulation).
 * Method: the two sums, then the delta-method standard error above and r ± 1.96·se.
 * Accuracy: the CI is asymptotic in the number of groups; test/math/stats.test.ts checks it against
 * the formula; the second example equals a numpy evaluation of the formula (measured).
 * References: W. G. Cochran, Sampling Techniques (1977), §6.4; test/math/stats.test.ts.
 *
 * @example
 * const e = ratioEstimateCi95(3, (w) => [2, 3, 4][w], (w) => [4, 6, 8][w]);
 * e.ratio; // => 0.5
 * e.ci95; // => [0.5, 0.5]
 * ratioEstimateCi95(4, (w) => [2, 3, 5, 6][w], (w) => [4, 6, 8, 10][w]).ci95; // => [0.5125512475575753, 0.6303058952995675]
 */
export function ratioEstimateCi95(groups: number, a: (w: number) => number, q: (w: number) => number): { ratio: number; ci95: [number, number] | null } {
  let sa = 0;
  let sq = 0;
  for (let w = 0; w < groups; w++) {
    sa += a(w);
    sq += q(w);
  }
  const r = sa / sq;
  if (groups < 2) return { ratio: r, ci95: null };
  let ss = 0;
  for (let w = 0; w < groups; w++) {
    const d = a(w) - r * q(w);
    ss += d * d;
  }
  const se = Math.sqrt((groups / (groups - 1)) * ss) / sq;
  return { ratio: r, ci95: [r - Z95 * se, r + Z95 * se] };
}
