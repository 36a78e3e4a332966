/**
 * The load mechanism shared by sensing (Section III-B of arXiv:2403.20228) and communication
 * (Section IV): requests sent to base stations, grouped per BS, and a BS with more requests than
 * free resource blocks accepting a uniformly random subset of them.
 *
 * - `groupRequestsByBs`: from a k-nearest table (item i's BSs nearest first, `stride` per item),
 *   the requests of ranks [rankFrom, rankTo) of every item grouped by receiving BS (compressed-row
 *   layout: BS b's requests are `ids[start[b] .. start[b + 1])`, in increasing item order, request
 *   id = item · stride + rank). Exact counting, O(items · ranks).
 * - `acceptUniformSubset`: one BS's decision. With n requests and s free slots, all are accepted if
 *   n ≤ s; otherwise a uniform random s-subset, by a partial Fisher–Yates shuffle of the BS's slice
 *   (s draws `rng.integer(n − q)`, q = 0 … s − 1: each s-subset has probability 1/C(n, s)).
 *   Sensing uses s = ψ; communication s = max(0, ψ − own users).
 *
 * Both network simulations (src/sensing/network.ts, src/comm/network.ts) and the explorer's
 * snapshot (src/web/network/snapshot.ts) call these two functions.
 *
 * @example
 * // Two items, each requesting its 2 nearest BSs among 2: both BSs get 2 requests.
 * const g = groupRequestsByBs(Int32Array.from([0, 1, 1, 0]), 2, 2, 0, 2, 2);
 * Array.from(g.load); // => [2, 2]
 * Array.from(g.ids); // => [0, 3, 1, 2]
 */
import type { Rng } from '../math/rng.ts';
import { ArgumentError } from '../math/argumentError.ts';

export interface RequestsByBs {
  /** Requests received per BS. */
  load: Int32Array;
  /** Offsets (length nBs + 1) into `ids`. */
  start: Int32Array;
  /** Request ids (item · stride + rank), grouped by BS. */
  ids: Int32Array;
}

/**
 * Group the requests of ranks [rankFrom, rankTo) of `nItems` items by receiving BS. `nbr` holds
 * `stride` BS indices per item. Buffers of a previous call can be passed in `reuse` (they must be
 * large enough: load ≥ nBs, start ≥ nBs + 1, ids ≥ nItems · (rankTo − rankFrom)).
 *
 * Formula: not in the paper (the per-BS request counts n of Lemma 1 and κ_c of arXiv:2403.20228,
 * counted exactly in a simulated network).
 * Method: counting sort by BS (compressed-row layout), O(items · ranks).
 * Accuracy: exact; against a naive grouping in test/geometry/requestAcceptance.test.ts.
 * References: arXiv:2403.20228, Sections III-B and IV; docs/sensing.md, docs/communication.md.
 *
 * @example
 * import { groupRequestsByBs } from 'isacnet';
 * // items 0, 1, 2 request their 2 nearest BSs: (0, 1), (1, 2), (1, 0)
 * const g = groupRequestsByBs(Int32Array.from([0, 1, 1, 2, 1, 0]), 2, 3, 0, 2, 3);
 * Array.from(g.load); // => [2, 3, 1]
 * Array.from(g.start); // => [0, 2, 5, 6]
 */
export function groupRequestsByBs(
  nbr: Int32Array,
  stride: number,
  nItems: number,
  rankFrom: number,
  rankTo: number,
  nBs: number,
  reuse?: RequestsByBs,
): RequestsByBs {
  if (!(Number.isInteger(stride) && stride >= 1)) throw new ArgumentError('stride', stride, 'an integer ≥ 1');
  if (!(Number.isInteger(rankFrom) && Number.isInteger(rankTo) && 0 <= rankFrom && rankFrom <= rankTo && rankTo <= stride)) {
    throw new ArgumentError('[rankFrom, rankTo]', [rankFrom, rankTo], `integers with 0 ≤ rankFrom ≤ rankTo ≤ stride = ${stride}`);
  }
  const load = reuse ? reuse.load : new Int32Array(nBs);
  const start = reuse ? reuse.start : new Int32Array(nBs + 1);
  const ids = reuse ? reuse.ids : new Int32Array(nItems * (rankTo - rankFrom));
  load.fill(0, 0, nBs);
  for (let t = 0; t < nItems; t++) for (let r = rankFrom; r < rankTo; r++) load[nbr[t * stride + r]]++;
  start[0] = 0;
  for (let b = 0; b < nBs; b++) start[b + 1] = start[b] + load[b];
  const fill = start.slice(0, nBs);
  for (let t = 0; t < nItems; t++) for (let r = rankFrom; r < rankTo; r++) ids[fill[nbr[t * stride + r]]++] = t * stride + r;
  return { load, start, ids };
}

