import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIGURES } from '../../src/figures/index.ts';

const bin = path.resolve('bin/isacnet.js');
const EXT = ['svg', 'png', 'csv', 'json'];

function reproduce(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'reproduce', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A file that exists is complete: every format has a recognizable end. */
function assertComplete(file: string): void {
  const buf = readFileSync(file);
  assert.ok(buf.length > 0, `${file} is empty`);
  if (file.endsWith('.json')) JSON.parse(buf.toString('utf8'));
  else if (file.endsWith('.svg')) assert.match(buf.toString('utf8').trimEnd(), /<\/svg>$/, file);
  else if (file.endsWith('.png')) {
    assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${file}: PNG signature`);
    assert.equal(buf.subarray(buf.length - 8, buf.length - 4).toString('latin1'), 'IEND', `${file}: PNG ends with IEND`);
  } else if (file.endsWith('.csv')) assert.ok(buf.toString('utf8').endsWith('\n'), file);
  else if (file.endsWith('.html')) assert.match(buf.toString('utf8').trimEnd(), /<\/html>$/, file);
}

function noTempFiles(dir: string): void {
  const temps = readdirSync(dir).filter((f) => f.startsWith('.tmp-'));
  assert.deepEqual(temps, [], `temp files left in ${dir}`);
}

test('reproduce --quick writes every figure, the manifest and the report; results do not depend on --threads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-repro-'));
  try {
    const r = reproduce(['--out', dir, '--quick', '--threads', '2', '--seed', '3']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`wrote ${FIGURES.length} figure\\(s\\)`));
    // Progress per figure on a non-TTY: plain lines.
    for (const f of FIGURES) assert.match(r.err, new RegExp(`${f.name}: done in`));
    for (const f of FIGURES) for (const e of EXT) assertComplete(path.join(dir, `${f.name}.${e}`));
    assertComplete(path.join(dir, 'manifest.json'));
    assertComplete(path.join(dir, 'report.html'));
    noTempFiles(dir);
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      package: { name: string; version: string };
      node: string;
      quick: boolean;
      seed: number;
      threads: number;
      params: Record<string, number | null>;
      figures: Array<{ name: string; seed: number; trials: number | null; seconds: number; files: string[]; error?: string }>;
    };
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(m.package.version, pkg.version);
    assert.equal(m.node, process.version);
    assert.equal(m.quick, true);
    assert.equal(m.seed, 3);
    assert.equal(m.threads, 2);
    for (const k of ['psi', 'backhaul', 'e', 'lambdaB', 'alpha', 'beta', 'mt', 'fcHz']) assert.ok(typeof m.params[k] === 'number', `manifest params.${k}`);
    assert.deepEqual(
      m.figures.map((f) => f.name),
      FIGURES.map((f) => f.name),
    );
    for (const f of m.figures) {
      assert.equal(f.error, undefined, `${f.name}: ${f.error}`);
      assert.ok(f.seconds > 0 && typeof f.trials === 'number' && f.files.length === 4, f.name);
    }
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    for (const f of FIGURES) assert.ok(html.includes(`<section id="${f.name}">`), `report section ${f.name}`);
    assert.match(html, /<h2>Errata<\/h2>/);
    assert.match(html, /<h2>Manifest<\/h2>/);
    assert.match(html, /<th>Printed<\/th>/);
    assert.ok(html.includes('data:image/svg+xml;base64,'), 'figures embedded');

    // Same seed with one thread: byte-identical Fig. 5 data.
    const dir1 = mkdtempSync(path.join(tmpdir(), 'isacnet-repro1-'));
    try {
      const r1 = reproduce(['--out', dir1, '--quick', '--threads', '1', '--seed', '3', '--only', 'fig5']);
      assert.equal(r1.code, 0, r1.err);
      assert.equal(readFileSync(path.join(dir1, 'fig5.json'), 'utf8'), readFileSync(path.join(dir, 'fig5.json'), 'utf8'));
      assert.equal(readFileSync(path.join(dir1, 'fig5.csv'), 'utf8'), readFileSync(path.join(dir, 'fig5.csv'), 'utf8'));
    } finally {
      rmSync(dir1, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an interrupted reproduce (SIGINT, SIGTERM) stops at once and leaves only complete result files', async () => {
  // No JavaScript signal handler: the default action ends the run even inside synchronous work.
  // Interrupt as soon as the first file appears, and once the second figure has started writing.
  for (const [trigger, signal] of [['fig2.csv', 'SIGINT'], [`${FIGURES[1]?.name ?? 'fig2'}.csv`, 'SIGTERM']] as const) {
    const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sigint-'));
    try {
      const child = spawn(process.execPath, [bin, 'reproduce', '--out', dir, '--quick', '--threads', '2'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; sig: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, sig })));
      const deadline = Date.now() + 60_000;
      while (!existsSync(path.join(dir, trigger)) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      const t0 = Date.now();
      child.kill(signal);
      const { code, sig } = await exited;
      // Ended by the signal (or finished just before it).
      assert.ok(sig === signal || code === 0, `exit ${code} ${sig}: ${stderr}`);
      assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms to stop`);
      const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
      assert.ok(files.length > 0, 'the trigger file was written before the interrupt');
      for (const f of files) assertComplete(path.join(dir, f));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('reproduce --quick --beta 3: Fig. 5 advises what works; the summary counts only the figures written', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-beta3-'));
  try {
    const r = reproduce(['--out', dir, '--quick', '--only', 'fig5', '--beta', '3', '--threads', '1']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^wrote 0 figure\(s\) \(1 failed: fig5\)/);
    assert.match(r.err, /--beta \(β\): invalid value 3; must be 2 for Fig\. 5 .*Figs\. 2–4 accept this β/);
    assert.doesNotMatch(r.err, /--crlb-model/, 'no advice to use a flag reproduce does not accept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
