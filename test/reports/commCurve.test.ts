import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCommReport, usesRateCurve, DEFAULT_DISC_BS, type CommRunOptions } from '../../src/reports/comm.ts';
import { typicalUserKernel, TYPICAL_USER_RECORD } from '../../src/comm/typicalUser.ts';
import { meanCi95 } from '../../src/math/stats.ts';
import { defaultParams } from '../../src/params/index.ts';
import { inlineRunner, runJobSync } from '../../src/registry/inline.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import type { JobRunner } from '../../src/parallel/job.ts';

const p = defaultParams();
const base: CommRunOptions = { Ls: [1, 4, 10], pcs: [0.3, 0.9], trials: 20000, seed: 3, acceptance: 'independent', gains: 'gamma' };

// The whole-curve path (comm.rateCurve) and the per-point kernel (comm.typicalUser, run here directly
// on the report's models) simulate the same model with independent streams: their means must agree
// within 4 combined standard errors (two-sided false alarm 6e-5 per comparison, 6 comparisons), and
// both must agree with the exact rate within 4 s.e.
test('independent acceptance: the whole-curve Monte Carlo agrees with the per-point kernel and the exact rate', async () => {
  assert.equal(usesRateCurve(p, base), true);
  assert.equal(usesRateCurve(p, { ...base, coverageDb: [0] }), true);
  assert.equal(usesRateCurve(p, { ...base, noise: 'on' }), false);
  const curve = await computeCommReport(p, base, inlineRunner);
  assert.equal(curve.params.monteCarloKernel, 'comm.rateCurve');
  const se = (m: { ci95: [number, number] }): number => (m.ci95[1] - m.ci95[0]) / (2 * 1.959963984540054);
  for (const q of curve.points) {
    const model = { L: q.L, pc: q.pc, kappaC: q.kappaC.formula, alpha: p.alpha, mt: p.mt };
    const rec = runJobSync(typicalUserKernel.job({ ...model, gains: 'gamma', discBs: DEFAULT_DISC_BS }, 20000, 3));
    const rates = new Float64Array(rec.length / TYPICAL_USER_RECORD);
    for (let i = 0; i < rates.length; i++) rates[i] = rec[i * TYPICAL_USER_RECORD]!;
    const s = meanCi95(rates);
    const a = q.rate.mc!;
    assert.equal(a.trials, 20000);
    assert.ok(Math.abs(a.mean - s.mean) < 4 * Math.hypot(se(a), s.standardError), `L = ${q.L}, p^c = ${q.pc}: curve ${a.mean} vs point ${s.mean}`);
    assert.ok(Math.abs(a.mean - q.rate.exact) < 4 * se(a), `L = ${q.L}, p^c = ${q.pc}: curve ${a.mean} vs exact ${q.rate.exact}`);
  }
});

// Coverage from the curve's rate records: the event ln(1 + SIR) > ln(1 + T) is SIR > T (checked on
// comm.typicalUser's records, which hold both: the counts are equal), and the curve report's coverage
// agrees with the exact L = 1 coverage (coverageL1Noise with noise 0, the `exact` field) within 4
// binomial s.e. and with the per-point kernel's fraction within 4 combined s.e. at L = 4, 10.
test('coverage thresholds come from the whole-curve records: same event as SIR > T, agree with the exact L = 1 value and the per-point kernel', async () => {
  const o: CommRunOptions = { ...base, pcs: [0.5], coverageDb: [-5, 0, 5, 10], coverageThresholds: [0.5, 3] };
  const curve = await computeCommReport(p, o, inlineRunner);
  assert.equal(curve.params.monteCarloKernel, 'comm.rateCurve');
  for (const q of curve.points) {
    const model = { L: q.L, pc: q.pc, kappaC: q.kappaC.formula, alpha: p.alpha, mt: p.mt };
    const rec = runJobSync(typicalUserKernel.job({ ...model, gains: 'gamma', discBs: DEFAULT_DISC_BS }, 20000, 7));
    const n = rec.length / TYPICAL_USER_RECORD;
    for (const row of q.coverageDb!) {
      let bySir = 0;
      let byRate = 0;
      for (let i = 0; i < n; i++) {
        if (rec[i * TYPICAL_USER_RECORD + 1]! > row.T) bySir++;
        if (rec[i * TYPICAL_USER_RECORD]! > Math.log1p(row.T)) byRate++;
      }
      assert.equal(byRate, bySir, `T = ${row.Tdb} dB: rate and SIR events`);
      const pc = row.mc!.p;
      const ref = bySir / n;
      const sdCombined = Math.sqrt((pc * (1 - pc)) / 20000 + (ref * (1 - ref)) / n);
      assert.ok(Math.abs(pc - ref) < 4 * sdCombined, `L = ${q.L}, T = ${row.Tdb} dB: curve ${pc} vs point ${ref}`);
      assert.ok(row.mc!.ci95 !== null && row.mc!.ci95[0] <= pc && pc <= row.mc!.ci95[1]);
      if (q.L === 1) {
        assert.ok(row.exact !== null);
        assert.ok(Math.abs(pc - row.exact!) < 4 * Math.sqrt((row.exact! * (1 - row.exact!)) / 20000), `L = 1, T = ${row.Tdb} dB: curve ${pc} vs exact ${row.exact}`);
      }
    }
    assert.deepEqual(q.coverage!.map((c) => c.T), [0.5, 3]);
    // coverage falls with the threshold
    assert.ok(q.coverage![0]!.mc >= q.coverage![1]!.mc);
  }
});

test('whole-curve report: the same numbers on 1 and 2 threads; Ls in any order and repeated', async () => {
  const two: JobRunner = (job, onProgress) => runJob(job, 2, onProgress, true);
  const o = { ...base, Ls: [10, 1, 4, 4], trials: 6000 };
  const a = await computeCommReport(p, o, inlineRunner);
  const b = await computeCommReport(p, o, two);
  assert.deepEqual(a.points.map((q) => q.rate.mc), b.points.map((q) => q.rate.mc));
  assert.deepEqual(a.points.map((q) => q.L), [10, 10, 1, 1, 4, 4, 4, 4]);
  // a repeated L gets the same estimate (one column of the curve)
  assert.deepEqual(a.points[4]!.rate.mc, a.points[6]!.rate.mc);
});
