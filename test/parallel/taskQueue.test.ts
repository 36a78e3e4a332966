/**
 * The domain-free task queue (src/parallel/taskQueue.ts): URL checks, JSON checks, and, against a real
 * redis-server on loopback (test/helpers/redisServer.ts), submission by key, results in order,
 * resubmission that enqueues nothing already done, failures, and connection errors.
 * Without redis-server the Redis cases are skipped, except under CI (CI=true), where they fail.
 */
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError } from '../../src/math/argumentError.ts';
import { TaskThreads, canonicalJson, memoryTaskQueue, openTaskQueue, parseQueueUrl, startTaskWorker, taskJobId, toJsonValue, type JsonValue, type KeyedTask, type TaskWorker } from '../../src/parallel/taskQueue.ts';
import { freePort, redisServerPath, startRedis, stopAll, type RedisHandle } from '../helpers/redisServer.ts';

const HAVE_REDIS = redisServerPath() !== undefined;
const skip = !HAVE_REDIS && !process.env.CI ? 'redis-server is not installed' : false;

function argumentOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ArgumentError ? e.argument : `not an ArgumentError: ${String(e)}`;
  }
  return undefined;
}

test('parseQueueUrl reads redis:// and rediss:// URLs, with user, password and database', () => {
  assert.deepEqual(parseQueueUrl('redis://localhost'), { host: 'localhost', port: 6379, db: 0, tls: false, display: 'redis://localhost' });
  const a = parseQueueUrl('rediss://alice:p%40ss@10.0.0.5:6380/3');
  assert.deepEqual([a.host, a.port, a.db, a.tls, a.username, a.password], ['10.0.0.5', 6380, 3, true, 'alice', 'p@ss']);
  assert.equal(a.display, 'rediss://alice:***@10.0.0.5:6380/3');
  assert.equal(parseQueueUrl('redis://:secret@h:1/0').password, 'secret');
  assert.equal(parseQueueUrl('redis://[::1]:7000').host, '::1');
});

test('parseQueueUrl refuses bad URLs with an ArgumentError naming queue, the password hidden', () => {
  for (const bad of ['', 'localhost:6379', 'http://h:6379', 'redis://', 'redis://h:0', 'redis://h:65536', 'redis://h:6379/x', 'redis://h/1/2', 'redis://h:6379/0?tls=1', 42, undefined]) {
    assert.equal(argumentOf(() => parseQueueUrl(bad)), 'queue', String(bad));
  }
  try {
    parseQueueUrl('redis://:hunter2@h:6379/zz');
    assert.fail('no error');
  } catch (e) {
    assert.ok(!(e as Error).message.includes('hunter2'), (e as Error).message);
    assert.match((e as Error).message, /database number/);
  }
});

