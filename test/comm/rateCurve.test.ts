import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../../src/registry/nodePool.ts';
import { Rng } from '../../src/math/rng.ts';
import { simulateRateCurve, rateCurveKernel, RATE_CURVE_KERNEL, exponentialZiggurat } from '../../src/comm/rateCurve.ts';
import { simulateTypicalUser } from '../../src/comm/typicalUser.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { kappaCPrinted } from '../../src/comm/kappa.ts';

function columnStats(rec: Float64Array, width: number, col: number): { mean: number; se: number } {
  const n = rec.length / width;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = rec[i * width + col]!;
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, se: Math.sqrt((s2 / n - mean * mean) / (n - 1)) };
}

const Ls = [1, 2, 4, 8, 12];
const kappaC = Ls.map((L) => kappaCPrinted(15, 1, L));
const base = { pc: 0.5, alpha: 4, mt: 4, discBs: 100 };

// Tolerance: 4 standard errors (fixed seeds; a correct kernel fails with probability ≈ 6e-5 per
// comparison). The mean-field tail bias (≈1e-5, test/comm/montecarlo.test.ts) is far below one s.e. (≈6e-3).
test('comm.rateCurve: every column agrees with the exact rate within 4 s.e.', () => {
  const n = 30000;
  const rec = simulateRateCurve({ Ls, kappaC, ...base }, new Rng(21), n);
  Ls.forEach((L, j) => {
    const { mean, se } = columnStats(rec, Ls.length, j);
    const exact = rateExact({ L, pc: 0.5, kappaC: kappaC[j]!, alpha: 4, mt: 4 });
    assert.ok(Math.abs(mean - exact) < 4 * se, `L = ${L}: MC ${mean} ± ${se}, exact ${exact}`);
  });
});

test('comm.rateCurve: agrees with comm.typicalUser (independent streams) within 4 s.e. of the difference, also at α = 3', () => {
  const n = 20000;
  for (const alpha of [4, 3]) {
    const rec = simulateRateCurve({ Ls, kappaC, ...base, alpha }, new Rng(5), n);
    Ls.forEach((L, j) => {
      const a = columnStats(rec, Ls.length, j);
      const tu = simulateTypicalUser({ L, kappaC: kappaC[j]!, ...base, alpha, gains: 'gamma' }, new Rng(1000 + L), n);
      const b = columnStats(tu, 2, 0);
      const se = Math.hypot(a.se, b.se);
      assert.ok(Math.abs(a.mean - b.mean) < 4 * se, `α = ${alpha}, L = ${L}: curve ${a.mean}, typicalUser ${b.mean} ± ${se}`);
    });
  }
});

test('comm.rateCurve: common random numbers — with κ_c = 1 the rate of each trial rises with L', () => {
  const rec = simulateRateCurve({ Ls, kappaC: Ls.map(() => 1), ...base }, new Rng(3), 2000);
  for (let i = 0; i < 2000; i++) for (let j = 1; j < Ls.length; j++) assert.ok(rec[i * Ls.length + j]! >= rec[i * Ls.length + j - 1]!);
});

test('comm.rateCurve through the job system: 1 and 2 threads give byte-identical samples', async () => {
  const job = rateCurveKernel.job({ Ls, kappaC, ...base }, 3000, 9, 500);
  assert.equal(job.kernel, RATE_CURVE_KERNEL);
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.equal(a.length, 3000 * Ls.length);
  assert.deepEqual(Array.from(a), Array.from(b));
});

test('comm.rateCurve: bad arguments name the parameter', () => {
  const rng = new Rng(1);
  assert.throws(() => rateCurveKernel.run({ Ls: [2, 2], kappaC: [1, 1], ...base }, rng, 1), /Ls\[1\]/);
  assert.throws(() => rateCurveKernel.run({ Ls: [1, 2], kappaC: [1], ...base }, rng, 1), /kappaC/);
  assert.throws(() => rateCurveKernel.run({ Ls: [1, 30], kappaC: [1, 1], ...base }, rng, 1), /discBs/);
  assert.throws(() => rateCurveKernel.run({ Ls: [1], kappaC: [1.5], ...base }, rng, 1), /kappaC\[0\]/);
});

// Ziggurat exponential against Exp(1): mean, second moment and survival at points in the body, at
// the wedges and in the tail beyond the base layer (r ≈ 7.7). n = 2e6 draws; tolerances 4 s.e.
// (Var X = 1, Var X² = 20, Var 1{X > x} = p(1 − p)).
test('exponentialZiggurat has the Exp(1) law (moments and survival, 4 s.e.)', () => {
  const rng = new Rng(77);
  const n = 2_000_000;
  const xs = [0.1, 0.5, 1, 2, 4, 7, 7.697, 9];
  const hits = new Float64Array(xs.length);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = exponentialZiggurat(rng);
    s1 += x;
    s2 += x * x;
    for (let j = 0; j < xs.length; j++) if (x > xs[j]!) hits[j]!++;
  }
  assert.ok(Math.abs(s1 / n - 1) < 4 * Math.sqrt(1 / n), `mean ${s1 / n}`);
  assert.ok(Math.abs(s2 / n - 2) < 4 * Math.sqrt(20 / n), `E X² ${s2 / n}`);
  xs.forEach((x, j) => {
    const p = Math.exp(-x);
    assert.ok(Math.abs(hits[j]! / n - p) < 4 * Math.sqrt((p * (1 - p)) / n) + 1 / n, `P(X > ${x}) = ${hits[j]! / n}, expected ${p}`);
  });
});

// `pcs`: the desired gains are drawn for p^c = 1 and the SIR scaled; for p^c > 0 the draws are those
// of a run with that p^c, so every block equals that run up to rounding (1e-12 relative: one
// multiplication moved from the gain to the SIR).
test('pcs: several power shares on the same trials equal separate runs up to rounding', async () => {
  const { Rng } = await import('../../src/math/rng.ts');
  const { simulateRateCurve, rateCurveKernel } = await import('../../src/comm/rateCurve.ts');
  const base = { Ls: [1, 3, 8], kappaC: [1, 0.9, 0.6], alpha: 4, mt: 4, discBs: 100 };
  const pcs = [0.3, 0.9, 0.6];
  const multi = simulateRateCurve({ ...base, pc: 0.3, pcs }, new Rng(4, 2), 300);
  assert.equal(multi.length, 300 * 9);
  pcs.forEach((pc, b) => {
    const one = simulateRateCurve({ ...base, pc }, new Rng(4, 2), 300);
    for (let t = 0; t < 300; t++) {
      for (let j = 0; j < 3; j++) {
        const a = multi[t * 9 + b * 3 + j]!;
        const r = one[t * 3 + j]!;
        assert.ok(Math.abs(a - r) <= 1e-12 * Math.max(1, r), `pc ${pc}, trial ${t}, L index ${j}: ${a} vs ${r}`);
      }
    }
  });
  // p^c = 0 in the list gives rate 0 exactly
  const z = simulateRateCurve({ ...base, pc: 0.5, pcs: [0, 0.5] }, new Rng(4, 2), 10);
  for (let t = 0; t < 10; t++) for (let j = 0; j < 3; j++) assert.equal(z[t * 6 + j], 0);
  assert.throws(() => rateCurveKernel.run({ ...base, pc: 0.5, pcs: [0.5], output: 'features' }, new Rng(1), 1), /pcs/);
  assert.throws(() => rateCurveKernel.run({ ...base, pc: 0.5, pcs: [1.5] }, new Rng(1), 1), /pcs\[0\]/);
});
