/**
 * Node worker pools that run the registry's kernels (src/registry/kernels.ts): `createWorkerPool`
 * for a reusable pool, `runJob` for a one-shot job. Results are identical for any thread count.
 */
import { WorkerPool, defaultThreads } from '../parallel/nodePool.ts';
import type { MonteCarloJob, ProgressFn } from '../parallel/job.ts';
import { KERNELS } from './kernels.ts';

export { WorkerPool, defaultThreads };

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
 */
export function createWorkerPool(threads: number, alwaysUseThreads = process.env.ISACNET_ALWAYS_THREADS === '1'): WorkerPool {
  return new WorkerPool(threads, KERNELS, WORKER_URL, undefined, alwaysUseThreads);
}

/** One-shot helper: run a job on `threads` threads and close the pool. */
export async function runJob(job: MonteCarloJob, threads = defaultThreads(), onProgress?: ProgressFn, alwaysUseThreads?: boolean): Promise<Float64Array> {
  const pool = createWorkerPool(threads, alwaysUseThreads);
  try {
    return await pool.run(job, onProgress);
  } finally {
    await pool.close();
  }
}
