import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/math/rng.ts';
import { crlbFromStats, crlbGeometry, fimEq5, fimEq5Literal, fimFromStats, fimStatsFromWeights, traceInverse } from '../../src/sensing/fim.ts';
import { sampleBearings, sampleNearestDistances } from '../../src/geometry/nearestDistances.ts';

interface Geo {
  label: string;
  beta: number;
  distances: number[];
  bearings: number[];
  fim: { xx: number; xy: number; yy: number };
  crlb: number;
  eq11Printed: number;
  eq11Corrected: number;
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/sensing.json', import.meta.url), 'utf8')) as { geometries: Geo[] };

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

// Double-precision sums of ≤ 49 positive-weighted terms: 1e-12 relative is a few hundred ulp.
test('Eq. (5): the literal double sum and the O(N) form 2|ζ|²(W A + S Sᵀ) match mpmath to 1e-12', () => {
  for (const g of fx.geometries) {
    const scale = Math.max(Math.abs(g.fim.xx), Math.abs(g.fim.yy));
    for (const f of [fimEq5Literal(g.distances, g.bearings, g.beta), fimEq5(g.distances, g.bearings, g.beta)]) {
      assert.ok(Math.abs(f.xx - g.fim.xx) < 1e-12 * scale, `${g.label} xx`);
      assert.ok(Math.abs(f.xy - g.fim.xy) < 1e-12 * scale, `${g.label} xy`);
      assert.ok(Math.abs(f.yy - g.fim.yy) < 1e-12 * scale, `${g.label} yy`);
    }
  }
});

test('CRLB = tr(F⁻¹) from the O(N) statistics matches mpmath (1e-10 relative; 1e-6 for bearings collinear within 1e-4 rad)', () => {
  for (const g of fx.geometries) {
    const tol = g.label === 'nearly collinear' ? 1e-6 : 1e-10;
    assert.ok(rel(crlbGeometry(g.distances, g.bearings, g.beta), g.crlb) < tol, `${g.label}: ${crlbGeometry(g.distances, g.bearings, g.beta)} vs ${g.crlb}`);
  }
  const nc = fx.geometries.find((g) => g.label === 'nearly collinear') as Geo;
  // The naive 2×2 determinant loses digits there; the fast form keeps them.
  assert.ok(nc.crlb > 1e6, 'the nearly collinear case is badly conditioned');
});

test('equilateral geometry (3 BSs at distance 1, bearings 120° apart), by hand: W = 3, S = 0, A = (3/2) I ⇒ F = 2 W A = 9 I, CRLB = 2/9', () => {
  const g = fx.geometries.find((x) => x.label === 'equilateral') as Geo;
  assert.ok(Math.abs(crlbGeometry(g.distances, g.bearings, 2) - 2 / 9) < 1e-14);
  assert.ok(Math.abs(g.crlb - 2 / 9) < 1e-14);
});

test('random geometries: fast FIM equals the literal double sum; tr(F⁻¹) scales as 1/|ζ|² and as d^{2β}', () => {
  const rng = new Rng(11);
  for (let trial = 0; trial < 200; trial++) {
    const n = 2 + (trial % 12);
    const beta = 2 + (trial % 3) * 0.5;
    const d = sampleNearestDistances(rng, n, 1);
    const th = sampleBearings(rng, n);
    const a = fimEq5Literal(d, th, beta, 3.5);
    const b = fimEq5(d, th, beta, 3.5);
    const scale = a.xx + a.yy;
    assert.ok(Math.abs(a.xx - b.xx) < 1e-12 * scale && Math.abs(a.xy - b.xy) < 1e-12 * scale && Math.abs(a.yy - b.yy) < 1e-12 * scale);
    const c = crlbGeometry(d, th, beta, 1);
    const ti = traceInverse(a);
    if (c < 1e8) assert.ok(rel(ti * 3.5, c) < 1e-8, `tr(F⁻¹)·|ζ|² vs normalized (n=${n})`);
    const d2 = Array.from(d, (x) => 2 * x);
    assert.ok(rel(crlbGeometry(d2, th, beta), c * Math.pow(2, 2 * beta)) < 1e-10);
  }
});

test('singular FIM: N = 1 and exactly collinear bearings give CRLB = +∞', () => {
  assert.equal(crlbGeometry([1.3], [0.7], 2), Infinity);
  assert.equal(traceInverse(fimEq5Literal([1.3], [0.7], 2)), Infinity);
  assert.equal(crlbGeometry([1, 2, 3], [0.5, 0.5, 0.5], 2), Infinity);
  // θ + π is collinear only up to the rounding of π: the CRLB is astronomically large, not finite-looking.
  assert.ok(crlbGeometry([1, 2, 3], [0.5, 0.5 + Math.PI, 0.5], 2) > 1e20);
  // The stats path agrees with the matrix path on a generic geometry.
  const st = fimStatsFromWeights([1, 0.5, 0.25], [0.1, 2, 4]);
  assert.ok(rel(crlbFromStats(st), traceInverse(fimFromStats(st))) < 1e-12);
});
