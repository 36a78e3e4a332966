/** Kolmogorov–Smirnov helpers for the tests (one-sample, continuous CDF). */

/** sup_x |F_n(x) − F(x)| of the sample against the CDF. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const s = Float64Array.from(samples as ArrayLike<number>).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Critical value of D at significance 0.001 (asymptotic, n ≥ 100): 1.949/√n. */
export function ksCritical001(n: number): number {
  return 1.9495 / Math.sqrt(n);
}
