import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  crlbEq13,
  crlbEq13Normalized,
  crlbProp1,
  crlbProp1Normalized,
  crlbTheorem1Corrected,
  crlbTheorem1CorrectedNormalized,
  crlbTheorem1Printed,
  crlbTheorem1PrintedNormalized,
} from '../../src/sensing/closedForms.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { crlbScaleM2 } from '../../src/params/derived.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/sensing.json', import.meta.url), 'utf8')) as {
  closedForms: Array<{ N: number; beta: number; prop1: number; eq13: number }>;
};
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

// Sums of ≤ 1000 positive terms through ln Γ: 1e-12 relative.
test('Prop. 1 (Eq. 12) and Eq. (13), normalized, match mpmath for β = 2, 3, 4 and N up to 1000 (1e-12)', () => {
  for (const r of fx.closedForms) {
    assert.ok(rel(crlbProp1Normalized(r.N, r.beta) as number, r.prop1) < 1e-12, `Prop. 1 N=${r.N} β=${r.beta}`);
    assert.ok(rel(crlbEq13Normalized(r.N, r.beta) as number, r.eq13) < 1e-12, `Eq. 13 N=${r.N} β=${r.beta}`);
  }
});

test('N = 1 is singular: every closed form returns null; Theorem 1 is null for β ≠ 2', () => {
  assert.equal(crlbProp1Normalized(1, 2), null);
  assert.equal(crlbEq13Normalized(1, 2), null);
  assert.equal(crlbTheorem1PrintedNormalized(1), null);
  assert.equal(crlbTheorem1CorrectedNormalized(1), null);
  assert.equal(crlbTheorem1PrintedNormalized(10, 3), null);
  assert.notEqual(crlbEq13Normalized(10, 3), null);
});

test('Theorem 1 printed is exactly half of the corrected law 2/ln² N, the limit of Eq. (13) for β = 2', () => {
  for (const N of [2, 10, 100]) assert.ok(rel(2 * (crlbTheorem1PrintedNormalized(N) as number), crlbTheorem1CorrectedNormalized(N) as number) < 1e-15);
  // Eq. (13)·ln²N = 2 ln²N / H_N², increasing towards 2 like 2(1 − 2γ/ln N): 1.70 at 10³, 1.84 at 10⁶.
  let prev = 0;
  for (const N of [10, 1000, 100000, 1000000]) {
    const v = (crlbEq13Normalized(N, 2) as number) * Math.log(N) ** 2;
    assert.ok(v > prev && v < 2, `N = ${N}: ${v}`);
    prev = v;
  }
  assert.ok(Math.abs(prev - 1.8428) < 1e-3, `N = 1e6: ${prev}`);
});

test('values in m² are the normalized ones times crlbScaleM2 = 1/(|ζ|²(πλ_b)^β)', () => {
  const p = { ...defaultParams(), lambdaB: 3, zeta2: 2e4 };
  const s = crlbScaleM2(p);
  assert.ok(rel(s, 1 / (2e4 * (Math.PI * 3e-6) ** 2)) < 1e-14);
  assert.ok(rel(crlbProp1(10, p) as number, (crlbProp1Normalized(10, 2) as number) * s) < 1e-15);
  assert.ok(rel(crlbEq13(10, p) as number, (crlbEq13Normalized(10, 2) as number) * s) < 1e-15);
  // Theorem 1 printed: 1/(|ζ|² λ_b² π² ln² N) with λ_b in /m².
  assert.ok(rel(crlbTheorem1Printed(10, p) as number, 1 / (2e4 * (3e-6) ** 2 * Math.PI ** 2 * Math.log(10) ** 2)) < 1e-14);
  assert.ok(rel(crlbTheorem1Corrected(10, p) as number, 2 * (crlbTheorem1Printed(10, p) as number)) < 1e-15);
});

test('bad N or β throws an ArgumentError naming the argument, the value and the range', () => {
  assert.throws(() => crlbProp1Normalized(0, 2), (e: unknown) => e instanceof ArgumentError && e.argument === 'N' && /^N must be an integer in \[1, ∞\), got 0$/.test(e.message));
  assert.throws(() => crlbEq13Normalized(3, 1.5), (e: unknown) => e instanceof ArgumentError && e.argument === 'beta' && /^beta must be in \[2, 8\], got 1\.5$/.test(e.message));
});
