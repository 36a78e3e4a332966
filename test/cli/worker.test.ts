/**
 * `isacnet worker` and `--queue` as separate processes against a real redis-server on loopback
 * (test/helpers/redisServer.ts; skipped without redis-server except under CI):
 * - bad and unreachable queue URLs exit 2 with a clear message, before any work;
 * - two worker processes serve `isacnet sensing --queue`: the points and provenance are identical to
 *   the local run with the same seed;
 * - SIGTERM stops a worker cleanly (exit 0);
 * - a worker killed with SIGKILL mid-task: the task is retried by another worker (BullMQ stalled-job
 *   handling, short locks here: ISACNET_QUEUE_LOCK_MS) and the result is bit-identical.
 */
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openTaskQueue, parseQueueUrl, taskJobId } from '../../src/parallel/taskQueue.ts';
import { planChunks } from '../../src/parallel/job.ts';
import { chunkQueueName, chunkTaskKey, createQueueJobRunner } from '../../src/registry/queueTasks.ts';
import { runJobSync } from '../../src/registry/inline.ts';
import { crlbNestedJob } from '../../src/sensing/crlbMonteCarlo.ts';
import { packageInfo } from '../../src/params/packageInfo.ts';
import { collect, exited, freePort, redisServerPath, spawnTracked, startRedis, stopAll, waitFor, type RedisHandle } from '../helpers/redisServer.ts';

const bin = path.resolve('bin/isacnet.js');
const skip = redisServerPath() === undefined && !process.env.CI ? 'redis-server is not installed' : false;
/** Short task locks, so that a killed worker's task is retried within seconds. */
const LOCK_MS = '1500';
const env = { ...process.env, CI: '1', ISACNET_QUEUE_LOCK_MS: LOCK_MS };

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const text = collect(child);
  return exited(child, 60_000).then(({ code }) => ({ code, out: text.out(), err: text.err(), ms: Date.now() - t0 }));
}

function startWorker(url: string, threads = 1): { child: ReturnType<typeof spawnTracked>; err: () => string; ready: Promise<void> } {
  const child = spawnTracked(process.execPath, [bin, 'worker', '--queue', url, '--threads', String(threads)], { env });
  const text = collect(child);
  const ready = waitFor('the worker to start', () => {
    if (text.err().includes('serving queue')) return true;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited (${child.exitCode ?? child.signalCode}): ${text.err()}`);
    return false;
  }, 30_000);
  ready.catch(() => undefined); // awaited by the tests that need it
  return { child, err: text.err, ready };
}

test('bad and unreachable queue URLs exit 2 with a clear message', async () => {
  const port = await freePort();
  const [bad, unreachable, missing, sensing] = await Promise.all([
    cli(['worker', '--queue', 'http://127.0.0.1:6379']),
    cli(['worker', '--queue', `redis://:secret@127.0.0.1:${port}/0`]),
    cli(['worker']),
    cli(['sensing', '--N', '4', '--trials', '1000', '--json', '--queue', `redis://127.0.0.1:${port}/0`]),
  ]);
  assert.equal(bad.code, 2, bad.err);
  assert.match(bad.err, /^isacnet: --queue: invalid value "http:\/\/127\.0\.0\.1:6379"; must be a URL redis:\/\/.*the scheme must be redis: or rediss:/m);
  assert.equal(unreachable.code, 2, unreachable.err);
  assert.match(unreachable.err, new RegExp(`--queue: invalid value "redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0"; must be a reachable Redis server; cannot connect to 127\\.0\\.0\\.1:${port} within 3000 ms: connect ECONNREFUSED`));
  assert.ok(!unreachable.err.includes('secret'), 'the password is never printed');
  assert.equal(missing.code, 2, missing.err);
  assert.match(missing.err, /--queue: invalid value nothing/);
  assert.equal(sensing.code, 2, sensing.err);
  assert.equal(sensing.out, '', 'nothing computed or printed');
  for (const r of [bad, unreachable, missing, sensing]) assert.ok(!/\n\s+at /.test(r.err), `no stack trace: ${r.err}`);
});

