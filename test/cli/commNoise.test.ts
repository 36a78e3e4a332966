import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'comm', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

interface CoverageRow {
  Tdb: number;
  T: number;
  mc: { p: number; ci95: [number, number] | null } | null;
  exact: number | null;
}

test('comm --noise on --coverage-db: JSON with SINR rates, the noise-free gap and coverage with CIs', () => {
  const r = run(['--noise', 'on', '--coverage-db', '-5,0,5,10', '--L', '1,2', '--lambda-b', '50', '--trials', '6000', '--seed', '1', '--threads', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out) as { params: Record<string, unknown>; points: Array<{ L: number; rate: { exact: number; exactNoNoise: number; noiseGap: number; mc: { mean: number } }; coverageDb: CoverageRow[] }> };
  assert.equal(o.params.noise, 'on');
  assert.ok(Math.abs((o.params.noisePowerDbm as number) - -87) < 1e-9);
  for (const pt of o.points) {
    assert.ok(pt.rate.exact < pt.rate.exactNoNoise);
    assert.deepEqual(
      pt.coverageDb.map((c) => c.Tdb),
      [-5, 0, 5, 10],
    );
    for (const c of pt.coverageDb) assert.ok(c.mc !== null && c.mc.ci95 !== null && c.mc.ci95[0] <= c.mc.p && c.mc.p <= c.mc.ci95[1]);
    assert.equal(pt.coverageDb[0].exact === null, pt.L !== 1);
  }
});

test('comm --noise on: table and CSV (one column group per threshold, units in the names)', () => {
  const args = ['--noise', 'on', '--coverage-db', '-5,10', '--L', '1', '--trials', '2000', '--seed', '1', '--threads', '1'];
  const t = run(args);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /SINR: noise -87\.0 dBm/);
  assert.match(t.out, /P\(SINR > T\):/);
  assert.match(t.out, /SIR gap/);
  const c = run([...args, '--format', 'csv']);
  assert.equal(c.code, 0, c.err);
  const [head, row] = c.out.trim().split('\n');
  const cols = head.split(',');
  for (const name of ['rate_exact_nats_per_s_hz', 'rate_exactNoNoise_nats_per_s_hz', 'rate_noiseGap', 'coverageDb_m5dB_mc_p', 'coverageDb_m5dB_mc_ci95_lo', 'coverageDb_m5dB_mc_ci95_hi', 'coverageDb_10dB_exact']) {
    assert.ok(cols.includes(name), `${name} in ${head}`);
  }
  assert.equal(row.split(',').length, cols.length);
});

test('comm without --noise prints no noise fields (the paper model, unchanged)', () => {
  const r = run(['--L', '1,2', '--trials', '2000', '--seed', '3', '--threads', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out) as { params: Record<string, unknown>; points: Array<{ rate: Record<string, unknown> }> };
  assert.equal(o.params.noise, undefined);
  for (const pt of o.points) assert.equal(pt.rate.exactNoNoise, undefined);
});

test('bad noise input exits 2 naming the flag, the value and the range, before any work', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--coverage-db', '-5,abc'], /--coverage-db.*abc/],
    [['--coverage-db', '0,200'], /--coverage-db.*200.*\[-100, 100\]/],
    [['--noise', 'maybe'], /--noise.*maybe.*off, on/],
    [['--noise', 'on', '--comm-bandwidth', '-1'], /--comm-bandwidth.*-1/],
    [['--noise', 'on', '--noise-figure', '-3'], /--noise-figure.*-3.*\[0, 50\]/],
    [['--noise', 'on', '--ref-distance', '0'], /--ref-distance.*0/],
    [['--noise', 'on', '--noise-psd', 'x'], /--noise-psd/],
    [['--noise', 'on', '--acceptance', 'network'], /--noise.*network/],
  ];
  for (const [args, re] of cases) {
    const r = run([...args, '--L', '1', '--trials', '100', '--threads', '1']);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.equal(r.out, '');
  }
});
