/**
 * The task types a queue worker runs (`isacnet worker`, src/cli/commands/worker.ts) and the
 * `JobRunner` that sends a Monte Carlo job through a task queue (src/parallel/taskQueue.ts).
 *
 * `QUEUE_TASKS` is the whole table of what a worker may do: a task `{ type, payload }` read from the
 * queue runs `QUEUE_TASKS[type](payload)`, nothing else. Each function checks its payload (the
 * kernels check their arguments through defineKernel) and returns JSON. Adding a type is one line
 * in the table.
 *
 * `chunk`: a ChunkTask of src/parallel/jobTypes.ts, run with `runChunk(task, KERNELS)`; the samples
 * come back losslessly as `{ samples: base64 of the little-endian Float64 bytes, length }`.
 *
 * `chunkStats`: a ChunkStatsTask of src/registry/chunkStats.ts (`isacnet sweep --queue`), run with
 * `runChunkStatsTask`; the chunk's mergeable statistics come back as JSON.
 *
 * @example
 * import { crlbNestedJob, planChunks, runJobSync } from 'isacnet';
 * const task = planChunks(crlbNestedJob([4], 2, 5000, 1))[1];
 * const out = decodeSamples(runQueueTask({ type: 'chunk', payload: task }));
 * out.length; // => 904
 * out[0] === runJobSync(crlbNestedJob([4], 2, 5000, 1))[4096]; // => true
 */
import { ArgumentError, UnknownArgumentError, checkInteger } from '../math/argumentError.ts';
import { concatChunks, planChunks, runChunk, type ChunkTask, type JobRunner } from '../parallel/job.ts';
import { canonicalJson, toJsonValue, type JsonValue, type KeyedTask, type QueueTask, type TaskQueue } from '../parallel/taskQueue.ts';
import { KERNELS } from './kernels.ts';
import { chunkTaskKey as chunkStatsTaskKey, runChunkStatsTask, checkChunkStatsTask, type ChunkStatsResult, type ChunkTaskExecutor } from './chunkStats.ts';

/** A registered task function: checks its JSON payload, returns a JSON result. */
export type QueueTaskFn = (payload: JsonValue) => JsonValue;

