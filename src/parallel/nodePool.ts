/**
 * Node worker-thread pool for Monte Carlo jobs. Chunks are handed out dynamically but stored by
 * index, so the concatenated output is identical for any thread count (threads = 1 runs inline).
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { concatChunks, planChunks, runChunk, type ChunkTask, type MonteCarloJob, type ProgressFn } from './job.ts';
import type { KernelRegistry } from './kernel.ts';
import { ArgumentError } from '../math/argumentError.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

/**
 * The default thread count: `os.availableParallelism()` (or the CPU count), at least 1.
 *
 * Formula: not in the paper.
 * Method: `os.availableParallelism` where Node has it, else `os.cpus().length`.
 * Accuracy: not applicable (the results do not depend on the thread count, test/parallel/nodePool.test.ts).
 * References: src/parallel/nodePool.ts (module comment); src/parallel/job.ts (chunks and streams).
 *
 * @example
 * import { defaultThreads } from 'isacnet/node';
 * defaultThreads() >= 1; // => true
 * Number.isInteger(defaultThreads()); // => true
 */
export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** About what starting a worker thread costs (measured 150–250 ms: it loads the kernel registry). */
const WORKER_STARTUP_MS = 150;

interface Reply {
  id: number;
  ok: boolean;
  out?: Float64Array;
  error?: string;
}

/**
 * A reusable pool; call `close()` when done. `registry` runs chunks inline (size 1); `workerUrl` is
 * a worker script that serves the same registry (`serveChunks` of src/parallel/nodeWorker.ts).
 *
 * Formula: not in the paper (runs the Monte Carlo kernels).
 * Method: chunks handed out dynamically to worker threads and stored by index, so the output is the
 * concatenation in chunk order; quick jobs run inline (first chunk timed).
 * Accuracy: bit-identical output for any thread count (test/parallel/nodePool.test.ts; the example compares with
 * `runJobSync`, seed 1).
 * References: src/parallel/nodePool.ts (module comment); src/parallel/job.ts (chunks and streams).
 *
 * @example
 * import { createWorkerPool, WorkerPool } from 'isacnet/node';
 * import { crlbNestedJob, runJobSync } from 'isacnet';
 * const pool = createWorkerPool(2);
 * pool instanceof WorkerPool; // => true
 * const job = crlbNestedJob([4], 2, 5000, 1);
 * const s = await pool.run(job);
 * await pool.close();
 * const local = runJobSync(job); // once: inside the callback it would rerun the job per sample
 * s.every((v, i) => Object.is(v, local[i])); // => true
 */
export class WorkerPool {
  private workers: Worker[] = [];
  private closed = false;
  /** Message ids are unique across jobs, so a late reply of a failed job is never taken for another's. */
  private nextId = 0;
  constructor(
    readonly size: number,
    readonly registry: KernelRegistry,
    private readonly workerUrl: URL,
    /** Passed to every worker as `workerData`. */
    private readonly workerData?: unknown,
    /** Start threads for every job of more than one chunk, however quick (tests of thread-count independence). */
    private readonly alwaysUseThreads = false,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new ArgumentError('threads', size, 'an integer ≥ 1');
    // Workers start on demand (the first job with more than one chunk), no more than it has chunks:
    // a one-chunk job runs inline and a small command starts no thread at all.
  }

  private spawn(): Worker {
    return new Worker(this.workerUrl, this.workerData === undefined ? {} : { workerData: this.workerData });
  }

  /**
   * Run all chunk tasks, results in task order. Rejects (never hangs) when a kernel throws, a worker
   * fails or a worker exits while it holds a chunk; a dead worker is replaced, so the pool stays
   * usable for the next job.
   */
  async runTasks(tasks: ChunkTask[], onChunkDone?: (task: ChunkTask, out: Float64Array, index: number) => void): Promise<Float64Array[]> {
    if (this.closed) throw new Error('the worker pool is closed');
    const results: Float64Array[] = new Array(tasks.length);
    const inline = async (from: number): Promise<Float64Array[]> => {
      for (let i = from; i < tasks.length; i++) {
        results[i] = runChunk(tasks[i], this.registry);
        onChunkDone?.(tasks[i], results[i], i);
        // Yield to the event loop so progress bars and Ctrl-C stay responsive.
        if (i % 4 === 3) await yieldToEventLoop();
      }
      return results;
    };
    // A one-chunk job runs inline unless threads are already up (then a worker takes it, and the
    // main thread stays free for whatever runs beside it; the chunk's samples are the same).
    if (this.size === 1 || tasks.length === 0 || (tasks.length === 1 && this.workers.length === 0)) return inline(0);
    let next = 0;
    if (this.workers.length === 0 && !this.alwaysUseThreads) {
      // No thread started yet: time the first chunk here. When the rest would take less than a
      // worker's start-up (it loads the whole registry), finish inline. Which thread runs a chunk
      // never changes its samples, so this only saves time.
      const t0 = performance.now();
      results[0] = runChunk(tasks[0], this.registry);
      onChunkDone?.(tasks[0], results[0], 0);
      if ((performance.now() - t0) * (tasks.length - 1) < WORKER_STARTUP_MS) return inline(1);
      next = 1;
    }
    while (this.workers.length < Math.min(this.size, tasks.length - next)) this.workers.push(this.spawn());
    let failed = false;
    const base = this.nextId;
    this.nextId += tasks.length;
    await Promise.all(
      this.workers.map(
        (w, slot) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const detach = (): void => {
              w.off('message', onMessage);
              w.off('error', onError);
              w.off('exit', onExit);
            };
            const fail = (e: Error): void => {
              failed = true;
              detach();
              reject(e);
            };
            const pump = (): void => {
              if (failed || next >= tasks.length) {
                current = -1;
                detach();
                resolve();
                return;
              }
              current = next++;
              w.postMessage({ id: base + current, task: tasks[current] });
            };
            const onMessage = (msg: Reply): void => {
              if (msg.id - base !== current) return; // a late reply of an earlier, failed job
              if (!msg.ok || !msg.out) {
                fail(new Error(msg.error ?? 'worker failed'));
                return;
              }
              results[current] = msg.out;
              onChunkDone?.(tasks[current], msg.out, current);
              pump();
            };
            const onError = (e: Error): void => {
              this.replace(slot, w);
              fail(e);
            };
            const onExit = (code: number): void => {
              this.replace(slot, w);
              const at = current >= 0 ? ` while running chunk ${tasks[current].chunkIndex} of kernel ${tasks[current].kernel}` : '';
              fail(new Error(`a Monte Carlo worker thread exited with code ${code}${at}`));
            };
            w.on('message', onMessage);
            w.on('error', onError);
            w.on('exit', onExit);
            pump();
          }),
      ),
    );
    return results;
  }

  /** Put a fresh worker in the slot of a dead one (unless the pool is closing). */
  private replace(slot: number, dead: Worker): void {
    if (this.closed || this.workers[slot] !== dead) return;
    void dead.terminate();
    this.workers[slot] = this.spawn();
  }

  async run(job: MonteCarloJob, onProgress?: ProgressFn): Promise<Float64Array> {
    const tasks = planChunks(job);
    let done = 0;
    const parts = await this.runTasks(tasks, (t) => {
      done += t.count;
      onProgress?.(done, job.trials);
    });
    return concatChunks(parts);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
