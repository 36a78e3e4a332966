import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/math/rng.ts';
import { crlbGeometry, fimEq5 } from '../../src/sensing/fim.ts';
import { localizeLs, localizeMle, problemRegion, rangeSumFim, searchRegion, simulateRangeSums, type RangeSumProblem } from '../../src/sensing/localization.ts';
import { localizeJob, localizeRecordWidth, simulateLocalize } from '../../src/sensing/localizeMonteCarlo.ts';
import { runJobSync } from '../../src/registry/inline.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';

interface Problem {
  beta: number;
  n: number;
  zeta2: number;
  bsX: number[];
  bsY: number[];
  distances: number[];
  bearings: number[];
  gains: number[];
  ranges: number[];
  region: [number, number, number, number];
  fim: { xx: number; xy: number; yy: number };
  mle: { x: number; y: number; cost: number };
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/localization.json', import.meta.url), 'utf8')) as { problems: Problem[] };

/** A PPP cluster of the n nearest BSs around a target at the origin (normalized units). */
function cluster(rng: Rng, n: number): { bsX: Float64Array; bsY: Float64Array; d: Float64Array; theta: Float64Array } {
  const bsX = new Float64Array(n);
  const bsY = new Float64Array(n);
  const d = new Float64Array(n);
  const theta = new Float64Array(n);
  let area = 0;
  for (let k = 0; k < n; k++) {
    area += -Math.log(rng.uniformOpen());
    theta[k] = 2 * Math.PI * rng.uniform();
    d[k] = Math.sqrt(area);
    bsX[k] = d[k] * Math.cos(theta[k]);
    bsY[k] = d[k] * Math.sin(theta[k]);
  }
  return { bsX, bsY, d, theta };
}

function problemOf(c: ReturnType<typeof cluster>, ranges: Float64Array, beta: number, zeta2: number, n = c.d.length): RangeSumProblem {
  return { n, bsX: c.bsX, bsY: c.bsY, ranges, gains: Array.from(c.d, (x) => x ** -beta), zeta2 };
}

// The mpmath finite-difference FIM has a truncation error ~h² = 1e-12 relative; the sums ≤ 100 terms.
test('the FIM of the range-sum model equals Eq. (5): finite-difference Jacobian (mpmath) and fimEq5 agree to 1e-9', () => {
  for (const p of fx.problems) {
    const F = rangeSumFim(p.bsX, p.bsY, { x: 0, y: 0 }, p.beta, p.zeta2);
    const E = fimEq5(p.distances, p.bearings, p.beta, p.zeta2);
    const scale = Math.max(p.fim.xx, p.fim.yy);
    for (const k of ['xx', 'xy', 'yy'] as const) {
      assert.ok(Math.abs(F[k] - p.fim[k]) < 1e-9 * scale, `n=${p.n} ${k}: ${F[k]} vs ${p.fim[k]}`);
      assert.ok(Math.abs(E[k] - p.fim[k]) < 1e-9 * scale, `n=${p.n} ${k} (Eq. 5): ${E[k]} vs ${p.fim[k]}`);
    }
  }
});

test('the FIM of the range-sum model equals fimEq5 for 300 random geometries (1e-12 relative)', () => {
  const rng = new Rng(11);
  for (let t = 0; t < 300; t++) {
    const n = 2 + (t % 12);
    const beta = 2 + (t % 3);
    const zeta2 = 10 ** (4 * rng.uniform() - 2);
    const c = cluster(rng, n);
    // A target off the origin: move the BSs instead (the model only sees differences).
    const target = { x: rng.normal(), y: rng.normal() };
    const bx = c.bsX.map((v) => v + target.x);
    const by = c.bsY.map((v) => v + target.y);
    const F = rangeSumFim(bx, by, target, beta, zeta2);
    const E = fimEq5(c.d, c.theta, beta, zeta2);
    const scale = Math.max(E.xx, E.yy);
    for (const k of ['xx', 'xy', 'yy'] as const) assert.ok(Math.abs(F[k] - E[k]) < 1e-12 * scale, `t=${t} ${k}`);
  }
});

// The score of the Gaussian model is s = Σ_ij w_ij (r_ij − d_i − d_j)(u_i + u_j); E[s sᵀ] = FIM.
// 40 000 draws: each entry's sample mean has a standard error from the sample variance; 4.5 SE.
test('the simulated measurements have score covariance = Eq. (5) (Monte Carlo, 40 000 draws, 4.5 SE)', () => {
  const rng = new Rng(3);
  for (const n of [3, 6]) {
    const c = cluster(rng, n);
    const beta = 2;
    const zeta2 = 5;
    const E = fimEq5(c.d, c.theta, beta, zeta2);
    const draws = 40000;
    const acc = { xx: [0, 0], xy: [0, 0], yy: [0, 0] };
    for (let t = 0; t < draws; t++) {
      const r = simulateRangeSums(rng, c.bsX, c.bsY, { x: 0, y: 0 }, beta, zeta2);
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const w = zeta2 * (c.d[i] * c.d[j]) ** -beta;
          const res = r[i * n + j] - c.d[i] - c.d[j];
          // u_i = (x − p_i)/d_i with x = 0
          sx += w * res * (-c.bsX[i] / c.d[i] - c.bsX[j] / c.d[j]);
          sy += w * res * (-c.bsY[i] / c.d[i] - c.bsY[j] / c.d[j]);
        }
      }
      const v = { xx: sx * sx, xy: sx * sy, yy: sy * sy };
      for (const k of ['xx', 'xy', 'yy'] as const) {
        acc[k][0] += v[k];
        acc[k][1] += v[k] * v[k];
      }
    }
    for (const k of ['xx', 'xy', 'yy'] as const) {
      const m = acc[k][0] / draws;
      const se = Math.sqrt((acc[k][1] / draws - m * m) / draws);
      assert.ok(Math.abs(m - E[k]) < 4.5 * se, `n=${n} ${k}: ${m} vs ${E[k]} (SE ${se})`);
    }
  }
});

