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

/** A pool of `threads` threads (1 = inline) running the registry's kernels; `close()` it when done. */
export function createWorkerPool(threads: number): WorkerPool {
  return new WorkerPool(threads, KERNELS, WORKER_URL);
}

/** One-shot helper: run a job on `threads` threads and close the pool. */
export async function runJob(job: MonteCarloJob, threads = defaultThreads(), onProgress?: ProgressFn): Promise<Float64Array> {
  const pool = createWorkerPool(threads);
  try {
    return await pool.run(job, onProgress);
  } finally {
    await pool.close();
  }
}
