/**
 * Chunk statistics tasks: one chunk of a registered Monte Carlo kernel, reduced to mergeable
 * statistics (src/parallel/mergeStats.ts) instead of raw samples. The unit of work of `isacnet
 * sweep`, of its result store and of any executor that runs it elsewhere (worker threads, a task
 * queue): a task and its result are plain JSON, and `runChunkStatsTask` is a pure, deterministic
 * function of the task, so the same task gives the same bits wherever it runs.
 *
 * Only kernels of the registry KERNELS run, with arguments checked by the kernel's parser: nothing
 * in a task is executed as code.
 */
import { runChunk, type ChunkTask } from '../parallel/job.ts';
import { columnStats, type MomentStats } from '../parallel/mergeStats.ts';
import { ArgumentError, checkInteger } from '../math/argumentError.ts';
import { KERNELS } from './kernels.ts';

/** How a chunk's records are reduced: per column, moments (and optionally a DDSketch of accuracy α). */
export interface ColumnReduction {
  kind: 'moments';
  /** Field index within a record. */
  field: number;
  /** Relative accuracy α of a DDSketch of the column (for medians); absent: no sketch. */
  sketch?: number;
}

export type ChunkReduction = ColumnReduction;

/** One chunk of a kernel plus how to reduce its records. JSON-serializable (no functions). */
export interface ChunkStatsTask extends ChunkTask {
  /** Record width of the kernel's output for these arguments (doubles per trial). */
  width: number;
  reduce: ChunkReduction[];
}

/** The statistics of one chunk: its trial count and one entry per reduction, in order. */
export interface ChunkStatsResult {
  count: number;
  stats: MomentStats[];
}

/**
 * Executes chunk statistics tasks somewhere (inline, worker threads, a queue) and reports each result
 * by its index in `tasks` as soon as it is known; resolves when all are done. Results must not depend
 * on where a task ran.
 */
export type ChunkTaskExecutor = (tasks: readonly ChunkStatsTask[], onResult: (index: number, result: ChunkStatsResult) => void) => Promise<void>;

/** Check a task that came from JSON (a store or a queue): fields, types and ranges. */
export function checkChunkStatsTask(task: unknown): ChunkStatsTask {
  if (task === null || typeof task !== 'object') throw new ArgumentError('task', task, 'a chunk statistics task object');
  const t = task as Record<string, unknown>;
  if (typeof t.kernel !== 'string') throw new ArgumentError('task.kernel', t.kernel, 'a kernel name');
  KERNELS.get(t.kernel);
  if (t.args === null || typeof t.args !== 'object' || Array.isArray(t.args)) throw new ArgumentError('task.args', t.args, 'an object of kernel arguments');
  checkInteger('task.seed', t.seed, 0, Number.MAX_SAFE_INTEGER);
  checkInteger('task.chunkIndex', t.chunkIndex, 0, 2 ** 32 - 1);
  checkInteger('task.count', t.count, 1, 1e9);
  checkInteger('task.width', t.width, 1, 1e7);
  if (!Array.isArray(t.reduce)) throw new ArgumentError('task.reduce', t.reduce, 'an array of reductions');
  t.reduce.forEach((r: unknown, i) => {
    const x = r as Record<string, unknown>;
    if (x === null || typeof x !== 'object' || x.kind !== 'moments') throw new ArgumentError(`task.reduce[${i}].kind`, x?.kind, 'moments');
    checkInteger(`task.reduce[${i}].field`, x.field, 0, (t.width as number) - 1);
    if (x.sketch !== undefined && !(typeof x.sketch === 'number' && x.sketch > 0 && x.sketch < 1)) throw new ArgumentError(`task.reduce[${i}].sketch`, x.sketch, 'a relative accuracy in (0, 1)');
  });
  return t as unknown as ChunkStatsTask;
}

