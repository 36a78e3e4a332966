import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCommReport, usesRateCurve, type CommRunOptions } from '../../src/reports/comm.ts';
import { defaultParams } from '../../src/params/index.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import type { JobRunner } from '../../src/parallel/job.ts';

const p = defaultParams();
const base: CommRunOptions = { Ls: [1, 4, 10], pcs: [0.3, 0.9], trials: 20000, seed: 3, acceptance: 'independent', gains: 'gamma' };

// The whole-curve path (comm.rateCurve) and the per-point path (comm.typicalUser; forced here by
// asking for a coverage threshold, which only that kernel records) simulate the same model with
// independent streams: their means must agree within 4 combined standard errors (two-sided false
// alarm 6e-5 per comparison, 6 comparisons), and both must agree with the exact rate within 4 s.e.
test('independent acceptance: the whole-curve Monte Carlo agrees with the per-point kernel and the exact rate', async () => {
  assert.equal(usesRateCurve(p, base), true);
  assert.equal(usesRateCurve(p, { ...base, coverageDb: [0] }), false);
  const curve = await computeCommReport(p, base, inlineRunner);
  const point = await computeCommReport(p, { ...base, coverageDb: [0] }, inlineRunner);
  assert.equal(curve.params.monteCarloKernel, 'comm.rateCurve');
  assert.equal(point.params.monteCarloKernel, 'comm.typicalUser');
  curve.points.forEach((q, i) => {
    const r = point.points[i]!;
    assert.equal(q.L, r.L);
    assert.equal(q.pc, r.pc);
    const se = (m: { ci95: [number, number] }): number => (m.ci95[1] - m.ci95[0]) / (2 * 1.959963984540054);
    const a = q.rate.mc!;
    const b = r.rate.mc!;
    assert.equal(a.trials, 20000);
    assert.ok(Math.abs(a.mean - b.mean) < 4 * Math.hypot(se(a), se(b)), `L = ${q.L}, p^c = ${q.pc}: curve ${a.mean} vs point ${b.mean}`);
    assert.ok(Math.abs(a.mean - q.rate.exact) < 4 * se(a), `L = ${q.L}, p^c = ${q.pc}: curve ${a.mean} vs exact ${q.rate.exact}`);
  });
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
