import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'localize', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', ISACNET_ALWAYS_THREADS: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

interface Est {
  mse: number;
  rmse: number;
  ratioMedian: number;
  ratioMean: number;
  outlierFraction: number;
}
interface Out {
  params: Record<string, unknown>;
  points: Array<{ N: number; snrDb: number; crlb: { mean: number; median: number }; mle: Est; ls: Est }>;
  thresholds: Array<{ N: number; mleSnrDb: number | null }>;
  run: { threads: number };
  provenance: { command: string };
}

test('localize --json has the contract shape of issue 12; --threads 1 and 2 give byte-identical points', () => {
  const args = ['--N', '6,4', '--snr-db', '-10,0,40', '--geometries', '24', '--noise-draws', '3', '--seed', '1', '--json'];
  const a = run([...args, '--threads', '1']);
  const b = run([...args, '--threads', '2']);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const ja = JSON.parse(a.out) as Out;
  const jb = JSON.parse(b.out) as Out;
  assert.equal(JSON.stringify(ja.points), JSON.stringify(jb.points));
  assert.equal(JSON.stringify(ja.thresholds), JSON.stringify(jb.thresholds));
  assert.deepEqual(Object.keys(ja).sort(), ['params', 'points', 'provenance', 'run', 'thresholds']);
  assert.equal(ja.provenance.command, 'localize');
  assert.deepEqual(ja.points.map((p) => [p.N, p.snrDb]), [[4, -10], [4, 0], [4, 40], [6, -10], [6, 0], [6, 40]]);
  for (const p of ja.points) {
    assert.deepEqual(Object.keys(p), ['N', 'snrDb', 'crlb', 'mle', 'ls']);
    assert.deepEqual(Object.keys(p.crlb), ['mean', 'median']);
    for (const e of [p.mle, p.ls]) {
      for (const k of ['mse', 'rmse', 'ratioMedian', 'ratioMean', 'outlierFraction']) assert.equal(typeof (e as unknown as Record<string, unknown>)[k], 'number', k);
      assert.ok(Math.abs(e.rmse - Math.sqrt(e.mse)) <= 1e-12 * e.rmse);
    }
  }
  // 0 dB is the scenario's link budget: its CRLB is the CRLB at −10 dB divided by 10 (same geometries).
  const at = (N: number, s: number) => ja.points.find((p) => p.N === N && p.snrDb === s)!;
  assert.ok(Math.abs(at(6, -10).crlb.mean / at(6, 0).crlb.mean - 10) < 1e-9);
  assert.equal(ja.params.outlierMultiple, 5);
});

test('localize table and csv output', () => {
  const t = run(['--N', '4', '--snr-db', '0,20', '--geometries', '8', '--noise-draws', '2', '--threads', '1']);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /beyond the paper/);
  assert.match(t.out, /threshold SNR/);
  const c = run(['--N', '4', '--snr-db', '0', '--geometries', '8', '--noise-draws', '2', '--threads', '1', '--format', 'csv']);
  assert.equal(c.code, 0, c.err);
  const header = c.out.split('\n')[0];
  assert.match(header, /snrDb_dB/);
  assert.match(header, /mle_rmse_m/);
});

test('localize: bad input exits 2 naming the flag, the value and the range, before any work', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--snr-db', '0,abc'], /--snr-db: invalid value "abc"; allowed range is \[-100, 200\] dB/],
    [['--snr-db', '0,,10'], /--snr-db/],
    [['--N', '1,4'], /--N \(N\): invalid value "?1"?; allowed range is an integer in \[2, 1000\]; one BS measures one range, a circle, which fixes no 2-D position/],
    [['--geometries', '0'], /--geometries: invalid value "?0"?; allowed range is an integer in \[1, /],
    [['--noise-draws', '0'], /--noise-draws: invalid value "?0"?; allowed range is an integer in \[1, /],
    [['--outlier-multiple', '-1'], /--outlier-multiple: invalid value "?-1"?/],
  ];
  for (const [args, re] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
    assert.equal(r.out, '');
  }
});
