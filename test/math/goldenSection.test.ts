import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goldenSectionMaximize } from '../../src/math/goldenSection.ts';

test('golden section finds the maximizer of a smooth concave function', () => {
  // −(x − 0.3)², maximizer 0.3: 60 steps shrink [0, 1] to 0.618^60 ≈ 3e-13; the maximizer is then
  // known to ~1e-8 because f is flat to O(δ²) near it (value ties decide the side below √ε).
  const r = goldenSectionMaximize((x) => -(x - 0.3) * (x - 0.3), 0, 1);
  assert.ok(Math.abs(r.x - 0.3) < 1e-7, `x = ${r.x}`);
  assert.ok(r.lo <= r.x && r.x <= r.hi);
  assert.ok(r.value <= 0 && r.value > -1e-14);
});

test('golden section on a piecewise-linear (kinked) unimodal function keeps the kink in its bracket', () => {
  const f = (x: number): number => Math.min(2 * x, 1.5 - x); // kink at 0.5
  const r = goldenSectionMaximize(f, 0, 1, { maxIter: 80, xTol: 1e-14 });
  assert.ok(r.lo <= 0.5 + 1e-12 && 0.5 - 1e-12 <= r.hi, `bracket [${r.lo}, ${r.hi}]`);
  assert.ok(Math.abs(r.value - 1) < 1e-12);
});

test('golden section stops at the bracket tolerance and counts evaluations', () => {
  const r = goldenSectionMaximize((x) => Math.sin(x), 0, Math.PI, { xTol: 1e-3 });
  assert.ok(r.hi - r.lo <= 1e-3);
  assert.ok(Math.abs(r.x - Math.PI / 2) < 1e-3);
  // Each iteration shrinks by 0.618: ⌈ln(1e-3/π)/ln 0.618⌉ = 17 iterations after the first two points.
  assert.equal(r.evaluations, 2 + 17);
  assert.throws(() => goldenSectionMaximize((x) => x, 1, 0), /b must be ≥ a/);
});
