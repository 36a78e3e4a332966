import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { TorusGrid, samplePppTorus, wrap } from '../../src/geometry/torus.ts';

function bruteForce(xy: Float64Array, side: number, x: number, y: number, k: number): number[] {
  const d: Array<[number, number]> = [];
  for (let j = 0; j < xy.length / 2; j++) {
    const dx = wrap(xy[2 * j] - x, side);
    const dy = wrap(xy[2 * j + 1] - y, side);
    d.push([dx * dx + dy * dy, j]);
  }
  d.sort((a, b) => a[0] - b[0]);
  return d.slice(0, k).map((e) => e[1]);
}

test('kNearest equals brute force on the torus, including across the seam', () => {
  const rng = new Rng(11);
  for (const [density, side, k] of [[1, 30, 20], [1, 8, 12], [3, 5, 5]] as const) {
    const xy = samplePppTorus(rng, density, side);
    const grid = new TorusGrid(xy, side);
    const idx = new Int32Array(k);
    const d2 = new Float64Array(k);
    for (let q = 0; q < 200; q++) {
      const x = q < 20 ? 0.01 * q : rng.uniform() * side; // some queries hug the seam
      const y = q < 20 ? side - 0.01 * q - 1e-9 : rng.uniform() * side;
      grid.kNearest(x, y, k, idx, d2);
      assert.deepEqual(Array.from(idx), bruteForce(xy, side, x, y, k), `side ${side}, query ${q}`);
    }
  }
});

test('kNearest refuses neighbourhoods that would wrap around the torus', () => {
  // A 4×4 lattice on a torus of side 4: the 16th neighbour of a lattice point is 2√2 > side/2 away.
  const xy = new Float64Array(32);
  for (let i = 0; i < 16; i++) {
    xy[2 * i] = 0.5 + (i % 4);
    xy[2 * i + 1] = 0.5 + Math.floor(i / 4);
  }
  const grid = new TorusGrid(xy, 4);
  assert.throws(() => grid.kNearest(0.5, 0.5, 16, new Int32Array(16), new Float64Array(16)), /half the torus side/);
  assert.throws(() => grid.kNearest(0.5, 0.5, 17, new Int32Array(17), new Float64Array(17)), /neighbours among/);
  // The 4 nearest are fine (distance ≤ 1).
  grid.kNearest(0.5, 0.5, 5, new Int32Array(5), new Float64Array(5));
});

test('PPP count has mean λ·area (5σ over 2000 windows)', () => {
  const rng = new Rng(13);
  let s = 0;
  const reps = 2000;
  for (let i = 0; i < reps; i++) s += samplePppTorus(rng, 2, 3).length / 2;
  const mu = 18;
  assert.ok(Math.abs(s / reps - mu) < 5 * Math.sqrt(mu / reps));
});

test('kNearestAll rows equal kNearest per query', () => {
  const rng = new Rng(14);
  const side = 12;
  const xy = samplePppTorus(rng, 1, side);
  const q = samplePppTorus(rng, 0.5, side);
  const grid = new TorusGrid(xy, side);
  const k = 6;
  const { idx, dist2 } = grid.kNearestAll(q, k);
  const i1 = new Int32Array(k);
  const d1 = new Float64Array(k);
  for (let t = 0; t < q.length / 2; t++) {
    grid.kNearest(q[2 * t], q[2 * t + 1], k, i1, d1);
    assert.deepEqual(Array.from(idx.subarray(t * k, (t + 1) * k)), Array.from(i1));
    assert.deepEqual(Array.from(dist2.subarray(t * k, (t + 1) * k)), Array.from(d1));
  }
});
