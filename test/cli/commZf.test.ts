/** `isacnet comm --gains zf`: the ZF control-variate estimate (rate.zfControlVariate). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { rateL1ZfExact } from '../../src/comm/zfRateL1.ts';

const bin = path.resolve('bin/isacnet.js');

interface Est {
  mean: number;
  ci95: [number, number];
  trials: number;
}
interface Point {
  L: number;
  rate: { exact: number; mc: Est | null; zfControlVariate?: { controlled: Est; plain: Est; vrf: number; coefficient: number; controlMean: number; controlSe: number } | null };
}

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'comm', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const se = (e: Est): number => (e.ci95[1] - e.ci95[0]) / (2 * 1.959963984540054);

test('comm --gains zf: controlled and plain ZF estimates, VRF; same points for --threads 1 and 2', () => {
  const args = ['--L', '1,4,8', '--pc', '0.5', '--gains', 'zf', '--trials', '8192', '--seed', '7', '--json'];
  const a = run([...args, '--threads', '1']);
  const b = run([...args, '--threads', '2']);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const oa = JSON.parse(a.out) as { params: Record<string, unknown>; points: Point[]; provenance: Record<string, unknown> };
  assert.equal(JSON.stringify(oa.points), JSON.stringify((JSON.parse(b.out) as { points: Point[] }).points));
  assert.equal(oa.params.zfControlVariate, true);
  for (const p of oa.points) {
    const z = p.rate.zfControlVariate;
    assert.ok(z && p.rate.mc, `L = ${p.L}: zfControlVariate and mc present`);
    assert.equal(z.controlled.trials, 8192);
    // measured VRF ≥ 300 at these parameters (docs/performance.md); 50 leaves room for the seed
    assert.ok(z.vrf > 50, `L = ${p.L}: VRF ${z.vrf}`);
    // the control column estimates the closed form: 4 s.e. of its mean
    assert.ok(Math.abs(z.controlMean - p.rate.exact) < 4 * z.controlSe, `L = ${p.L}: control ${z.controlMean} vs exact ${p.rate.exact}`);
    // same records: plain − controlled ≈ b(X̄ − μ), s.e. |b|·se(X̄)
    assert.ok(Math.abs(z.plain.mean - z.controlled.mean) < 4 * Math.abs(z.coefficient) * z.controlSe);
    // independent stream (comm.typicalUser): 4 s.e. of the difference
    assert.ok(Math.abs(z.controlled.mean - p.rate.mc.mean) < 4 * Math.hypot(se(z.controlled), se(p.rate.mc)), `L = ${p.L}: CV ${z.controlled.mean} vs typicalUser ${p.rate.mc.mean}`);
  }
  // L = 1: the exact ZF rate is known (rateL1ZfExact); 4 s.e. of the controlled estimate (≈1e-3)
  const z1 = oa.points[0]!.rate.zfControlVariate!;
  const ref = rateL1ZfExact(0.5, 4, 4);
  assert.ok(Math.abs(z1.controlled.mean - ref) < 4 * se(z1.controlled), `L = 1: ${z1.controlled.mean} vs ${ref}`);
});

test('comm --gains zf table shows the ZF CV columns; --gains gamma has none', () => {
  const t = run(['--L', '2', '--pc', '0.5', '--gains', 'zf', '--trials', '4096', '--seed', '3', '--threads', '1']);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /ZF CV 95% CI/);
  assert.match(t.out, /VRF/);
  const g = run(['--L', '2', '--pc', '0.5', '--trials', '2000', '--seed', '3', '--threads', '1', '--json']);
  const og = JSON.parse(g.out) as { params: Record<string, unknown>; points: Point[] };
  assert.ok(!('zfControlVariate' in og.params));
  assert.ok(!('zfControlVariate' in og.points[0]!.rate));
});