test('noise-free range sums: the MLE and the LS estimate return the target (1e-7)', () => {
  const rng = new Rng(4);
  for (let t = 0; t < 60; t++) {
    const n = 3 + (t % 8);
    const c = cluster(rng, n);
    const target = { x: 0.3 * rng.normal(), y: 0.3 * rng.normal() };
    const ranges = simulateRangeSums(rng, c.bsX, c.bsY, target, 2, 1e300);
    const p = problemOf(c, ranges, 2, 1);
    for (const e of [localizeMle(p), localizeLs(p)]) assert.ok(Math.hypot(e.x - target.x, e.y - target.y) < 1e-7, `t=${t} n=${n}: (${e.x}, ${e.y}) vs (${target.x}, ${target.y})`);
  }
});

// scipy's least_squares from the 8 best cells of a 60 × 60 grid and from the truth, bounded to the
// same region: the TS MLE must find the same optimum (cost within 1e-9 relative, position within
// 1e-6 of the √CRLB of the problem, i.e. far below the estimation error).
test('the MLE finds the global optimum found by an independent dense search (scipy least_squares)', () => {
  for (const p of fx.problems) {
    const prob: RangeSumProblem = { n: p.n, bsX: p.bsX, bsY: p.bsY, ranges: p.ranges, gains: p.gains, zeta2: p.zeta2 };
    const box = problemRegion(prob);
    assert.deepEqual([box.xMin, box.xMax, box.yMin, box.yMax].map((v) => Number(v.toPrecision(12))), p.region.map((v) => Number(v.toPrecision(12))));
    const e = localizeMle(prob);
    const sd = Math.sqrt(crlbGeometry(p.distances, p.bearings, p.beta, p.zeta2));
    assert.ok(e.cost <= p.mle.cost * (1 + 1e-9) + 1e-12, `n=${p.n} ζ²=${p.zeta2}: cost ${e.cost} vs scipy ${p.mle.cost}`);
    assert.ok(Math.hypot(e.x - p.mle.x, e.y - p.mle.y) < 1e-6 * sd + 1e-9, `n=${p.n} ζ²=${p.zeta2}: (${e.x}, ${e.y}) vs (${p.mle.x}, ${p.mle.y})`);
  }
});

// At η = 10⁶ the estimation error is ~1e-3 of the distances: the MLE is in its asymptotic regime.
// MSE_g over D = 1500 draws has SE ≈ √(2 tr C²)/√D ≤ √2·CRLB_g/√D; the test pools 12 geometries
// and uses the empirical SE of the mean ratio with 4.5 SE (a failure rate < 1e-5 if efficient).
test('at very high SNR the MLE reaches the per-geometry CRLB (MSE/CRLB = 1 within 4.5 SE); the LS estimate does not beat it', () => {
  const rng = new Rng(7);
  const eta = 1e6;
  const D = 1500;
  for (const n of [4, 6, 10]) {
    let ratioSum = 0;
    let varSum = 0;
    let lsRatioSum = 0;
    let lsVarSum = 0;
    const G = 4;
    for (let g = 0; g < G; g++) {
      const c = cluster(rng, n);
      const crlb = crlbGeometry(c.d, c.theta, 2, eta);
      let s1 = 0;
      let s2 = 0;
      let l1 = 0;
      let l2 = 0;
      for (let t = 0; t < D; t++) {
        const p = problemOf(c, simulateRangeSums(rng, c.bsX, c.bsY, { x: 0, y: 0 }, 2, eta), 2, eta);
        const e = localizeMle(p);
        const q = (e.x * e.x + e.y * e.y) / crlb;
        s1 += q;
        s2 += q * q;
        const l = localizeLs(p);
        const ql = (l.x * l.x + l.y * l.y) / crlb;
        l1 += ql;
        l2 += ql * ql;
      }
      ratioSum += s1 / D;
      varSum += (s2 / D - (s1 / D) ** 2) / D;
      lsRatioSum += l1 / D;
      lsVarSum += (l2 / D - (l1 / D) ** 2) / D;
    }
    const ratio = ratioSum / G;
    const se = Math.sqrt(varSum) / G;
    assert.ok(Math.abs(ratio - 1) < 4.5 * se, `N=${n}: MLE MSE/CRLB = ${ratio} ± ${se}`);
    const lsRatio = lsRatioSum / G;
    assert.ok(lsRatio > 1 - 4.5 * (Math.sqrt(lsVarSum) / G), `N=${n}: LS MSE/CRLB = ${lsRatio}`);
  }
});

