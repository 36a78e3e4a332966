/**
 * cachedJobRunner: a whole job's samples stored once and read back bit for bit (NaN, −0, ±∞
 * included), keyed by everything that defines the job, written atomically (no temporary left).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedJobRunner, jobCacheKey } from '../../src/parallel/jobCache.ts';
import type { MonteCarloJob } from '../../src/parallel/jobTypes.ts';

const job: MonteCarloJob = { kernel: 'k', args: { N: [2, 3], beta: 2 }, trials: 5, seed: 9 };

test('a second run of the same job reads the stored samples, bit for bit; the inner runner runs once', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-jobcache-'));
  let calls = 0;
  const samples = Float64Array.of(1.25, NaN, -0, Infinity, -Infinity, 5e-324, 1 / 3);
  const { run, counts } = cachedJobRunner(async () => {
    calls++;
    return samples;
  }, dir);
  const a = await run(job);
  let progress: [number, number] | null = null;
  const b = await run(job, (d, t) => (progress = [d, t]));
  assert.equal(calls, 1);
  assert.deepEqual(counts, { fromStore: 1, computed: 1 });
  assert.deepEqual(progress, [5, 5]);
  assert.deepEqual(new Uint8Array(b.buffer), new Uint8Array(samples.buffer));
  assert.equal(a, samples);
  assert.deepEqual(readdirSync(dir), [`${jobCacheKey(job)}.f64`], 'one file, no temporary left');
});

test('the key changes with the kernel, any argument, trials, seed and chunk size, not with key order', () => {
  const k = jobCacheKey(job);
  assert.equal(jobCacheKey({ ...job, args: { beta: 2, N: [2, 3] } }), k);
  assert.equal(jobCacheKey({ ...job, chunkSize: 4096 }), k, 'the default chunk size');
  for (const other of [{ ...job, kernel: 'k2' }, { ...job, args: { N: [2, 3], beta: 3 } }, { ...job, args: { N: [3, 2], beta: 2 } }, { ...job, trials: 6 }, { ...job, seed: 10 }, { ...job, chunkSize: 1024 }]) {
    assert.notEqual(jobCacheKey(other), k, JSON.stringify(other));
  }
});

test('a failing inner run stores nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-jobcache-'));
  const { run } = cachedJobRunner(async () => {
    throw new Error('boom');
  }, dir);
  await assert.rejects(run(job), /boom/);
  assert.deepEqual(readdirSync(dir), []);
});
