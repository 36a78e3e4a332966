/**
 * A distributed task queue on an existing engine: BullMQ on Redis. Domain-free and Node-only.
 *
 * A task is plain JSON `{ type, payload }` submitted under a caller-given key; its BullMQ job id is
 * the SHA-256 of the key (job ids may not contain `:`), so the same key is the same job on every
 * machine: a task already completed is never enqueued again (its stored result is returned), one
 * still waiting or running is awaited, not duplicated. Workers (`startTaskWorker`) run a handler on
 * each task's JSON and return JSON; nothing read from the queue is executed as code (the handler
 * dispatches on `type` to functions registered in the worker, which validate their payload). A worker
 * killed mid-task loses its lock; after the lock expires BullMQ's stalled-job check of any other
 * worker puts the task back in the queue and it is run again (tasks must be pure functions of their
 * payload, so the result is unchanged).
 *
 * Queue URLs: `redis://[[user]:password@]host[:port][/db]`, `rediss://…` for TLS. A malformed URL,
 * and a server that cannot be reached (or refuses the credentials) within a bounded connection
 * timeout, is an `ArgumentError` naming `queue`. Connections are ioredis clients made ready here and
 * handed to BullMQ; `close()` quits them.
 *
 * docs/scale-out.md: running workers on several machines, securing Redis, why results stay bit-identical.
 *
 * @example
 * parseQueueUrl('redis://127.0.0.1:6379/2').db; // => 2
 * taskJobId('chunk 0').length; // => 64
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { ArgumentError } from '../math/argumentError.ts';

export { canonicalJson, toJsonValue, type JsonValue } from './json.ts';
import { toJsonValue, type JsonValue } from './json.ts';

/** A task as it travels through the queue: a registered type and its JSON payload. */
export interface QueueTask {
  type: string;
  payload: JsonValue;
}

/** A task with the key that identifies its result (the same key must always mean the same result). */
export interface KeyedTask extends QueueTask {
  key: string;
}

/** How a queue URL reads in messages and its parsed connection fields. */
export interface QueueAddress {
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username?: string;
  password?: string;
  /** The URL with the password replaced by `***` (for messages and logs). */
  display: string;
}

/** What a queue URL must look like (the `allowed` text of the ArgumentError). */
export const QUEUE_URL_FORM = 'a URL redis://[[user]:password@]host[:port][/db] (rediss:// for TLS)';

/** Connection timeout of `openTaskQueue` and `startTaskWorker` unless told otherwise (ms). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

/** Events kept in BullMQ's event stream of a queue (each completion event holds the task's result). */
const EVENT_STREAM_LENGTH = 1000;

/** Databases a URL may select (Redis has 16 by default; `databases` in redis.conf raises it). */
const MAX_DB = 1 << 20;

/** The URL with its password hidden: `redis://:***@host:6379/0`. */
function redact(u: URL): string {
  if (u.password === '') return u.href;
  const c = new URL(u.href);
  c.password = '***';
  return c.href;
}

