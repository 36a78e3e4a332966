/**
 * The run loop shared by the Monte Carlo commands (`sensing`, `comm`): a worker pool of `threads`
 * threads, a progress bar on a terminal, plain progress lines on stderr otherwise (CI logs, pipes:
 * one line per 10% once the run has lasted 2 s, so short runs stay quiet), and the wall time, kept
 * apart from the results so the same seed gives byte-identical points. With a queue URL (`--queue`)
 * the chunks go to the workers of that BullMQ queue instead (createQueueJobRunner of
 * src/registry/queueTasks.ts; the same numbers, docs/scale-out.md).
 */

/** Plain progress lines for a non-terminal stderr: `label: 30% (12 s)` per decile after `quietSeconds`. */
export function progressLines(label: string, write: (line: string) => void, quietSeconds = 2, now: () => number = Date.now): (fraction: number) => void {
  const t0 = now();
  let last = -1;
  return (f) => {
    const seconds = (now() - t0) / 1000;
    const decile = Math.floor(Math.min(1, Math.max(0, f)) * 10);
    if (seconds < quietSeconds || decile <= last) return;
    last = decile;
    write(`isacnet ${label}: ${decile * 10}% (${seconds.toFixed(0)} s)\n`);
  };
}
import type { JobRunner } from '../parallel/job.ts';


export async function runWithPool<T>(
  label: string,
  threads: number,
  work: (run: JobRunner, onProgress: (fraction: number) => void) => Promise<T>,
  queueUrl?: string,
): Promise<{ result: T; elapsedSeconds: number; queue?: string }> {
  if (queueUrl !== undefined) return runWithQueue(label, queueUrl, work);
  const showBar = Boolean(process.stderr.isTTY) && !process.env.CI;
  // Loaded on demand, so that a command starts fast (no progress bar off a terminal).
  const cliProgress = showBar ? (await import('cli-progress')).default : null;
  const { createWorkerPool } = await import('../registry/nodePool.ts');
  const bar = cliProgress
    ? new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(1000, 0);
  const lines = bar ? null : progressLines(label, (l) => process.stderr.write(l));
  const pool = createWorkerPool(threads);
  const t0 = Date.now();
  try {
    const result = await work(
      (job, onProgress) => pool.run(job, onProgress),
      (f) => (bar ? bar.update(Math.round(1000 * f)) : lines?.(f)),
    );
    return { result, elapsedSeconds: (Date.now() - t0) / 1000 };
  } finally {
    bar?.stop();
    await pool.close();
  }
}

/** The same loop with the chunks on a BullMQ queue (connection checked before any work starts). */
async function runWithQueue<T>(label: string, queueUrl: string, work: (run: JobRunner, onProgress: (fraction: number) => void) => Promise<T>): Promise<{ result: T; elapsedSeconds: number; queue: string }> {
  const { openTaskQueue, parseQueueUrl } = await import('../parallel/taskQueue.ts');
  const { chunkQueueName, createQueueJobRunner } = await import('../registry/queueTasks.ts');
  const { packageInfo } = await import('../params/packageInfo.ts');
  const queue = await openTaskQueue(queueUrl, { name: chunkQueueName(packageInfo().version) });
  const showBar = Boolean(process.stderr.isTTY) && !process.env.CI;
  const cliProgress = showBar ? (await import('cli-progress')).default : null;
  const bar = cliProgress
    ? new cliProgress.SingleBar({ format: `${label} (queue) [{bar}] {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(1000, 0);
  const t0 = Date.now();
  try {
    const result = await work(createQueueJobRunner(queue), (f) => bar?.update(Math.round(1000 * f)));
    return { result, elapsedSeconds: (Date.now() - t0) / 1000, queue: parseQueueUrl(queueUrl).display };
  } finally {
    bar?.stop();
    await queue.close();
  }
}
