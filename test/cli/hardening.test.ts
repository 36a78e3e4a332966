/**
 * Issue 13 in child processes: a closed pipe ends the run quietly, a busy output folder is refused
 * (and a stale lock or temp file of a killed run is cleaned), a run whose parent is killed stops,
 * progress lines appear on a non-terminal stderr, `web` on a busy port says so, and `params` has a
 * header row. (The in-process fuzz table of bad inputs is test/cli/fuzz.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE, checkOutputDir, lockOutputDir } from '../../src/cli/outputDir.ts';
import { progressLines } from '../../src/cli/runWithPool.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'isacnet.js');
const env = { ...process.env, CI: '1' };

test('isacnet sensing … | head -1 exits quietly (no EPIPE stack trace)', () => {
  for (const args of ['sensing --N 4 --trials 1000 --threads 1 --windows 8', 'params', 'sensing --N 4,5 --trials 1000 --threads 1 --windows 8 --format csv']) {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(CLI)} ${args} | head -1`], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(r.status, 0, `${args}: exit ${r.status}\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /, args);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
  }
});

test('an output folder is locked: a second run is refused with a clear message; a stale lock and temp files are taken over', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-lock-'));
  try {
    checkOutputDir(dir);
    const release = lockOutputDir(dir, 'out', 'test');
    assert.ok(existsSync(path.join(dir, LOCK_FILE)));
    // Another process (the CLI) finds it busy before any work.
    const r = spawnSync(process.execPath, [CLI, 'reproduce', '--out', dir, '--quick', '--only', 'fig2'], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`--out: the folder .* is busy: another run \\(test, pid ${process.pid}, started .*\\) is writing into it; wait for it to finish or choose another --out`));
    assert.equal(readdirSync(dir).filter((f) => !f.startsWith('.')).length, 0, 'nothing written');
    release();
    assert.ok(!existsSync(path.join(dir, LOCK_FILE)), 'released');
    // A lock and a temp file left by a dead process: taken over and removed.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, command: 'isacnet reproduce', started: 'then' }));
    writeFileSync(path.join(dir, `.tmp-${deadPid}-0-fig2.csv`), 'half');
    const again = lockOutputDir(dir, 'out', 'test');
    assert.ok(!existsSync(path.join(dir, `.tmp-${deadPid}-0-fig2.csv`)), 'stale temp file removed');
    again();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the output folder is checked first: --out "" / a file / an unwritable place exit 2 naming --out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-out-'));
  try {
    const file = path.join(dir, 'f');
    writeFileSync(file, 'x');
    const ro = path.join(dir, 'ro');
    mkdirSync(ro, { mode: 0o500 });
    const cases: Array<[string, RegExp]> = [
      ['', /--out: invalid value ""/],
      [file, /--out: invalid value .*it is a file, not a folder/],
      [path.join(file, 'sub'), /--out: invalid value .*cannot be created or written/],
    ];
    if (process.getuid?.() !== 0) cases.push([ro, /--out: invalid value .*cannot be created or written/]);
    for (const [out, msg] of cases) {
      const r = spawnSync(process.execPath, [CLI, 'reproduce', '--out', out, '--quick'], { encoding: 'utf8', env, timeout: 30_000 });
      assert.equal(r.status, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, msg);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run whose parent is killed stops (parent watchdog), even inside long work', async () => {
  // bash starts the CLI in the background and is then killed with SIGKILL: the CLI is re-parented.
  const script = `node ${JSON.stringify(CLI)} sensing --N 2000 --trials 2000000 --threads 1 --windows 0 > /dev/null 2>&1 & echo $!; wait`;
  const sh = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'], env });
  const pid = await new Promise<number>((resolve) => sh.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  const alive = (p: number): boolean => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  await new Promise((r) => setTimeout(r, 3000)); // started and working
  assert.ok(alive(pid), 'the run is working');
  sh.kill('SIGKILL');
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stopped = !alive(pid);
  if (!stopped) process.kill(pid, 'SIGKILL');
  assert.ok(stopped, 'the orphaned run stopped within 10 s');
});

test('progress on a non-terminal stderr: plain lines per 10% after the quiet period', () => {
  let now = 0;
  const lines: string[] = [];
  const p = progressLines('sensing', (l) => lines.push(l), 2, () => now);
  p(0.05);
  now = 1000;
  p(0.3);
  assert.deepEqual(lines, [], 'quiet during the first 2 s');
  now = 2500;
  p(0.31);
  p(0.35);
  p(0.42);
  now = 9000;
  p(1);
  assert.deepEqual(lines, ['isacnet sensing: 30% (3 s)\n', 'isacnet sensing: 40% (3 s)\n', 'isacnet sensing: 100% (9 s)\n']);
});

test('isacnet web on a busy port says so and suggests --port (exit 2); params prints a header row', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const port = (blocker.address() as { port: number }).port;
  try {
    if (existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
      const r = spawnSync(process.execPath, [CLI, 'web', '--port', String(port)], { encoding: 'utf8', env, timeout: 30_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`--port: port ${port} on 127\\.0\\.0\\.1 is already in use .*pass --port <n>`));
    }
    // The static server's own error (what `npm run web` and `isacnet web` both report).
    const { serveStatic } = await import('../../src/serve/staticServer.ts');
    await assert.rejects(serveStatic(ROOT, port, '127.0.0.1'), (e: Error & { code?: string }) => e.code === 'EADDRINUSE' && /already in use .*choose another port/.test(e.message));
  } finally {
    blocker.close();
  }
  const r = spawnSync(process.execPath, [CLI, 'params'], { encoding: 'utf8', env, timeout: 30_000 });
  assert.equal(r.status, 0);
  assert.match(r.stdout.split('\n')[0], /^flag\s+symbol\s+value\s+unit\s+allowed range\s+source$/);
});

test('sensing --trials 2: the CI of the mean respects the support (CRLB > 0); comm --trials 1 is refused', async () => {
  const { summarizeCrlbSamples } = await import('../../src/sensing/crlbSummary.ts');
  const s = summarizeCrlbSamples(Float64Array.of(0.1, 50), 6);
  assert.ok(s.ci95 !== null && s.ci95[0] === 0 && s.ci95[1] > 50, `ci95 ${JSON.stringify(s.ci95)}`);
  const r = spawnSync(process.execPath, [CLI, 'sensing', '--N', '6', '--trials', '2', '--windows', '0', '--threads', '1', '--json', '--seed', '3'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const pt = (JSON.parse(r.stdout) as { points: Array<{ crlb: { mc: { ci95: [number, number] } } }> }).points[0];
  assert.ok(pt.crlb.mc.ci95[0] >= 0, `lower bound ${pt.crlb.mc.ci95[0]}`);
  const c = spawnSync(process.execPath, [CLI, 'comm', '--L', '1', '--trials', '1', '--json'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(c.status, 2);
  assert.match(c.stderr, /--trials: invalid value "1"; allowed range is an integer in \[2, /);
});