test('workers as separate processes', { skip }, async (t) => {
  let redis: RedisHandle;
  before(async () => {
    redis = await startRedis({ password: 'isacnet-test' });
  });
  after(async () => {
    await stopAll();
    await redis?.stop();
  });

  await t.test('two workers: `sensing --queue` gives the points of the local run; SIGTERM stops them cleanly', async () => {
    const w1 = startWorker(redis.url);
    const w2 = startWorker(redis.url);
    const args = ['sensing', '--N', '10,50', '--trials', '40000', '--windows', '4', '--samples-per-window', '32', '--seed', '3', '--json'];
    const [local] = await Promise.all([cli([...args, '--threads', '1']), w1.ready, w2.ready]);
    const queued = await cli([...args, '--threads', '1', '--queue', redis.url]);
    assert.equal(local.code, 0, local.err);
    assert.equal(queued.code, 0, queued.err);
    const a = JSON.parse(local.out) as { points: unknown; provenance: unknown; run: Record<string, unknown> };
    const b = JSON.parse(queued.out) as { points: unknown; provenance: unknown; run: Record<string, unknown> };
    assert.equal(JSON.stringify(b.points), JSON.stringify(a.points));
    assert.equal(JSON.stringify(b.provenance), JSON.stringify(a.provenance));
    assert.equal(b.run.queue, redis.url.replace('isacnet-test', '***'));
    // 10 CRLB chunks of 4096 geometries and 2 network chunks, shared by the two workers.
    const done = [w1, w2].map((w) => (w.err().match(/chunk done/g) ?? []).length);
    assert.equal(done[0] + done[1], 12, `tasks per worker: ${done.join(', ')}`);
    for (const w of [w1, w2]) w.child.kill('SIGTERM');
    const codes = await Promise.all([w1, w2].map((w) => exited(w.child, 20_000)));
    assert.deepEqual(codes, [{ code: 0, signal: null }, { code: 0, signal: null }], `${w1.err()}\n${w2.err()}`);
    for (const w of [w1, w2]) assert.match(w.err(), /stopped after \d+ tasks?\n$/);
  });

  await t.test('`sweep --queue`: two workers compute the chunk statistics; the sweep files are byte-identical to the local run', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sweep-queue-'));
    const w1 = startWorker(redis.url);
    const w2 = startWorker(redis.url);
    try {
      const args = ['sweep', '--grid', 'psi=5,15', '--measure', 'comm', '--L', '1,2', '--trials', '20000', '--seed', '4', '--progress', 'none', '--threads', '1'];
      const [local] = await Promise.all([cli([...args, '--out', path.join(dir, 'local')]), w1.ready, w2.ready]);
      const queued = await cli([...args, '--out', path.join(dir, 'queued'), '--queue', redis.url]);
      assert.equal(local.code, 0, local.err);
      assert.equal(queued.code, 0, queued.err);
      for (const f of ['sweep.csv', 'sweep.json']) {
        assert.equal(readFileSync(path.join(dir, 'queued', f), 'utf8'), readFileSync(path.join(dir, 'local', f), 'utf8'), f);
      }
      // 2 points × one whole-curve job (L = 1, 2 on the same trials) × 5 chunks of 4096 trials (20 000
      // trials), all computed by the workers.
      const done = [w1, w2].map((w) => (w.err().match(/chunkStats done/g) ?? []).length);
      assert.equal(done[0] + done[1], 10, `tasks per worker: ${done.join(', ')}\n${w1.err()}`);
    } finally {
      for (const w of [w1, w2]) w.child.kill('SIGTERM');
      await Promise.all([w1, w2].map((w) => exited(w.child, 20_000)));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await t.test('`sweep --measure localize --queue`: the localize chunks go to the workers; the sweep files are byte-identical to the local run', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sweep-queue-loc-'));
    const w1 = startWorker(redis.url);
    const w2 = startWorker(redis.url);
    try {
      const args = ['sweep', '--grid', 'psi=5,15', '--measure', 'localize', '--N', '4', '--snr-db', '0,20', '--geometries', '24', '--noise-draws', '3', '--seed', '4', '--progress', 'none', '--threads', '2'];
      const [local] = await Promise.all([cli([...args, '--out', path.join(dir, 'local')]), w1.ready, w2.ready]);
      const queued = await cli([...args, '--out', path.join(dir, 'queued'), '--queue', redis.url]);
      assert.equal(local.code, 0, local.err);
      assert.equal(queued.code, 0, queued.err);
      for (const f of ['sweep.csv', 'sweep.json']) {
        assert.equal(readFileSync(path.join(dir, 'queued', f), 'utf8'), readFileSync(path.join(dir, 'local', f), 'utf8'), f);
      }
      // 2 points × 3 raw-sample chunks of 8 geometries (LOCALIZE_CHUNK), all computed by the workers.
      const done = [w1, w2].map((w) => (w.err().match(/\bchunk done/g) ?? []).length);
      assert.equal(done[0] + done[1], 6, `tasks per worker: ${done.join(', ')}\n${w1.err()}`);
    } finally {
      for (const w of [w1, w2]) w.child.kill('SIGTERM');
      await Promise.all([w1, w2].map((w) => exited(w.child, 20_000)));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await t.test('a worker killed with SIGKILL mid-task: another worker retries the task, the result is unchanged', async () => {
    // One long chunk (60 000 geometries of 50 BSs).
    const job = { ...crlbNestedJob([50], 2, 60_000, 11), chunkSize: 60_000 };
    const [task] = planChunks(job);
    const id = taskJobId(chunkTaskKey(task));
    const name = chunkQueueName(packageInfo().version);
    // Two workers; the one that takes the task is killed, the other must recover it.
    const workers = [startWorker(redis.url), startWorker(redis.url)];
    await Promise.all(workers.map((w) => w.ready));
    const queue = await openTaskQueue(redis.url, { name, pollMs: 200 });
    const { Redis } = await import('ioredis');
    const { Queue } = await import('bullmq');
    const addr = parseQueueUrl(redis.url);
    const client = new Redis({ host: addr.host, port: addr.port, password: addr.password, maxRetriesPerRequest: null });
    const raw = new Queue(name, { connection: client });
    const jobKey = `bull:${name}:${id}`; // the job's hash; BullMQ's field `pb` names the worker (`<host> <pid>`)
    try {
      const result = createQueueJobRunner(queue)(job);
      let holder = '';
      await waitFor('a worker to take the task', async () => (await raw.getJobState(id)) === 'active' && (holder = (await client.hget(jobKey, 'pb')) ?? '') !== '', 20_000, 20);
      const victim = workers.find((w) => holder.endsWith(` ${w.child.pid}`));
      const survivor = workers.find((w) => w !== victim);
      assert.ok(victim && survivor, `the task is held by ${holder}, one of ${workers.map((w) => w.child.pid).join(', ')}`);
      victim.child.kill('SIGKILL');
      assert.equal((await exited(victim.child)).signal, 'SIGKILL');
      assert.ok(!victim.err().includes('chunk done'), 'the victim was killed before it finished');
      const samples = await result;
      const local = runJobSync(job);
      assert.equal(samples.length, local.length);
      assert.ok(samples.every((v, i) => Object.is(v, local[i])), 'bit-identical to the local run');
      // `stc` counts the recoveries from a stalled worker.
      const { returnvalue: _omit, ...fields } = await client.hgetall(jobKey);
      assert.ok(Number(fields.stc ?? 0) >= 1, `the task was recovered from a stalled worker: ${JSON.stringify(fields)}`);
      assert.ok(fields.pb?.endsWith(` ${survivor.child.pid}`), `the survivor ran it: ${fields.pb}`);
      assert.match(survivor.err(), /chunk done/);
      survivor.child.kill('SIGTERM');
      assert.equal((await exited(survivor.child)).code, 0);
    } finally {
      await queue.close();
      await raw.close();
      await client.quit();
    }
  });
});
