/**
 * Monte Carlo jobs cut into fixed chunks: chunk c of a job with seed s draws from the stream
 * (s, c) and returns its samples; chunks are concatenated in index order. A job's output therefore
 * depends on (kernel, args, trials, seed, chunkSize) only, never on how many threads ran it.
 */
import { streamRng } from '../math/rng.ts';
import type { KernelRegistry } from './kernel.ts';
import type { ChunkTask, JobRunner, MonteCarloJob, ProgressFn } from './jobTypes.ts';
import { ArgumentError } from '../math/argumentError.ts';

export type { ChunkTask, JobRunner, MonteCarloJob, ProgressFn };

/** Trials per chunk when a job does not say (part of a result's identity: seed → numbers). */
export const DEFAULT_CHUNK_SIZE = 4096;

/**
 * The chunk tasks of a job, in index order: chunk c holds trials [c·size, (c + 1)·size) and draws from
 * the stream (seed, c).
 *
 * Formula: not in the paper (reproducible Monte Carlo: results depend on (kernel, args, trials, seed,
 * chunkSize) only, never on the thread count).
 * Method: fixed chunks of `job.chunkSize` (default 4096) trials.
 * Accuracy: exact; identical samples for 1 and 2 threads (test/parallel/job.test.ts and the kernel tests).
 * References: src/math/rng.ts (streams); docs/architecture.md.
 *
 * @example
 * import { planChunks, crlbNestedJob } from 'isacnet';
 * const tasks = planChunks(crlbNestedJob([4], 2, 10000, 1));
 * tasks.map((t) => [t.chunkIndex, t.count]); // => [[0, 4096], [1, 4096], [2, 1808]]
 */
export function planChunks(job: MonteCarloJob): ChunkTask[] {
  const size = job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(job.trials) || job.trials < 1) throw new ArgumentError('trials', job.trials, 'an integer ≥ 1');
  if (!Number.isInteger(size) || size < 1) throw new ArgumentError('chunkSize', size, 'an integer ≥ 1');
  const tasks: ChunkTask[] = [];
  for (let start = 0, c = 0; start < job.trials; start += size, c++) {
    tasks.push({ kernel: job.kernel, args: job.args, seed: job.seed, chunkIndex: c, count: Math.min(size, job.trials - start) });
  }
  return tasks;
}

/** Run one chunk (in any thread) with a kernel of `registry`. */
export function runChunk(task: ChunkTask, registry: KernelRegistry): Float64Array {
  return registry.get(task.kernel).run(task.args, streamRng(task.seed, task.chunkIndex), task.count, task.chunkIndex);
}

/** Concatenate chunk outputs in index order. */
export function concatChunks(parts: Float64Array[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Run a whole job in the calling thread (browser workers and threads = 1 use this). */
export function runJobSync(job: MonteCarloJob, registry: KernelRegistry, onProgress?: ProgressFn): Float64Array {
  const tasks = planChunks(job);
  const parts: Float64Array[] = [];
  let done = 0;
  for (const t of tasks) {
    parts.push(runChunk(t, registry));
    done += t.count;
    onProgress?.(done, job.trials);
  }
  return concatChunks(parts);
}
