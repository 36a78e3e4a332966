import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, median, medianCi95Sorted, sorted, sum, summarize, trimmedMeanSorted, variance } from '../../src/math/stats.ts';

test('compensated sum keeps small terms next to a large one', () => {
  const xs = [1e16, 1, 1, 1, 1, -1e16];
  assert.equal(sum(xs), 4);
});

test('mean, variance, median, trimmed mean on a small sample (hand-computed)', () => {
  const xs = [3, 1, 4, 1, 5, 9, 2, 6];
  assert.equal(mean(xs), 31 / 8);
  // Σ(x − 3.875)² = 52.875, /7
  assert.ok(Math.abs(variance(xs) - 52.875 / 7) < 1e-12);
  assert.equal(median(xs), 3.5);
  const s = sorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
  assert.equal(trimmedMeanSorted(s, 0.1), (2 + 3 + 4 + 5 + 6 + 7 + 8 + 9) / 8);
});

test('median CI brackets the median and summarize reports consistent fields', () => {
  const xs = Array.from({ length: 1001 }, (_, i) => i);
  const s = sorted(xs);
  const [lo, hi] = medianCi95Sorted(s);
  assert.ok(lo < 500 && hi > 500);
  // Half-width ≈ 1.96·√n/2 ≈ 31 order statistics.
  assert.ok(hi - lo > 55 && hi - lo < 70);
  const sm = summarize(xs);
  assert.equal(sm.median, 500);
  assert.ok(sm.ci95[0] < sm.mean && sm.mean < sm.ci95[1]);
});

test('ratioEstimateCi95: Σa/Σq with the delta-method CI from the between-group spread', async () => {
  const { ratioEstimateCi95, Z95 } = await import('../../src/math/stats.ts');
  const a = [3, 5, 2, 7, 4];
  const q = [6, 9, 5, 12, 8];
  const e = ratioEstimateCi95(a.length, (w) => a[w], (w) => q[w]);
  const r = 21 / 40;
  // Independent arithmetic: se = √(Σ(a − r q)²/(W(W − 1))) / q̄ (Cochran 1977, eq. 6.13).
  const ss = a.reduce((s, x, w) => s + (x - r * q[w]) ** 2, 0);
  const se = Math.sqrt(ss / (5 * 4)) / (40 / 5);
  assert.equal(e.ratio, r);
  assert.ok(e.ci95 !== null);
  assert.ok(Math.abs(e.ci95[0] - (r - Z95 * se)) < 1e-14 && Math.abs(e.ci95[1] - (r + Z95 * se)) < 1e-14);
  assert.equal(ratioEstimateCi95(1, () => 2, () => 4).ci95, null);
});
