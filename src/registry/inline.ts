/**
 * Running Monte Carlo jobs of the registry (src/registry/kernels.ts) in the calling thread.
 * Browser-safe; gives the same samples as any worker pool (chunks seeded by (seed, chunk index)).
 */
import { runJobSync as runJobSyncWith, type JobRunner, type MonteCarloJob, type ProgressFn } from '../parallel/job.ts';
import { KERNELS } from './kernels.ts';

/**
 * Run a whole job of the library's registry in the calling thread.
 *
 * Formula: not in the paper (the Monte Carlo estimates of Eqs. (6), (9), (15)–(16) run through it).
 * Method: the chunks of `planChunks(job)` in index order, chunk c with the stream (seed, c), outputs
 * concatenated; `onProgress(done, total)` after each chunk.
 * Accuracy: bit-identical to any worker pool for the same job (test/sensing/crlbMonteCarlo.test.ts,
 * test/comm/montecarlo.test.ts).
 * References: src/parallel/job.ts; docs/architecture.md (how a Monte Carlo job flows).
 *
 * @example
 * import { runJobSync, crlbNestedJob } from 'isacnet';
 * const s = runJobSync(crlbNestedJob([4], 2, 5000, 1));
 * s.length; // => 5000
 * // seed 1: the first two geometries (normalized CRLB at N = 4)
 * Array.from(s.slice(0, 2)); // => [1.2792, 4.0836]
 */
export function runJobSync(job: MonteCarloJob, onProgress?: ProgressFn): Float64Array {
  return runJobSyncWith(job, KERNELS, onProgress);
}

/**
 * A `JobRunner` that runs in the calling thread (the runner of reports, figures and the optimizer's
 * `mc` model where no worker pool is wanted).
 *
 * Formula: not in the paper.
 * Method: `runJobSync` wrapped in a promise.
 * Accuracy: bit-identical to a worker pool for the same job.
 * References: src/parallel/jobTypes.ts (JobRunner); docs/architecture.md.
 *
 * @example
 * import { inlineRunner, runJobSync, crlbNestedJob } from 'isacnet';
 * const job = crlbNestedJob([4], 2, 5000, 1);
 * const a = await inlineRunner(job);
 * const b = runJobSync(job);
 * a.every((v, i) => Object.is(v, b[i])); // => true
 */
export const inlineRunner: JobRunner = async (job, onProgress) => runJobSync(job, onProgress);