/** Hide the password of a string that looks like a URL (also a malformed one). */
function redactText(s: string): string {
  return s.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/**
 * Parse and check a queue URL: `redis://[[user]:password@]host[:port][/db]`, `rediss://` for TLS
 * (port 6379 and db 0 by default; user and password percent-decoded).
 *
 * Formula: not in the paper (distributed Monte Carlo infrastructure).
 * Method: WHATWG `URL`, then each field checked; the value in the error has its password replaced by `***`.
 * Accuracy: exact (string parsing); test/parallel/taskQueue.test.ts checks good and bad URLs.
 * References: docs/scale-out.md; Redis URI scheme (https://www.iana.org/assignments/uri-schemes/prov/redis).
 *
 * @example
 * import { ArgumentError } from 'isacnet/math';
 * const a = parseQueueUrl('rediss://worker:s3cret@redis.lab:6380/1');
 * [a.host, a.port, a.db, a.tls, a.username]; // => ["redis.lab", 6380, 1, true, "worker"]
 * a.display; // => "rediss://worker:***@redis.lab:6380/1"
 * parseQueueUrl('redis://localhost').port; // => 6379
 * let err: unknown;
 * try { parseQueueUrl('http://localhost:6379'); } catch (e) { err = e; }
 * (err as ArgumentError).argument; // => "queue"
 */
export function parseQueueUrl(url: unknown): QueueAddress {
  const bad = (why?: string): ArgumentError => new ArgumentError('queue', typeof url === 'string' ? redactText(url) : url, QUEUE_URL_FORM, why);
  if (typeof url !== 'string' || url.trim() === '') throw bad();
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw bad('it is not a URL');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw bad(`the scheme must be redis: or rediss:, not ${u.protocol}`);
  if (u.hostname === '') throw bad('it names no host');
  const port = u.port === '' ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('the port must be in [1, 65535]');
  const path = u.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) throw bad(`the path must be a database number, not /${path}`);
  const db = path === '' ? 0 : Number(path);
  if (db > MAX_DB) throw bad(`the database number must be in [0, ${MAX_DB}]`);
  if (u.search !== '' || u.hash !== '') throw bad('query strings and fragments are not supported');
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const out: QueueAddress = { host, port, db, tls: u.protocol === 'rediss:', display: redact(u) };
  if (u.username !== '') out.username = decodeURIComponent(u.username);
  if (u.password !== '') out.password = decodeURIComponent(u.password);
  return out;
}

/**
 * The BullMQ job id of a task key: the SHA-256 of the key in hex (ids must not contain `:`, and a
 * hash keeps them short whatever the key).
 *
 * Formula: not in the paper.
 * Method: `crypto.createHash('sha256')` of the key's UTF-8 bytes, hex digest.
 * Accuracy: exact; distinct keys collide with probability ~2^−256 per pair.
 * References: docs/scale-out.md (resubmission enqueues nothing already done).
 *
 * @example
 * taskJobId('abc'); // => "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function taskJobId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A queue name BullMQ accepts (no `:`), safe in Redis keys and logs. */
function checkQueueName(name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name)) {
    throw new ArgumentError('name', name, 'a queue name of 1–128 letters, digits, ".", "_" or "-" (starting with a letter or digit)');
  }
  return name;
}

function checkMs(argument: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 86_400_000) throw new ArgumentError(argument, v, `an integer number of milliseconds in [${min}, 86400000]`);
  return v;
}

/**
 * A ready ioredis client for `address`, or an ArgumentError naming `queue` when the server cannot be
 * reached (or refuses the credentials) within `timeoutMs`. Before it is ready the client does not
 * retry; once ready it reconnects after a dropped connection (commands wait, they do not fail).
 */
