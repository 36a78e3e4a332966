import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../../src/registry/nodePool.ts';
import { runJobSync } from '../../src/registry/inline.ts';

test('runJobSync rejects an unknown kernel with a clear message', () => {
  assert.throws(() => runJobSync({ kernel: 'nope', args: {}, trials: 10, seed: 1 }), /unknown Monte Carlo kernel "nope"/);
});

test('thread pool with an unknown kernel rejects', async () => {
  await assert.rejects(runJob({ kernel: 'nope', args: {}, trials: 10, seed: 1 }, 2), /unknown Monte Carlo kernel/);
});

test('a real kernel gives bit-identical samples in-process, on 1 thread and on 2 threads (uneven last chunk)', async () => {
  const { crlbNestedJob } = await import('../../src/sensing/crlbMonteCarlo.ts');
  // 3 chunks of 1000 and one of 500, so the dynamic hand-out order differs between runs.
  const job = { ...crlbNestedJob([4, 10], 2, 3500, 11), chunkSize: 1000 };
  const inline = runJobSync(job);
  const one = await runJob(job, 1);
  const two = await runJob(job, 2, undefined, true);
  assert.equal(inline.length, two.length);
  assert.ok(inline.length >= 3500);
  assert.deepEqual(Array.from(one), Array.from(inline));
  assert.deepEqual(Array.from(two), Array.from(inline));
  // A different seed changes the samples (the seed really reaches the streams).
  const other = runJobSync({ ...job, seed: 12 });
  assert.notDeepEqual(Array.from(other.slice(0, 10)), Array.from(inline.slice(0, 10)));
});
