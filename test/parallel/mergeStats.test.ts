/**
 * Mergeable chunk statistics: merging chunk statistics in index order gives the statistics of the
 * whole sample (the mean and CI of src/math/stats.ts to 1e-12 relative: compensated sums versus its
 * two-pass variance), the DDSketch quantiles are within the sketch's relative accuracy α of the
 * sample's order statistics (DDSketch's guarantee), the sketch has the bins and values of the
 * reference implementation (`DDSketch` of @datadog/sketches-js), and the JSON form round-trips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { meanCi95, medianCi95Sorted, sorted } from '../../src/math/stats.ts';
import { DDSketch } from '@datadog/sketches-js';
import { columnStats, mergeMoments, momentsMeanCi95, sketchMedianCi95, sketchOf, sketchQuantile, sketchValueAtRank } from '../../src/parallel/mergeStats.ts';

function sample(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  // Heavy-tailed positive values (Pareto with tail index 1.5), as the CRLB samples are.
  return Float64Array.from({ length: n }, () => 3 * (1 - rng.uniform()) ** (-1 / 1.5));
}

test('chunk statistics merged in index order give the mean and CI of the whole sample', () => {
  const x = sample(10000, 3);
  let merged = columnStats(x.subarray(0, 1000), 1, 0);
  for (let s = 1000; s < x.length; s += 1000) merged = mergeMoments(merged, columnStats(x.subarray(s, s + 1000), 1, 0));
  const ref = meanCi95(x);
  const got = momentsMeanCi95(merged);
  assert.ok(got);
  // Compensated Σx, Σx² against the two-pass variance: agreement to rounding (1e-12 relative).
  assert.ok(Math.abs(got.mean - ref.mean) <= 1e-12 * ref.mean);
  assert.ok(Math.abs(got.ci95[0] - ref.ci95[0]) <= 1e-12 * ref.mean && Math.abs(got.ci95[1] - ref.ci95[1]) <= 1e-12 * ref.mean);
  assert.equal(merged.n, 10000);
  assert.equal(merged.min, Math.min(...x));
  assert.equal(merged.max, Math.max(...x));
});

test('records of width > 1: one column, non-finite values counted apart', () => {
  const rec = Float64Array.of(1, 10, 2, Infinity, 3, NaN, 4, 40);
  const s = columnStats(rec, 2, 1);
  assert.deepEqual([s.n, s.finite, s.posInf, s.sum.s + s.sum.c], [4, 2, 1, 50]);
  assert.throws(() => columnStats(rec, 2, 2), /field must be/);
});

test('DDSketch medians and median CIs are within α of the sample order statistics, merged from chunks', () => {
  const alpha = 0.001;
  const x = sample(20000, 5);
  let merged = columnStats(x.subarray(0, 4096), 1, 0, alpha);
  for (let s = 4096; s < x.length; s += 4096) merged = mergeMoments(merged, columnStats(x.subarray(s, s + 4096), 1, 0, alpha));
  const xs = sorted(x);
  const med = sketchQuantile(merged, 0.5);
  assert.ok(med !== null);
  // The sketch value at rank (n − 1)/2 is within α of the order statistic at that rank (n even: either neighbour).
  const lo = xs[Math.floor((x.length - 1) / 2)];
  const hi = xs[Math.ceil((x.length - 1) / 2)];
  assert.ok(med >= lo * (1 - alpha) && med <= hi * (1 + alpha), `${med} vs [${lo}, ${hi}]`);
  const ci = sketchMedianCi95(merged);
  const exact = medianCi95Sorted(xs);
  assert.ok(ci);
  assert.ok(Math.abs(ci[0] - exact[0]) <= alpha * exact[0] && Math.abs(ci[1] - exact[1]) <= alpha * exact[1], `${ci} vs ${exact}`);
  for (const q of [0.1, 0.9, 0.99]) {
    const v = sketchQuantile(merged, q);
    const r = xs[Math.round(q * (x.length - 1))];
    assert.ok(v !== null && Math.abs(v - r) <= alpha * r * 1.0001, `q = ${q}: ${v} vs ${r}`);
  }
});

test('the sketch has the bins and rank values of @datadog/sketches-js DDSketch', () => {
  const x = sample(5000, 4);
  const alpha = 0.001;
  const dd = new DDSketch({ relativeAccuracy: alpha });
  for (const v of x) dd.accept(v);
  dd.accept(0);
  const mine = sketchOf([...x, 0], alpha);
  const st = dd.store as unknown as { bins: number[]; offset: number; minKey: number; maxKey: number };
  const keys: number[] = [];
  const counts: number[] = [];
  for (let k = st.minKey; k <= st.maxKey; k++) if ((st.bins[k - st.offset] ?? 0) > 0) (keys.push(k), counts.push(st.bins[k - st.offset]));
  assert.deepEqual(mine.positive, { keys, counts });
  assert.equal(mine.zeroCount, dd.zeroCount);
  for (const r of [0, 1, 17, 2500, 4999, 5000]) {
    // getValueAtQuantile(q) reads rank q·(n − 1); these quantiles give the integer ranks exactly.
    assert.equal(sketchValueAtRank(mine, r), dd.getValueAtQuantile(r / 5000), `rank ${r}`);
  }
});

test('the sketch merge is exact and order-free; its JSON form round-trips', () => {
  const x = sample(3000, 9);
  const a = columnStats(x.subarray(0, 1000), 1, 0, 0.001);
  const b = columnStats(x.subarray(1000), 1, 0, 0.001);
  const whole = columnStats(x, 1, 0, 0.001);
  assert.deepEqual(mergeMoments(a, b).sketch, whole.sketch);
  assert.deepEqual(mergeMoments(b, a).sketch, whole.sketch);
  assert.deepEqual(JSON.parse(JSON.stringify(whole)), whole);
  assert.throws(() => mergeMoments(a, columnStats(x, 1, 0, 0.01)), /relativeAccuracy/);
});

test('infinite values rank last: the median is +∞ when more than half are', () => {
  const rec = Float64Array.of(1, 2, Infinity, Infinity, Infinity);
  const s = columnStats(rec, 1, 0, 0.01);
  assert.equal(sketchQuantile(s, 0.5), Infinity);
  assert.equal(sketchMedianCi95(s), null);
  assert.equal(sketchQuantile(s, 0), 1);
});