/** The most trials one chunk task may ask for (it bounds the memory a task read from the queue can claim). */
export const MAX_TASK_COUNT = 10_000_000;

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Bytes of a Float64Array in little-endian order. */
function littleEndianBytes(a: Float64Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(a.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat64(8 * i, a[i], true);
  return out;
}

/**
 * Samples as lossless JSON: `{ samples: base64 of the little-endian IEEE-754 bytes, length }`
 * (every bit kept, NaN payloads and −0 included; JSON numbers would lose ±∞ and NaN).
 *
 * Formula: not in the paper.
 * Method: the Float64Array's bytes (swapped to little-endian on a big-endian machine), base64.
 * Accuracy: exact: `decodeSamples(encodeSamples(a))` is bit-identical to `a` (test/registry/queueTasks.test.ts).
 * References: RFC 4648 (base64); IEEE 754 binary64.
 *
 * @example
 * encodeSamples(new Float64Array([1, -Infinity])); // => { samples: "AAAAAAAA8D8AAAAAAADw/w==", length: 2 }
 * Array.from(decodeSamples(encodeSamples(new Float64Array([0.1, NaN, -0])))); // => [0.1, NaN, -0]
 */
export function encodeSamples(a: Float64Array): { samples: string; length: number } {
  return { samples: Buffer.from(littleEndianBytes(a)).toString('base64'), length: a.length };
}

/**
 * The samples of `encodeSamples`'s JSON, checked (an object with a base64 string of `8 · length` bytes).
 *
 * Formula: not in the paper.
 * Method: base64 decoding, then the bytes read as little-endian Float64 values.
 * Accuracy: exact (the inverse of `encodeSamples`).
 * References: RFC 4648 (base64); IEEE 754 binary64.
 *
 * @example
 * Array.from(decodeSamples({ samples: 'AAAAAAAA8D8AAAAAAADw/w==', length: 2 })); // => [1, -Infinity]
 */
export function decodeSamples(value: unknown): Float64Array {
  if (value === null || typeof value !== 'object') throw new ArgumentError('samples', value, 'an object { samples: base64, length }');
  const v = value as { samples?: unknown; length?: unknown };
  const length = checkInteger('samples.length', v.length, 0);
  if (typeof v.samples !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v.samples)) throw new ArgumentError('samples.samples', v.samples, 'a base64 string');
  const bytes = Buffer.from(v.samples, 'base64');
  if (bytes.length !== 8 * length) throw new ArgumentError('samples.samples', `${bytes.length} bytes`, `${8 * length} bytes (8 per sample)`);
  const out = new Float64Array(length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

/**
 * A ChunkTask from a queue payload, every field checked: a kernel of the registry `KERNELS`, an
 * arguments object (the kernel checks its fields), a seed in [0, 2^53), a chunk index ≥ 0 and a
 * count in [1, MAX_TASK_COUNT].
 *
 * Formula: not in the paper.
 * Method: field-by-field checks with ArgumentErrors naming `task.<field>`.
 * Accuracy: not applicable (test/registry/queueTasks.test.ts: bad payloads are refused).
 * References: src/parallel/jobTypes.ts (ChunkTask); docs/scale-out.md (what is executed from the queue).
 *
 * @example
 * parseChunkTask({ kernel: 'sensing.crlbNested', args: { Ns: [4], beta: 2 }, seed: 1, chunkIndex: 0, count: 10 }).count; // => 10
 * let msg = '';
 * try { parseChunkTask({ kernel: 'os.exec', args: {}, seed: 1, chunkIndex: 0, count: 1 }); } catch (e) { msg = (e as Error).message; }
 * msg.startsWith('unknown Monte Carlo kernel "os.exec"'); // => true
 */
export function parseChunkTask(payload: unknown): ChunkTask {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new ArgumentError('task', payload, 'an object { kernel, args, seed, chunkIndex, count }');
  const p = payload as Record<string, unknown>;
  if (typeof p.kernel !== 'string') throw new ArgumentError('task.kernel', p.kernel, 'a kernel name');
  const kernel = KERNELS.get(p.kernel).name;
  if (p.args === null || typeof p.args !== 'object' || Array.isArray(p.args)) throw new ArgumentError('task.args', p.args, 'an object of kernel arguments');
  const seed = checkInteger('task.seed', p.seed, 0, Number.MAX_SAFE_INTEGER);
  const chunkIndex = checkInteger('task.chunkIndex', p.chunkIndex, 0, Number.MAX_SAFE_INTEGER);
  const count = checkInteger('task.count', p.count, 1, MAX_TASK_COUNT);
  return { kernel, args: p.args as Record<string, unknown>, seed, chunkIndex, count };
}

/**
 * The `chunk` task: run a ChunkTask with the registry's kernels, samples encoded losslessly.
 *
 * Formula: not in the paper (the Monte Carlo estimates of Eqs. (6), (9), (15)–(16) run through it).
 * Method: `parseChunkTask`, `runChunk(task, KERNELS)` (stream (seed, chunk index)), `encodeSamples`.
 * Accuracy: bit-identical to the same chunk run by any local runner (test/registry/queueTasks.test.ts).
 * References: src/parallel/job.ts (runChunk); docs/scale-out.md.
 *
 * @example
 * runChunkQueueTask({ kernel: 'sensing.crlbNested', args: { Ns: [4], beta: 2 }, seed: 1, chunkIndex: 0, count: 2 }).length; // => 2
 */
export function runChunkQueueTask(payload: JsonValue): { samples: string; length: number } {
  return encodeSamples(runChunk(parseChunkTask(payload), KERNELS));
}

/** What a worker runs, by task type (docs/scale-out.md); add a type here to make workers run it. */
export const QUEUE_TASKS: Readonly<Record<string, QueueTaskFn>> = {
  chunk: runChunkQueueTask,
  chunkStats: (payload) => toJsonValue(runChunkStatsTask(checkChunkStatsTask(payload)), 'result'),
};

/**
 * Run one task read from a queue: `QUEUE_TASKS[task.type](task.payload)`; an unknown type is an
 * error (nothing else from the queue is run).
 *
 * Formula: not in the paper.
 * Method: a table lookup by `type` (own properties only), then the registered function on the payload.
 * Accuracy: not applicable (test/registry/queueTasks.test.ts).
 * References: docs/scale-out.md (what is and is not executed from the queue).
 *
 * @example
 * let msg = '';
 * try { runQueueTask({ type: 'eval', payload: '1 + 1' }); } catch (e) { msg = (e as Error).message; }
 * msg; // => 'unknown queue task type "eval" (known: chunk, chunkStats)'
 */
export function runQueueTask(task: QueueTask, table: Readonly<Record<string, QueueTaskFn>> = QUEUE_TASKS): JsonValue {
  const fn = Object.prototype.hasOwnProperty.call(table, task.type) ? table[task.type] : undefined;
  if (!fn) throw new UnknownArgumentError(task.type, task.payload, Object.keys(table), 'queue task type');
  return fn(task.payload);
}

/**
 * The key of a chunk task: canonical JSON of (type, kernel, arguments, seed, chunk index, count), so
 * the same chunk of the same job has the same job id on every machine and in every run.
 *
 * Formula: not in the paper.
 * Method: `canonicalJson` (keys sorted at every level).
 * Accuracy: exact.
 * References: src/parallel/taskQueue.ts (taskJobId).
 *
 * @example
 * chunkTaskKey({ kernel: 'k', args: { b: 1, a: 2 }, seed: 7, chunkIndex: 3, count: 10 }); // => 'chunk {"args":{"a":2,"b":1},"chunkIndex":3,"count":10,"kernel":"k","seed":7}'
 */
export function chunkTaskKey(task: ChunkTask, type = 'chunk'): string {
  return `${type} ${canonicalJson(task)}`;
}

/**
 * A `JobRunner` whose chunks run on the workers of a task queue: the job is cut with `planChunks`
 * exactly as the local runners cut it, each chunk sent as a `chunk` task under `chunkTaskKey`, and
 * the decoded samples concatenated in chunk-index order, so the result is bit-identical to
 * `runJobSync` and the worker pool for the same job, however many workers took which chunk.
 *
 * Formula: not in the paper (runs the Monte Carlo of Eqs. (6), (9), (15)–(16)).
 * Method: `planChunks`, one `queue.run` for all chunks, `decodeSamples` (each chunk's length checked to
 * be a whole number of records), `concatChunks`; `onProgress(done, trials)` as chunks arrive.
 * Accuracy: bit-identical to the local runners (test/registry/queueTasks.test.ts with a real redis-server and two worker processes).
 * References: src/parallel/job.ts; src/parallel/taskQueue.ts; docs/scale-out.md.
 *
 * @example
 * import { crlbNestedJob, runJobSync } from 'isacnet';
 * const queue = { name: 'inline', run: async (tasks) => tasks.map((t) => runQueueTask(t)), stats: () => ({}), close: async () => {} };
 * const runner = createQueueJobRunner(queue);
 * const job = crlbNestedJob([4], 2, 5000, 1);
 * const s = await runner(job);
 * const local = runJobSync(job);
 * s.every((v, i) => Object.is(v, local[i])); // => true
 */
export function createQueueJobRunner(queue: TaskQueue): JobRunner {
  return async (job, onProgress) => {
    const chunks = planChunks(job);
    const tasks: KeyedTask[] = chunks.map((c) => ({ key: chunkTaskKey(c), type: 'chunk', payload: toJsonValue(c, 'task') }));
    let done = 0;
    const results = await queue.run(tasks, (i) => {
      done += chunks[i].count;
      onProgress?.(done, job.trials);
    });
    const parts = results.map((r, i) => {
      const a = decodeSamples(r);
      if (a.length % chunks[i].count !== 0) throw new Error(`queue result of chunk ${chunks[i].chunkIndex}: ${a.length} values is not a whole number of records of ${chunks[i].count} trials`);
      return a;
    });
    return concatChunks(parts);
  };
}

/**
 * The default queue name of this library version: `isacnet-<version>`. Submitters and workers of
 * one version meet there, and a worker never runs tasks of another version (whose kernels may differ).
 *
 * Formula: not in the paper.
 * Method: the version with characters outside `[A-Za-z0-9._-]` replaced by `_`.
 * Accuracy: exact.
 * References: docs/scale-out.md (queue names).
 *
 * @example
 * chunkQueueName('0.2.0'); // => "isacnet-0.2.0"
 */
export function chunkQueueName(version: string): string {
  return `isacnet-${version.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** Tasks per `queue.run` call of the queue executor: results reach the caller (and its store) slice by slice. */
const QUEUE_EXECUTOR_SLICE = 64;

/**
 * A `ChunkTaskExecutor` (src/registry/chunkStats.ts) whose chunk statistics tasks run on the workers
 * of a task queue, as `chunkStats` tasks under job ids derived from their identity
 * (`chunkTaskKey` of src/registry/chunkStats.ts). `isacnet sweep --queue URL` runs with it. A task
 * is the same pure function wherever it runs, so the results, and the sweep merged from them in
 * chunk-index order, are bit-identical to the local pool's; a resubmitted sweep finds completed
 * tasks on the queue and enqueues nothing already done.
 *
 * Formula: not in the paper (distributed Monte Carlo infrastructure).
 * Method: tasks checked (`checkChunkStatsTask`), then sent in slices of 64 (`queue.run`), each
 * slice's results reported by index as the slice completes.
 * Accuracy: bit-identical to `runChunkStatsTask` in this process (test/registry/queueTasks.test.ts).
 * References: src/parallel/taskQueue.ts; docs/scale-out.md; docs/sweep.md.
 *
 * @example
 * import { runChunkStatsTask } from 'isacnet';
 * const queue = { name: 'inline', run: async (tasks) => tasks.map((t) => runQueueTask(t)), stats: () => ({}), close: async () => {} };
 * const task = { kernel: 'sensing.crlbNested', args: { Ns: [4], beta: 2 }, seed: 1, chunkIndex: 0, count: 64, width: 1, reduce: [{ kind: 'moments', field: 0 }] };
 * const got = [];
 * await createQueueChunkExecutor(queue)([task], (i, r) => { got[i] = r; });
 * JSON.stringify(got[0]) === JSON.stringify(runChunkStatsTask(task)); // => true
 */
export function createQueueChunkExecutor(queue: TaskQueue): ChunkTaskExecutor {
  return async (tasks, onResult) => {
    const checked = tasks.map((t) => checkChunkStatsTask(t));
    for (let from = 0; from < checked.length; from += QUEUE_EXECUTOR_SLICE) {
      const part = checked.slice(from, from + QUEUE_EXECUTOR_SLICE);
      const keyed: KeyedTask[] = part.map((t) => ({ key: `chunkStats ${chunkStatsTaskKey(t)}`, type: 'chunkStats', payload: toJsonValue(t, 'task') }));
      const results = await queue.run(keyed);
      results.forEach((r, i) => onResult(from + i, r as unknown as ChunkStatsResult));
    }
  };
}
