/**
 * The data shapes of Monte Carlo jobs (shared by the kernels, src/parallel/kernel.ts, and the
 * runners, src/parallel/job.ts): a job, its chunk tasks, progress callbacks and the runner shape.
 */

/** JSON-serializable kernel arguments (they cross worker boundaries). */
export type KernelArgs = Record<string, unknown>;

export interface MonteCarloJob {
  /** Name of a kernel of the registry that runs the job (src/registry/kernels.ts). */
  kernel: string;
  args: KernelArgs;
  /** Number of trials (samples of the kernel's output record). */
  trials: number;
  seed: number;
  /** Trials per chunk (default 4096). Part of the result's identity: keep it fixed. */
  chunkSize?: number;
}

export interface ChunkTask {
  kernel: string;
  args: KernelArgs;
  seed: number;
  chunkIndex: number;
  count: number;
}

export type ProgressFn = (doneTrials: number, totalTrials: number) => void;

/**
 * Runs a whole job and resolves to its samples (chunks concatenated in index order). The one shape
 * through which reports and figures ask for Monte Carlo: a Node worker pool, a Web Worker pool or
 * the calling thread all provide it, and the result never depends on which.
 */
export type JobRunner = (job: MonteCarloJob, onProgress?: ProgressFn) => Promise<Float64Array>;

