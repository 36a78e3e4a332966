/**
 * Mergeable statistics of Monte Carlo chunks (domain-free): a chunk returns its count, compensated
 * sums of the values and of their squares, min/max, the number of non-finite values and, when asked,
 * a DDSketch of the finite values (the mergeable quantile sketch of @datadog/sketches-js; Masson,
 * Rim and Lee, PVLDB 12 (2019)). Everything is plain JSON, so a chunk's statistics can be stored,
 * sent over a queue and merged later.
 *
 * Determinism: merging is done in chunk-index order by the callers, so the merged sums are the same
 * bits for any number of threads or machines. The sketch holds integer bin counts, so its merge is
 * exact and order-free.
 *
 * The sketch is DDSketch's (Masson, Rim and Lee): its logarithmic key mapping, key(v) =
 * ⌈log_γ v⌉ with γ = (1 + α)/(1 − α), value(k) = 2γ^k/(1 + γ), integer counts per key, exactly as
 * `DDSketch` of @datadog/sketches-js 2.1 computes them (test/parallel/mergeStats.test.ts compares
 * bins and quantiles with it). It is written out here, in a few lines, because that package's modules
 * `require` protobufjs (for its protobuf serialization), which it does not declare: a bundler cannot
 * build the browser-safe root entry with it. The JSON form is the sparse list of non-empty keys.
 */
import { ArgumentError } from '../math/argumentError.ts';

/** Two-sided 95% normal quantile (as src/math/stats.ts). */
const Z95 = 1.959963984540054;

/** A Neumaier-compensated sum: value = s + c. */
export interface CompensatedSum {
  s: number;
  c: number;
}

function addTo(acc: CompensatedSum, v: number): void {
  const t = acc.s + v;
  acc.c += Math.abs(acc.s) >= Math.abs(v) ? acc.s - t + v : v - t + acc.s;
  acc.s = t;
}

/** The non-empty bins of one DDSketch store: ascending keys and their counts (JSON form, sparse). */
export interface SketchStoreJson {
  keys: number[];
  counts: number[];
}

/** A DDSketch in JSON: its relative accuracy α, zero count and the positive and negative stores. */
export interface SketchJson {
  relativeAccuracy: number;
  zeroCount: number;
  positive: SketchStoreJson;
  negative: SketchStoreJson;
}

/** Statistics of one column of a chunk's records. */
export interface MomentStats {
  /** Values seen (finite or not). */
  n: number;
  /** Finite values (the sums, min, max and sketch cover these only). */
  finite: number;
  /** +∞ values (e.g. the CRLB of a singular geometry). */
  posInf: number;
  sum: CompensatedSum;
  sumSq: CompensatedSum;
  min: number | null;
  max: number | null;
  sketch?: SketchJson;
}

/** Below this magnitude a value counts as zero (DDSketch's `minPossible` for the mapping). */
function minPossible(gamma: number): number {
  return 2 ** -1023 * gamma;
}

/** DDSketch's LogarithmicMapping for relative accuracy α. */
export class LogMapping {
  readonly gamma: number;
  private readonly multiplier: number;
  constructor(readonly relativeAccuracy: number) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) throw new ArgumentError('relativeAccuracy', relativeAccuracy, 'a number in (0, 1)');
    const gm = (2 * relativeAccuracy) / (1 - relativeAccuracy);
    this.gamma = 1 + gm;
    // The same operations as the reference (bit-identical keys and values).
    this.multiplier = (1 / Math.log1p(gm)) * Math.log(2);
  }
  key(v: number): number {
    return Math.ceil(Math.log2(v) * this.multiplier);
  }
  value(k: number): number {
    return 2 ** (k / this.multiplier) * (2 / (1 + this.gamma));
  }
}

/** Run-length counts of sorted keys. */
function runLength(keys: Float64Array): SketchStoreJson {
  keys.sort();
  const out: SketchStoreJson = { keys: [], counts: [] };
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    out.keys.push(keys[i]);
    out.counts.push(j - i);
    i = j;
  }
  return out;
}