// N = 2: the mirror image of the target across the BS baseline has the same distances, so the
// likelihood is symmetric and the MLE picks either (the local CRLB is unreachable).
test('N = 2 is not identifiable: at high SNR about half the MLEs are the mirror image', () => {
  const rng = new Rng(9);
  let mirror = 0;
  const T = 400;
  for (let t = 0; t < T; t++) {
    const c = cluster(rng, 2);
    const eta = 1e8;
    const e = localizeMle(problemOf(c, simulateRangeSums(rng, c.bsX, c.bsY, { x: 0, y: 0 }, 2, eta), 2, eta));
    if (Math.hypot(e.x, e.y) > 5 * Math.sqrt(crlbGeometry(c.d, c.theta, 2, eta))) mirror++;
  }
  // Binomial(400, 1/2): SD 10; 0.5 ± 0.1 is 4 SD.
  assert.ok(Math.abs(mirror / T - 0.5) < 0.1, `mirror fraction ${mirror / T}`);
});

test('the search region holds the target: never with noise-free ranges; the fixed box alone misses small clusters', () => {
  const rng = new Rng(5);
  const T = 50000;
  for (const n of [2, 3, 4]) {
    let outFixed = 0;
    let outRange = 0;
    for (let t = 0; t < T; t++) {
      const c = cluster(rng, n);
      const inside = (b: ReturnType<typeof searchRegion>): boolean => b.xMin < 0 && b.xMax > 0 && b.yMin < 0 && b.yMax > 0;
      if (!inside(searchRegion(c.bsX, c.bsY, n))) outFixed++;
      if (!inside(searchRegion(c.bsX, c.bsY, n, c.d[0]))) outRange++;
    }
    assert.equal(outRange, 0, `n=${n}`);
    // Measured on 2·10⁵ geometries (seed 5): 0.166, 0.0191, 0.0019; binomial SE ≤ 0.0017 at T = 5·10⁴.
    const expected = { 2: 0.166, 3: 0.0191, 4: 0.0019 }[n] as number;
    assert.ok(Math.abs(outFixed / T - expected) < 5 * Math.sqrt((expected * (1 - expected)) / T), `n=${n}: ${outFixed / T}`);
  }
});

test('the localization kernel: record layout, seed-exact chunks, checked arguments', () => {
  const args = { Ns: [3, 5], etas: [0.5, 100], beta: 2, draws: 3, outlierMultiple: 5 };
  const width = localizeRecordWidth(2, 2);
  assert.equal(width, 2 * (1 + 16));
  const job = localizeJob(args, 20, 4);
  const a = runJobSync(job);
  assert.equal(a.length, 20 * width);
  // Chunk c draws from stream (seed, c): running chunk 1 alone gives the same records.
  const { streamRng } = { streamRng: (s: number, c: number) => new Rng(s, c) };
  const chunk1 = simulateLocalize(args, streamRng(4, 1), 8);
  assert.deepEqual(Array.from(chunk1), Array.from(a.subarray(8 * width, 16 * width)));
  // The CRLB column is crlb1 (η = 1) of the geometry, positive and finite; sums of squares ≥ 0.
  for (let t = 0; t < 20; t++) {
    assert.ok(a[t * width] > 0 && Number.isFinite(a[t * width]));
    assert.ok(a[t * width + 1] >= 0);
  }
  assert.throws(() => localizeJob({ ...args, Ns: [1, 4] }, 10, 1), (e: unknown) => e instanceof ArgumentError && e.argument === 'Ns[0]');
  assert.throws(() => localizeJob({ ...args, etas: [0] }, 10, 1), (e: unknown) => e instanceof ArgumentError && e.argument === 'etas[0]');
  assert.throws(() => localizeJob({ ...args, draws: 0 }, 10, 1), (e: unknown) => e instanceof ArgumentError && e.argument === 'draws');
});

test('estimators check their problem', () => {
  const p: RangeSumProblem = { n: 1, bsX: [0], bsY: [0], ranges: [1], gains: [1], zeta2: 1 };
  assert.throws(() => localizeMle(p), (e: unknown) => e instanceof ArgumentError && e.argument === 'n');
  assert.throws(() => localizeLs({ ...p, n: 2, bsX: [0, 1], bsY: [0, 1], gains: [1, 1] }), (e: unknown) => e instanceof ArgumentError && e.argument === 'ranges.length');
  assert.throws(() => localizeMle({ n: 2, bsX: [0, 1], bsY: [0, 1], ranges: [1, 1, 1, 1], gains: [1, 1], zeta2: 0 }), (e: unknown) => e instanceof ArgumentError && e.argument === 'zeta2');
});
