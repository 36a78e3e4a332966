import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'isacnet.js');
function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const sensing = ['sensing', '--N', '4,10', '--trials', '3000', '--windows', '2', '--seed', '5'];

test('--format csv: a header with units in the column names, one row per point, the JSON values', () => {
  const json = JSON.parse(run([...sensing, '--json']).out) as { points: Array<{ N: number; crlb: { prop1: number; mc: { median: number; ci95: [number, number] } } }> };
  const csv = run([...sensing, '--format', 'csv']);
  assert.equal(csv.code, 0, csv.err);
  const [header, ...rows] = csv.out.trim().split('\n');
  const cols = header.split(',');
  for (const c of ['N', 'crlb_prop1_m2', 'crlb_mc_median_m2', 'crlb_mc_ci95_lo_m2', 'crlb_mc_ci95_hi_m2', 'crlbNormalized_prop1']) assert.ok(cols.includes(c), `column ${c}`);
  assert.equal(rows.length, 2);
  rows.forEach((row, i) => {
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const at = (c: string): number => Number(cells[cols.indexOf(c)]);
    assert.equal(at('N'), json.points[i].N);
    assert.equal(at('crlb_prop1_m2'), json.points[i].crlb.prop1);
    assert.equal(at('crlb_mc_median_m2'), json.points[i].crlb.mc.median);
    // No CI of the mean where the variance is infinite (N = 4, 5): an empty cell, as JSON's null.
    const ci = json.points[i].crlb.mc.ci95;
    if (ci === null) assert.equal(cells[cols.indexOf('crlb_mc_ci95_lo_m2')], '');
    else assert.equal(at('crlb_mc_ci95_lo_m2'), ci[0]);
  });
  const comm = run(['comm', '--L', '1,3', '--trials', '2000', '--format', 'csv']).out.split('\n')[0].split(',');
  assert.ok(comm.includes('rate_exact_nats_per_s_hz') && comm.includes('rate_mc_ci95_hi_nats_per_s_hz') && comm.includes('rate_mc_trials'));
  const opt = run(['optimize', '--format', 'csv']).out.split('\n')[0];
  assert.equal(opt, 'rate_nats_per_s_hz,crlbA_m2,L,N,pc,backhaulUse_nats_per_s_hz,nonLocalizableFraction,localizableMinority');
});

test('--format jsonl: the provenance line, then one JSON object per point (the JSON points)', () => {
  const json = JSON.parse(run([...sensing, '--json']).out) as { points: unknown[] };
  const lines = run([...sensing, '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok('provenance' in lines[0]);
  assert.deepEqual(lines.slice(1), json.points);
});

test('provenance: version from package.json, the full parameters, and an input hash that follows the inputs, not the threads', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  type P = { provenance: { tool: string; version: string; command: string; params: Record<string, unknown>; run: Record<string, unknown>; chunkSizes: Record<string, number>; inputHash: string } };
  const a = JSON.parse(run([...sensing, '--json', '--threads', '1']).out) as P;
  const b = JSON.parse(run([...sensing, '--json', '--threads', '2']).out) as P;
  const c = JSON.parse(run([...sensing, '--json', '--seed', '6']).out) as P;
  assert.equal(a.provenance.tool, 'isacnet');
  assert.equal(a.provenance.version, pkg.version);
  assert.equal(a.provenance.command, 'sensing');
  assert.equal(a.provenance.params.psi, 15);
  assert.equal(a.provenance.run.seed, 5);
  assert.equal(a.provenance.run.trials, 3000);
  assert.deepEqual(a.provenance.chunkSizes, { crlbNested: 4096, network: 2 });
  assert.match(a.provenance.inputHash, /^[0-9a-f]{64}$/);
  assert.equal(a.provenance.inputHash, b.provenance.inputHash, 'threads do not change the numbers, nor the hash');
  assert.notEqual(a.provenance.inputHash, c.provenance.inputHash);
  const opt = JSON.parse(run(['optimize', '--json']).out) as P;
  assert.equal(opt.provenance.command, 'optimize');
});

test('--json with another --format is an error (exit 2)', () => {
  const r = run([...sensing, '--json', '--format', 'csv']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--json and --format csv/);
  const bad = run([...sensing, '--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format/);
});