/** A DDSketch of the finite values of `values` (step `stride` from `start`) in JSON form. */
export function sketchOf(values: ArrayLike<number>, relativeAccuracy: number, start = 0, stride = 1): SketchJson {
  const m = new LogMapping(relativeAccuracy);
  const tiny = minPossible(m.gamma);
  const n = Math.max(0, Math.ceil((values.length - start) / stride));
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  let np = 0;
  let nn = 0;
  let zeroCount = 0;
  for (let i = start; i < values.length; i += stride) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v > tiny) pos[np++] = m.key(v);
    else if (v < -tiny) neg[nn++] = m.key(-v);
    else zeroCount++;
  }
  return { relativeAccuracy, zeroCount, positive: runLength(pos.subarray(0, np)), negative: runLength(neg.subarray(0, nn)) };
}

/** The key at 0-based rank `rank` of a store (counting from the smallest key; DDSketch's keyAtRank, lower = true). */
function keyAtRank(st: SketchStoreJson, rank: number): number {
  let running = 0;
  for (let i = 0; i < st.keys.length; i++) {
    running += st.counts[i];
    if (running > rank) return st.keys[i];
  }
  return st.keys[st.keys.length - 1];
}

function storeCount(st: SketchStoreJson): number {
  let n = 0;
  for (const c of st.counts) n += c;
  return n;
}

/** The sketch's value at 0-based rank `rank` among its values (DDSketch's getValueAtQuantile at that rank). */
export function sketchValueAtRank(j: SketchJson, rank: number): number {
  const m = new LogMapping(j.relativeAccuracy);
  const neg = storeCount(j.negative);
  if (rank < neg) {
    // Negative values: the largest key is the most negative value.
    let running = 0;
    for (let i = j.negative.keys.length - 1; i >= 0; i--) {
      running += j.negative.counts[i];
      if (running > rank) return -m.value(j.negative.keys[i]);
    }
  }
  if (rank < neg + j.zeroCount) return 0;
  return m.value(keyAtRank(j.positive, rank - neg - j.zeroCount));
}

/**
 * Statistics of column `field` of `count` records of width `width` in `rec`; with `sketchAccuracy`
 * also a DDSketch of relative accuracy α.
 */
