import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool } from '../../src/parallel/nodePool.ts';
import { composeRegistry } from '../../src/parallel/kernel.ts';

const worker = new URL('./fixtures/dyingWorker.mjs', import.meta.url);
const job = { kernel: 'test.zeros', args: {}, trials: 40, seed: 1, chunkSize: 4 };
const registry = composeRegistry([]);

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
