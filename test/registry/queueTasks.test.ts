/**
 * The queue task table and the queue JobRunner (src/registry/queueTasks.ts), the queue worker with
 * threads (src/registry/queueWorker.ts): lossless sample encoding, payload checks, and reports run
 * through a queue bit-identical to the inline runner, in memory and on a real redis-server
 * (test/helpers/redisServer.ts; skipped without redis-server except under CI).
 */
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError } from '../../src/math/argumentError.ts';
import { Rng } from '../../src/math/rng.ts';
import { planChunks } from '../../src/parallel/job.ts';
import { memoryTaskQueue, openTaskQueue, type TaskWorker } from '../../src/parallel/taskQueue.ts';
import { inlineRunner, runJobSync } from '../../src/registry/inline.ts';
import { chunkQueueName, chunkTaskKey, createQueueJobRunner, decodeSamples, encodeSamples, parseChunkTask, runQueueTask } from '../../src/registry/queueTasks.ts';
import { startQueueWorker } from '../../src/registry/queueWorker.ts';
import { computeCommReport } from '../../src/reports/comm.ts';
import { computeSensingReport } from '../../src/reports/sensing.ts';
import { crlbNestedJob } from '../../src/sensing/crlbMonteCarlo.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { redisServerPath, startRedis, stopAll, type RedisHandle } from '../helpers/redisServer.ts';

const skip = redisServerPath() === undefined && !process.env.CI ? 'redis-server is not installed' : false;

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((v, i) => v === y[i]);
}

test('encodeSamples/decodeSamples keep every bit (NaN payloads, −0, subnormals, ±∞, random bit patterns)', () => {
  const bytes = new Uint8Array(8 * 1000);
  const rng = new Rng(11);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng.uniform() * 256);
  const random = new Float64Array(bytes.buffer);
  const special = new Float64Array([0, -0, Infinity, -Infinity, NaN, 5e-324, -Number.MAX_VALUE, 0.1]);
  const nanPayload = new Float64Array(1);
  new DataView(nanPayload.buffer).setBigUint64(0, 0x7ff8dead0000beefn, true);
  for (const a of [random, special, nanPayload, new Float64Array(0)]) {
    const json = JSON.parse(JSON.stringify(encodeSamples(a))) as unknown;
    assert.ok(sameBits(decodeSamples(json), a));
  }
  // A subarray encodes its own values only.
  assert.deepEqual(Array.from(decodeSamples(encodeSamples(special.subarray(6, 8)))), [-Number.MAX_VALUE, 0.1]);
});

test('decodeSamples and parseChunkTask refuse malformed input, naming the field', () => {
  const name = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return e instanceof ArgumentError ? e.argument : `not an ArgumentError: ${String(e)}`;
    }
    return 'no error';
  };
  assert.equal(name(() => decodeSamples({ samples: 'AAAA', length: 1 })), 'samples.samples');
  assert.equal(name(() => decodeSamples({ samples: '!!', length: 0 })), 'samples.samples');
  assert.equal(name(() => decodeSamples({ samples: '', length: -1 })), 'samples.length');
  assert.equal(name(() => decodeSamples(null)), 'samples');
  const good = { kernel: 'sensing.crlbNested', args: { Ns: [4], beta: 2 }, seed: 1, chunkIndex: 0, count: 10 };
  assert.equal(parseChunkTask(good).count, 10);
  assert.equal(name(() => parseChunkTask({ ...good, kernel: 'process.exit' })), 'process.exit');
  assert.equal(name(() => parseChunkTask({ ...good, kernel: 7 })), 'task.kernel');
  assert.equal(name(() => parseChunkTask({ ...good, args: [1] })), 'task.args');
  assert.equal(name(() => parseChunkTask({ ...good, seed: -1 })), 'task.seed');
  assert.equal(name(() => parseChunkTask({ ...good, chunkIndex: 1.5 })), 'task.chunkIndex');
  assert.equal(name(() => parseChunkTask({ ...good, count: 0 })), 'task.count');
  assert.equal(name(() => parseChunkTask({ ...good, count: 1e9 })), 'task.count');
  // The kernel checks its own arguments.
  assert.equal(name(() => runQueueTask({ type: 'chunk', payload: { ...good, args: { Ns: [0], beta: 2 } } })), 'Ns[0]');
  // Only the table's own types run (no prototype lookups).
  for (const type of ['toString', '__proto__', 'constructor', 'eval']) assert.equal(name(() => runQueueTask({ type, payload: null })), type);
});