export function columnStats(rec: ArrayLike<number>, width: number, field: number, sketchAccuracy?: number): MomentStats {
  if (!Number.isInteger(width) || width < 1) throw new ArgumentError('width', width, 'an integer ≥ 1');
  if (!Number.isInteger(field) || field < 0 || field >= width) throw new ArgumentError('field', field, `an integer in [0, ${width - 1}]`);
  const n = Math.floor(rec.length / width);
  const sum: CompensatedSum = { s: 0, c: 0 };
  const sumSq: CompensatedSum = { s: 0, c: 0 };
  let finite = 0;
  let posInf = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = rec[i * width + field];
    if (!Number.isFinite(v)) {
      if (v === Infinity) posInf++;
      continue;
    }
    finite++;
    addTo(sum, v);
    addTo(sumSq, v * v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out: MomentStats = { n, finite, posInf, sum, sumSq, min: finite > 0 ? min : null, max: finite > 0 ? max : null };
  if (sketchAccuracy !== undefined) out.sketch = sketchOf(rec, sketchAccuracy, field, width);
  return out;
}

function mergeSketch(a: SketchJson, b: SketchJson): SketchJson {
  if (a.relativeAccuracy !== b.relativeAccuracy) throw new ArgumentError('sketch.relativeAccuracy', b.relativeAccuracy, `the same as the other sketch's (${a.relativeAccuracy})`);
  // A merge of two ascending key lists (integer counts: exact and order-free).
  const merge = (x: SketchStoreJson, y: SketchStoreJson): SketchStoreJson => {
    const keys: number[] = [];
    const counts: number[] = [];
    let i = 0;
    let k = 0;
    while (i < x.keys.length || k < y.keys.length) {
      if (k >= y.keys.length || (i < x.keys.length && x.keys[i] < y.keys[k])) {
        keys.push(x.keys[i]);
        counts.push(x.counts[i++]);
      } else if (i >= x.keys.length || y.keys[k] < x.keys[i]) {
        keys.push(y.keys[k]);
        counts.push(y.counts[k++]);
      } else {
        keys.push(x.keys[i]);
        counts.push(x.counts[i++] + y.counts[k++]);
      }
    }
    return { keys, counts };
  };
  return { relativeAccuracy: a.relativeAccuracy, zeroCount: a.zeroCount + b.zeroCount, positive: merge(a.positive, b.positive), negative: merge(a.negative, b.negative) };
}

/** Merge `b` after `a` (call in chunk-index order: the sums are then the same bits on any machine). */
export function mergeMoments(a: MomentStats, b: MomentStats): MomentStats {
  const sum = { ...a.sum };
  addTo(sum, b.sum.s);
  addTo(sum, b.sum.c);
  const sumSq = { ...a.sumSq };
  addTo(sumSq, b.sumSq.s);
  addTo(sumSq, b.sumSq.c);
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null => (x === null ? y : y === null ? x : f(x, y));
  const out: MomentStats = { n: a.n + b.n, finite: a.finite + b.finite, posInf: a.posInf + b.posInf, sum, sumSq, min: pick(a.min, b.min, Math.min), max: pick(a.max, b.max, Math.max) };
  if (a.sketch && b.sketch) out.sketch = mergeSketch(a.sketch, b.sketch);
  return out;
}

/** Mean, sample standard deviation and the normal 95% CI of the finite values (null below 2 values). */
export function momentsMeanCi95(m: MomentStats): { mean: number; sd: number; ci95: [number, number]; halfWidth: number } | null {
  if (m.finite < 2) return null;
  const n = m.finite;
  const total = m.sum.s + m.sum.c;
  const mean = total / n;
  const ss = m.sumSq.s + m.sumSq.c - total * mean;
  const variance = Math.max(0, ss / (n - 1));
  const sd = Math.sqrt(variance);
  const half = Z95 * Math.sqrt(variance / n);
  return { mean, sd, ci95: [mean - half, mean + half], halfWidth: half };
}

/**
 * Quantile p of all n values (finite and +∞, the +∞ ranked last) from the sketch, interpolated between
 * the ranks ⌊p(n − 1)⌋ and ⌈p(n − 1)⌉ as `quantileSorted` of src/math/stats.ts interpolates the order
 * statistics, so it is within the sketch's relative accuracy α of the sample quantile; +∞ when a rank
 * falls on an infinite value; null without a sketch or values.
 */
export function sketchQuantile(m: MomentStats, p: number): number | null {
  if (!m.sketch || m.n === 0) return null;
  const h = p * (m.n - 1);
  const lo = Math.floor(h);
  const a = sketchAtRank(m, lo);
  if (h === lo || a === null) return a;
  const b = sketchAtRank(m, lo + 1);
  if (b === null || !Number.isFinite(a) || !Number.isFinite(b)) return b;
  return a === b ? a : a + (h - lo) * (b - a);
}

function sketchAtRank(m: MomentStats, rank: number): number | null {
  if (!m.sketch) return null;
  if (rank > m.finite - 1) return m.posInf > 0 ? Infinity : m.max;
  if (m.finite === 1) return m.min;
  // At an integer rank: a quantile q → rank q(n − 1) can round below the integer and select the
  // previous value.
  const v = sketchValueAtRank(m.sketch, rank);
  // The sketch's bin value can fall outside the sample's range by up to α; clamp to it.
  return Math.min(m.max ?? v, Math.max(m.min ?? v, v));
}

/**
 * The distribution-free 95% CI of the median (the ranks of `medianCi95Sorted` of src/math/stats.ts),
 * read from the sketch; null without a sketch or where a bound is infinite.
 */
export function sketchMedianCi95(m: MomentStats): [number, number] | null {
  if (!m.sketch || m.n === 0) return null;
  const n = m.n;
  const half = (Z95 * Math.sqrt(n)) / 2;
  const j = Math.max(0, Math.floor(n / 2 - half) - 1);
  const k = Math.min(n - 1, Math.ceil(n / 2 + half));
  const lo = sketchAtRank(m, j);
  const hi = sketchAtRank(m, k);
  return lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}