async function connect(address: QueueAddress, timeoutMs: number): Promise<Redis> {
  let ready = false;
  let lastError = '';
  const client = new Redis({
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username !== undefined ? { username: address.username } : {}),
    ...(address.password !== undefined ? { password: address.password } : {}),
    ...(address.tls ? { tls: { servername: address.host } } : {}),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // BullMQ's blocking commands need it; a request waits for the reconnection instead of failing.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => (ready ? Math.min(100 * times, 2000) : null),
  });
  client.on('error', (e: Error) => {
    lastError = e.message;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    await client.ping();
    ready = true;
    return client;
  } catch (e) {
    client.disconnect();
    const why = lastError || (e instanceof Error ? e.message : String(e));
    throw new ArgumentError('queue', address.display, 'a reachable Redis server', `cannot connect to ${address.host}:${address.port} within ${timeoutMs} ms: ${why}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Quit a client politely, or drop it when the server is gone. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  } catch {
    // already closed
  }
  client.disconnect();
}

/** What a TaskQueue did since it was opened. */
export interface TaskQueueStats {
  /** Tasks asked for through `run`. */
  submitted: number;
  /** Tasks put on the queue (not found there). */
  enqueued: number;
  /** Tasks whose stored result was already complete (nothing enqueued). */
  reused: number;
  /** Tasks found waiting or running (submitted earlier, by this or another process) and awaited. */
  joined: number;
  /** Tasks found failed and put back on the queue. */
  retried: number;
}

/** The submitting side of a task queue (BullMQ on Redis, or in memory for tests and examples). */
export interface TaskQueue {
  readonly name: string;
  /**
   * Submit `tasks` (each under the job id of its key) and resolve to their results in the order of
   * `tasks`; `onResult(i)` is called as task i completes. Rejects when a task fails on a worker.
   */
  run(tasks: readonly KeyedTask[], onResult?: (index: number) => void): Promise<JsonValue[]>;
  stats(): TaskQueueStats;
  close(): Promise<void>;
}

export interface OpenTaskQueueOptions {
  /** Queue name (workers must use the same); letters, digits, `.`, `_`, `-`. */
  name: string;
  /** Connection timeout in ms (default 3000). */
  connectTimeoutMs?: number;
  /** How long completed results stay in Redis, in seconds (default one day; a resubmission within it enqueues nothing). */
  keepResultsSeconds?: number;
  /** Interval of the safety poll of unfinished tasks, in ms (default 2000). */
  pollMs?: number;
}

interface Pending {
  index: number;
  resolve: (v: JsonValue) => void;
  reject: (e: Error) => void;
}

function failedError(task: KeyedTask, id: string, reason: string): Error {
  return new Error(`queue task ${task.type} (job ${id.slice(0, 12)}…) failed on a worker: ${reason}`);
}

/**
 * Open the submitting side of the BullMQ queue `name` on the Redis server of `url` (see the module
 * comment); `close()` it when done.
 *
 * Formula: not in the paper (distributed Monte Carlo infrastructure).
 * Method: one ioredis client for commands and one for BullMQ's `QueueEvents` stream, both ready before
 * BullMQ gets them. `run` looks each job id up: completed → its stored result (nothing enqueued),
 * waiting or active → awaited, failed → retried, absent → added (`addBulk`). Results arrive through
 * `QueueEvents` ("completed"/"failed"), with a poll of unfinished jobs every `pollMs` as a safety net.
 * Accuracy: results are the workers' JSON unchanged (test/parallel/taskQueue.test.ts against a real redis-server).
 * References: BullMQ (https://docs.bullmq.io): Queue, QueueEvents, job ids; docs/scale-out.md.
 *
 * @example
 * import { ArgumentError } from 'isacnet/math';
 * // port 1 on loopback: nothing listens there
 * const err = await openTaskQueue('redis://127.0.0.1:1/0', { name: 'demo', connectTimeoutMs: 500 }).catch((e: unknown) => e);
 * (err as ArgumentError).argument; // => "queue"
 */
export async function openTaskQueue(url: string, options: OpenTaskQueueOptions): Promise<TaskQueue> {
  const address = parseQueueUrl(url);
  const name = checkQueueName(options.name);
  const timeoutMs = checkMs('connectTimeoutMs', options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 1);
  const keepSeconds = options.keepResultsSeconds ?? 86_400;
  if (typeof keepSeconds !== 'number' || !Number.isInteger(keepSeconds) || keepSeconds < 1) throw new ArgumentError('keepResultsSeconds', keepSeconds, 'an integer ≥ 1');
  const pollMs = checkMs('pollMs', options.pollMs ?? 2000, 10);
  const client = await connect(address, timeoutMs);
  let eventsClient: Redis;
  try {
    eventsClient = await connect(address, timeoutMs);
  } catch (e) {
    await quit(client);
    throw e;
  }
  // BullMQ's event stream carries each result once more; keep it short (the poll covers trimmed events).
  const queue = new Queue(name, { connection: client, streams: { events: { maxLen: EVENT_STREAM_LENGTH } } });
  const events = new QueueEvents(name, { connection: eventsClient });
  queue.on('error', () => undefined); // connection errors: ioredis reconnects; the poll catches up
  events.on('error', () => undefined);
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const stats: TaskQueueStats = { submitted: 0, enqueued: 0, reused: 0, joined: 0, retried: 0 };
  /** Waiters by job id (several runs may wait for the same job). */
  const waiting = new Map<string, Pending[]>();
  const settle = (id: string, ok: boolean, value: JsonValue | string): void => {
    const list = waiting.get(id);
    if (!list) return;
    waiting.delete(id);
    for (const p of list) {
      if (ok) p.resolve(value as JsonValue);
      else p.reject(new Error(String(value)));
    }
  };
  events.on('completed', ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
    settle(jobId, true, (typeof returnvalue === 'string' ? (JSON.parse(returnvalue) as JsonValue) : (returnvalue as JsonValue)) ?? null);
  });
  events.on('failed', ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
    settle(jobId, false, failedReason);
  });
  const jobOptions = { removeOnComplete: { age: keepSeconds }, removeOnFail: { age: keepSeconds }, attempts: 1 };
  let closed = false;

  /** The state of a job and, when it has finished, its result or failure (read after the state, so never a stale snapshot). */
  const lookUp = async (id: string): Promise<{ state: string; job?: Job }> => {
    const state = await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed') return { state };
    const job = await queue.getJob(id);
    return job ? { state, job } : { state: 'unknown' };
  };
  /**
   * Jobs found failed by `run` and put back: the number of times, per id. The poll ignores what it
   * read while (or before) a job was put back, so an old failure is never taken for a new one.
   */
  const retries = new Map<string, number>();
  const retrying = new Set<string>();
  /** Check a job by id: settle it when finished, re-add it when it vanished. */
  const check = async (id: string, task: KeyedTask): Promise<void> => {
    const generation = retries.get(id) ?? 0;
    if (retrying.has(id)) return;
    const { state, job } = await lookUp(id);
    if (retrying.has(id) || (retries.get(id) ?? 0) !== generation) return;
    if (state === 'unknown') await queue.add(task.type, { type: task.type, payload: task.payload }, { ...jobOptions, jobId: id });
    else if (state === 'completed') settle(id, true, (job?.returnvalue as JsonValue) ?? null);
    else if (state === 'failed') settle(id, false, failedError(task, id, job?.failedReason ?? 'failed').message);
  };
  const tasksById = new Map<string, KeyedTask>();
  const poll = setInterval(() => {
    if (closed || waiting.size === 0) return;
    const ids = [...waiting.keys()].slice(0, 256);
    void Promise.all(ids.map((id) => check(id, tasksById.get(id) as KeyedTask))).catch(() => undefined);
  }, pollMs);
  poll.unref();

  return {
    name,
    stats: () => ({ ...stats }),
    async run(tasks: readonly KeyedTask[], onResult?: (index: number) => void): Promise<JsonValue[]> {
      if (closed) throw new Error('the task queue is closed');
      const ids = tasks.map((t, i) => {
        if (typeof t.key !== 'string' || t.key === '') throw new ArgumentError(`tasks[${i}].key`, t.key, 'a non-empty string');
        if (typeof t.type !== 'string' || t.type === '') throw new ArgumentError(`tasks[${i}].type`, t.type, 'a non-empty string');
        toJsonValue(t.payload, `tasks[${i}].payload`);
        return taskJobId(t.key);
      });
      stats.submitted += tasks.length;
      const results: JsonValue[] = new Array(tasks.length);
      // Waiters first (events are already flowing), then look each job up and add what is missing.
      const done = tasks.map(
        (t, i) =>
          new Promise<void>((resolve, reject) => {
            const id = ids[i];
            tasksById.set(id, t);
            const list = waiting.get(id) ?? [];
            list.push({
              index: i,
              resolve: (v) => {
                results[i] = v;
                onResult?.(i);
                resolve();
              },
              reject: (e) => reject(e.message.startsWith('queue task ') ? e : failedError(t, id, e.message)),
            });
            waiting.set(id, list);
          }),
      );
      // Handled here too: if the run stops early (a failed add), later rejections are not unhandled.
      for (const d of done) d.catch(() => undefined);
      const fresh: Array<{ name: string; data: QueueTask; opts: typeof jobOptions & { jobId: string } }> = [];
      const found = await Promise.all(ids.map(lookUp));
      for (let i = 0; i < tasks.length; i++) {
        const { state, job } = found[i];
        const id = ids[i];
        if (state === 'unknown') {
          fresh.push({ name: tasks[i].type, data: { type: tasks[i].type, payload: tasks[i].payload }, opts: { ...jobOptions, jobId: id } });
        } else if (state === 'completed') {
          stats.reused++;
          settle(id, true, (job?.returnvalue as JsonValue) ?? null);
        } else if (state === 'failed') {
          stats.retried++;
          retrying.add(id);
          retries.set(id, (retries.get(id) ?? 0) + 1);
          try {
            await job?.retry('failed');
          } finally {
            retrying.delete(id);
          }
        } else {
          stats.joined++;
        }
      }
      stats.enqueued += fresh.length;
      for (let k = 0; k < fresh.length; k += 1000) await queue.addBulk(fresh.slice(k, k + 1000));
      try {
        await Promise.all(done);
      } finally {
        for (const id of ids) if (!waiting.has(id)) tasksById.delete(id);
      }
      return results;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      for (const id of [...waiting.keys()]) settle(id, false, 'the task queue was closed');
      await Promise.allSettled([events.close(), queue.close()]);
      await Promise.all([quit(eventsClient), quit(client)]);
    },
  };
}

/** Runs one task: dispatch on `task.type` to a registered function; returns the JSON result. */
export type TaskHandler = (task: QueueTask) => JsonValue | Promise<JsonValue>;

export interface StartTaskWorkerOptions {
  /** Queue name (as the submitters use). */
  name: string;
  /** Tasks run at the same time (BullMQ concurrency; default 1). */
  concurrency?: number;
  /** Connection timeout in ms (default 3000). */
  connectTimeoutMs?: number;
  /**
   * How long a task's lock lasts without renewal, in ms (default 30000; renewed every half of it
   * while the task runs). A killed worker's task is retried after about this long.
   */
  lockDurationMs?: number;
  /** Interval of the stalled-job check, in ms (default: the lock duration). */
  stalledIntervalMs?: number;
  /** Times a task may stall (its worker die) before it is failed (default 5). */
  maxStalledCount?: number;
  /** Worker name stored on each job it takes (default `<host name> <pid>`). */
  workerName?: string;
  /** Called after each task with its type, outcome and wall time. */
  onTask?: (info: { type: string; ok: boolean; ms: number; error?: string }) => void;
  /** Called with the worker's own errors (a lost connection, a refused command); it keeps running and reconnects. */
  onError?: (error: Error) => void;
}

/** A running worker; `close()` finishes the tasks in hand and disconnects. */
export interface TaskWorker {
  /** Tasks this worker completed (successfully or not). */
  processed(): number;
  /** Stop taking tasks, let the running ones finish (or abandon them with `force`), disconnect. */
  close(force?: boolean): Promise<void>;
}

/** The `{ type, payload }` of a job, checked (the queue is input like any other). */
function taskOf(data: unknown): QueueTask {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ArgumentError('task', data, 'an object { type, payload }');
  const d = data as Record<string, unknown>;
  if (typeof d.type !== 'string' || d.type === '') throw new ArgumentError('task.type', d.type, 'a non-empty string');
  return { type: d.type, payload: toJsonValue(d.payload ?? null, 'task.payload') };
}

/**
 * Start a worker that takes tasks of the BullMQ queue `name` on the Redis server of `url` and answers
 * each with `handler(task)` (see the module comment); `close()` it to stop.
 *
 * Formula: not in the paper (distributed Monte Carlo infrastructure).
 * Method: a BullMQ `Worker` on a ready ioredis client, `concurrency` tasks at a time; the job data is
 * checked to be `{ type: string, payload: JSON }` and handed to `handler`, whose JSON result is the
 * job's return value; a thrown error fails the job with its message (no retry: tasks are
 * deterministic). Stalled-job handling: locks of `lockDurationMs`, checked every `stalledIntervalMs`,
 * so the task of a worker that died is put back and run by another.
 * Accuracy: not applicable; test/parallel/taskQueue.test.ts (a worker process killed mid-task, the task retried).
 * References: BullMQ (https://docs.bullmq.io/guide/workers/stalled-jobs); docs/scale-out.md.
 *
 * @example
 * import { ArgumentError } from 'isacnet/math';
 * const err = await startTaskWorker('redis://127.0.0.1:1/0', (t) => t.payload, { name: 'demo', connectTimeoutMs: 500 }).catch((e: unknown) => e);
 * (err as ArgumentError).argument; // => "queue"
 */
export async function startTaskWorker(url: string, handler: TaskHandler, options: StartTaskWorkerOptions): Promise<TaskWorker> {
  const address = parseQueueUrl(url);
  const name = checkQueueName(options.name);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw new ArgumentError('concurrency', concurrency, 'an integer in [1, 1024]');
  const timeoutMs = checkMs('connectTimeoutMs', options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 1);
  const lockDuration = checkMs('lockDurationMs', options.lockDurationMs ?? 30_000, 100);
  const stalledInterval = checkMs('stalledIntervalMs', options.stalledIntervalMs ?? lockDuration, 50);
  const maxStalledCount = options.maxStalledCount ?? 5;
  if (!Number.isInteger(maxStalledCount) || maxStalledCount < 0 || maxStalledCount > 1000) throw new ArgumentError('maxStalledCount', maxStalledCount, 'an integer in [0, 1000]');
  const client = await connect(address, timeoutMs);
  let count = 0;
  const worker = new Worker(
    name,
    async (job: Job) => {
      const t0 = performance.now();
      let type = '?';
      try {
        const task = taskOf(job.data);
        type = task.type;
        const result = toJsonValue(await handler(task), 'result');
        options.onTask?.({ type, ok: true, ms: performance.now() - t0 });
        return result;
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        options.onTask?.({ type, ok: false, ms: performance.now() - t0, error });
        throw e;
      } finally {
        count++;
      }
    },
    {
      connection: client,
      concurrency,
      lockDuration,
      stalledInterval,
      maxStalledCount,
      name: options.workerName ?? `${os.hostname()} ${process.pid}`,
      autorun: true,
    },
  );
  worker.on('error', (e: Error) => options.onError?.(e));
  try {
    await worker.waitUntilReady();
  } catch (e) {
    await worker.close(true).catch(() => undefined);
    await quit(client);
    throw new ArgumentError('queue', address.display, 'a reachable Redis server', `the BullMQ worker did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  let closing: Promise<void> | undefined;
  return {
    processed: () => count,
    close(force = false): Promise<void> {
      // A forced close while a polite one waits for running tasks: abandon them now.
      if (force && closing) void worker.close(true).catch(() => undefined);
      closing ??= (async () => {
        await worker.close(force).catch(() => undefined);
        await quit(client);
      })();
      return closing;
    },
  };
}

/**
 * An in-memory TaskQueue that runs each task with `handler` in the calling thread: the same
 * semantics as the Redis queue (results by key, a key already completed is not run again), for
 * tests, examples and single-process use.
 *
 * Formula: not in the paper.
 * Method: a Map from job id to the settled result promise; `stats` counts as the Redis queue does.
 * Accuracy: results are the handler's JSON unchanged.
 * References: src/parallel/taskQueue.ts (module comment).
 *
 * @example
 * const q = memoryTaskQueue((t) => (t.payload as number) * 2);
 * await q.run([{ key: 'a', type: 'double', payload: 2 }, { key: 'b', type: 'double', payload: 5 }]); // => [4, 10]
 * await q.run([{ key: 'a', type: 'double', payload: 2 }]); // => [4]
 * q.stats().enqueued; // => 2
 * q.stats().reused; // => 1
 */
export function memoryTaskQueue(handler: TaskHandler, name = 'memory'): TaskQueue {
  const done = new Map<string, Promise<JsonValue>>();
  const stats: TaskQueueStats = { submitted: 0, enqueued: 0, reused: 0, joined: 0, retried: 0 };
  return {
    name,
    stats: () => ({ ...stats }),
    async run(tasks: readonly KeyedTask[], onResult?: (index: number) => void): Promise<JsonValue[]> {
      stats.submitted += tasks.length;
      return Promise.all(
        tasks.map(async (t, i) => {
          const id = taskJobId(t.key);
          let p = done.get(id);
          if (p) stats.reused++;
          else {
            stats.enqueued++;
            const task = taskOf({ type: t.type, payload: toJsonValue(t.payload, `tasks[${i}].payload`) });
            p = Promise.resolve().then(async () => toJsonValue(await handler(task), 'result'));
            done.set(id, p);
            p.catch(() => done.delete(id));
          }
          const v = await p;
          onResult?.(i);
          return v;
        }),
      );
    },
    close: async () => undefined,
  };
}

interface ThreadReply {
  id: number;
  ok: boolean;
  result?: JsonValue;
  error?: string;
}

/**
 * A fixed set of worker threads that run tasks (`{ type, payload }` → JSON) at most one per thread
 * at a time: the compute side of a queue worker with `concurrency` > 1. `workerUrl` is a thread
 * entry that answers `{ id, task }` messages with `{ id, ok, result | error }` (src/registry/queueThread.ts).
 *
 * Formula: not in the paper.
 * Method: threads started up front; a task goes to the first free thread, else waits in FIFO order; a
 * thread that dies fails its task and is replaced.
 * Accuracy: results are the thread's JSON unchanged.
 * References: src/parallel/taskQueue.ts (module comment); Node worker_threads.
 *
 * @example
 * // (needs a thread entry; see test/parallel/taskQueue.test.ts)
 * typeof TaskThreads; // => "function"
 */
export class TaskThreads {
  private threads: ThreadWorker[] = [];
  private busy = new Map<ThreadWorker, { id: number; resolve: (v: JsonValue) => void; reject: (e: Error) => void }>();
  private queue: Array<{ task: QueueTask; resolve: (v: JsonValue) => void; reject: (e: Error) => void }> = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly workerUrl: URL,
  ) {
    if (!Number.isInteger(size) || size < 1 || size > 1024) throw new ArgumentError('threads', size, 'an integer in [1, 1024]');
    for (let k = 0; k < size; k++) this.threads.push(this.spawn());
  }

  private spawn(): ThreadWorker {
    const w = new ThreadWorker(this.workerUrl);
    w.on('message', (msg: ThreadReply) => {
      const job = this.busy.get(w);
      if (!job || msg.id !== job.id) return;
      this.busy.delete(w);
      if (msg.ok) job.resolve(msg.result ?? null);
      else job.reject(new Error(msg.error ?? 'task failed in a worker thread'));
      this.pump();
    });
    const dead = (why: string): void => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      job?.reject(new Error(`a worker thread ${why} while it ran a task`));
      const slot = this.threads.indexOf(w);
      if (slot >= 0 && !this.closed) {
        this.threads[slot] = this.spawn();
        this.pump();
      }
    };
    w.on('error', (e: Error) => dead(`failed (${e.message})`));
    w.on('exit', (code: number) => dead(`exited with code ${code}`));
    return w;
  }

  private pump(): void {
    for (const w of this.threads) {
      if (this.queue.length === 0) return;
      if (this.busy.has(w)) continue;
      const next = this.queue.shift();
      if (!next) return;
      const id = this.nextId++;
      this.busy.set(w, { id, resolve: next.resolve, reject: next.reject });
      w.postMessage({ id, task: next.task });
    }
  }

  /** Run one task on a free thread. */
  run(task: QueueTask): Promise<JsonValue> {
    if (this.closed) return Promise.reject(new Error('the task threads are closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue) q.reject(new Error('the task threads are closed'));
    this.queue = [];
    await Promise.all(this.threads.map((w) => w.terminate()));
    this.threads = [];
  }
}
