/**
 * `isacnet sweep --measure sensing|comm|optimize|localize` computes at every point exactly what the
 * sub-command computes there: the sub-command run with the point's parameters, its seed (the row's
 * `seed`) and the same trials gives the same numbers. Covers the options of issue 10/12 beyond the
 * typical-user rate: the sensing network simulation (default windows), comm with --acceptance
 * network, --noise on, --coverage and --coverage-db, optimize --crlb-model mc, and localize.
 *
 * The sweeps run with --threads 2 and the sub-commands with --threads 1, so equality also checks
 * that the numbers do not depend on the thread count. Equality is exact (the same functions on the
 * same samples) except the sweep's CRLB mean, which comes from compensated sums of chunk statistics
 * (1e-12 relative, see runSweep's accuracy note). Small trials: each sweep takes about a second.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/isacnet.js');
const env = { ...process.env, CI: '1' };

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

type Row = Record<string, number | string | boolean | null>;

function sweep(args: string[]): Row[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sweepm-'));
  const r = run(['sweep', ...args, '--threads', '2', '--progress', 'none', '--out', dir]);
  assert.equal(r.code, 0, r.err);
  return (JSON.parse(readFileSync(path.join(dir, 'sweep.json'), 'utf8')) as { rows: Row[] }).rows;
}

function sub(args: string[]): { points: Array<Record<string, unknown>> } & Record<string, unknown> {
  const r = run([...args, '--threads', '1', '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as { points: Array<Record<string, unknown>> };
}

function get(o: unknown, ...keys: Array<string | number>): unknown {
  let v = o;
  for (const k of keys) v = (v as Record<string | number, unknown>)[k];
  return v;
}

test('sweep --measure sensing: the network simulation (default windows) and the CRLB as isacnet sensing at the point seed', () => {
  const rows = sweep(['--grid', 'psi=5,15', '--measure', 'sensing', '--N', '4,6', '--trials', '2000', '--seed', '7']);
  assert.equal(rows.length, 4);
  const row = rows.find((r) => r.psi === 15 && r.N === 6);
  assert.ok(row);
  const s = sub(['sensing', '--psi', '15', '--N', '4,6', '--trials', '2000', '--seed', String(row.seed)]);
  assert.equal(get(s, 'params', 'network', 'windows'), 8, 'the default windows rule: trials/1000 within [8, 400]');
  const pt = s.points[1];
  assert.equal(pt.N, 6);
  assert.equal(row.kappa_s_mc, get(pt, 'kappaS', 'mc'));
  assert.deepEqual([row.kappa_s_mc_ci95_lo, row.kappa_s_mc_ci95_hi], get(pt, 'kappaS', 'mcCi95'));
  assert.equal(row.crlb_accept_mc_median_m2, get(pt, 'crlbAccept', 'mc', 'median'));
  assert.deepEqual([row.crlb_accept_mc_median_ci95_lo_m2, row.crlb_accept_mc_median_ci95_hi_m2], get(pt, 'crlbAccept', 'mc', 'medianCi95'));
  assert.equal(row.crlb_accept_eq16_mc_kappa_m2, get(pt, 'crlbAccept', 'eq16McKappa'));
  assert.equal(row.non_localizable_mc, get(pt, 'crlbAccept', 'nonLocalizable', 'mc'));
  assert.equal(row.singular_mc, get(pt, 'crlbAccept', 'nonLocalizable', 'singular'));
  assert.deepEqual([row.non_localizable_mc_ci95_lo, row.non_localizable_mc_ci95_hi], get(pt, 'crlbAccept', 'nonLocalizable', 'mcCi95'));
  assert.equal(row.non_localizable_independent_model, get(pt, 'crlbAccept', 'nonLocalizable', 'independentModel'));
  assert.equal(row.kappa_s_mc_bs_average, get(pt, 'kappaS', 'mcBsAverage'));
  assert.equal(row.kappa_s_load_dispersion, get(pt, 'kappaS', 'loadDispersion'));
  assert.equal(row.crlb_accept_mc_cond4_mean_m2, get(pt, 'crlbAccept', 'mc', 'conditionalMean4', 'mean'));
  assert.deepEqual([row.crlb_accept_mc_cond4_ci95_lo_m2, row.crlb_accept_mc_cond4_ci95_hi_m2], get(pt, 'crlbAccept', 'mc', 'conditionalMean4', 'ci95'));
  assert.equal(row.crlb_accept_mc_cond4_fraction_excluded, get(pt, 'crlbAccept', 'mc', 'conditionalMean4', 'fractionExcluded'));
  assert.equal(row.crlb_accept_mc_trials, get(pt, 'crlbAccept', 'mc', 'trials'));
  assert.equal(row.crlb_prop1_m2, get(pt, 'crlb', 'prop1'));
  const mean = get(pt, 'crlb', 'mc', 'mean') as number;
  assert.ok(Math.abs((row.crlb_mc_mean_m2 as number) - mean) <= 1e-12 * mean, `${row.crlb_mc_mean_m2} vs ${mean}`);
  // --windows 0 skips the simulation, as in isacnet sensing.
  const none = sweep(['--grid', 'psi=15', '--measure', 'sensing', '--N', '4', '--trials', '2000', '--seed', '7', '--windows', '0']);
  assert.equal(none[0].kappa_s_mc, undefined);
});

test('sweep --measure comm --noise on --coverage --coverage-db: as isacnet comm at the point seed', () => {
  const rows = sweep(['--grid', 'psi=5,15', '--measure', 'comm', '--L', '1,2', '--noise', 'on', '--coverage', '1', '--coverage-db', '-5,5', '--trials', '4096', '--seed', '7']);
  const row = rows.find((r) => r.psi === 15 && r.L === 2);
  assert.ok(row);
  const c = sub(['comm', '--psi', '15', '--L', '1,2', '--noise', 'on', '--coverage', '1', '--coverage-db', '-5,5', '--trials', '4096', '--seed', String(row.seed)]);
  const pt = c.points[1];
  assert.equal(pt.L, 2);
  assert.equal(row.rate_exact_nats_per_s_hz, get(pt, 'rate', 'exact'));
  assert.equal(row.rate_mc_mean_nats_per_s_hz, get(pt, 'rate', 'mc', 'mean'));
  assert.deepEqual([row.rate_mc_ci95_lo_nats_per_s_hz, row.rate_mc_ci95_hi_nats_per_s_hz], get(pt, 'rate', 'mc', 'ci95'));
  assert.equal(row.noise_gap, get(pt, 'rate', 'noiseGap'));
  assert.equal(row.coverage_sir_gt_1_mc, get(pt, 'coverage', 0, 'mc'));
  assert.equal(row.coverage_m5db_mc, get(pt, 'coverageDb', 0, 'mc', 'p'));
  assert.deepEqual([row.coverage_5db_mc_ci95_lo, row.coverage_5db_mc_ci95_hi], get(pt, 'coverageDb', 1, 'mc', 'ci95'));
  const l1 = rows.find((r) => r.psi === 15 && r.L === 1);
  assert.equal(l1?.coverage_5db_exact, get(c.points[0], 'coverageDb', 1, 'exact'));
});

test('sweep --measure comm --acceptance network and --gains zf: as isacnet comm at the point seed', () => {
  const rows = sweep(['--grid', 'psi=5,15', '--measure', 'comm', '--L', '2', '--acceptance', 'network', '--trials', '2000', '--seed', '7']);
  const row = rows.find((r) => r.psi === 5);
  assert.ok(row);
  const c = sub(['comm', '--psi', '5', '--L', '2', '--acceptance', 'network', '--trials', '2000', '--seed', String(row.seed)]);
  const pt = c.points[0];
  assert.equal(row.kappa_c_mc, get(pt, 'kappaC', 'mc'));
  assert.equal(row.rate_mc_mean_nats_per_s_hz, get(pt, 'rate', 'mc', 'mean'));
  assert.equal(row.rate_exact_at_mc_kappa_nats_per_s_hz, get(pt, 'rate', 'exactAtMcKappa'));
  const zf = sweep(['--grid', 'psi=15', '--measure', 'comm', '--L', '2', '--gains', 'zf', '--trials', '4096', '--seed', '7']);
  const z = sub(['comm', '--psi', '15', '--L', '2', '--gains', 'zf', '--trials', '4096', '--seed', String(zf[0].seed)]);
  const zm = get(z.points[0], 'rate', 'mc', 'mean') as number;
  // Typical-user rate through chunk statistics: the mean from compensated sums (1e-12 relative).
  assert.ok(Math.abs((zf[0].rate_mc_mean_nats_per_s_hz as number) - zm) <= 1e-12 * zm, `${zf[0].rate_mc_mean_nats_per_s_hz} vs ${zm}`);
});

test('sweep --measure comm --L 30 without --disc-bs: the default rule of isacnet comm, max(100, 4·max(L))', () => {
  // Before, the sweep's default was 100 BSs whatever --L, so --L 30 exited 2 where isacnet comm runs.
  const rows = sweep(['--grid', 'psi=15', '--measure', 'comm', '--L', '30', '--trials', '4096', '--seed', '7']);
  const c = sub(['comm', '--psi', '15', '--L', '30', '--trials', '4096', '--seed', String(rows[0].seed)]);
  assert.equal(get(c, 'params', 'discBs'), 120);
  const m = get(c.points[0], 'rate', 'mc', 'mean') as number;
  // The mean from compensated sums of chunk statistics (1e-12 relative); 100 BSs give other draws.
  assert.ok(Math.abs((rows[0].rate_mc_mean_nats_per_s_hz as number) - m) <= 1e-12 * m, `${rows[0].rate_mc_mean_nats_per_s_hz} vs ${m}`);
  assert.equal(rows[0].rate_exact_nats_per_s_hz, get(c.points[0], 'rate', 'exact'));
});

test('sweep --measure optimize --crlb-model mc: as isacnet optimize at the point seed and windows', () => {
  const rows = sweep(['--grid', 'backhaul=20', '--measure', 'optimize', '--crlb-model', 'mc', '--windows', '4', '--max-N', '10', '--max-L', '5', '--levels', '5', '--weight', '0.5']);
  const row = rows[0];
  const o = sub(['optimize', '--backhaul', '20', '--crlb-model', 'mc', '--windows', '4', '--max-N', '10', '--max-L', '5', '--levels', '5', '--weight', '0.5', '--seed', String(row.seed)]);
  assert.equal(row.sens_corner_crlb_a_m2, get(o, 'corners', 'sens', 'crlbA'));
  assert.equal(row.sens_corner_N, get(o, 'corners', 'sens', 'N'));
  assert.equal(row.comm_corner_rate_nats_per_s_hz, get(o, 'corners', 'comm', 'rate'));
  assert.equal(row.pareto_points, (o.pareto as unknown[]).length);
  assert.equal(row.comm_corner_backhaul_use, get(o, 'corners', 'comm', 'backhaulUse'));
  assert.equal(row.sens_corner_backhaul_use, get(o, 'corners', 'sens', 'backhaulUse'));
  assert.equal(row.time_sharing_contained, get(o, 'containment', 'contained'));
  assert.equal(row.rate_gain_at_pareto_max_nats_per_s_hz, get(o, 'containment', 'rateGainAtPareto', 'max'));
  assert.equal(row.weighted_crlb_a_m2, get(o, 'weighted', 'crlbA'));
  assert.equal(row.weighted_backhaul_use, get(o, 'weighted', 'backhaulUse'));
  // The mc model differs from eq16 (the check can fail).
  const eq16 = sweep(['--grid', 'backhaul=20', '--measure', 'optimize', '--max-N', '10', '--max-L', '5', '--levels', '5']);
  assert.notEqual(eq16[0].sens_corner_crlb_a_m2, row.sens_corner_crlb_a_m2);
});

test('sweep --measure localize: one row per point × N × SNR, as isacnet localize at the point seed', () => {
  const rows = sweep(['--grid', 'psi=5,15', '--measure', 'localize', '--N', '4,6', '--snr-db', '0,20', '--geometries', '16', '--noise-draws', '4', '--seed', '7']);
  assert.equal(rows.length, 2 * 2 * 2);
  const mine = rows.filter((r) => r.psi === 15);
  const l = sub(['localize', '--psi', '15', '--N', '4,6', '--snr-db', '0,20', '--geometries', '16', '--noise-draws', '4', '--seed', String(mine[0].seed)]);
  assert.equal(l.points.length, mine.length);
  l.points.forEach((pt, i) => {
    const row = mine[i];
    assert.equal(row.N, pt.N);
    assert.equal(row.snr_db, pt.snrDb);
    assert.equal(row.crlb_mean_m2, get(pt, 'crlb', 'mean'));
    assert.equal(row.crlb_median_m2, get(pt, 'crlb', 'median'));
    for (const e of ['mle', 'ls']) {
      assert.equal(row[`${e}_mse_m2`], get(pt, e, 'mse'));
      assert.equal(row[`${e}_rmse_m`], get(pt, e, 'rmse'));
      assert.equal(row[`${e}_ratio_median`], get(pt, e, 'ratioMedian'));
      assert.equal(row[`${e}_ratio_mean`], get(pt, e, 'ratioMean'));
      assert.equal(row[`${e}_outlier_fraction`], get(pt, e, 'outlierFraction'));
      assert.equal(row[`${e}_bias_rms_m`], get(pt, e, 'biasRms'));
    }
  });
});

test('sweep bad input for the new options: exit 2 naming the flag', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sweepm-'));
  const cases: Array<[string[], RegExp]> = [
    [['--measure', 'localize', '--N', '1,4'], /--N.*N ≥ 2/],
    [['--measure', 'localize', '--precision', '1'], /--precision/],
    [['--measure', 'comm', '--noise', 'on', '--precision', '0.01'], /--precision/],
    [['--measure', 'optimize', '--crlb-model', 'mc', '--windows', '1'], /--windows/],
    [['--measure', 'optimize', '--crlb-model', 'mc', '--windows', '4', '--precision', '1'], /--precision.*--crlb-model mc/],
    [['--measure', 'comm', '--acceptance', 'sometimes'], /--acceptance/],
    [['--measure', 'localize', '--geometries', '0'], /--geometries/],
    [['--measure', 'comm', '--L', '30', '--disc-bs', '100'], /--disc-bs.*4·max\(L\) = 120/],
  ];
  for (const [args, re] of cases) {
    const r = run(['sweep', '--grid', 'psi=5', ...args, '--out', path.join(dir, 'x'), '--progress', 'none']);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re, args.join(' '));
  }
});

test('whole-sample jobs are kept in the store: a rerun computes none of them and writes byte-identical files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-sweepm-'));
  const args = ['sweep', '--grid', 'psi=5,15', '--measure', 'sensing', '--N', '4,6', '--trials', '2000', '--seed', '7', '--threads', '2', '--progress', 'jsonl', '--out', dir];
  const done = (out: string) => JSON.parse(out.trim().split('\n').at(-1) as string) as { type: string; jobsComputed: number; jobsFromStore: number };
  const first = run(args);
  assert.equal(first.code, 0, first.err);
  const csv = readFileSync(path.join(dir, 'sweep.csv'), 'utf8');
  const a = done(first.out);
  assert.equal(a.type, 'done');
  assert.deepEqual([a.jobsComputed, a.jobsFromStore], [2, 0], 'one network simulation per point');
  const second = run(args);
  assert.equal(second.code, 0, second.err);
  const b = done(second.out);
  assert.deepEqual([b.jobsComputed, b.jobsFromStore], [0, 2]);
  assert.equal(readFileSync(path.join(dir, 'sweep.csv'), 'utf8'), csv);
});
