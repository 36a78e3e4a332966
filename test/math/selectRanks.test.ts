import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectRanks } from '../../src/math/selectRanks.ts';
import { Rng } from '../../src/math/rng.ts';

// Reference: the native ascending sort of a typed array (exact order statistics).
test('selectRanks: the chosen ranks and the top block equal a full sort (ties, infinities, small and large n)', () => {
  const rng = new Rng(12);
  for (const n of [1, 2, 5, 17, 100, 1001, 20000]) {
    for (const kind of ['continuous', 'ties', 'inf']) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = kind === 'ties' ? Math.floor(rng.uniform() * 7) : 1 / rng.uniformOpen();
        if (kind === 'inf' && rng.uniform() < 0.01) x[i] = Infinity;
      }
      const ref = Float64Array.from(x).sort();
      const ranks = [0, Math.floor((n - 1) / 2), Math.min(n - 1, Math.floor((n - 1) / 2) + 1), Math.floor(n / 3), n - 1];
      const top = Math.max(0, n - Math.ceil(n / 50) - 1);
      const s = selectRanks(x, ranks, top);
      for (const r of ranks) if (r < n) assert.equal(s[r], ref[r], `n = ${n}, ${kind}, rank ${r}`);
      for (let i = top; i < n; i++) assert.equal(s[i], ref[i], `n = ${n}, ${kind}, top block at ${i}`);
      // a permutation of the input
      assert.deepEqual(Array.from(Float64Array.from(s).sort()), Array.from(ref));
    }
  }
});

test('selectRanks: NaN falls back to the full typed-array sort; the input is not modified', () => {
  const x = Float64Array.of(3, NaN, 1, 2);
  const s = selectRanks(x, [1]);
  assert.deepEqual(Array.from(s), [1, 2, 3, NaN]);
  assert.deepEqual(Array.from(x), [3, NaN, 1, 2]);
  assert.deepEqual(Array.from(selectRanks([], [0])), []);
});
