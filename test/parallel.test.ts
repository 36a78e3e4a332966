import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../src/parallel/nodePool.ts';
import { runJobSync } from '../src/parallel/job.ts';

test('runJobSync rejects an unknown kernel with a clear message', () => {
  assert.throws(() => runJobSync({ kernel: 'nope', args: {}, trials: 10, seed: 1 }), /unknown Monte Carlo kernel "nope"/);
});

test('thread pool with an unknown kernel rejects', async () => {
  await assert.rejects(runJob({ kernel: 'nope', args: {}, trials: 10, seed: 1 }, 2), /unknown Monte Carlo kernel/);
});
