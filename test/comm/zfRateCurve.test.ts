import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../../src/registry/nodePool.ts';
import { Rng } from '../../src/math/rng.ts';
import { simulateZfRateCurve, zfRateCurveKernel, ZF_RATE_CURVE_KERNEL, zfInterferenceGain, hypoexpExpQuantile } from '../../src/comm/zfRateCurve.ts';
import { complexGaussian, steeringRow, zeroForcingBeams, absInnerSquared } from '../../src/comm/zf.ts';
import { simulateTypicalUser } from '../../src/comm/typicalUser.ts';
import { controlVariateEstimate } from '../../src/comm/controlVariate.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { rateL1ZfExact } from '../../src/comm/zfRateL1.ts';
import { kappaCPrinted } from '../../src/comm/kappa.ts';
import { ksStatistic, ksCritical001 } from './ks.ts';

const Ls = [1, 2, 4, 8, 10];
const kappaC = Ls.map((L) => kappaCPrinted(15, 1, L));
const base = { pc: 0.5, alpha: 4, mt: 4, discBs: 100 };
const W = 2 * Ls.length;

test('zfInterferenceGain equals the explicit ZF beams (zeroForcingBeams + absInnerSquared) and b = 1 − |ρ|²', () => {
  const rng = new Rng(31);
  const out = new Float64Array(2);
  for (const m of [2, 4, 8]) {
    const h = new Float64Array(2 * m);
    const g = new Float64Array(2 * m);
    const aRow = new Float64Array(2 * m);
    const beams = { wc: new Float64Array(2 * m), ws: new Float64Array(2 * m) };
    for (const pc of [0.3, 0.5, 1]) {
      for (let t = 0; t < 700; t++) {
        complexGaussian(rng, m, h);
        steeringRow(2 * Math.PI * rng.uniform(), m, aRow);
        complexGaussian(rng, m, g);
        zeroForcingBeams(h, aRow, m, beams);
        const ref = pc * absInnerSquared(g, beams.wc, m) + (1 - pc) * absInnerSquared(g, beams.ws, m);
        zfInterferenceGain(h, aRow, g, m, pc, out);
        // 1e-9 relative: both are double-precision evaluations of the same quantity (different
        // algebra); b near 0 (h nearly parallel to a) amplifies rounding, hence not 1e-14
        assert.ok(Math.abs(out[0]! - ref) <= 1e-9 * Math.max(ref, 1e-3), `m = ${m}, p^c = ${pc}: ${out[0]} vs ${ref}`);
        const rho2 = absInnerSquared(beams.wc, beams.ws, m);
        assert.ok(Math.abs(out[1]! - (1 - rho2)) < 1e-12, `b ${out[1]} vs 1 − |ρ|² ${1 - rho2}`);
      }
    }
  }
});

test('hypoexpExpQuantile: −ln S(G) of the hypoexponential, against the direct formula and the equal-rate limit', () => {
  // λ1 = 0.8, λ2 = 0.2 (cb = 0.16): S(G) = (0.8e^{−G/0.8} − 0.2e^{−G/0.2})/0.6, no cancellation at these G
  for (const G of [0.05, 0.5, 1, 3, 8]) {
    const direct = -Math.log((0.8 * Math.exp(-G / 0.8) - 0.2 * Math.exp(-G / 0.2)) / 0.6);
    assert.ok(Math.abs(hypoexpExpQuantile(G, 0.16) - direct) < 1e-13 * Math.max(1, direct), `G = ${G}`);
    // cb → 1/4: λ1 = λ2 = 1/2, Gamma(2, 1/2): S = e^{−2G}(1 + 2G)
    const lim = 2 * G - Math.log1p(2 * G);
    assert.ok(Math.abs(hypoexpExpQuantile(G, 0.25) - lim) < 1e-13 * Math.max(1, lim));
    assert.ok(Math.abs(hypoexpExpQuantile(G, 0.25 - 1e-14) - lim) < 1e-6 * Math.max(1, lim), 'continuous at cb → 1/4');
  }
  assert.equal(hypoexpExpQuantile(1.7, 0), 1.7);
});

// The control's law: the transformed ZF interference gains must be Exp(1) and independent of b
// (then the control record has exactly the closed-form model's law). KS at significance 0.001
// (a correct law fails with probability 0.001 per comparison; fixed seed).
test('the control interference gain −ln S_b(G) is Exp(1), also within each half of b (KS, 0.001)', () => {
  const rng = new Rng(32);
  const m = 4;
  const pc = 0.5;
  const n = 20000;
  const h = new Float64Array(2 * m);
  const g = new Float64Array(2 * m);
  const aRow = new Float64Array(2 * m);
  const out = new Float64Array(2);
  const es: number[] = [];
  const bs: number[] = [];
  for (let t = 0; t < n; t++) {
    complexGaussian(rng, m, h);
    steeringRow(2 * Math.PI * rng.uniform(), m, aRow);
    complexGaussian(rng, m, g);
    zfInterferenceGain(h, aRow, g, m, pc, out);
    es.push(hypoexpExpQuantile(out[0]!, pc * (1 - pc) * out[1]!));
    bs.push(out[1]!);
  }
  const expCdf = (x: number): number => 1 - Math.exp(-x);
  assert.ok(ksStatistic(es, expCdf) < ksCritical001(n), 'E ~ Exp(1)');
  const bMed = [...bs].sort((p, q) => p - q)[n / 2]!;
  const lo = es.filter((_, i) => bs[i]! < bMed);
  const hi = es.filter((_, i) => bs[i]! >= bMed);
  assert.ok(ksStatistic(lo, expCdf) < ksCritical001(lo.length), 'E | b < median ~ Exp(1)');
  assert.ok(ksStatistic(hi, expCdf) < ksCritical001(hi.length), 'E | b ≥ median ~ Exp(1)');
});

