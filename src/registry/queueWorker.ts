/**
 * A queue worker of the library's task types (`isacnet worker`): startTaskWorker of
 * src/parallel/taskQueue.ts with the dispatcher of src/registry/queueTasks.ts, computing `threads`
 * tasks at a time. Node-only.
 *
 * BullMQ holds 2·`threads` tasks at a time and each runs in one of `threads` worker threads
 * (TaskThreads, thread entry src/registry/queueThread.ts), also for `threads` = 1: the main thread
 * stays free to renew the tasks' locks, so a long task is never taken for the task of a dead worker.
 */
import { TaskThreads, startTaskWorker, type JsonValue, type QueueTask, type StartTaskWorkerOptions, type TaskWorker } from '../parallel/taskQueue.ts';
import { ArgumentError } from '../math/argumentError.ts';

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
 * Method: `startTaskWorker(url, handler, { concurrency: 2 · threads, … })`; the handler runs `runQueueTask`
 * on a free thread of a TaskThreads of `threads` threads; `close()` closes the BullMQ worker (letting
 * running tasks finish unless forced), then the threads.
 * Accuracy: results are those of `runQueueTask` of src/registry/queueTasks.ts (bit-identical to local runs; test/registry/queueTasks.test.ts).
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
  // The connection is checked first (a bad URL starts no thread).
  let pool: TaskThreads | undefined;
  const run = (task: QueueTask): Promise<JsonValue> => {
    pool ??= new TaskThreads(threads, THREAD_URL);
    return pool.run(task);
  };
  // Twice as many tasks in hand as threads: the next task is fetched while a thread computes (it
  // waits in TaskThreads' FIFO, its lock renewed), which hides the Redis round trips between tasks.
  const worker = await startTaskWorker(url, run, { ...options, concurrency: 2 * threads });
  pool ??= new TaskThreads(threads, THREAD_URL); // start the threads now, while no task is waiting on them
  return {
    processed: () => worker.processed(),
    async close(force = false): Promise<void> {
      await worker.close(force);
      await pool?.close();
    },
  };
}
