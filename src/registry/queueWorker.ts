/**
 * A queue worker of the library's task types (`isacnet worker`): startTaskWorker of
 * src/parallel/taskQueue.ts with the dispatcher of src/registry/queueTasks.ts, computing `threads`
 * tasks at a time. Node-only.
 *
 * With `threads` = 1 the tasks run in the worker's main thread (no thread start-up); with more,
 * BullMQ takes `threads` tasks at a time and each runs in one of `threads` worker threads
 * (TaskThreads, thread entry src/registry/queueThread.ts), so the main thread stays free to renew
 * the tasks' locks.
 */
import { TaskThreads, startTaskWorker, type StartTaskWorkerOptions, type TaskWorker } from '../parallel/taskQueue.ts';
import { ArgumentError } from '../math/argumentError.ts';
import { runQueueTask } from './queueTasks.ts';

/** The thread entry: compiled JavaScript next to a compiled worker; from the sources a bootstrap that registers tsx first. */
const THREAD_URL = import.meta.url.endsWith('.ts') ? new URL('./queue-thread-bootstrap.mjs', import.meta.url) : new URL('./queueThread.js', import.meta.url);

export interface QueueWorkerOptions extends Omit<StartTaskWorkerOptions, 'concurrency'> {
  /** Tasks computed at the same time (default 1). */
  threads?: number;
}

/**
 * Start a worker of the library's queue tasks (`chunk`, …) on the queue `options.name` at `url`.
 *
 * Formula: not in the paper (distributed Monte Carlo infrastructure).
 * Method: `startTaskWorker(url, handler, { concurrency: threads, … })`; the handler is `runQueueTask`
 * inline (threads = 1) or on a free thread of a TaskThreads of `threads` threads; `close()` closes
 * the BullMQ worker (letting running tasks finish unless forced), then the threads.
 * Accuracy: results are those of `runQueueTask` (bit-identical to local runs; test/registry/queueTasks.test.ts).
 * References: src/parallel/taskQueue.ts; docs/scale-out.md.
 *
 * @example
 * import { ArgumentError } from 'isacnet/math';
 * const err = await startQueueWorker('redis://127.0.0.1:1/0', { name: 'demo', threads: 1, connectTimeoutMs: 500 }).catch((e: unknown) => e);
 * (err as ArgumentError).argument; // => "queue"
 */
export async function startQueueWorker(url: string, options: QueueWorkerOptions): Promise<TaskWorker> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > 1024) throw new ArgumentError('threads', threads, 'an integer in [1, 1024]');
  const pool = threads > 1 ? new TaskThreads(threads, THREAD_URL) : undefined;
  let worker: TaskWorker;
  try {
    worker = await startTaskWorker(url, pool ? (task) => pool.run(task) : (task) => runQueueTask(task), { ...options, concurrency: threads });
  } catch (e) {
    await pool?.close();
    throw e;
  }
  return {
    processed: () => worker.processed(),
    async close(force = false): Promise<void> {
      await worker.close(force);
      await pool?.close();
    },
  };
}