/**
 * One BS's decision on its `count` requests `ids[begin .. begin + count)` with `slots` free resource
 * blocks: sets `accepted[id]` to 1 for the accepted and 0 for the declined requests and returns the
 * number accepted, min(count, slots). Reorders the slice (partial Fisher–Yates).
 *
 * Formula: not in the paper as a formula: a uniformly random s-subset of the n requests when n > s
 * (each with probability 1/C(n, s)), the rule "it will randomly choose ψ targets" of Section III-B of
 * arXiv:2403.20228 (ψ − own users for communication, Section IV).
 * Method: partial Fisher–Yates shuffle of the slice, s draws (`shuffleAcceptedPrefix`).
 * Accuracy: exact in distribution; chi-square test of the subset frequencies with a fixed seed
 * (test/geometry/requestAcceptance.test.ts).
 * References: arXiv:2403.20228, Sections III-B and IV; docs/sensing.md.
 *
 * @example
 * import { acceptUniformSubset, Rng } from 'isacnet';
 * const accepted = new Uint8Array(5);
 * acceptUniformSubset(Int32Array.from([0, 1, 2, 3, 4]), 0, 5, 2, new Rng(1), accepted); // => 2
 * accepted.reduce((a, b) => a + b, 0); // => 2
 */
export function acceptUniformSubset(ids: Int32Array, begin: number, count: number, slots: number, rng: Rng, accepted: Uint8Array): number {
  if (count <= slots) {
    for (let q = 0; q < count; q++) accepted[ids[begin + q]] = 1;
    return count;
  }
  const take = slots > 0 ? slots : 0;
  shuffleAcceptedPrefix(ids, begin, count, take, rng);
  for (let q = 0; q < take; q++) accepted[ids[begin + q]] = 1;
  for (let q = take; q < count; q++) accepted[ids[begin + q]] = 0;
  return take;
}

/**
 * The draws of `acceptUniformSubset` for a BS with more requests than slots: moves a uniformly random
 * `take`-subset of `ids[begin .. begin + count)` to the front of the slice (partial Fisher–Yates; the
 * rest of the slice holds the declined ids) without marking anything. For 0 ≤ take < count it makes
 * the same draws and the same slice order as `acceptUniformSubset(ids, begin, count, take, …)`.
 *
 * Formula: not in the paper as a formula: the uniformly random s-subset of "it will randomly choose ψ
 * targets" (Section III-B of arXiv:2403.20228).
 * Method: for q = 0 … take − 1 swap entry q with entry q + j, j = `Rng.integer(count − q)` written out
 * with tabulated rejection bounds ⌊2³²/n⌋·n and reciprocals (the same words, the same values: ⌊x/n⌋
 * from x·(1/n) is off by at most one for x < 2³² and is corrected, so the remainder is exact).
 * Accuracy: exact in distribution; draw for draw equal to `Rng.integer`
 * (test/geometry/requestAcceptance.test.ts).
 * References: arXiv:2403.20228, Section III-B; docs/performance.md.
 *
 * @example
 * import { Rng } from 'isacnet/math';
 * const ids = Int32Array.from([0, 1, 2, 3, 4]);
 * shuffleAcceptedPrefix(ids, 0, 5, 2, new Rng(1));
 * // seed 1: the two accepted ids, then the declined
 * Array.from(ids); // => [4, 0, 2, 3, 1]
 * const same = Int32Array.from([0, 1, 2, 3, 4]);
 * acceptUniformSubset(same, 0, 5, 2, new Rng(1), new Uint8Array(5));
 * Array.from(same).join() === Array.from(ids).join(); // => true
 */
export function shuffleAcceptedPrefix(ids: Int32Array, begin: number, count: number, take: number, rng: Rng): void {
  if (count >= DRAW_LIMIT.length) growDrawTables(count);
  const limits = DRAW_LIMIT;
  const inverses = DRAW_INVERSE;
  for (let q = 0; q < take; q++) {
    const n = count - q;
    let j = q;
    if (n > 1) {
      const limit = limits[n];
      let x = rng.nextUint32();
      while (x >= limit) x = rng.nextUint32();
      let r = x - Math.floor(x * inverses[n]) * n;
      if (r >= n) r -= n;
      else if (r < 0) r += n;
      j += r;
    }
    const tmp = ids[begin + q];
    ids[begin + q] = ids[begin + j];
    ids[begin + j] = tmp;
  }
}

/** ⌊2³²/n⌋·n (the rejection bound of `Rng.integer(n)`) and 1/n for n below the tables' length. */
let DRAW_LIMIT = new Float64Array(0);
let DRAW_INVERSE = new Float64Array(0);

function growDrawTables(count: number): void {
  let size = 256;
  while (size <= count) size *= 2;
  DRAW_LIMIT = new Float64Array(size);
  DRAW_INVERSE = new Float64Array(size);
  for (let n = 1; n < size; n++) {
    DRAW_LIMIT[n] = Math.floor(4294967296 / n) * n;
    DRAW_INVERSE[n] = 1 / n;
  }
}
