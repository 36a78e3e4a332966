import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');

interface Point {
  L: number;
  pc: number;
  kappaC: { formula: number; mc?: number | null };
  rate: { thm2: number; exact: number; mc: { mean: number; ci95: [number, number]; trials: number } | null; exactAtMcKappa?: number | null };
}
interface Out {
  params: Record<string, unknown>;
  points: Point[];
  run: { threads: number; elapsedSeconds: number };
}

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'comm', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('--json follows the contract; --threads 1 and 2 give byte-identical points', () => {
  const args = ['--L', '1,2,3,8', '--pc', '0.5', '--trials', '6000', '--seed', '7', '--json'];
  const a = run([...args, '--threads', '1']);
  const b = run([...args, '--threads', '2']);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const oa = JSON.parse(a.out) as Out;
  const ob = JSON.parse(b.out) as Out;
  assert.equal(JSON.stringify(oa.points), JSON.stringify(ob.points));
  assert.equal(oa.run.threads, 1);
  assert.equal(ob.run.threads, 2);
  assert.deepEqual(
    oa.points.map((p) => p.L),
    [1, 2, 3, 8],
  );
  for (const p of oa.points) {
    assert.equal(p.pc, 0.5);
    assert.ok(p.kappaC.formula > 0 && p.kappaC.formula <= 1);
    assert.ok(p.rate.thm2 > 0 && p.rate.exact > 0);
    assert.ok(p.rate.mc && p.rate.mc.trials === 6000 && p.rate.mc.ci95[0] < p.rate.mc.mean && p.rate.mc.mean < p.rate.mc.ci95[1]);
    assert.ok(!('mc' in p.kappaC), 'independent acceptance has no simulated κ_c');
  }
  assert.equal(oa.points[0].rate.thm2, oa.points[0].rate.exact, 'L = 1: Theorem 2 = exact');
  assert.equal(oa.params.seed, 7);
  assert.equal(oa.params.acceptance, 'independent');
});

test('--acceptance network reports κ_c MC and the same points for any thread count', () => {
  const args = ['--L', '4', '--pc', '0.3,0.9', '--trials', '1500', '--lambda-u', '3', '--acceptance', 'network', '--json'];
  const a = run([...args, '--threads', '1']);
  const b = run([...args, '--threads', '2']);
  assert.equal(a.code, 0, a.err);
  const oa = JSON.parse(a.out) as Out;
  assert.equal(JSON.stringify(oa.points), JSON.stringify((JSON.parse(b.out) as Out).points));
  assert.equal(oa.points.length, 2);
  for (const p of oa.points) {
    assert.ok(typeof p.kappaC.mc === 'number' && p.kappaC.mc > 0 && p.kappaC.mc <= 1);
    assert.ok(p.rate.mc && p.rate.mc.trials > 1000);
    assert.ok(typeof p.rate.exactAtMcKappa === 'number');
  }
});

test('readable table without --json, --config file accepted', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-comm-'));
  const cfg = path.join(dir, 'c.json');
  writeFileSync(cfg, JSON.stringify({ psi: 10, lambdaU: 2, L: [1, 4] }));
  const r = run(['--config', cfg, '--trials', '2000', '--threads', '1']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /R_c in nats\/s\/Hz; λ_u\/λ_b = 2\.000, ψ = 10/);
  assert.match(r.out, /Thm 2 +exact +MC mean/);
  assert.equal(r.out.trim().split('\n').length, 6);
});

test('bad input exits 2 with a message naming the parameter, its value and the allowed range', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--pc', '1.5'], /--pc \(p\^c\): invalid value "1\.5"; allowed range is \[0, 1\]/],
    [['--pc', '0.2,-0.1'], /--pc \(p\^c\): invalid value "-0\.1"/],
    [['--alpha', '2'], /--alpha \(α\): invalid value "2"; allowed range is \(2, 8\]/],
    [['--mt', '1'], /--mt \(M_t\): invalid value "1"; allowed range is an integer in \[2, 64\]/],
    [['--L', '0,2'], /--L \(L\): invalid value "0"; allowed range is an integer in \[1, 1000\]/],
    [['--acceptance', 'greedy'], /--acceptance: invalid value "greedy"; allowed values are independent, network/],
    [['--gains', 'rician'], /--gains: invalid value "rician"; allowed values are gamma, zf/],
  ];
  for (const [args, re] of cases) {
    const r = run([...args, '--trials', '10', '--threads', '1']);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}, stderr ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.out, '');
  }
});
