/**
 * `isacnet sweep` and `isacnet plot` as a user runs them (child processes): the files of --out, a
 * YAML scenario equal to its flags, a rerun that takes everything from the store with byte-identical
 * files, an interrupted run (SIGINT and kill -9) that resumes without recomputing stored chunks and
 * ends byte-identical to an uninterrupted one, and bad input that exits 2 before any work with
 * nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');
const env = { ...process.env, CI: '1' };

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'isacnet-sweep-'));
const files = ['sweep.csv', 'sweep.json', 'sweep.svg', 'sweep.png'];
const read = (dir: string): string[] => files.map((f) => readFileSync(path.join(dir, f), 'latin1'));
const storeLines = (dir: string): number => (existsSync(path.join(dir, 'store', 'chunks.jsonl')) ? readFileSync(path.join(dir, 'store', 'chunks.jsonl'), 'utf8').split('\n').filter(Boolean).length : 0);
const computed = (err: string): number => Number(/(\d+) chunks computed/.exec(err)?.[1] ?? NaN);

const SMALL = ['sweep', '--grid', 'psi=5,15', '--measure', 'comm', '--L', '1,4', '--trials', '8192', '--seed', '7', '--threads', '1'];

test('a small sweep: tidy CSV with units, JSON with provenance, SVG/PNG; a rerun is byte-identical from the store', () => {
  const dir = tmp();
  const a = run([...SMALL, '--out', dir]);
  assert.equal(a.code, 0, a.err);
  for (const f of files) assert.ok(existsSync(path.join(dir, f)), f);
  const csv = readFileSync(path.join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 1 + 4);
  assert.ok(csv[0].startsWith('psi,L,pc,seed,kappa_c_formula,rate_thm2_nats_per_s_hz'), csv[0]);
  const json = JSON.parse(readFileSync(path.join(dir, 'sweep.json'), 'utf8')) as { provenance: { command: string; inputHash: string }; rows: unknown[]; medianRelativeAccuracy: number };
  assert.equal(json.provenance.command, 'sweep');
  assert.equal(json.rows.length, 4);
  assert.equal(computed(a.err), 4); // 2 points × one whole-curve job (L = 1, 4) × 2 chunks of 4096
  const before = read(dir);
  const b = run([...SMALL, '--out', dir]);
  assert.equal(b.code, 0, b.err);
  assert.equal(computed(b.err), 0, b.err);
  assert.deepEqual(read(dir), before);
  // The same rows as `isacnet comm` with the row's seed and trials.
  const row = csv[2].split(',');
  const c = JSON.parse(run(['comm', '--psi', '5', '--L', '4', '--trials', row[csv[0].split(',').indexOf('trials')], '--seed', row[3], '--threads', '1', '--json']).out) as { points: Array<{ rate: { mc: { mean: number } } }> };
  const mean = Number(row[csv[0].split(',').indexOf('rate_mc_mean_nats_per_s_hz')]);
  assert.ok(Math.abs(mean - c.points[0].rate.mc.mean) <= 1e-12 * mean, `${mean} vs ${c.points[0].rate.mc.mean}`);
  // isacnet plot redraws any column pair.
  const p = run(['plot', path.join(dir, 'sweep.csv'), '--x', 'psi', '--y', 'rate_mc_mean']);
  assert.equal(p.code, 0, p.err);
  assert.ok(readFileSync(path.join(dir, 'plot-psi-rate_mc_mean_nats_per_s_hz.svg'), 'utf8').startsWith('<svg'));
  assert.equal(run(['plot', path.join(dir, 'sweep.csv'), '--x', 'psi', '--y', 'nope']).code, 2);
});

test('a YAML scenario file gives the files of its flags; flags override it', () => {
  const dir = tmp();
  const yaml = path.join(dir, 'sweep.yaml');
  writeFileSync(yaml, 'measure: comm\ngrid:\n  psi: [5, 15]\nL: "1,4"\ntrials: 4096\nseed: 9\n');
  const a = run(['sweep', '--config', yaml, '--seed', '7', '--trials', '8192', '--threads', '1', '--out', path.join(dir, 'a'), '--progress', 'jsonl']);
  assert.equal(a.code, 0, a.err);
  // --progress jsonl: progress objects on stdout, then the summary.
  const lines = a.out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; chunksDone?: number; chunksPlanned?: number; points?: number });
  assert.ok(lines.length >= 2 && lines.slice(0, -1).every((l) => l.type === 'progress'));
  assert.deepEqual([lines[lines.length - 2].chunksDone, lines[lines.length - 2].chunksPlanned], [4, 4]); // 2 points × one whole-curve job × 2 chunks
  assert.equal(lines[lines.length - 1].type, 'done');
  assert.equal(lines[lines.length - 1].points, 2);
  const b = run([...SMALL, '--out', path.join(dir, 'b')]);
  assert.equal(b.code, 0, b.err);
  assert.equal(readFileSync(path.join(dir, 'a', 'sweep.csv'), 'utf8'), readFileSync(path.join(dir, 'b', 'sweep.csv'), 'utf8'));
});

async function interrupted(signal: 'SIGINT' | 'SIGKILL', args: string[], dir: string, afterLines: number): Promise<void> {
  const child = spawn(process.execPath, [bin, ...args, '--out', dir], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (storeLines(dir) >= afterLines) break;
    if (child.exitCode !== null) throw new Error('the sweep finished before it could be interrupted');
  }
  child.kill(signal);
  await exited;
}

test('interrupted by SIGINT or kill -9, a rerun resumes from the store and ends byte-identical', async () => {
  const args = ['sweep', '--grid', 'psi=5,15', '--measure', 'comm', '--L', '2', '--trials', String(4096 * 12), '--seed', '3', '--threads', '1'];
  const ref = tmp();
  const full = run([...args, '--out', ref]);
  assert.equal(full.code, 0, full.err);
  const total = computed(full.err);
  assert.equal(total, 24);
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    const dir = tmp();
    await interrupted(signal, args, dir, 4);
    const kept = storeLines(dir);
    assert.ok(kept >= 4 && kept < total, `${signal}: ${kept} chunks stored`);
    assert.ok(!files.some((f) => existsSync(path.join(dir, f))), `${signal}: no output file before the end`);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.tmp')), []);
    const again = run([...args, '--out', dir]);
    assert.equal(again.code, 0, again.err);
    assert.equal(computed(again.err), total - kept, `${signal}: only the missing chunks are computed`);
    assert.deepEqual(read(dir), read(ref), `${signal}: byte-identical files`);
  }
});

test('bad input exits 2 before any work, with a message naming the parameter, and leaves --out untouched', () => {
  const dir = tmp();
  const out = path.join(dir, 'out');
  const cases: Array<[string[], RegExp]> = [
    [['--grid', 'foo=1,2'], /unknown grid parameter "foo"/],
    [['--grid', 'psi=5,0'], /--grid psi: invalid value 0 at grid point 1 \(psi=0\); allowed range is an integer in \[1, 10000\]/],
    [['--grid', 'lambda-u=1,2', '--grid', 'psi=5,0'], /at grid point 1 \(lambdaU=1, psi=0\)/],
    [['--grid', 'psi='], /--grid psi: invalid value ""/],
    [[], /no grid axis/],
    [['--grid', 'psi=1..200', '--grid', 'mt=2..64'], /12600 points exceed --max-points 10000/],
    [['--grid', 'psi=5', '--precision', '0'], /--precision \(ε\): invalid value "0"/],
    [['--grid', 'psi=5', '--rel-precision', '-0.1'], /--rel-precision/],
    [['--grid', 'psi=5,6', '--grid', 'alpha=3', '--zip'], /--grid alpha: .*zip pairs the axes/],
  ];
  for (const [args, re] of cases) {
    const r = run(['sweep', ...args, '--out', out, '--trials', '100']);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
    assert.ok(!existsSync(out), `${args.join(' ')}: nothing written`);
  }
  // A store of another spec (or another format version) is refused; the existing files stay as they were.
  const ok = run([...SMALL, '--out', out]);
  assert.equal(ok.code, 0, ok.err);
  const before = read(out);
  const other = run([...SMALL.map((a) => (a === '7' ? '8' : a)), '--out', out]);
  assert.equal(other.code, 2, other.err);
  assert.match(other.err, /--store: invalid value .*the store of this run's spec/);
  assert.deepEqual(read(out), before);
  const copy = path.join(dir, 'copy');
  cpSync(out, copy, { recursive: true });
  const metaFile = path.join(copy, 'store', 'meta.json');
  writeFileSync(metaFile, readFileSync(metaFile, 'utf8').replace('"format": 1', '"format": 0'));
  const old = run([...SMALL, '--out', copy]);
  assert.equal(old.code, 2);
  assert.match(old.err, /format 0/);
});
