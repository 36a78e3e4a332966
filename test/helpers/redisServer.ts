/**
 * Test harness: a real `redis-server` (Debian package `redis-server`, installed by .ci/run) on a free
 * loopback port with a temporary directory, no persistence, and child processes (`isacnet worker`)
 * tracked so that everything started here is stopped, even when a test fails (call `stopAll` in an
 * `after` hook; a process `exit` hook kills what is left).
 *
 *   const redis = await startRedis();            // { url, port, dir, stop() }
 *   const w = spawnTracked(process.execPath, [bin, 'worker', '--queue', redis.url]);
 *   after(stopAll);
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where redis-server is, or undefined when it is not installed. */
export function redisServerPath(): string | undefined {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (spawnSync(p, ['--version'], { encoding: 'utf8' }).status === 0) return p;
  }
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const tracked = new Set<ChildProcess>();
const dirs = new Set<string>();

/** Spawn a child process that `stopAll` (and process exit) will kill if it is still running. */
export function spawnTracked(cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  return child;
}

/** Resolve when `child` has exited (its exit code, or the signal that ended it). */
export function exited(child: ChildProcess, timeoutMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(t);
      resolve({ code, signal });
    });
  });
}

/** Collect a child's stderr (and stdout) text as it arrives. */
export function collect(child: ChildProcess): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  return { out: () => out, err: () => err };
}

/** Wait until `check()` is true (polling every `everyMs`), or fail after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 50): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface RedisHandle {
  url: string;
  port: number;
  dir: string;
  /** Stop this server (SIGTERM, then SIGKILL) and remove its directory. */
  stop(): Promise<void>;
}

/**
 * Start redis-server on a free loopback port: `--port P --bind 127.0.0.1 --save '' --appendonly no
 * --dir TMP` (plus `--requirepass` when `password` is given); resolves once it accepts connections.
 */
export async function startRedis(options: { password?: string } = {}): Promise<RedisHandle> {
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server is not installed (Debian: apt-get install redis-server; .ci/run does it)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isacnet-redis-'));
  dirs.add(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
    if (options.password) args.push('--requirepass', options.password);
    const child = spawnTracked(bin, args);
    const log = collect(child);
    try {
      await waitFor('redis-server to accept connections', () => child.exitCode !== null || log.out().includes('Ready to accept connections'), 10_000, 20);
    } catch (e) {
      child.kill('SIGKILL');
      throw e;
    }
    if (child.exitCode !== null) continue; // the port was taken in between: try another
    const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
    return {
      url: `redis://${auth}127.0.0.1:${port}/0`,
      port,
      dir,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited(child, 5000).catch(() => child.kill('SIGKILL'));
        }
        rmSync(dir, { recursive: true, force: true });
        dirs.delete(dir);
      },
    };
  }
  throw new Error(`redis-server did not start in ${dir}`);
}

/** Kill every tracked child process (workers first, then servers) and remove the temporary directories. */
export async function stopAll(): Promise<void> {
  const all = [...tracked];
  for (const c of all) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(all.map((c) => exited(c, 5000).catch(() => undefined)));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

process.once('exit', () => {
  for (const c of tracked) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
