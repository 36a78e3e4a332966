import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../../src/registry/nodePool.ts';
import { Rng } from '../../src/math/rng.ts';
import { simulateRateCurve, rateCurveKernel, fitRateCurvePilot } from '../../src/comm/rateCurve.ts';
import { rateCurveEstimates, digammaInteger, trigammaInteger, fillMomentFeatures, coinProbability32, rateCurveFeatureRecordWidth } from '../../src/comm/rateCurveControl.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { kappaCPrinted } from '../../src/comm/kappa.ts';

const Ls = [1, 3, 8, 15, 20];
const kappaC = Ls.map((L) => kappaCPrinted(15, 1, L));
const args = { Ls, kappaC, pc: 0.5, alpha: 4, mt: 4, discBs: 100 };

// ψ(k) itself is tested in test/math/digammaInteger.test.ts; here the re-export and the coin probability.
test('digammaInteger is re-exported; coinProbability32 is the exact 32-bit probability', () => {
  assert.equal(digammaInteger(1), -0.5772156649015329);
  assert.equal(coinProbability32(0.25), 0.25);
  assert.equal(coinProbability32(0.1), Math.ceil(0.1 * 2 ** 32) / 2 ** 32);
});

// Reference values from scipy.special.polygamma (python3 -c "from scipy.special import polygamma;
// print([repr(float(polygamma(1, k))) for k in (1, 2, 3, 10, 22)], repr(float(polygamma(2, 1))))");
// rounding tolerance 1e-15 (a sum of k terms of size ≤ 1.65).
test('trigammaInteger and the ψ″(1) of the cubic moment feature equal scipy polygamma', () => {
  const ref: [number, number][] = [[1, 1.6449340668482266], [2, 0.6449340668482266], [3, 0.39493406684822646], [10, 0.10516633568168576], [22, 0.04650324923905799]];
  for (const [k, v] of ref) assert.ok(Math.abs(trigammaInteger(k) - v) < 1e-15, `ψ′(${k}) = ${trigammaInteger(k)} vs ${v}`);
  const m = new Float64Array(12);
  fillMomentFeatures(m, 0, [0, 0, 0], [0], [0, 0, 0, 0], 1, true);
  assert.ok(Math.abs(m[11]! - 2.404113806319188) < 1e-15, `−ψ″(1) = ${m[11]}`);
  // p^c = 0 (no gains drawn): the gain terms are 0, not the constant −ψ′
  fillMomentFeatures(m, 0, [0, 0, 0], [0], [0, 0, 0, 0], 1, false);
  assert.deepEqual([m[3], m[8], m[10]], [0, 0, 0]);
  assert.throws(() => trigammaInteger(0), /k: invalid value 0/);
});

// The controls are only valid if every centred feature has mean exactly 0: check each feature's
// sample mean within 4.5 s.e. (n = 40 000; 73 log and moment features, family-wise false alarm ≈ 5e-4) and the
// coins' frequency against the exact 32-bit probability.
test('every control feature has the exact mean it is centred by (4.5 s.e.)', () => {
  const lMax = 20;
  const width = rateCurveFeatureRecordWidth(Ls.length, lMax);
  const n = 40000;
  const rec = simulateRateCurve({ ...args, output: 'features' }, new Rng(11), n);
  const nFeat = width - Ls.length - lMax; // logs: areas, gains, interferers (BSs 2…20), moments
  for (let f = 0; f < nFeat; f++) {
    let s = 0;
    let s2 = 0;
    for (let t = 0; t < n; t++) { const x = rec[t * width + Ls.length + f]!; s += x; s2 += x * x; }
    const m = s / n;
    const se = Math.sqrt((s2 / n - m * m) / (n - 1));
    assert.ok(Math.abs(m) < 4.5 * se, `feature ${f}: mean ${m} ± ${se}`);
  }
  const kc = kappaC[4]!; // L = 20, κ_c ≈ 0.77
  const pk = coinProbability32(kc);
  let hits = 0;
  for (let t = 0; t < n; t++) if (rec[t * width + width - 1]! < kc) hits++;
  assert.ok(Math.abs(hits / n - pk) < 4.5 * Math.sqrt((pk * (1 - pk)) / n), `coin frequency ${hits / n} vs ${pk}`);
});

// The rates are the same numbers with or without controls (same random stream).
test("output 'control' leaves the rate columns unchanged", () => {
  const coefficients = fitRateCurvePilot(args, 2, 500);
  const plain = simulateRateCurve(args, new Rng(2, 0), 500);
  const ctl = simulateRateCurve({ ...args, output: 'control', coefficients }, new Rng(2, 0), 500);
  for (let t = 0; t < 500; t++) for (let j = 0; j < Ls.length; j++) assert.equal(ctl[t * 2 * Ls.length + j], plain[t * Ls.length + j]);
});

// Unbiasedness and honest CIs: the controlled estimate agrees with the exact rate (Eq. (9) by
// quadrature, error < 1e-6) within 4 of its own s.e., and with the plain mean of the same trials
// within 4 s.e. of the plain mean; the variance reduction at the paper's defaults is large (> 8;
// measured 12–26, docs/performance.md).
test('controlled estimate: agrees with rateExact within 4 s.e., variance reduction > 8', () => {
  const coefficients = fitRateCurvePilot(args, 5);
  const rec = simulateRateCurve({ ...args, output: 'control', coefficients }, new Rng(5, 0), 30000);
  rateCurveEstimates(rec, Ls.length).forEach((e, j) => {
    const exact = rateExact({ L: Ls[j]!, pc: 0.5, kappaC: kappaC[j]!, alpha: 4, mt: 4 });
    const se = e.controlledHalfWidth / 1.96;
    assert.ok(Math.abs(e.controlledMean - exact) < 4 * se, `L = ${Ls[j]}: CV ${e.controlledMean} ± ${se}, exact ${exact}`);
    assert.ok(Math.abs(e.controlledMean - e.plainMean) < (4 * e.plainHalfWidth) / 1.96, `L = ${Ls[j]}: CV vs plain`);
    assert.ok(e.varianceReduction > 8, `L = ${Ls[j]}: VRF ${e.varianceReduction}`);
  });
});

test("output 'control' through the job system: 1 and 2 threads give byte-identical records", async () => {
  const coefficients = fitRateCurvePilot(args, 9, 300);
  const job = rateCurveKernel.job({ ...args, output: 'control', coefficients }, 2000, 9, 500);
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.equal(a.length, 2000 * 2 * Ls.length);
  assert.deepEqual(Array.from(a), Array.from(b));
});

test('control arguments: bad values name the parameter', () => {
  const rng = new Rng(1);
  assert.throws(() => rateCurveKernel.run({ ...args, output: 'control' }, rng, 1), /coefficients/);
  assert.throws(() => rateCurveKernel.run({ ...args, output: 'control', coefficients: Ls.map(() => [1]) }, rng, 1), /coefficients\[0\]/);
  assert.throws(() => rateCurveKernel.run({ ...args, output: 'cv' }, rng, 1), /output/);
  assert.throws(() => fitRateCurvePilot(args, 1, 10), /pilotTrials/);
});
