import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { acceptUniformSubset, groupRequestsByBs, shuffleAcceptedPrefix } from '../../src/geometry/requestAcceptance.ts';

test('groupRequestsByBs groups every request once, by BS, in item order (against a naive grouping)', () => {
  const rng = new Rng(5, 0);
  const nBs = 13;
  const stride = 4;
  const nItems = 200;
  const nbr = new Int32Array(nItems * stride);
  for (let i = 0; i < nbr.length; i++) nbr[i] = rng.integer(nBs);
  for (const [from, to] of [[0, 4], [1, 4], [0, 2], [2, 2]]) {
    const g = groupRequestsByBs(nbr, stride, nItems, from, to, nBs);
    for (let b = 0; b < nBs; b++) {
      const naive: number[] = [];
      for (let t = 0; t < nItems; t++) for (let r = from; r < to; r++) if (nbr[t * stride + r] === b) naive.push(t * stride + r);
      assert.deepEqual(Array.from(g.ids.subarray(g.start[b], g.start[b + 1])), naive, `BS ${b}, ranks [${from}, ${to})`);
      assert.equal(g.load[b], naive.length);
    }
  }
  assert.throws(() => groupRequestsByBs(nbr, stride, nItems, 1, 5, nBs), /\[rankFrom, rankTo\] must be integers with 0 ≤ rankFrom ≤ rankTo ≤ stride = 4, got \[1,5\]/);
});

test('acceptUniformSubset accepts all when the load fits, exactly `slots` otherwise', () => {
  const rng = new Rng(1, 0);
  const ids = Int32Array.from([4, 2, 7, 1, 0]);
  const acc = new Uint8Array(8).fill(9);
  assert.equal(acceptUniformSubset(ids, 0, 5, 5, rng, acc), 5);
  assert.deepEqual([4, 2, 7, 1, 0].map((i) => acc[i]), [1, 1, 1, 1, 1]);
  acc.fill(9);
  assert.equal(acceptUniformSubset(ids, 1, 3, 0, rng, acc), 0);
  assert.deepEqual([2, 7, 1].map((i) => acc[i]), [0, 0, 0]);
  assert.equal(acc[4], 9, 'outside the slice untouched');
  acc.fill(9);
  assert.equal(acceptUniformSubset(ids, 0, 5, 2, rng, acc), 2);
  assert.equal([4, 2, 7, 1, 0].filter((i) => acc[i] === 1).length, 2);
  assert.equal([4, 2, 7, 1, 0].filter((i) => acc[i] === 0).length, 3);
});

test('acceptUniformSubset draws every s-subset with probability 1/C(n, s) (chi-square, fixed seed)', () => {
  // n = 5, s = 2: 10 subsets, 50 000 draws, expected 5000 each. Chi-square with 9 degrees of
  // freedom: P(X² > 27.9) = 0.001, so a correct sampler fails this fixed-seed test with probability
  // 0.001 over seeds; a biased one (e.g. j drawn in [0, n) instead of [q, n)) gives X² in the hundreds.
  const rng = new Rng(42, 7);
  const counts = new Map<string, number>();
  const acc = new Uint8Array(5);
  for (let k = 0; k < 50_000; k++) {
    const ids = Int32Array.from([0, 1, 2, 3, 4]);
    acceptUniformSubset(ids, 0, 5, 2, rng, acc);
    const key = [0, 1, 2, 3, 4].filter((i) => acc[i] === 1).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 10);
  let chi2 = 0;
  for (const c of counts.values()) chi2 += ((c - 5000) * (c - 5000)) / 5000;
  assert.ok(chi2 < 27.9, `chi-square ${chi2.toFixed(1)} over 10 subsets`);
});

test('shuffleAcceptedPrefix makes the draws of a partial Fisher–Yates with Rng.integer, draw for draw (n up to 1500: the tables grow)', () => {
  // Reference: the textbook loop with Rng.integer (rejection bound ⌊2³²/n⌋·n, x mod n).
  const reference = (ids: Int32Array, count: number, take: number, rng: Rng): void => {
    for (let q = 0; q < take; q++) {
      const j = q + rng.integer(count - q);
      const t = ids[q];
      ids[q] = ids[j];
      ids[j] = t;
    }
  };
  const pick = new Rng(21);
  for (let trial = 0; trial < 400; trial++) {
    const count = trial < 300 ? 1 + pick.integer(300) : 300 + pick.integer(1200);
    const take = pick.integer(count + 1);
    const a = Int32Array.from({ length: count }, (_, i) => i);
    const b = a.slice();
    const ra = new Rng(7, trial);
    const rb = new Rng(7, trial);
    shuffleAcceptedPrefix(a, 0, count, take, ra);
    reference(b, count, take, rb);
    assert.deepEqual(a, b, `count ${count}, take ${take}`);
    // The same number of words consumed: the streams continue alike.
    assert.equal(ra.nextUint32(), rb.nextUint32());
  }
  // Remainders at the extremes of x: words just below the rejection bound and multiples of n.
  const inv = (x: number, n: number): number => {
    let r = x - Math.floor(x * (1 / n)) * n;
    if (r >= n) r -= n;
    else if (r < 0) r += n;
    return r;
  };
  for (let n = 2; n < 3000; n++) {
    const limit = Math.floor(4294967296 / n) * n;
    for (const x of [0, n, n - 1, limit - 1, limit - n, limit - n - 1, Math.floor(limit / 2 / n) * n]) assert.equal(inv(x, n), x % n, `x ${x}, n ${n}`);
  }
});
