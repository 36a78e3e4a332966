import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/math/rng.ts';
import { NormalEquations } from '../../src/math/leastSquares.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import { simulateCrlbNested, crlbNestedKernel, fitCrlbPilot } from '../../src/sensing/crlbMonteCarlo.ts';
import { CRLB_FEATURE_COUNT, crlbControlEstimates, fitCrlbControl } from '../../src/sensing/crlbControl.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/sensing.json', import.meta.url), 'utf8')) as {
  monteCarlo: Record<string, { mean?: number; se?: number; trials: number }>;
};
const Ns = [2, 3, 6, 10, 20];
const args = { Ns, beta: 2 };

// The controls are only valid if every centred feature has mean exactly 0: each feature's sample mean
// within 4.5 s.e. (n = 40 000; 48 features, family-wise false alarm ≈ 48 · 6.8e-6 ≈ 3e-4).
test('every CRLB control feature has mean 0 (4.5 s.e.)', () => {
  const n = 40000;
  const width = Ns.length + CRLB_FEATURE_COUNT;
  const rec = simulateCrlbNested({ ...args, output: 'features' }, new Rng(11), n);
  assert.equal(rec.length, n * width);
  for (let f = 0; f < CRLB_FEATURE_COUNT; f++) {
    let s = 0;
    let s2 = 0;
    for (let t = 0; t < n; t++) { const x = rec[t * width + Ns.length + f]!; s += x; s2 += x * x; }
    const m = s / n;
    const se = Math.sqrt((s2 / n - m * m) / (n - 1));
    assert.ok(se > 0 && Math.abs(m) < 4.5 * se, `feature ${f}: mean ${m} ± ${se}`);
  }
});

// A feature centred by a wrong mean must fail the check above: shifting Γ_1Γ_1's centring by 0.15
// (of its exact mean 2) is detected at n = 40 000 (Var Γ_1² = 20, so its s.e. is ≈ 0.022: 6.7 s.e.).
test('the feature-mean check detects a wrong centring', () => {
  const n = 40000;
  const width = Ns.length + CRLB_FEATURE_COUNT;
  const rec = simulateCrlbNested({ ...args, output: 'features' }, new Rng(11), n);
  let s = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) { const x = rec[t * width + Ns.length]! + 0.15; s += x; s2 += x * x; }
  const m = s / n;
  const se = Math.sqrt((s2 / n - m * m) / (n - 1));
  assert.ok(Math.abs(m) > 4.5 * se, `shifted feature: ${m} ± ${se}`);
});

test("outputs 'features' and 'control' leave the CRLB columns unchanged (same draws)", () => {
  const coefficients = fitCrlbPilot(args, 2, 500);
  const plain = simulateCrlbNested(args, new Rng(2, 0), 500);
  const feat = simulateCrlbNested({ ...args, output: 'features' }, new Rng(2, 0), 500);
  const ctl = simulateCrlbNested({ ...args, output: 'control', coefficients }, new Rng(2, 0), 500);
  const wf = Ns.length + CRLB_FEATURE_COUNT;
  const wc = 2 * Ns.length;
  for (let t = 0; t < 500; t++) {
    for (let j = 0; j < Ns.length; j++) {
      assert.equal(feat[t * wf + j], plain[t * Ns.length + j]);
      assert.equal(ctl[t * wc + j], plain[t * Ns.length + j]);
    }
    // N = 2, 3 get zero rows, hence zero controls
    assert.equal(ctl[t * wc + Ns.length], 0);
    assert.equal(ctl[t * wc + Ns.length + 1], 0);
  }
});

// The shared-design fit equals separate fits, one NormalEquations per N fed row by row (1e-9
// relative: the same normal equations summed in another order; their condition number after the
// Jacobi scaling is ≈ 1e4 here, so rounding differences stay ≲ 1e-11).
test('fitCrlbControl equals a separate row-by-row least-squares fit per N', () => {
  const n = 3000;
  const rec = simulateCrlbNested({ ...args, output: 'features' }, new Rng(4), n);
  const coef = fitCrlbControl(rec, Ns);
  assert.deepEqual(coef.map((c) => c.length), Ns.map(() => CRLB_FEATURE_COUNT));
  assert.ok(coef[0]!.every((b) => b === 0) && coef[1]!.every((b) => b === 0), 'N < 6: zero rows');
  const width = Ns.length + CRLB_FEATURE_COUNT;
  for (const j of [2, 3, 4]) {
    const ne = new NormalEquations(CRLB_FEATURE_COUNT + 1);
    const row = new Float64Array(CRLB_FEATURE_COUNT + 1);
    for (let t = 0; t < n; t++) {
      row[0] = 1;
      for (let i = 0; i < CRLB_FEATURE_COUNT; i++) row[i + 1] = rec[t * width + Ns.length + i]!;
      ne.add(row, rec[t * width + j]!);
    }
    const ref = ne.solve().subarray(1);
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < CRLB_FEATURE_COUNT; i++) {
      worst = Math.max(worst, Math.abs(coef[j]![i]! - ref[i]!));
      scale = Math.max(scale, Math.abs(ref[i]!));
    }
    assert.ok(worst <= 1e-9 * scale, `N = ${Ns[j]}: max |Δβ| ${worst} vs max |β| ${scale}`);
  }
});

