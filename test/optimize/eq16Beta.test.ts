import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq16CrlbModel } from '../../src/optimize/models.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';

test('the Eq. (16) CRLB model refuses β ≠ 2 with a message naming beta, its value and the way out', () => {
  assert.throws(
    () => eq16CrlbModel({ ...defaultParams(), beta: 3 }),
    (e: unknown) =>
      e instanceof ArgumentError &&
      e.argument === 'beta' &&
      /^beta must be 2 when crlbModel is "eq16"/.test(e.message) &&
      /β = 2/.test(e.message) &&
      /got 3; use crlbModel "mc"/.test(e.message) &&
      e.allowedWith((a) => `<${a}>`).includes('<crlbModel> is "eq16"'),
  );
  const m = eq16CrlbModel(defaultParams());
  assert.ok(Number.isFinite(m.crlbFullPower(10)) && m.crlbFullPower(10) > 0);
});
