/**
 * Queue throughput (`npm run bench -- queue`): Monte Carlo chunks through the BullMQ queue on a
 * redis-server started here on loopback (and stopped at the end), against the local worker pool.
 *  - chunk throughput: one job of 64 chunks of the CRLB kernel (4096 geometries of N = 10 each) with
 *    the local pool (1 and 2 threads) and through the queue with 1 and 2 workers (each computing in
 *    its own thread: `isacnet worker --threads 1` processes; Redis round trips over loopback, no network);
 *  - the queue's overhead per chunk: a job of 400 one-trial chunks (computing is negligible), wall
 *    time per chunk with 1 worker, and the same job resubmitted (every result already stored).
 * The output is checked bit-identical to the local run each time.
 */
import { createWorkerPool } from '../src/registry/nodePool.ts';
import { runJobSync } from '../src/registry/inline.ts';
import { openTaskQueue } from '../src/parallel/taskQueue.ts';
import { chunkQueueName, createQueueJobRunner } from '../src/registry/queueTasks.ts';
import { packageInfo } from '../src/params/packageInfo.ts';
import { crlbNestedJob } from '../src/sensing/crlbMonteCarlo.ts';
import type { JobRunner, MonteCarloJob } from '../src/parallel/job.ts';
import { collect, exited, redisServerPath, spawnTracked, startRedis, stopAll, waitFor } from '../test/helpers/redisServer.ts';

/** An `isacnet worker --threads 1` process (as on another machine), stopped by SIGTERM. */
function startWorkerProcess(url: string): { ready: Promise<void>; stop: () => Promise<void> } {
  const child = spawnTracked(process.execPath, [new URL('../bin/isacnet.js', import.meta.url).pathname, 'worker', '--queue', url, '--threads', '1', '--quiet']);
  const text = collect(child);
  return {
    ready: waitFor('a worker process to start', () => text.err().includes('serving queue'), 60_000),
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child, 20_000);
    },
  };
}

async function time(run: JobRunner, job: MonteCarloJob): Promise<{ s: number; out: Float64Array }> {
  const t0 = performance.now();
  const out = await run(job);
  return { s: (performance.now() - t0) / 1000, out };
}

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export async function run(): Promise<void> {
  if (!redisServerPath()) {
    console.log('redis-server is not installed: skipped (Debian: apt-get install redis-server)');
    return;
  }
  const chunks = 64;
  const job = (seed: number): MonteCarloJob => crlbNestedJob([10], 2, 4096 * chunks, seed);
  for (const threads of [1, 2]) {
    const pool = createWorkerPool(threads, true);
    try {
      await pool.run(job(100)); // warm-up (threads, JIT)
      const r = await time((j, p) => pool.run(j, p), job(1));
      if (!same(r.out, runJobSync(job(1)))) throw new Error('the pool disagrees with runJobSync');
      console.log(`local pool, ${threads} thread(s): ${(chunks / r.s).toFixed(1)} chunks/s (${chunks} chunks of 4096 geometries, N = 10, in ${r.s.toFixed(2)} s)`);
    } finally {
      await pool.close();
    }
  }
  const redis = await startRedis();
  const workers: Array<() => Promise<void>> = [];
  try {
    for (const n of [1, 2]) {
      while (workers.length > 0) await workers.pop()?.();
      const procs = Array.from({ length: n }, () => startWorkerProcess(redis.url));
      await Promise.all(procs.map((p) => p.ready));
      workers.push(...procs.map((p) => p.stop));
      const queue = await openTaskQueue(redis.url, { name: chunkQueueName(packageInfo().version) });
      try {
        const runner = createQueueJobRunner(queue);
        await runner(job(100 + n)); // warm-up (threads, JIT, connections)
        // A seed of its own per run: the queue keeps results, so the same job again would be a resubmission.
        const r = await time(runner, job(10 + n));
        const ok = same(r.out, runJobSync(job(10 + n)));
        console.log(`queue, ${n} worker process(es) × 1 thread: ${(chunks / r.s).toFixed(1)} chunks/s (in ${r.s.toFixed(2)} s; bit-identical to the local pool: ${ok})`);
        if (n === 1) {
          const tiny = { ...crlbNestedJob([10], 2, 400, 7), chunkSize: 1 };
          const local = await time(async (j) => createWorkerPool(1).run(j), tiny);
          const q = await time(runner, tiny);
          const again = await time(runner, tiny);
          console.log(
            `queue overhead per chunk (400 one-trial chunks, 1 worker): ${((1000 * q.s) / 400).toFixed(2)} ms submitted and computed, ` +
              `${((1000 * again.s) / 400).toFixed(2)} ms resubmitted (results stored, nothing enqueued), vs ${((1000 * local.s) / 400).toFixed(3)} ms inline; ` +
              `bit-identical: ${same(q.out, local.out) && same(again.out, local.out)}`,
          );
        }
      } finally {
        await queue.close();
      }
    }
  } finally {
    while (workers.length > 0) await workers.pop()?.();
    await redis.stop();
    await stopAll();
  }
}
