import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');

interface Mc {
  mean: number | null;
  ci95: [number, number] | null;
  median: number | null;
  trials: number;
  warning?: string;
}
interface Block {
  mc: Mc;
  prop1: number | null;
  eq13: number | null;
  thm1: number | null;
}
interface Point {
  N: number;
  crlb: Block;
  crlbNormalized: Block;
  kappaS: { lemma1: number; mc: number | null };
  crlbAccept: { eq16: number | null; mc: { mean: null; median: number | null; ci95: null } | null };
}
interface Out {
  params: Record<string, unknown>;
  points: Point[];
  run: { threads: number };
}
function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'sensing', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('--json follows the contract; --threads 1 and 2 give byte-identical points', () => {
  const args = ['--N', '1,2,5,10', '--trials', '6000', '--seed', '7', '--windows', '4', '--samples-per-window', '32', '--json'];
  const a = run([...args, '--threads', '1']);
  const b = run([...args, '--threads', '2']);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const ja = JSON.parse(a.out) as Out;
  const jb = JSON.parse(b.out) as Out;
  assert.equal(JSON.stringify(ja.points), JSON.stringify(jb.points));
  assert.equal(ja.run.threads, 1);
  assert.equal(jb.run.threads, 2);
  assert.ok(!/NaN|Infinity/.test(a.out));
  assert.deepEqual(ja.points.map((p) => p.N), [1, 2, 5, 10]);
  for (const p of ja.points) {
    for (const block of [p.crlb, p.crlbNormalized]) {
      for (const k of ['mean', 'ci95', 'median', 'trials']) assert.ok(k in block.mc, `mc.${k}`);
      for (const k of ['prop1', 'eq13', 'thm1']) assert.ok(k in block, k);
    }
    assert.ok('lemma1' in p.kappaS && 'mc' in p.kappaS);
    const acc = p.crlbAccept.mc as NonNullable<Point['crlbAccept']['mc']>;
    assert.ok('eq16' in p.crlbAccept && 'mean' in acc && 'median' in acc && 'ci95' in acc);
  }
  const [p1, p2, p5, p10] = ja.points;
  assert.equal(p1.crlb.mc.mean, null);
  assert.equal(p1.crlb.prop1, null);
  assert.match(p1.crlb.mc.warning ?? '', /rank 1/);
  assert.equal(p2.crlb.mc.mean, null);
  assert.ok((p2.crlb.mc.median as number) > 0);
  assert.match(p5.crlb.mc.warning ?? '', /Var/);
  assert.equal(p10.crlb.mc.warning, undefined);
  // crlbNormalized is the m² value divided by crlbScaleM2.
  const s = ja.params.crlbScaleM2 as number;
  const m10 = p10.crlbNormalized.mc.mean as number;
  assert.ok(Math.abs((p10.crlb.mc.mean as number) / s - m10) < 1e-12 * m10);
  assert.ok(Math.abs((p10.crlbNormalized.thm1 as number) - 1 / Math.log(10) ** 2) < 1e-15);
});

test('--zeta2 scales the CRLB in m² but not crlbNormalized; the table is printed without --json', () => {
  const base = ['--N', '6', '--trials', '3000', '--seed', '3', '--windows', '0', '--threads', '1'];
  const a = JSON.parse(run([...base, '--json', '--zeta2', '1000']).out) as Out;
  const b = JSON.parse(run([...base, '--json', '--zeta2', '2000']).out) as Out;
  assert.equal(a.points[0].crlbNormalized.mc.mean, b.points[0].crlbNormalized.mc.mean);
  assert.ok(Math.abs((a.points[0].crlb.mc.mean as number) / (b.points[0].crlb.mc.mean as number) - 2) < 1e-12);
  assert.equal(a.points[0].kappaS.mc, null); // --windows 0 skips the network simulation
  const t = run(base);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /MC mean/);
  assert.match(t.out, /Prop\.1/);
});

test('bad input exits 2 with a message naming the parameter, the value and the range', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sensing-'));
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, '{"psi": 15,');
  const unknownKey = path.join(dir, 'unknown.json');
  writeFileSync(unknownKey, '{"psy": 15}');
  const cases: Array<[string[], RegExp]> = [
    [['--N', '0'], /--N \(N\): invalid value "0"; allowed range is an integer in \[1, 100000\]/],
    [['--N', '2,x'], /--N \(N\): invalid value "x"/],
    [['--psi', '0'], /--psi \(ψ\): invalid value "0"; allowed range is an integer in \[1, 10000\]/],
    [['--lambda-s', '-1'], /--lambda-s \(λ_s\): invalid value "-1"; allowed range is \[0, 10000\]/],
    [['--lambda-b', '-2'], /--lambda-b \(λ_b\): invalid value "-2"; allowed range is \(0, 10000\]/],
    [['--beta', '1.5'], /--beta \(β\): invalid value "1.5"; allowed range is \[2, 8\]/],
    [['--trials', '0'], /--trials: invalid value "0"/],
    [['--frobnicate', '3'], /unknown option '--frobnicate'/],
    [['--config', bad], /--config: malformed JSON/],
    [['--config', unknownKey], /unknown parameter "psy"/],
  ];
  for (const [args, re] of cases) {
    const r = run([...args, '--trials', args[0] === '--trials' ? args[1] : '10', '--windows', '0']);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}, stderr ${r.err}`);
    assert.match(r.err, re, args.join(' '));
  }
});
