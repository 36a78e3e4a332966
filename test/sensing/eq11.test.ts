import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/math/rng.ts';
import { crlbEq11Corrected, crlbEq11Printed } from '../../src/sensing/eq11.ts';
import { crlbGeometry } from '../../src/sensing/fim.ts';
import { sampleBearings, sampleNearestDistances } from '../../src/geometry/nearestDistances.ts';

interface Geo {
  label: string;
  beta: number;
  distances: number[];
  bearings: number[];
  crlb: number;
  eq11Printed: number;
  eq11Corrected: number;
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/sensing.json', import.meta.url), 'utf8')) as { geometries: Geo[] };
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

test('Eq. (11) with ⌈x⌉⁺ = max(x, 0) equals tr(F⁻¹) (mpmath fixtures, 1e-10 relative)', () => {
  for (const g of fx.geometries) {
    if (g.label === 'nearly collinear') continue; // the O(N⁴) double-precision sum loses digits there
    assert.ok(rel(crlbEq11Corrected(g.distances, g.bearings, g.beta), g.crlb) < 1e-10, g.label);
    assert.ok(rel(g.eq11Corrected, g.crlb) < 1e-20 + 1e-15, `mpmath: corrected Eq. (11) = tr(F⁻¹) for ${g.label}`);
  }
});

test('Eq. (11) as printed (⌈x⌉⁺ = max(x, 1)) matches its mpmath evaluation but NOT tr(F⁻¹): it drops the terms i > k, j = 1', () => {
  for (const g of fx.geometries) {
    if (g.label === 'nearly collinear') continue;
    const printed = crlbEq11Printed(g.distances, g.bearings, g.beta);
    assert.ok(rel(printed, g.eq11Printed) < 1e-10, g.label);
    // Dropping non-negative denominator terms can only increase the ratio.
    assert.ok(printed > g.crlb * (1 + 1e-6), `${g.label}: printed ${printed} vs tr(F⁻¹) ${g.crlb}`);
  }
});

test('random geometries N = 2…7: corrected Eq. (11) = tr(F⁻¹); the printed one overestimates by 5% to several-fold', () => {
  const rng = new Rng(5);
  let minRatio = Infinity;
  for (let t = 0; t < 60; t++) {
    const n = 2 + (t % 6);
    const d = sampleNearestDistances(rng, n, 1 / Math.PI);
    const th = sampleBearings(rng, n);
    const c = crlbGeometry(d, th, 2);
    if (c > 1e6) continue;
    assert.ok(rel(crlbEq11Corrected(d, th, 2), c) < 1e-9);
    minRatio = Math.min(minRatio, crlbEq11Printed(d, th, 2) / c);
  }
  assert.ok(minRatio > 1.0, `printed/true ≥ 1 always (min ${minRatio})`);
});