// Unbiasedness: the controlled estimate agrees with the independent numpy Monte Carlo of
// test/sensing/fixtures/sensing.json (PPP in a disc, literal FIM; gen_sensing.py) within 4 combined
// s.e., and with the plain mean of the same trials within 4 plain s.e.; the variance reduction is
// large (> 8 at N = 10, 20; measured 17.7 and 21.6 with a 4096-trial pilot, docs/performance.md).
test('controlled E[CRLB] agrees with numpy within 4 combined s.e.; variance reduction > 8 at N = 10, 20', () => {
  const coefficients = fitCrlbPilot(args, 5);
  const rec = simulateCrlbNested({ ...args, output: 'control', coefficients }, new Rng(5, 0), 60000);
  const est = crlbControlEstimates(rec, Ns);
  assert.deepEqual(est.map((e) => e.N), [6, 10, 20]);
  for (const e of est) {
    const ref = fx.monteCarlo[String(e.N)]!;
    const se = e.controlledHalfWidth / 1.959963984540054;
    assert.ok(Math.abs(e.controlledMean - ref.mean!) < 4 * Math.hypot(se, ref.se!), `N = ${e.N}: CV ${e.controlledMean} ± ${se}, numpy ${ref.mean} ± ${ref.se}`);
    assert.ok(Math.abs(e.controlledMean - e.plainMean) < (4 * e.plainHalfWidth) / 1.959963984540054, `N = ${e.N}: CV vs plain`);
    if (e.N >= 10) assert.ok(e.varianceReduction > 8, `N = ${e.N}: VRF ${e.varianceReduction}`);
  }
});

// Honest CI: 400 replications of 2000 trials at N = 10, one pilot; the truth is the controlled mean of
// all 800 000 trials pooled (its s.e. is 1/20 of a replication's, which moves the coverage by < 0.2%).
// Coverage of the nominal 95% interval: binomial s.d. over 400 replications is 1.1%, so [91.5%, 98.5%]
// is ±3.2 s.d.
test('controlled CI at N = 10 covers in 95% ± 3.5% of 400 replications', () => {
  const a = { Ns: [10], beta: 2 };
  const coefficients = fitCrlbPilot(a, 21);
  const reps = 400;
  const m = 2000;
  const means: number[] = [];
  const halves: number[] = [];
  let pooled = 0;
  for (let r = 0; r < reps; r++) {
    const rec = simulateCrlbNested({ ...a, output: 'control', coefficients }, new Rng(21, r), m);
    const [e] = crlbControlEstimates(rec, a.Ns);
    means.push(e!.controlledMean);
    halves.push(e!.controlledHalfWidth);
    pooled += e!.controlledMean / reps;
  }
  const covered = means.filter((v, r) => Math.abs(v - pooled) <= halves[r]!).length / reps;
  assert.ok(covered >= 0.915 && covered <= 0.985, `coverage ${covered}`);
});

test("output 'control' through the job system: 1 and 2 threads give byte-identical records", async () => {
  const coefficients = fitCrlbPilot(args, 9, 300);
  const job = crlbNestedKernel.job({ ...args, output: 'control', coefficients }, 3000, 9, 700);
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.equal(a.length, 3000 * 2 * Ns.length);
  assert.deepEqual(Array.from(a), Array.from(b));
});

test('control arguments: bad values name the parameter', () => {
  const rng = new Rng(1);
  assert.throws(() => crlbNestedKernel.run({ ...args, output: 'control' }, rng, 1, 0), /coefficients/);
  assert.throws(() => crlbNestedKernel.run({ ...args, output: 'control', coefficients: Ns.map(() => [1]) }, rng, 1, 0), /coefficients\[0\]/);
  assert.throws(() => crlbNestedKernel.run({ ...args, coefficients: [] }, rng, 1, 0), /coefficients.*only with output 'control'/);
  assert.throws(() => crlbNestedKernel.run({ ...args, output: 'cv' }, rng, 1, 0), /output/);
  assert.throws(() => crlbNestedKernel.run({ Ns: [2, 5], beta: 2, output: 'features' }, rng, 1, 0), /Ns.*max\(Ns\) ≥ 6/);
  assert.throws(() => fitCrlbPilot(args, 1, 10), /pilotTrials/);
  assert.throws(() => fitCrlbControl(new Float64Array(7), Ns), /records: length 7/);
});
