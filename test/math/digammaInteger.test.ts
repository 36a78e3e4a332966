import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digammaInteger, EULER_GAMMA } from '../../src/math/digammaInteger.ts';

// Reference values of ψ from scipy.special.digamma (printed by python3 -c "from scipy.special import
// digamma; print([repr(digamma(k)) for k in (1,2,3,6,10,22)])"); rounding tolerance 1e-14 (a harmonic
// sum of ≤ 21 terms).
test('digammaInteger equals scipy digamma at integers; bad k is named', () => {
  const ref: [number, number][] = [[1, -0.5772156649015329], [2, 0.42278433509846713], [3, 0.9227843350984671], [6, 1.7061176684318005], [10, 2.251752589066721], [22, 3.0681430398611966]];
  for (const [k, v] of ref) assert.ok(Math.abs(digammaInteger(k) - v) < 1e-14, `ψ(${k}) = ${digammaInteger(k)} vs ${v}`);
  assert.equal(digammaInteger(1), -EULER_GAMMA);
  assert.throws(() => digammaInteger(0), /k: invalid value 0/);
  assert.throws(() => digammaInteger(1.5), /k: invalid value 1.5/);
});
