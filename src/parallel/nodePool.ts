/**
 * Node worker-thread pool for Monte Carlo jobs. Chunks are handed out dynamically but stored by
 * index, so the concatenated output is identical for any thread count (threads = 1 runs inline).
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { concatChunks, planChunks, runChunk, type ChunkTask, type MonteCarloJob, type ProgressFn } from './job.ts';
import type { KernelRegistry } from './kernel.ts';
import { ArgumentError } from '../math/argumentError.ts';

export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

interface Reply {
  id: number;
  ok: boolean;
  out?: Float64Array;
  error?: string;
}

/**
 * A reusable pool; call `close()` when done. `registry` runs chunks inline (size 1); `workerUrl` is
 * a worker script that serves the same registry (`serveChunks` of src/parallel/nodeWorker.ts).
 */
export class WorkerPool {
  private workers: Worker[] = [];
  constructor(
    readonly size: number,
    readonly registry: KernelRegistry,
    workerUrl: URL,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new ArgumentError('threads', size, 'an integer ≥ 1');
    if (size > 1) {
      for (let i = 0; i < size; i++) this.workers.push(new Worker(workerUrl));
    }
  }

  /** Run all chunk tasks, results in task order. */
  async runTasks(tasks: ChunkTask[], onChunkDone?: (task: ChunkTask) => void): Promise<Float64Array[]> {
    const results: Float64Array[] = new Array(tasks.length);
    if (this.workers.length === 0) {
      for (let i = 0; i < tasks.length; i++) {
        results[i] = runChunk(tasks[i], this.registry);
        onChunkDone?.(tasks[i]);
        // Yield to the event loop so progress bars and Ctrl-C stay responsive.
        if (i % 4 === 3) await new Promise((r) => setImmediate(r));
      }
      return results;
    }
    let next = 0;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const pump = (): void => {
              if (next >= tasks.length) {
                w.off('message', onMessage);
                w.off('error', onError);
                resolve();
                return;
              }
              const id = next++;
              w.postMessage({ id, task: tasks[id] });
            };
            const onMessage = (msg: Reply): void => {
              if (!msg.ok || !msg.out) {
                w.off('message', onMessage);
                w.off('error', onError);
                reject(new Error(msg.error ?? 'worker failed'));
                return;
              }
              results[msg.id] = msg.out;
              onChunkDone?.(tasks[msg.id]);
              pump();
            };
            const onError = (e: Error): void => reject(e);
            w.on('message', onMessage);
            w.on('error', onError);
            pump();
          }),
      ),
    );
    return results;
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
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