test('a chunk task gives the same bits as the same chunk run locally; keys are canonical', () => {
  const job = crlbNestedJob([2, 5], 2, 9000, 4);
  const local = runJobSync(job);
  const chunks = planChunks(job);
  const parts = chunks.map((c) => decodeSamples(runQueueTask({ type: 'chunk', payload: JSON.parse(JSON.stringify(c)) as never })));
  const joined = new Float64Array(local.length);
  let o = 0;
  for (const p of parts) {
    joined.set(p, o);
    o += p.length;
  }
  assert.ok(sameBits(joined, local));
  assert.equal(chunkTaskKey({ ...chunks[0], args: { beta: 2, Ns: [2, 5] } }), chunkTaskKey(chunks[0]));
  assert.notEqual(chunkTaskKey(chunks[0]), chunkTaskKey(chunks[1]));
  assert.equal(chunkQueueName('1.2.3-rc:1'), 'isacnet-1.2.3-rc_1');
});

test('computeSensingReport through an in-memory queue equals the inline run', async () => {
  const p = defaultParams();
  const o = { Ns: [3, 6], trials: 5000, seed: 9, windows: 3, samplesPerWindow: 16 };
  const a = await computeSensingReport(p, o, inlineRunner);
  const b = await computeSensingReport(p, o, createQueueJobRunner(memoryTaskQueue((t) => runQueueTask(t))));
  assert.equal(JSON.stringify(b), JSON.stringify(a));
});

test('through a real redis-server and a worker with 2 threads', { skip }, async (t) => {
  let redis: RedisHandle;
  let worker: TaskWorker | undefined;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await worker?.close(true);
    await redis?.stop();
    await stopAll();
  });
  await t.test('computeCommReport is bit-identical to the inline run; a rerun enqueues nothing', async () => {
    const name = 'isacnet-test-registry';
    worker = await startQueueWorker(redis.url, { name, threads: 2 });
    const queue = await openTaskQueue(redis.url, { name, pollMs: 200 });
    try {
      const p = defaultParams();
      // The network acceptance model: one chunk per torus window (many small chunks).
      const o = { Ls: [1, 3], pcs: [0.5], trials: 1500, seed: 5, acceptance: 'network' as const, gains: 'gamma' as const };
      const local = await computeCommReport(p, o, inlineRunner);
      const progress: number[] = [];
      const viaQueue = await computeCommReport(p, o, createQueueJobRunner(queue), (f) => progress.push(f));
      assert.equal(JSON.stringify(viaQueue), JSON.stringify(local));
      assert.ok(progress.length > 0 && Math.abs(progress[progress.length - 1] - 1) < 1e-12, `progress ends at 1: ${progress.slice(-3).join(', ')}`);
      const first = queue.stats();
      assert.ok(first.enqueued > 4 && first.reused === 0, JSON.stringify(first));
      const processed = worker.processed();
      assert.equal(JSON.stringify(await computeCommReport(p, o, createQueueJobRunner(queue))), JSON.stringify(local));
      const second = queue.stats();
      assert.equal(second.enqueued, first.enqueued, 'a resubmitted run enqueues nothing');
      assert.equal(second.reused, first.enqueued);
      assert.equal(worker.processed(), processed, 'and the worker runs nothing');
    } finally {
      await queue.close();
    }
  });
});
