import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlledEstimates } from '../../src/math/controlledEstimates.ts';
import { mean, variance, Z95 } from '../../src/math/stats.ts';

// Exact arithmetic on a small record set: three trials, two columns; the second column is picked alone.
test('controlledEstimates: means, half-widths and VRF of the picked columns', () => {
  // trial t: Y = (y0, y1), P = (p0, p1)
  const rec = Float64Array.from([1, 10, 0.5, 1, 2, 20, 0, -1, 4, 30, 1.5, 0]);
  const [e] = controlledEstimates(rec, 2, [1]);
  const y = [10, 20, 30];
  const r = [9, 21, 30];
  assert.equal(e!.plainMean, mean(y));
  assert.equal(e!.controlledMean, mean(r));
  assert.equal(e!.plainHalfWidth, Z95 * Math.sqrt(variance(y) / 3));
  assert.equal(e!.controlledHalfWidth, Z95 * Math.sqrt(variance(r) / 3));
  assert.equal(e!.varianceReduction, variance(y) / variance(r));
  assert.equal(e!.trials, 3);
  assert.equal(controlledEstimates(rec, 2).length, 2);
  assert.throws(() => controlledEstimates(rec, 5), /records: length 12/);
  assert.throws(() => controlledEstimates(rec, 2, [2]), /columns: invalid value 2/);
  assert.throws(() => controlledEstimates(rec, 0), /nCols: invalid value 0/);
});
