/**
 * Node worker pools that run the registry's kernels (src/registry/kernels.ts): `createWorkerPool`
 * for a reusable pool, `runJob` for a one-shot job. Results are identical for any thread count.
 */
import { WorkerPool, defaultThreads } from '../parallel/nodePool.ts';
import type { MonteCarloJob, ProgressFn } from '../parallel/job.ts';
import { KERNELS } from './kernels.ts';

export { WorkerPool, defaultThreads };
export { cachedJobRunner, jobCacheKey, type JobCacheCounts } from '../parallel/jobCache.ts';

/**
 * The worker entry: compiled JavaScript (dist/registry/nodeWorker.js) next to a compiled pool; from
 * the TypeScript sources (development, tests) a bootstrap that registers tsx first.
 */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./worker-bootstrap.mjs', import.meta.url) : new URL('./nodeWorker.js', import.meta.url);

/**
 * A pool of `threads` threads (1 = inline) running the registry's kernels; `close()` it when done.
 * Quick jobs run inline (see WorkerPool); `alwaysUseThreads` (or the environment variable
 * `ISACNET_ALWAYS_THREADS=1`, for tests that compare thread counts through the CLI) starts threads
 * for every job of more than one chunk.
 *
 * Formula: not in the paper (runs the Monte Carlo kernels).
 * Method: `new WorkerPool(threads, KERNELS, worker URL)`; the workers load the registry of
 * src/registry/kernels.ts.
 * Accuracy: bit-identical output for any thread count (test/parallel/nodePool.test.ts; the example: seed 1, the same
 * first values as `runJobSync`).
 * References: src/parallel/nodePool.ts (module comment); src/parallel/job.ts (chunks and streams).
 *
 * @example
 * import { createWorkerPool } from 'isacnet/node';
 * import { crlbNestedJob } from 'isacnet';
 * const pool = createWorkerPool(2);
 * const s = await pool.run(crlbNestedJob([4], 2, 5000, 1));
 * await pool.close();
 * // seed 1: the first two geometries (normalized CRLB at N = 4)
 * Array.from(s.slice(0, 2)); // => [1.2792, 4.0836]
 */
export function createWorkerPool(threads: number, alwaysUseThreads = process.env.ISACNET_ALWAYS_THREADS === '1'): WorkerPool {
  return new WorkerPool(threads, KERNELS, WORKER_URL, undefined, alwaysUseThreads);
}

/**
 * One-shot helper: run a job on `threads` threads and close the pool.
 *
 * Formula: not in the paper (runs the Monte Carlo kernels).
 * Method: `createWorkerPool`, `run`, `close` (also on failure).
 * Accuracy: bit-identical output for any thread count (test/parallel/nodePool.test.ts; the example: seed 1, the same
 * first values as `runJobSync`).
 * References: src/parallel/nodePool.ts (module comment); src/parallel/job.ts (chunks and streams).
 *
 * @example
 * import { runJob } from 'isacnet/node';
 * import { crlbNestedJob } from 'isacnet';
 * const s = await runJob(crlbNestedJob([4], 2, 5000, 1), 2);
 * s.length; // => 5000
 * Array.from(s.slice(0, 2)); // => [1.2792, 4.0836]
 */
export async function runJob(job: MonteCarloJob, threads = defaultThreads(), onProgress?: ProgressFn, alwaysUseThreads?: boolean): Promise<Float64Array> {
  const pool = createWorkerPool(threads, alwaysUseThreads);
  try {
    return await pool.run(job, onProgress);
  } finally {
    await pool.close();
  }
}
