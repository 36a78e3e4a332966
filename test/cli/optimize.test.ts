import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');

interface Point {
  rate: number;
  crlbA: number | null;
  L: number | null;
  N: number;
  pc: number;
  backhaulUse: number;
}
interface Out {
  params: Record<string, unknown>;
  pareto: Point[];
  timeSharing: Array<{ rate: number; crlbA: number | null; tau: number }>;
  corners: { comm: Point & { backhaulBound: boolean }; sens: Point };
  weighted?: Point & { w: number; objective: number };
  nonCooperative: Point[];
  containment: { contained: boolean };
  warnings: string[];
}

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'optimize', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('optimize --backhaul 6 --e 0.2 --json follows the contract', () => {
  const r = run(['--backhaul', '6', '--e', '0.2', '--json', '--weight', '0.5']);
  assert.equal(r.code, 0, r.err);
  assert.ok(!/NaN|Infinity/.test(r.out), 'no NaN/Infinity in the JSON');
  const o = JSON.parse(r.out) as Out;
  for (const k of ['params', 'pareto', 'timeSharing', 'corners', 'weighted']) assert.ok(k in o, `missing ${k}`);
  assert.equal(o.params.backhaul, 6);
  assert.equal(o.params.e, 0.2);
  assert.equal(o.params.rateModel, 'exact');
  assert.equal(o.params.crlbModel, 'eq16');
  assert.ok(o.pareto.length > 20);
  for (const p of o.pareto) {
    // A missing value has its reason beside it (issue 13): `LReason` where L is null.
    assert.deepEqual(Object.keys(p).filter((k) => !k.endsWith('Reason')).sort(), ['L', 'N', 'backhaulUse', 'crlbA', 'localizableMinority', 'nonLocalizableFraction', 'pc', 'rate']);
    if ((p as { L: unknown }).L === null) assert.equal((p as { LReason?: string }).LReason, 'no communication (p^c = 0)');
    assert.ok(p.backhaulUse <= 6 + 1e-9 && Math.abs(p.backhaulUse - (p.rate + 0.2 * p.N)) < 1e-9);
  }
  for (let i = 1; i < o.pareto.length; i++) {
    assert.ok(o.pareto[i].rate > o.pareto[i - 1].rate, 'pareto sorted by rate');
    assert.ok((o.pareto[i].crlbA as number) > (o.pareto[i - 1].crlbA as number), 'non-dominated');
  }
  for (let i = 1; i < o.timeSharing.length; i++) assert.ok(o.timeSharing[i].rate >= o.timeSharing[i - 1].rate, 'time-sharing sorted by rate');
  const last = o.timeSharing[o.timeSharing.length - 1];
  assert.equal(last.tau, 1);
  assert.equal(last.crlbA, null);
  // Corners: the sensing corner opens the boundary; the communication corner has no sensing.
  const { nonLocalizableFraction, localizableMinority, ...first } = o.pareto[0] as typeof o.pareto[0] & { nonLocalizableFraction: number; localizableMinority: boolean };
  assert.deepEqual(first, { rate: 0, crlbA: o.corners.sens.crlbA, L: null, LReason: 'no communication (p^c = 0)', N: o.corners.sens.N, pc: 0, backhaulUse: o.corners.sens.backhaulUse });
  // Paper parameters (λ_s = λ_b, ψ = 15, N = 12): almost every target is localizable.
  assert.ok(nonLocalizableFraction >= 0 && nonLocalizableFraction < 1e-6 && localizableMinority === false);
  assert.equal(o.corners.comm.N, 0);
  assert.equal(o.corners.comm.crlbA, null);
  // The paper's setting: L* = 13 at every power, N* = 12 with Eq. (16) (docs/optimization.md).
  assert.equal(o.corners.comm.L, 13);
  assert.equal(o.corners.sens.N, 12);
  assert.equal(o.containment.contained, true);
  const w = o.weighted as Out['weighted'] & object;
  assert.equal(w.w, 0.5);
  assert.ok(w.backhaulUse <= 6 + 1e-9);
});

test('optimize prints a readable table without --json, and honours --rate-model thm2', () => {
  const r = run(['--backhaul', '4', '--rate-model', 'thm2', '--max-L', '14', '--levels', '12']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Pareto boundary \(max R_c s\.t\. CRLB_a ≤ c\)/);
  assert.match(r.out, /rate thm2/);
  assert.match(r.out, /capped by the backhaul/, 'at C = 4 the communication corner is backhaul-limited');
  assert.match(r.out, /time-sharing .*better than the cooperative scheme for τ in/);
});

test('infeasible backhaul and bad options exit 2 with a clear message', () => {
  const r = run(['--backhaul', '0.3', '--e', '0.2', '--json']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '', 'no empty result on stdout');
  assert.match(r.err, /--backhaul \(C_backhaul\): infeasible value 0\.3 .*N = 2.*0\.4000/);
  for (const [args, re] of [
    [['--rate-model', 'bogus'], /--rate-model: invalid value "bogus"; allowed values are exact, thm2/],
    [['--crlb-model', 'x'], /--crlb-model/],
    [['--weight', '1.5'], /--weight \(w\): invalid value "1\.5"/],
    [['--max-L', '0'], /--max-L/],
    [['--e', '-1'], /--e/],
  ] as Array<[string[], RegExp]>) {
    const b = run(args);
    assert.equal(b.code, 2, `${args.join(' ')}: ${b.err}`);
    assert.match(b.err, re);
  }
});

test('--crlb-model mc uses the simulated median (small run)', () => {
  const r = run(['--backhaul', '3', '--crlb-model', 'mc', '--windows', '4', '--max-L', '14', '--levels', '10', '--threads', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out) as Out;
  assert.equal(o.params.crlbModel, 'mc');
  assert.equal(o.params.crlbStatistic, 'median');
  assert.ok(o.pareto.length > 3);
  for (const p of o.pareto) assert.ok(p.backhaulUse <= 3 + 1e-9);
});
