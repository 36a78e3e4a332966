/**
 * runSweep: grids, point seeds, and at every point the numbers of the sub-command's report run with
 * the point's parameters, seed and trials (closed forms identical; Monte Carlo means and CIs to
 * 1e-12 relative, compensated sums against the reports' two-pass statistics; medians within the
 * DDSketch accuracy α = SWEEP_SKETCH_ACCURACY of the exact sample median); precision targets stop at
 * the same chunk for any executor; a store makes a rerun compute nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultParams } from '../../src/params/schema.ts';
import { resolveParams } from '../../src/params/validate.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { inlineChunkExecutor, type ChunkStatsResult, type ChunkTaskExecutor } from '../../src/registry/chunkStats.ts';
import { poolChunkExecutor } from '../../src/registry/poolExecutor.ts';
import { createWorkerPool } from '../../src/registry/nodePool.ts';
import { computeCommReport } from '../../src/reports/comm.ts';
import { computeSensingReport } from '../../src/reports/sensing.ts';
import { runOptimize } from '../../src/reports/optimize.ts';
import { SWEEP_SKETCH_ACCURACY, checkSweepSpec, expandGrid, pointSeed, runSweep, type ChunkStore, type SweepSpec } from '../../src/reports/sweep.ts';

const close = (a: number | null | undefined, b: number | null | undefined, rel = 1e-12): boolean => a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= rel * Math.abs(b);

test('the grid: Cartesian product (first axis slowest) or zip; seeds depend on the point only', () => {
  const base = defaultParams();
  const pts = expandGrid(base, [{ key: 'psi', values: [5, 15] }, { key: 'lambdaU', values: [1, 2, 4] }], false, 7);
  assert.deepEqual(pts.map((q) => [q.values.psi, q.values.lambdaU]), [[5, 1], [5, 2], [5, 4], [15, 1], [15, 2], [15, 4]]);
  assert.equal(pts[4].params.psi, 15);
  assert.equal(pts[4].params.lambdaU, 2);
  assert.equal(pts[4].seed, pointSeed(resolveParams({ psi: 15, lambdaU: 2 }), 7));
  // Adding grid points never changes the seeds of the existing ones.
  const more = expandGrid(base, [{ key: 'psi', values: [5, 10, 15] }, { key: 'lambdaU', values: [0.5, 1, 2, 4] }], false, 7);
  for (const q of pts) assert.equal(more.find((m) => m.values.psi === q.values.psi && m.values.lambdaU === q.values.lambdaU)?.seed, q.seed);
  assert.equal(new Set(more.map((q) => q.seed)).size, more.length);
  const zipped = expandGrid(base, [{ key: 'psi', values: [5, 15] }, { key: 'alpha', values: [3, 4] }], true, 7);
  assert.deepEqual(zipped.map((q) => [q.values.psi, q.values.alpha]), [[5, 3], [15, 4]]);
  assert.ok(pts.every((q) => Number.isSafeInteger(q.seed) && q.seed >= 0 && q.seed < 2 ** 52));
});

test('bad grids are refused before any work, naming the parameter and the point', () => {
  const base = defaultParams();
  assert.throws(() => expandGrid(base, [], false, 1), /grid/);
  assert.throws(() => expandGrid(base, [{ key: 'psi', values: [5, 15] }, { key: 'alpha', values: [3] }], true, 1), /zip pairs/);
  assert.throws(() => expandGrid(base, [{ key: 'psi', values: [5, 0] }], false, 1), /grid\.psi must be an integer in \[1, 10000\] resource blocks, got 0; at grid point 1 \(psi=0\)/);
  assert.throws(() => expandGrid(base, [{ key: 'psi', values: [1, 2, 3] }, { key: 'mt', values: [2, 3, 4] }], false, 1, 8), /at most maxPoints = 8 points/);
  assert.throws(() => expandGrid(base, [{ key: 'nope' as 'psi', values: [1] }], false, 1), /a parameter key/);
  const spec: SweepSpec = { measure: 'comm', base, grid: [{ key: 'psi', values: [5] }], seed: 1, trials: 100 };
  assert.throws(() => checkSweepSpec({ ...spec, precision: { absolute: 0, maxTrials: 10 } }), /precision\.absolute must be a number > 0, got 0/);
  assert.throws(() => checkSweepSpec({ ...spec, precision: { relative: -1, maxTrials: 10 } }), /precision\.relative/);
  assert.throws(() => checkSweepSpec({ ...spec, Ls: [30] }), /discBs/);
});

test('comm: every row is what computeCommReport gives with the point parameters, seed and trials', async () => {
  const spec: SweepSpec = { measure: 'comm', base: defaultParams(), grid: [{ key: 'psi', values: [5, 15] }], Ls: [1, 4], pcs: [0.5], seed: 7, trials: 5000 };
  const r = await runSweep(spec, { execute: inlineChunkExecutor });
  assert.equal(r.rows.length, 4);
  for (const row of r.rows) {
    const p = resolveParams({ psi: row.psi });
    // the sub-command with the sweep's L list (a whole curve shares its draws across L, so the list is part of the result)
    const ref = await computeCommReport(p, { Ls: [1, 4], pcs: [0.5], trials: row.trials as number, seed: row.seed as number, acceptance: 'independent', gains: 'gamma' }, inlineRunner);
    const q = ref.points.find((x) => x.L === row.L)!;
    assert.equal(row.kappa_c_formula, q.kappaC.formula);
    assert.equal(row.rate_exact_nats_per_s_hz, q.rate.exact);
    assert.equal(row.rate_thm2_nats_per_s_hz, q.rate.thm2);
    assert.equal(row.rate_thm2_printed_h1_nats_per_s_hz, q.rate.thm2PrintedH1);
    assert.equal(row.trials, q.rate.mc?.trials);
    assert.ok(close(row.rate_mc_mean_nats_per_s_hz as number, q.rate.mc?.mean), `${row.rate_mc_mean_nats_per_s_hz} vs ${q.rate.mc?.mean}`);
    assert.ok(close(row.rate_mc_ci95_lo_nats_per_s_hz as number, q.rate.mc?.ci95[0]));
    assert.ok(close(row.rate_mc_ci95_hi_nats_per_s_hz as number, q.rate.mc?.ci95[1]));
  }
  assert.deepEqual(r.columns.filter((c) => c.role === 'parameter').map((c) => c.name), ['psi', 'L', 'pc', 'seed']);
});

test('sensing: closed forms, κ_s and the CRLB mean equal computeSensingReport (windows 0); medians within α', async () => {
  const spec: SweepSpec = { measure: 'sensing', base: defaultParams(), grid: [{ key: 'beta', values: [2, 3] }], Ns: [1, 3, 6], seed: 3, trials: 6000 };
  const r = await runSweep(spec, { execute: inlineChunkExecutor });
  for (const beta of [2, 3]) {
    const rows = r.rows.filter((q) => q.beta === beta);
    const ref = await computeSensingReport(resolveParams({ beta }), { Ns: [1, 3, 6], trials: 6000, seed: rows[0].seed as number, windows: 0, samplesPerWindow: 256 }, inlineRunner);
    ref.points.forEach((q, i) => {
      const row = rows[i];
      assert.equal(row.N, q.N);
      assert.equal(row.crlb_prop1_m2, q.crlb.prop1);
      assert.equal(row.crlb_eq13_m2, q.crlb.eq13);
      assert.equal(row.crlb_thm1_m2, q.crlb.thm1);
      assert.equal(row.kappa_s_lemma1, q.kappaS.lemma1);
      assert.equal(row.crlb_accept_eq16_m2, q.crlbAccept.eq16);
      assert.equal(row.crlb_accept_thinned_prop1_m2, q.crlbAccept.thinnedProp1);
      assert.equal(row.trials, q.crlb.mc.trials);
      if (q.crlb.mc.mean === null) assert.equal(row.crlb_mc_mean_m2, null);
      else assert.ok(close(row.crlb_mc_mean_m2 as number, q.crlb.mc.mean) && close(row.crlb_mc_ci95_hi_m2 as number, q.crlb.mc.ci95![1]));
      if (q.crlb.mc.median === null) assert.equal(row.crlb_mc_median_m2, null);
      // Both interpolate the two middle order statistics; the sketch's are within α of them.
      else assert.ok(Math.abs((row.crlb_mc_median_m2 as number) / q.crlb.mc.median - 1) <= SWEEP_SKETCH_ACCURACY, `N = ${q.N}: ${row.crlb_mc_median_m2} vs ${q.crlb.mc.median}`);
    });
  }
});

test('optimize: the corners of runOptimize (eq16) at every point', async () => {
  const settings = { rateModel: 'exact' as const, maxL: 6, maxN: 40, levels: 8, decades: 3 };
  const spec: SweepSpec = { measure: 'optimize', base: defaultParams(), grid: [{ key: 'backhaul', values: [4, 6] }], seed: 1, trials: 1, optimize: settings };
  const r = await runSweep(spec, { execute: inlineChunkExecutor });
  for (const row of r.rows) {
    const o = await runOptimize(resolveParams({ backhaul: row.backhaul }), { ...settings, crlbModel: 'eq16', windows: 200, seed: 1, threads: 1 }, () => {
      throw new Error('no runner');
    });
    assert.equal(row.comm_corner_rate_nats_per_s_hz, o.corners.comm.rate);
    assert.equal(row.sens_corner_crlb_a_m2, o.corners.sens.crlbA);
    assert.equal(row.sens_corner_N, o.corners.sens.N);
    assert.deepEqual([row.comm_corner_L, row.comm_corner_pc, row.sens_corner_pc, row.pareto_points], [o.corners.comm.L, o.corners.comm.pc, o.corners.sens.pc, o.pareto.length]);
  }
  // The two points share one rate envelope (same ψ, λ, α, M_t): the second point's numbers are
  // nonetheless those of a fresh runOptimize (checked above for both).
});

test('precision targets: the same stopping point for any executor; the target met or max trials reported', async () => {
  const spec: SweepSpec = { measure: 'comm', base: defaultParams(), grid: [{ key: 'psi', values: [15] }], Ls: [1, 4], pcs: [0.5], seed: 7, trials: 4096, precision: { absolute: 0.03, maxTrials: 200000 } };
  const a = await runSweep(spec, { execute: inlineChunkExecutor });
  const pool = createWorkerPool(2, true);
  let b;
  try {
    b = await runSweep(spec, { execute: poolChunkExecutor(pool) });
  } finally {
    await pool.close();
  }
  assert.deepEqual(b.rows, a.rows);
  for (const row of a.rows) {
    assert.ok((row.trials as number) > 4096, 'a 4096-trial first batch cannot reach ±0.03');
    assert.ok((row.rate_mc_half_width_nats_per_s_hz as number) <= 0.03);
    assert.equal(row.max_trials_hit, false);
  }
  // A cap below what the target needs: stops at the cap and says so.
  const capped = await runSweep({ ...spec, precision: { absolute: 0.001, maxTrials: 10000 } }, { execute: inlineChunkExecutor });
  assert.ok(capped.rows.every((q) => q.trials === 10000 && q.max_trials_hit === true));
  assert.equal(capped.maxTrialsHit, 1); // one Monte Carlo job: the whole curve of p^c = 0.5 (L = 1 and 4)
  // The sub-command with the row's trials and seed gives the same numbers (the chunks are the same).
  const row = a.rows[1];
  const ref = await computeCommReport(defaultParams(), { Ls: [1, 4], pcs: [0.5], trials: row.trials as number, seed: row.seed as number, acceptance: 'independent', gains: 'gamma' }, inlineRunner);
  assert.ok(close(row.rate_mc_mean_nats_per_s_hz as number, ref.points[1].rate.mc?.mean));
});

test('a store: a rerun takes every chunk from it and computes nothing; results identical', async () => {
  const map = new Map<string, ChunkStatsResult>();
  const store: ChunkStore = { get: (k) => map.get(k), put: (k, r) => void map.set(k, JSON.parse(JSON.stringify(r)) as ChunkStatsResult) };
  const spec: SweepSpec = { measure: 'sensing', base: defaultParams(), grid: [{ key: 'lambdaB', values: [1, 2] }], Ns: [3, 5], seed: 2, trials: 8192, precision: { relative: 0.05, maxTrials: 100000 } };
  let computed = 0;
  const counting: ChunkTaskExecutor = async (tasks, onResult) => {
    computed += tasks.length;
    await inlineChunkExecutor(tasks, onResult);
  };
  const first = await runSweep(spec, { execute: counting, store });
  const n = computed;
  assert.ok(n > 0 && map.size === n);
  const second = await runSweep(spec, { execute: counting, store });
  assert.equal(computed, n, 'nothing recomputed');
  assert.deepEqual(second, first);
});

test('jobs that need every sample (sensing network, comm network/noise/coverage, localize): identical through inlineRunner and a 2-thread pool', async () => {
  const specs: SweepSpec[] = [
    { measure: 'sensing', base: defaultParams(), grid: [{ key: 'psi', values: [5, 15] }], Ns: [4], seed: 7, trials: 1000, windows: 8 },
    { measure: 'comm', base: defaultParams(), grid: [{ key: 'psi', values: [5] }], Ls: [1, 2], pcs: [0.5], seed: 7, trials: 2048, noise: 'on', coverageDb: [0] },
    { measure: 'localize', base: defaultParams(), grid: [{ key: 'psi', values: [5, 15] }], Ns: [4], seed: 7, trials: 1, localize: { snrDb: [0, 20], geometries: 12, noiseDraws: 3 } },
  ];
  const pool = createWorkerPool(2, true);
  try {
    for (const spec of specs) {
      const a = await runSweep(spec, { execute: inlineChunkExecutor });
      const b = await runSweep(spec, { execute: poolChunkExecutor(pool), runJob: (job, onProgress) => pool.run(job, onProgress) });
      assert.deepEqual(b.rows, a.rows, spec.measure);
      assert.ok(a.rows.length > 0);
    }
  } finally {
    await pool.close();
  }
  // Localize with N = 1 or a precision target is refused, naming the argument.
  assert.throws(() => checkSweepSpec({ measure: 'localize', base: defaultParams(), grid: [{ key: 'psi', values: [5] }], Ns: [1], seed: 7, trials: 1 }), /Ns\[0\]/);
  assert.throws(() => checkSweepSpec({ measure: 'localize', base: defaultParams(), grid: [{ key: 'psi', values: [5] }], seed: 7, trials: 1, precision: { absolute: 1, maxTrials: 10 } }), /precision/);
  assert.throws(() => checkSweepSpec({ measure: 'optimize', base: defaultParams(), grid: [{ key: 'psi', values: [5] }], seed: 7, trials: 1, optimize: { rateModel: 'exact', crlbModel: 'mc', maxL: 5, maxN: 10, levels: 5, decades: 3 }, precision: { absolute: 1, maxTrials: 10 } }), /precision.*crlbModel mc/);
});
