/**
 * Up-front memory estimates of the reports' Monte Carlo, so that work that cannot fit is refused
 * before it starts (naming the argument, the estimate and the limit) instead of failing deep inside
 * with "Invalid typed array length" or running out of memory.
 *
 * The limit is `MAX_JOB_BYTES` = 2 GiB for the samples a job returns and for one simulation
 * window's tables (a worker holds one window at a time). The estimates count the typed arrays the
 * kernels allocate (src/sensing/crlbMonteCarlo.ts, src/sensing/network.ts,
 * src/comm/typicalUser.ts); they are lower bounds of the real use (a few small arrays are left out).
 *
 * @example
 * checkMemory('trials', 1e6, 8e6, 'the samples'); // => undefined
 */
import { ArgumentError } from '../math/argumentError.ts';

/** The largest estimated allocation a report starts (bytes). */
export const MAX_JOB_BYTES = 2 ** 31;

function gb(bytes: number): string {
  return `${(bytes / 1e9).toPrecision(3)} GB`;
}

/**
 * Throws an ArgumentError on `argument` when `bytes` exceeds MAX_JOB_BYTES.
 *
 * Formula: not in the paper (estimate ≤ 2 GiB).
 * Method: comparison; the message states the estimate, the limit and what it is for.
 * Accuracy: the estimates are lower bounds of the kernels' typed arrays.
 * References: src/reports/memoryBudget.ts (module comment).
 *
 * @example
 * let name = '';
 * try { checkMemory('trials', 1e10, 1.6e11, 'the rate samples'); } catch (err) { name = (err as Error).name; }
 * name; // => "ArgumentError"
 */
export function checkMemory(argument: string, value: unknown, bytes: number, what: string): void {
  if (!(bytes <= MAX_JOB_BYTES)) {
    throw new ArgumentError(argument, value, `small enough for ${what} to fit in ${gb(MAX_JOB_BYTES)}`, `the estimate is ${gb(bytes)}; lower it`);
  }
}