// One run of 20 000 trials shared by the statistical checks below (fixed seed).
const N = 20000;
const rec = simulateZfRateCurve({ Ls, kappaC, ...base }, new Rng(41), N);
const exact = Ls.map((L, j) => rateExact({ L, pc: 0.5, kappaC: kappaC[j]!, alpha: 4, mt: 4 }));
const est = Ls.map((_, j) => controlVariateEstimate(rec, W, 2 * j, 2 * j + 1, exact[j]!));

// Tolerance 4 s.e. of X̄ (a correct kernel fails with probability ≈ 6e-5 per L); the mean-field tail
// bias (≈1e-5, test/comm/montecarlo.test.ts) is far below one s.e. (≈7e-3).
test('comm.zfRateCurve: each control column agrees with the closed form rateExact within 4 s.e.', () => {
  Ls.forEach((L, j) => {
    const e = est[j]!;
    assert.ok(Math.abs(e.controlMean - exact[j]!) < 4 * e.controlSe, `L = ${L}: control ${e.controlMean} ± ${e.controlSe}, exact ${exact[j]}`);
  });
});

// Plain minus controlled = (1/n)[b_1 Σ_even(X − μ) + b_0 Σ_odd(X − μ)] ≈ b(X̄ − μ): its s.e. is
// |b|·se(X̄); tolerance 4 of those.
test('comm.zfRateCurve: plain and controlled estimates agree within 4 |b|·se(X̄); the VRF is large', () => {
  Ls.forEach((L, j) => {
    const e = est[j]!;
    const tol = 4 * Math.abs(e.coefficient) * e.controlSe;
    assert.ok(Math.abs(e.plain.mean - e.controlled.mean) < tol, `L = ${L}: plain ${e.plain.mean}, controlled ${e.controlled.mean}, tol ${tol}`);
    // measured ≥ 300 at every L (docs/performance.md); 50 leaves room for the seed
    assert.ok(e.vrf > 50, `L = ${L}: VRF ${e.vrf}`);
  });
});

// L = 1 has an exact ZF rate (rateL1ZfExact, 1.851833 at these parameters): the controlled estimate
// must agree within 4 of its own s.e. (≈7e-4 here; the quadrature error ≈1e-6 and the tail bias
// ≈1e-5 are far below). This also shows the Gamma model (1.8943) is far outside the ZF CI.
test('comm.zfRateCurve: the controlled L = 1 estimate agrees with the exact ZF rate (4 s.e.)', () => {
  const e = est[0]!;
  const se = e.controlled.sd / Math.sqrt(e.n);
  const ref = rateL1ZfExact(0.5, 4, 4);
  assert.ok(Math.abs(e.controlled.mean - ref) < 4 * se, `controlled ${e.controlled.mean} ± ${se}, exact ZF ${ref}`);
  assert.ok(Math.abs(exact[0]! - ref) > 20 * se, 'the Gamma-model rate is resolved from the ZF one');
});

// Against comm.typicalUser with gains 'zf' (independent streams): 4 s.e. of the difference.
test('comm.zfRateCurve: controlled estimates agree with comm.typicalUser --gains zf (4 s.e.)', () => {
  for (const j of [1, 3, 4]) {
    const L = Ls[j]!;
    const tu = simulateTypicalUser({ L, kappaC: kappaC[j]!, ...base, gains: 'zf' }, new Rng(500 + L), 8000);
    let s = 0;
    let s2 = 0;
    const n = tu.length / 2;
    for (let i = 0; i < n; i++) {
      s += tu[2 * i]!;
      s2 += tu[2 * i]! ** 2;
    }
    const m = s / n;
    const seTu = Math.sqrt((s2 / n - m * m) / (n - 1));
    const e = est[j]!;
    const se = Math.hypot(seTu, e.controlled.sd / Math.sqrt(e.n));
    assert.ok(Math.abs(e.controlled.mean - m) < 4 * se, `L = ${L}: zfRateCurve ${e.controlled.mean}, typicalUser ${m} ± ${se}`);
  }
});

test('comm.zfRateCurve: at p^c = 1 the ZF interference gain is Exp(1) and the control equals the ZF rate', () => {
  const r = simulateZfRateCurve({ Ls, kappaC, ...base, pc: 1 }, new Rng(5), 200);
  for (let i = 0; i < r.length; i += 2) assert.equal(r[i], r[i + 1]);
});

test('comm.zfRateCurve through the job system: 1 and 2 threads give byte-identical samples and estimates', async () => {
  const job = zfRateCurveKernel.job({ Ls, kappaC, ...base }, 1200, 9, 300);
  assert.equal(job.kernel, ZF_RATE_CURVE_KERNEL);
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.equal(a.length, 1200 * W);
  assert.deepEqual(Array.from(a), Array.from(b));
  assert.deepEqual(controlVariateEstimate(a, W, 6, 7, exact[2]!), controlVariateEstimate(b, W, 6, 7, exact[2]!));
});

test('comm.zfRateCurve: bad arguments name the parameter', () => {
  const rng = new Rng(1);
  assert.throws(() => zfRateCurveKernel.run({ Ls: [2, 2], kappaC: [1, 1], ...base }, rng, 1), /Ls\[1\]/);
  assert.throws(() => zfRateCurveKernel.run({ Ls: [1, 2], kappaC: [1], ...base }, rng, 1), /kappaC/);
  assert.throws(() => zfRateCurveKernel.run({ Ls: [1, 30], kappaC: [1, 1], ...base }, rng, 1), /discBs/);
  assert.throws(() => zfRateCurveKernel.run({ Ls: [1], kappaC: [1], ...base, mt: 1 }, rng, 1), /mt/);
});
