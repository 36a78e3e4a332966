import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { controlVariateEstimate } from '../../src/comm/controlVariate.ts';
import { Rng } from '../../src/math/rng.ts';

interface Fixture {
  mu: number;
  y: number[];
  x: number[];
  expected: Record<string, number | number[]>;
}
// numpy reference: test/comm/fixtures/gen_control_variate.py (seeded, written from the estimator's definition)
const fx = JSON.parse(readFileSync(new URL('./fixtures/control_variate.json', import.meta.url), 'utf8')) as Fixture;

function interleave(y: number[], x: number[]): Float64Array {
  const rec = new Float64Array(2 * y.length);
  for (let i = 0; i < y.length; i++) {
    rec[2 * i] = y[i]!;
    rec[2 * i + 1] = x[i]!;
  }
  return rec;
}

// Tolerance 1e-11 relative: the same sums in a different order (numpy's pairwise summation and cov
// centering vs one shifted pass here) over 1001 values of size ≈ 3 differ by ≈ n·ε ≈ 2e-13.
test('controlVariateEstimate agrees with the numpy reference (plain, controlled, coefficients, VRF)', () => {
  const e = controlVariateEstimate(interleave(fx.y, fx.x), 2, 0, 1, fx.mu);
  const x = fx.expected;
  const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-11 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
  assert.equal(e.n, 1001);
  close(e.plain.mean, x.plainMean as number, 'plain mean');
  close(e.plain.halfWidth, x.plainHalfWidth as number, 'plain half-width');
  close(e.controlled.mean, x.controlledMean as number, 'controlled mean');
  close(e.controlled.halfWidth, x.controlledHalfWidth as number, 'controlled half-width');
  close(e.coefficient, x.coefficient as number, 'pooled coefficient');
  close(e.splitCoefficients[0], (x.splitCoefficients as number[])[0]!, 'b even');
  close(e.splitCoefficients[1], (x.splitCoefficients as number[])[1]!, 'b odd');
  close(e.controlMean, x.controlMean as number, 'control mean');
  close(e.correlation, x.correlation as number, 'correlation');
  close(e.vrf, x.vrf as number, 'VRF');
  close(e.controlled.ci95[1] - e.controlled.ci95[0], 2 * (x.controlledHalfWidth as number), 'CI width');
});

test('controlVariateEstimate reads fields out of wider records (same result as the packed pairs)', () => {
  const n = fx.y.length;
  const rec = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    rec[3 * i] = -1;
    rec[3 * i + 1] = fx.x[i]!;
    rec[3 * i + 2] = fx.y[i]!;
  }
  const a = controlVariateEstimate(rec, 3, 2, 1, fx.mu);
  const b = controlVariateEstimate(interleave(fx.y, fx.x), 2, 0, 1, fx.mu);
  assert.deepEqual(a, b);
});

// The split coefficient makes the estimate exactly unbiased even for tiny n, where the pooled
// coefficient has an O(1/n) bias: Y = X² + 0.1·X·N(0, 1) with X ~ U(0, 1), E[X] = 1/2,
// E[Y] = 1/3. 4000 replications of n = 8; tolerance 4 s.e. of the average of the replications.
test('controlVariateEstimate: split estimate unbiased at n = 8 (4000 replications, 4 s.e.)', () => {
  const rng = new Rng(11);
  const reps = 4000;
  const n = 8;
  const rec = new Float64Array(2 * n);
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) {
      const x = rng.uniform();
      rec[2 * i] = x * x + 0.1 * x * rng.normal();
      rec[2 * i + 1] = x;
    }
    const m = controlVariateEstimate(rec, 2, 0, 1, 0.5).controlled.mean;
    s += m;
    s2 += m * m;
  }
  const mean = s / reps;
  const se = Math.sqrt((s2 / reps - mean * mean) / (reps - 1));
  assert.ok(Math.abs(mean - 1 / 3) < 4 * se, `${mean} ± ${se}`);
});

// CI coverage: 1000 replications of n = 400; the 95% CI should cover E[Y] = 1/3 in 95% of them;
// binomial s.e. √(0.95·0.05/1000) = 0.0069, tolerance 4 s.e. = 0.028.
test('controlVariateEstimate: the controlled 95% CI covers the truth ≈ 95% of the time', () => {
  const rng = new Rng(12);
  const reps = 1000;
  const n = 400;
  const rec = new Float64Array(2 * n);
  let cover = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) {
      const x = rng.uniform();
      rec[2 * i] = x * x + 0.1 * rng.normal();
      rec[2 * i + 1] = x;
    }
    const e = controlVariateEstimate(rec, 2, 0, 1, 0.5);
    if (e.controlled.ci95[0] <= 1 / 3 && 1 / 3 <= e.controlled.ci95[1]) cover++;
  }
  assert.ok(Math.abs(cover / reps - 0.95) < 0.028, `coverage ${cover / reps}`);
});

test('controlVariateEstimate: bad arguments name the parameter', () => {
  const rec = new Float64Array(8);
  assert.throws(() => controlVariateEstimate(rec, 2, 2, 1, 0), /yField/);
  assert.throws(() => controlVariateEstimate(rec, 2, 0, 1, NaN), /mu/);
  assert.throws(() => controlVariateEstimate(new Float64Array(7), 2, 0, 1, 0), /rec/);
  assert.throws(() => controlVariateEstimate(new Float64Array(6), 2, 0, 1, 0), /rec/);
  assert.throws(() => controlVariateEstimate(rec, 0, 0, 0, 0), /width/);
});
