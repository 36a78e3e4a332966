/**
 * Reading kernel output by field name. A kernel's output is a flat Float64Array of records of a
 * fixed width; a record starts with named fields (counters, sums) and may go on with positional
 * data (samples). `RecordReader` reads the named fields of every record (optionally of a block at
 * an offset inside each record) so that summaries say `reader.sum('accepted')` instead of
 * `rec[w * width + 2]`.
 *
 * Formula: not in the paper (the record layouts of the network kernels).
 * Method: a field-name → column map; sums in record order.
 * Accuracy: exact (plain summation in record order).
 * References: src/sensing/network.ts, src/comm/network.ts (record layouts).
 *
 * @example
 * // Two records of width 3: [users, accepted, sample].
 * const r = new RecordReader(Float64Array.from([5, 4, 0.1, 7, 6, 0.2]), 3, ['users', 'accepted'] as const);
 * r.count; // => 2
 * r.sum('accepted'); // => 10
 * r.get(1, 'users'); // => 7
 * r.extra(1, 0); // => 0.2
 */
import { ArgumentError, UnknownArgumentError } from '../math/argumentError.ts';

/**
 * Named-field reader of a kernel's flat record output (see the module comment).
 *
 * Formula: not in the paper (the record layouts of the network kernels).
 * Method: a field-name → column map; sums in record order.
 * Accuracy: exact (plain summation in record order, bit-identical to the loops it replaced).
 * References: src/sensing/network.ts, src/comm/network.ts (record layouts).
 *
 * @example
 * import { RecordReader } from 'isacnet';
 * new RecordReader(Float64Array.from([1, 2, 3, 4]), 2, ['a', 'b'] as const).sum('b'); // => 6
 */
export class RecordReader<F extends string> {
  /** Number of records. */
  readonly count: number;
  private readonly index: Map<F, number>;

  /**
   * @param samples kernel output (count × width)
   * @param width record width
   * @param fields names of the fields at `offset`, `offset + 1`, … of each record
   * @param offset start of the named block inside a record (default 0)
   */
  constructor(
    readonly samples: Float64Array,
    readonly width: number,
    readonly fields: readonly F[],
    readonly offset = 0,
  ) {
    if (!(Number.isInteger(width) && width >= 1)) throw new ArgumentError('width', width, 'an integer ≥ 1');
    if (samples.length % width !== 0) throw new ArgumentError('samples.length', samples.length, `a multiple of the record width ${width}`);
    if (offset < 0 || offset + fields.length > width) throw new ArgumentError('offset', offset, `in [0, ${width - fields.length}] so that ${fields.length} fields fit a record of width ${width}`);
    this.count = samples.length / width;
    this.index = new Map(fields.map((f, i) => [f, i]));
  }

  private at(field: F): number {
    const i = this.index.get(field);
    if (i === undefined) throw new UnknownArgumentError(String(field), undefined, this.fields, 'record field');
    return this.offset + i;
  }

  /** Field `field` of record `record`. */
  get(record: number, field: F): number {
    return this.samples[record * this.width + this.at(field)];
  }

  /** Σ of `field` over all records, in record order. */
  sum(field: F): number {
    const j = this.at(field);
    let s = 0;
    for (let w = 0; w < this.count; w++) s += this.samples[w * this.width + j];
    return s;
  }

  /** The k-th value after the named fields of record `record` (positional data). */
  extra(record: number, k: number): number {
    return this.samples[record * this.width + this.offset + this.fields.length + k];
  }
}
