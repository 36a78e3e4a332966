import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool } from '../../src/parallel/nodePool.ts';
import { composeRegistry, defineKernel } from '../../src/parallel/kernel.ts';

const worker = new URL('./fixtures/dyingWorker.mjs', import.meta.url);
const job = { kernel: 'test.zeros', args: {}, trials: 40, seed: 1, chunkSize: 4 };
// The pool runs a job's first chunk inline and starts threads only when the rest would outlast a
// thread's start-up: the inline kernel is slow on purpose (60 ms a chunk) so the workers start. It
// answers like the stand-in worker does for chunk 0 (zeros).
const slowZeros = defineKernel<Record<string, never>>({
  name: 'test.zeros',
  parseArgs: () => ({}),
  simulate: (_a, _rng, count) => {
    const t0 = Date.now();
    while (Date.now() - t0 < 60);
    return new Float64Array(count);
  },
});
const registry = composeRegistry([slowZeros]);

test('a worker that exits mid-job makes the job reject (with the exit code), not hang; the pool stays usable', { timeout: 20_000 }, async () => {
  const pool = new WorkerPool(2, registry, worker, { dieAt: 5 });
  try {
    await assert.rejects(pool.run(job), /worker thread exited with code 3 while running chunk 5 of kernel test\.zeros/);
    // The dead worker was replaced: a job without the fatal chunk completes, chunks in index order.
    const ok = await pool.run({ ...job, trials: 20 });
    assert.deepEqual(Array.from(ok), Array.from({ length: 20 }, (_, i) => Math.floor(i / 4)));
  } finally {
    await pool.close();
  }
});

test('an uncaught error in a worker rejects the job with that error', { timeout: 20_000 }, async () => {
  const pool = new WorkerPool(2, registry, worker, { throwAt: 2 });
  try {
    await assert.rejects(pool.run(job), /boom in the worker/);
  } finally {
    await pool.close();
  }
});

test('a closed pool refuses new work', async () => {
  const pool = new WorkerPool(2, registry, worker, {});
  await pool.close();
  await assert.rejects(pool.run(job), /the worker pool is closed/);
});

test('a job whose chunks are quick runs inline (no thread started) with the same samples', { timeout: 20_000 }, async () => {
  const quick = defineKernel<Record<string, never>>({ name: 'test.quick', parseArgs: () => ({}), simulate: (_a, rng, count) => Float64Array.from({ length: count }, () => rng.uniform()) });
  const reg = composeRegistry([quick]);
  // A worker URL that cannot load: if the pool started a thread, the job would fail.
  const pool = new WorkerPool(2, reg, new URL('./fixtures/missing-worker.mjs', import.meta.url));
  try {
    const out = await pool.run({ kernel: 'test.quick', args: {}, trials: 64, seed: 3, chunkSize: 8 });
    const { runJobSync } = await import('../../src/parallel/job.ts');
    assert.deepEqual(out, runJobSync({ kernel: 'test.quick', args: {}, trials: 64, seed: 3, chunkSize: 8 }, reg));
  } finally {
    await pool.close();
  }
});
