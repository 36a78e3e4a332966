/**
 * A pool of Monte Carlo Web Workers for the explorer. Jobs are cut into chunks with the library's
 * `planChunks` and reassembled in chunk order with `concatChunks` (src/parallel/job.ts), so a job's
 * samples depend on (kernel, args, trials, seed, chunk size) only, never on the number of workers:
 * the same seed gives the same numbers as `isacnet … --seed s` in Node.
 *
 * Cancel terminates the workers (a chunk cannot be interrupted otherwise) and rejects the pending
 * run with an `AbortError`; fresh workers are started for the next run.
 */
import { concatChunks, planChunks, type ChunkTask, type MonteCarloJob } from '../../parallel/job.ts';
import type { ChunkReply, ChunkRequest } from './mcWorker.ts';

export class AbortError extends Error {
  constructor() {
    super('Monte Carlo run cancelled');
    this.name = 'AbortError';
  }
}

interface Pending {
  jobIndex: number;
  chunkIndex: number;
  task: ChunkTask;
}

export type PoolProgress = (doneTrials: number, totalTrials: number) => void;

export class BrowserPool {
  private workers: Worker[] = [];
  private active: { reject: (e: Error) => void } | null = null;
  private nextId = 1;

  constructor(readonly size: number = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 0))) {}

  private spawn(): Worker {
    return new Worker(new URL('./mcWorker.ts', import.meta.url), { type: 'module', name: 'isacnet-mc' });
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Run several jobs together (their chunks interleaved over the workers); results in job order. */
  runJobs(jobs: MonteCarloJob[], onProgress?: PoolProgress): Promise<Float64Array[]> {
    if (this.active) return Promise.reject(new Error('a Monte Carlo run is already in progress'));
    const queue: Pending[] = [];
    const parts: Float64Array[][] = jobs.map(() => []);
    const remaining: number[] = [];
    let totalTrials = 0;
    jobs.forEach((job, j) => {
      const tasks = planChunks(job);
      remaining[j] = tasks.length;
      totalTrials += job.trials;
      tasks.forEach((task, c) => queue.push({ jobIndex: j, chunkIndex: c, task }));
    });
    while (this.workers.length < Math.min(this.size, queue.length)) this.workers.push(this.spawn());
    let doneTrials = 0;
    let left = queue.length;
    return new Promise<Float64Array[]>((resolve, reject) => {
      const finish = (err: Error | null): void => {
        this.active = null;
        for (const w of this.workers) w.onmessage = w.onerror = null;
        if (err) reject(err);
        else resolve(parts.map((p) => concatChunks(p)));
      };
      this.active = { reject: (e) => finish(e) };
      if (left === 0) return finish(null);
      const inFlight = new Map<number, Pending>();
      const feed = (w: Worker): void => {
        const next = queue.shift();
        if (!next) return;
        const id = this.nextId++;
        inFlight.set(id, next);
        const msg: ChunkRequest = { id, task: next.task };
        w.postMessage(msg);
      };
      for (const w of this.workers) {
        w.onmessage = (ev: MessageEvent<ChunkReply>) => {
          const reply = ev.data;
          const p = inFlight.get(reply.id);
          if (!p || !this.active) return;
          inFlight.delete(reply.id);
          if (!reply.ok) {
            this.terminate();
            return finish(new Error(`Monte Carlo kernel "${p.task.kernel}" failed: ${reply.error}`));
          }
          parts[p.jobIndex][p.chunkIndex] = reply.samples;
          remaining[p.jobIndex]--;
          doneTrials += p.task.count;
          left--;
          onProgress?.(doneTrials, totalTrials);
          if (left === 0) return finish(null);
          feed(w);
        };
        w.onerror = (ev: ErrorEvent) => {
          ev.preventDefault();
          this.terminate();
          finish(new Error(`Monte Carlo worker error: ${ev.message || 'failed to start'}`));
        };
        feed(w);
      }
    });
  }

  /** Run one job (the `JobRunner` shape of the library's report functions). */
  async run(job: MonteCarloJob, onProgress?: PoolProgress): Promise<Float64Array> {
    const [out] = await this.runJobs([job], onProgress);
    return out;
  }

  /** Stop the current run now (workers are terminated; the run rejects with AbortError). */
  cancel(): void {
    const a = this.active;
    this.terminate();
    if (a) a.reject(new AbortError());
  }

  private terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
