/**
 * Running Monte Carlo jobs of the registry (src/registry/kernels.ts) in the calling thread.
 * Browser-safe; gives the same samples as any worker pool (chunks seeded by (seed, chunk index)).
 */
import { runJobSync as runJobSyncWith, type JobRunner, type MonteCarloJob, type ProgressFn } from '../parallel/job.ts';
import { KERNELS } from './kernels.ts';

/** Run a whole job in the calling thread. */
export function runJobSync(job: MonteCarloJob, onProgress?: ProgressFn): Float64Array {
  return runJobSyncWith(job, KERNELS, onProgress);
}

/** A `JobRunner` that runs in the calling thread. */
export const inlineRunner: JobRunner = async (job, onProgress) => runJobSync(job, onProgress);
