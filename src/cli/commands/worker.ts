/**
 * `isacnet worker --queue URL [--threads n]`: serve the Monte Carlo tasks of a BullMQ queue on Redis
 * (src/registry/queueWorker.ts) until SIGINT or SIGTERM, then finish the tasks in hand and close
 * (a second signal exits at once, status 130 after SIGINT, 143 after SIGTERM: the abandoned tasks go
 * to another worker once their lock expires).
 * `--threads n` computes n tasks at a time, each in its own worker thread. Without `--queue` the URL
 * is read from the environment variable ISACNET_QUEUE. See docs/scale-out.md.
 *
 * ISACNET_QUEUE_LOCK_MS (environment) sets the task lock duration in ms (default 30000): a killed
 * worker's task is retried after about this long. The tests use a short one.
 */
import { Command } from 'commander';
import { addRunOptions } from '../options.ts';
import { resolveRunOptions } from '../../params/runOptions.ts';
import { defaultThreads } from '../../parallel/nodePool.ts';
import { ArgumentError } from '../../math/argumentError.ts';

export function registerWorkerCommand(program: Command): void {
  const cmd = new Command('worker').description('take Monte Carlo chunk tasks from a Redis queue (BullMQ) and compute them until Ctrl-C; see docs/scale-out.md');
  addRunOptions(cmd, 'worker');
  cmd.option('--quiet', 'print nothing per task');
  cmd.action(async (opts: Record<string, unknown>) => {
    // The URL may also come from the environment (ISACNET_QUEUE), where other users cannot read it (ps shows arguments).
    const queueUrl = opts.queue ?? (process.env.ISACNET_QUEUE || undefined);
    const run = resolveRunOptions('worker', undefined, { queue: queueUrl, threads: opts.threads }, { cores: defaultThreads() });
    if (run.queue === undefined) throw new ArgumentError('queue', undefined, 'a queue URL redis://[[user]:password@]host[:port][/db] (or the environment variable ISACNET_QUEUE)');
    const lockEnv = process.env.ISACNET_QUEUE_LOCK_MS;
    const lockDurationMs = lockEnv === undefined ? undefined : Number(lockEnv);
    const [{ startQueueWorker }, { chunkQueueName }, { packageInfo }, { parseQueueUrl }] = await Promise.all([
      import('../../registry/queueWorker.ts'),
      import('../../registry/queueTasks.ts'),
      import('../../params/packageInfo.ts'),
      import('../../parallel/taskQueue.ts'),
    ]);
    const shown = parseQueueUrl(run.queue).display;
    const name = chunkQueueName(packageInfo().version);
    const quiet = opts.quiet === true;
    const worker = await startQueueWorker(run.queue, {
      name,
      threads: run.threads,
      ...(lockDurationMs !== undefined ? { lockDurationMs } : {}),
      onError: (e) => process.stderr.write(`isacnet worker: ${e.message}\n`),
      onTask: quiet ? undefined : (t) => process.stderr.write(`isacnet worker: ${t.type} ${t.ok ? 'done' : `failed: ${t.error}`} in ${t.ms.toFixed(0)} ms\n`),
    });
    process.stderr.write(`isacnet worker: serving queue ${name} at ${shown} with ${run.threads} thread${run.threads > 1 ? 's' : ''}; Ctrl-C stops\n`);
    await new Promise<void>((resolve) => {
      let signals = 0;
      const stop = (signal: NodeJS.Signals): void => {
        signals++;
        if (signals === 1) {
          process.stderr.write('isacnet worker: stopping after the tasks in hand (signal again to abandon them)\n');
          void worker.close().then(resolve);
          return;
        }
        // Abandoned tasks keep their lock until it expires; then another worker runs them.
        process.stderr.write('isacnet worker: abandoning the tasks in hand (other workers will run them)\n');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    process.stderr.write(`isacnet worker: stopped after ${worker.processed()} task${worker.processed() === 1 ? '' : 's'}\n`);
  });
  program.addCommand(cmd);
}
