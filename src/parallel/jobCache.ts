/**
 * A job runner that keeps every whole job's samples on disk, so that a rerun recomputes none of
 * them: the resumable store of the jobs that need every sample (network simulations, localization)
 * beside the chunk-statistics store of the sweep. Domain-free: it knows only `MonteCarloJob`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobRunner, MonteCarloJob } from './jobTypes.ts';
import { canonicalJson } from './json.ts';
import { DEFAULT_CHUNK_SIZE } from './job.ts';

/** Version of the stored layout (raw little-endian float64 samples, one file per job). */
export const JOB_CACHE_FORMAT = 1;

/**
 * The key of a job: SHA-256 of the canonical JSON (RFC 8785 key order) of the layout version, the
 * kernel, its arguments, trials, seed and chunk size (the chunk size is part of a result's identity).
 *
 * Formula: not in the paper (infrastructure).
 * Method: `canonicalJson` (sorted keys), then node:crypto SHA-256, hex.
 * Accuracy: exact; equal jobs give equal keys whatever their key order (test/parallel/jobCache.test.ts).
 * References: RFC 8785 (JSON canonicalization); docs/sweep.md (result store).
 *
 * @example
 * import { jobCacheKey } from 'isacnet/node';
 * jobCacheKey({ kernel: 'k', args: { b: 1, a: 2 }, trials: 10, seed: 1 }) === jobCacheKey({ kernel: 'k', args: { a: 2, b: 1 }, trials: 10, seed: 1, chunkSize: 4096 }); // => true
 */
export function jobCacheKey(job: MonteCarloJob): string {
  const id = { v: JOB_CACHE_FORMAT, kernel: job.kernel, args: job.args, trials: job.trials, seed: job.seed, chunkSize: job.chunkSize ?? DEFAULT_CHUNK_SIZE };
  return createHash('sha256').update(canonicalJson(id)).digest('hex');
}

/** Counts of a cached runner: jobs read from disk and jobs computed (and then stored). */
export interface JobCacheCounts {
  fromStore: number;
  computed: number;
}

/**
 * Wrap `inner` so that each job's samples are read from `dir/<key>.f64` when present and otherwise
 * computed by `inner` and written there atomically (a temporary file renamed into place, so an
 * interrupted run never leaves a partial entry). The samples returned are the same either way
 * (float64 stored bit for bit, in the platform's byte order: little-endian on x86 and ARM), so a resumed run's results equal an uninterrupted run's.
 *
 * Formula: not in the paper (infrastructure).
 * Method: one raw float64 file per job key (`jobCacheKey`), temporary file + rename.
 * Accuracy: exact (bit-identical samples, NaN and −0 included; test/parallel/jobCache.test.ts).
 * References: docs/sweep.md (result store).
 *
 * @example
 * import { cachedJobRunner } from 'isacnet/node';
 * let calls = 0;
 * const inner = async () => { calls++; return Float64Array.of(1.5, 2); };
 * const { run } = cachedJobRunner(inner, `/tmp/isacnet-jobcache-example-${process.pid}-${Date.now()}`);
 * const job = { kernel: 'k', args: {}, trials: 2, seed: 3 };
 * await run(job); const again = await run(job);
 * [calls, Array.from(again)]; // => [1, [1.5, 2]]
 */
export function cachedJobRunner(inner: JobRunner, dir: string): { run: JobRunner; counts: JobCacheCounts } {
  const counts: JobCacheCounts = { fromStore: 0, computed: 0 };
  const run: JobRunner = async (job, onProgress) => {
    const file = path.join(dir, `${jobCacheKey(job)}.f64`);
    if (existsSync(file)) {
      const buf = readFileSync(file);
      if (buf.byteLength % 8 === 0) {
        const out = new Float64Array(buf.byteLength / 8);
        new Uint8Array(out.buffer).set(buf);
        counts.fromStore++;
        onProgress?.(job.trials, job.trials);
        return out;
      }
    }
    const out = await inner(job, onProgress);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    renameSync(tmp, file);
    counts.computed++;
    return out;
  };
  return { run, counts };
}