test('toJsonValue refuses what JSON would change; canonicalJson sorts keys; job ids are SHA-256 hex', () => {
  for (const bad of [NaN, Infinity, () => 1, new Float64Array(1), new Date(0), [1, undefined]]) assert.ok(argumentOf(() => toJsonValue(bad)), String(bad));
  assert.deepEqual(toJsonValue({ a: 1, b: undefined }), { a: 1 });
  assert.equal(canonicalJson({ z: [{ b: 2, a: 1 }], a: 'x' }), '{"a":"x","z":[{"a":1,"b":2}]}');
  // FIPS 180-2 test vector (SHA-256 of "abc").
  assert.equal(taskJobId('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.ok(!taskJobId('a:b').includes(':'));
});

test('memoryTaskQueue runs each key once', async () => {
  let calls = 0;
  const q = memoryTaskQueue((t) => {
    calls++;
    return (t.payload as number) + 1;
  });
  const tasks: KeyedTask[] = [1, 2, 3].map((x) => ({ key: `k${x}`, type: 'inc', payload: x }));
  assert.deepEqual(await q.run(tasks), [2, 3, 4]);
  assert.deepEqual(await q.run(tasks), [2, 3, 4]);
  assert.equal(calls, 3);
  assert.deepEqual(q.stats(), { submitted: 6, enqueued: 3, reused: 3, joined: 0, retried: 0 });
});

test('an unreachable server is an ArgumentError naming queue, within the connection timeout', async () => {
  const port = await freePort(); // nothing listens there
  const t0 = Date.now();
  const err = await openTaskQueue(`redis://127.0.0.1:${port}/0`, { name: 'x', connectTimeoutMs: 1000 }).catch((e: unknown) => e);
  assert.ok(err instanceof ArgumentError, String(err));
  assert.equal(err.argument, 'queue');
  assert.match(err.message, /ECONNREFUSED/);
  assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
  const err2 = await startTaskWorker(`redis://127.0.0.1:${port}/0`, () => null, { name: 'x', connectTimeoutMs: 1000 }).catch((e: unknown) => e);
  assert.ok(err2 instanceof ArgumentError && err2.argument === 'queue', String(err2));
});

test('with a real redis-server', { skip }, async (t) => {
  let redis: RedisHandle;
  let worker: TaskWorker | undefined;
  const seen: string[] = [];
  before(async () => {
    redis = await startRedis({ password: 'pw:with@odd/chars' });
  });
  after(async () => {
    await worker?.close(true);
    await redis?.stop();
    await stopAll();
  });
  const handler = (task: { type: string; payload: JsonValue }): JsonValue => {
    const p = task.payload as { x: number };
    seen.push(`${task.type}:${p.x}`);
    if (task.type === 'square') return { y: p.x * p.x };
    if (task.type === 'boom') throw new RangeError(`x must be small, got ${p.x}`);
    throw new Error(`unknown type ${task.type}`);
  };

  await t.test('a wrong password is an ArgumentError naming queue', async () => {
    const url = redis.url.replace(/\/\/:[^@]*@/, '//:wrong@');
    const err = await openTaskQueue(url, { name: 'q1', connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    assert.ok(err instanceof ArgumentError && err.argument === 'queue', String(err));
    assert.match(err.message, /WRONGPASS|NOAUTH|invalid/i);
    assert.ok(!err.message.includes('wrong@'), err.message);
  });

  await t.test('results in task order; a resubmission enqueues nothing already done', async () => {
    worker = await startTaskWorker(redis.url, handler, { name: 'q1', concurrency: 3 });
    const q = await openTaskQueue(redis.url, { name: 'q1', pollMs: 200 });
    try {
      const tasks: KeyedTask[] = Array.from({ length: 20 }, (_, i) => ({ key: `square ${i}`, type: 'square', payload: { x: i } }));
      const order: number[] = [];
      const r1 = await q.run(tasks, (i) => order.push(i));
      assert.deepEqual(r1, tasks.map((_, i) => ({ y: i * i })));
      assert.deepEqual([...order].sort((a, b) => a - b), tasks.map((_, i) => i));
      assert.equal(seen.length, 20);
      assert.deepEqual(q.stats(), { submitted: 20, enqueued: 20, reused: 0, joined: 0, retried: 0 });
      // The same keys again (and from a second client, as a resubmitted run would be): nothing runs.
      const q2 = await openTaskQueue(redis.url, { name: 'q1' });
      try {
        assert.deepEqual(await q2.run(tasks), r1);
        assert.deepEqual(q2.stats(), { submitted: 20, enqueued: 0, reused: 20, joined: 0, retried: 0 });
      } finally {
        await q2.close();
      }
      assert.equal(seen.length, 20, 'no task ran twice');
      // Half old, half new: only the new ones run.
      const more: KeyedTask[] = Array.from({ length: 20 }, (_, i) => ({ key: `square ${i + 10}`, type: 'square', payload: { x: i + 10 } }));
      assert.deepEqual(await q.run(more), more.map((_, i) => ({ y: (i + 10) ** 2 })));
      assert.equal(seen.length, 30);
      assert.equal(q.stats().enqueued, 30);
    } finally {
      await q.close();
    }
  });

  await t.test('a task that throws on the worker rejects the run with its message; resubmitting retries it', async () => {
    const q = await openTaskQueue(redis.url, { name: 'q1', pollMs: 200 });
    try {
      const tasks: KeyedTask[] = [
        { key: 'ok 3', type: 'square', payload: { x: 3 } },
        { key: 'boom 99', type: 'boom', payload: { x: 99 } },
      ];
      await assert.rejects(q.run(tasks), /queue task boom .*failed on a worker: x must be small, got 99/);
      const before = seen.filter((s) => s === 'boom:99').length;
      await assert.rejects(q.run(tasks), /x must be small/);
      assert.equal(seen.filter((s) => s === 'boom:99').length, before + 1, 'the failed task ran again');
      assert.equal(q.stats().retried, 1);
    } finally {
      await q.close();
    }
  });

  await t.test('a worker refuses job data that is not { type, payload }', async () => {
    const { Redis } = await import('ioredis');
    const { Queue } = await import('bullmq');
    const a = parseQueueUrl(redis.url);
    const client = new Redis({ host: a.host, port: a.port, password: a.password, maxRetriesPerRequest: null });
    const raw = new Queue('q1', { connection: client });
    try {
      const job = await raw.add('x', { payload: 'no type' }, { jobId: 'rawjob' });
      const { waitFor } = await import('../helpers/redisServer.ts');
      await waitFor('the raw job to fail', async () => (await job.getState()) === 'failed', 10_000);
      const failed = await raw.getJob('rawjob');
      assert.match(failed?.failedReason ?? '', /task\.type must be a non-empty string/);
    } finally {
      await raw.close();
      await client.quit();
    }
  });
});

test('TaskThreads: results by task, a thread that dies fails its task only and is replaced', async () => {
  // A thread entry as a data: URL: doubles payload.x, exits on payload.die, throws on payload.bad.
  const entry = `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  if (task.payload.die) process.exit(3);
  if (task.payload.bad) { parentPort.postMessage({ id, ok: false, error: 'bad payload' }); return; }
  parentPort.postMessage({ id, ok: true, result: { y: 2 * task.payload.x } });
});`;
  const threads = new TaskThreads(2, new URL(`data:text/javascript,${encodeURIComponent(entry)}`));
  try {
    const many = await Promise.all(Array.from({ length: 9 }, (_, x) => threads.run({ type: 't', payload: { x } })));
    assert.deepEqual(many, Array.from({ length: 9 }, (_, x) => ({ y: 2 * x })));
    await assert.rejects(threads.run({ type: 't', payload: { die: true } }), /worker thread exited with code 3 while it ran a task/);
    await assert.rejects(threads.run({ type: 't', payload: { bad: true } }), /bad payload/);
    assert.deepEqual(await threads.run({ type: 't', payload: { x: 21 } }), { y: 42 }, 'the pool still works');
  } finally {
    await threads.close();
  }
  await assert.rejects(threads.run({ type: 't', payload: { x: 1 } }), /closed/);
});