/**
 * Run one chunk of a registered kernel and reduce its records to mergeable statistics.
 *
 * Formula: not in the paper (Monte Carlo plumbing: chunk c of a job with seed s draws from the stream
 * (s, c), as every runner does; the statistics are count, compensated Σx and Σx², min, max and a
 * DDSketch per reduced column).
 * Method: check the task, `runChunk` with KERNELS, then `columnStats` per reduction; the record count
 * must equal `count` × `width`.
 * Accuracy: exact (a pure function of the task: the same JSON task gives the same bits in any thread,
 * process or machine; test/registry/chunkStats.test.ts).
 * References: src/parallel/mergeStats.ts; docs/sweep.md.
 *
 * @example
 * import { runChunkStatsTask, crlbNestedJob } from 'isacnet';
 * const job = crlbNestedJob([4], 2, 100, 7);
 * const r = runChunkStatsTask({ kernel: job.kernel, args: job.args, seed: 7, chunkIndex: 0, count: 100, width: 1, reduce: [{ kind: 'moments', field: 0 }] });
 * [r.count, r.stats[0].n, r.stats[0].finite]; // => [100, 100, 100]
 */
export function runChunkStatsTask(task: ChunkStatsTask): ChunkStatsResult {
  const t = checkChunkStatsTask(task);
  const rec = runChunk(t, KERNELS);
  return reduceChunkRecords(rec, t);
}

/** Reduce a chunk's records (from `runChunk` of the same task) as the task says. */
export function reduceChunkRecords(rec: Float64Array, task: ChunkStatsTask): ChunkStatsResult {
  if (rec.length !== task.count * task.width) throw new ArgumentError('task.width', task.width, `the kernel's record width (${task.count} trials gave ${rec.length} values)`);
  return { count: task.count, stats: task.reduce.map((r) => columnStats(rec, task.width, r.field, r.sketch)) };
}

/** JSON with sorted object keys at every level (the canonical form hashed for seeds and store keys). */
export function canonicalJsonOf(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJsonOf).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJsonOf(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The identity of a chunk statistics task: canonical JSON of (format version, kernel, canonical
 * arguments, seed, chunk index, count, width, reductions). A store hashes it into its key.
 */
export function chunkTaskKey(task: ChunkStatsTask): string {
  const { kernel, args, seed, chunkIndex, count, width, reduce } = task;
  return canonicalJsonOf({ v: CHUNK_STATS_VERSION, kernel, args, seed, chunkIndex, count, width, reduce });
}

/** Version of the chunk statistics format (part of every task key). */
export const CHUNK_STATS_VERSION = 1;

/**
 * An executor that runs chunk statistics tasks one after the other in the calling thread (browser,
 * tests, one thread); the Node worker pool's is `poolChunkExecutor` (src/registry/poolExecutor.ts).
 *
 * Formula: not in the paper (Monte Carlo plumbing).
 * Method: `runChunkStatsTask` per task in order, each result reported at once; yields to the event
 * loop every 4 tasks.
 * Accuracy: exact: the same results as any other executor (test/registry/chunkStats.test.ts).
 * References: docs/sweep.md.
 *
 * @example
 * import { inlineChunkExecutor, crlbNestedJob } from 'isacnet';
 * const job = crlbNestedJob([4], 2, 100, 7);
 * const counts: number[] = [];
 * await inlineChunkExecutor([0, 1].map((c) => ({ kernel: job.kernel, args: job.args, seed: 7, chunkIndex: c, count: 50, width: 1, reduce: [{ kind: 'moments' as const, field: 0 }] })), (i, r) => (counts[i] = r.count));
 * counts; // => [50, 50]
 */
export const inlineChunkExecutor: ChunkTaskExecutor = async (tasks, onResult) => {
  for (let i = 0; i < tasks.length; i++) {
    onResult(i, runChunkStatsTask(tasks[i]));
    // Yield now and then so that progress output and signals stay responsive.
    if (i % 4 === 3) await new Promise((r) => setTimeout(r, 0));
  }
};
