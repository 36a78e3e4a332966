import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maximizeUnimodal, rootIncreasing } from '../../src/math/brent.ts';

test('rootIncreasing finds the crossing of increasing functions to 1e-12', () => {
  // ln(1 + 5p) = 1  →  p = (e − 1)/5.
  const r = rootIncreasing((p) => Math.log1p(5 * p), 1, 0, 1);
  assert.ok(Math.abs(r.x - (Math.E - 1) / 5) < 1e-12, `${r.x}`);
  assert.ok(r.evaluations < 20, `${r.evaluations} evaluations`);
  // A kinked, piecewise-linear function (no smoothness for the interpolation steps).
  const f = (x: number): number => (x < 0.3 ? x : 0.3 + 10 * (x - 0.3));
  assert.ok(Math.abs(rootIncreasing(f, 1.3, 0, 1).x - 0.4) < 1e-12);
  // End points and an unbracketed level.
  assert.equal(rootIncreasing((x) => x, 0, 0, 1).x, 0);
  assert.equal(rootIncreasing((x) => x, 1, 0, 1).x, 1);
  assert.throws(() => rootIncreasing((x) => x, 2, 0, 1), /not bracketed/);
});

test('maximizeUnimodal finds interior and boundary maxima', () => {
  // w·a·ln(1 + b p) + (1 − w) ln(1 − p): closed-form maximizer p* = (w a b − (1 − w))/(b (w a + 1 − w)).
  const [w, a, b] = [0.6, 2, 5];
  const pStar = (w * a * b - (1 - w)) / (b * (w * a + 1 - w));
  const m = maximizeUnimodal((p) => w * a * Math.log1p(b * p) + (1 - w) * Math.log(1 - p), 0, 1);
  assert.ok(Math.abs(m.x - pStar) < 1e-8, `${m.x} vs ${pStar}`);
  // Increasing function: the maximum is the right end; decreasing: the left end.
  assert.equal(maximizeUnimodal((x) => x, 0, 0.7).x, 0.7);
  assert.equal(maximizeUnimodal((x) => -x, 0.2, 0.7).x, 0.2);
});
