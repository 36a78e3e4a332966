import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { completeBeta, incompleteBetaFast } from '../../src/math/incompleteBeta.ts';
import { incompleteBeta } from '../../src/math/special.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/special.json', import.meta.url), 'utf8')) as {
  incompleteBeta: Array<{ x: number; a: number; b: number; value: number }>;
};

// Continued fraction vs mpmath (40 digits): 1e-13 relative (double precision, a few ulp per term).
test('continued-fraction B(v; a, b) matches mpmath to 1e-13 relative', () => {
  for (const r of fx.incompleteBeta) {
    const v = incompleteBetaFast(r.x, 1 - r.x, r.a, r.b, completeBeta(r.a, r.b));
    assert.ok(Math.abs(v - r.value) <= 1e-13 * r.value, `B(${r.x}; ${r.a}, ${r.b}) = ${v} vs ${r.value}`);
  }
});

// Over the Lemma 2 ranges (a = 1 − 2/α, b = K + 2/α, v = y/(1 + y) with y from 1e-13 to 1e13)
// it agrees with stdlib-js to 1e-13 relative.
test('continued-fraction B agrees with stdlib over the Lemma 2 parameter ranges', () => {
  let worst = 0;
  for (const alpha of [2.05, 2.5, 3, 4, 8]) {
    for (const K of [1, 3, 15, 63]) {
      const a = 1 - 2 / alpha;
      const b = K + 2 / alpha;
      const bab = completeBeta(a, b);
      for (let i = 0; i <= 120; i++) {
        const y = Math.exp(-30 + i / 2);
        const f = incompleteBetaFast(y / (1 + y), 1 / (1 + y), a, b, bab);
        const r = incompleteBeta(y / (1 + y), a, b);
        worst = Math.max(worst, Math.abs(f - r) / r);
      }
    }
  }
  assert.ok(worst < 1e-13, `worst ${worst}`);
});

test('edge values: B(0) = 0, B(1) = B(a, b)', () => {
  assert.equal(incompleteBetaFast(0, 1, 0.5, 1.5, completeBeta(0.5, 1.5)), 0);
  assert.equal(incompleteBetaFast(1, 0, 0.5, 1.5, completeBeta(0.5, 1.5)), completeBeta(0.5, 1.5));
});

// The α = 4 closed form (a = 1/2, b = n + 1/2) against mpmath (fixture rows with a = 1/2, 40 digits):
// 1e-13 relative, as the continued fraction; and B(v; ½, ½) = 2 arcsin √v exactly at v = ½ (π/2).
test('incompleteBetaHalf matches mpmath to 1e-13 relative; incompleteBetaFast uses it at a = 1/2', async () => {
  const { incompleteBetaHalf } = await import('../../src/math/incompleteBeta.ts');
  const rows = fx.incompleteBeta.filter((r) => r.a === 0.5);
  assert.ok(rows.length >= 5);
  for (const r of rows) {
    const v = incompleteBetaHalf(r.x, 1 - r.x, r.b);
    assert.ok(Math.abs(v - r.value) <= 1e-13 * r.value, `B(${r.x}; ½, ${r.b}) = ${v} vs ${r.value}`);
    assert.equal(incompleteBetaFast(r.x, 1 - r.x, 0.5, r.b, completeBeta(0.5, r.b)), v);
  }
  assert.equal(incompleteBetaHalf(0.5, 0.5, 0.5), Math.PI / 2);
  assert.equal(incompleteBetaHalf(0, 1, 2.5), 0);
});

// The odds form (v = y/(1 + y)) against the same mpmath rows (40 digits), and the v form
// (incompleteBetaHalf, which converts to the odds) against it over y ∈ [1e-13, 1e13], n ≤ 63: the
// conversion y → (y/(1 + y), 1/(1 + y)) → y costs a few ulp (1e-14 relative).
test('incompleteBetaHalfOdds matches mpmath to 1e-13 and incompleteBetaHalf to 1e-14 relative', async () => {
  const { incompleteBetaHalf, incompleteBetaHalfOdds } = await import('../../src/math/incompleteBeta.ts');
  const rows = fx.incompleteBeta.filter((r) => r.a === 0.5 && r.x < 1);
  assert.ok(rows.length >= 5);
  for (const r of rows) {
    const v = incompleteBetaHalfOdds(r.x / (1 - r.x), r.b - 0.5);
    assert.ok(Math.abs(v - r.value) <= 1e-13 * r.value, `B(${r.x}; ½, ${r.b}) = ${v} vs ${r.value}`);
  }
  let worst = 0;
  for (let e = -13; e <= 13; e += 0.5) {
    const y = Math.pow(10, e);
    for (const n of [0, 1, 3, 7, 20, 63]) {
      const ref = incompleteBetaHalf(y / (1 + y), 1 / (1 + y), n + 0.5);
      worst = Math.max(worst, Math.abs(incompleteBetaHalfOdds(y, n) / ref - 1));
    }
  }
  assert.ok(worst < 1e-14, `worst ${worst}`);
  assert.equal(incompleteBetaHalfOdds(0, 3), 0);
  // y = ∞: the complete B(½, n + ½) (n = 0: π)
  assert.equal(incompleteBetaHalfOdds(Infinity, 0), Math.PI);
  assert.ok(Math.abs(incompleteBetaHalfOdds(Infinity, 3) / completeBeta(0.5, 3.5) - 1) < 1e-14);
});
