import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/math/rng.ts';
import {
  expectedNthDistance,
  expectedNthDistanceApprox,
  nthDistanceCdf,
  nthDistanceMoment,
  nthDistancePdf,
  sampleBearings,
  sampleNearestDistances,
} from '../../src/geometry/nearestDistances.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/nearest.json', import.meta.url), 'utf8')) as {
  mean: Array<{ n: number; lambda: number; value: number }>;
  moment: Array<{ n: number; p: number; lambda: number; value: number }>;
  cdf: Array<{ n: number; r: number; lambda: number; value: number }>;
  pdf: Array<{ n: number; r: number; lambda: number; value: number }>;
};

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

// Closed forms through ln Γ (stdlib): 1e-12 relative covers a few ulp of exp/log at n = 200.
test('E[d_n] = Γ(n+½)/(√(λπ)Γ(n)) matches mpmath (which also checked it against ∫ r f(r) dr) to 1e-12', () => {
  for (const r of fx.mean) assert.ok(rel(expectedNthDistance(r.n, r.lambda), r.value) < 1e-12, `n = ${r.n}, λ = ${r.lambda}`);
});

test('E[d_n^p], P(d_n ≤ r) and the density of d_n match mpmath to 1e-12', () => {
  for (const r of fx.moment) assert.ok(rel(nthDistanceMoment(r.n, r.p, r.lambda), r.value) < 1e-12, `moment n=${r.n} p=${r.p}`);
  for (const r of fx.cdf) assert.ok(rel(nthDistanceCdf(r.n, r.r, r.lambda), r.value) < 1e-12, `cdf n=${r.n} r=${r.r}`);
  for (const r of fx.pdf) assert.ok(rel(nthDistancePdf(r.n, r.r, r.lambda), r.value) < 1e-12, `pdf n=${r.n} r=${r.r}`);
  assert.equal(nthDistanceMoment(1, -2, 1), Infinity); // E[1/d_1²] = ∞
});

test('the √(n/λπ) approximation has relative error ≈ 1/(8n) (exact asymptotics of the Gamma ratio)', () => {
  for (const n of [5, 20, 100, 1000]) {
    const e = expectedNthDistance(n, 1);
    const a = expectedNthDistanceApprox(n, 1);
    // Γ(n+½)/Γ(n) = √n (1 − 1/(8n) + O(n⁻²)): (a − e)/e = 1/(8n) + O(n⁻²).
    assert.ok(Math.abs((a - e) / e - 1 / (8 * n)) < 1 / (n * n), `n = ${n}`);
  }
});

test('sampled ordered distances: sample means of d_1, d_5, d_20 within 4 standard errors of the exact E[d_n]', () => {
  const rng = new Rng(42);
  const trials = 40000;
  const ranks = [1, 5, 20];
  const lambda = 2.5;
  const sums = ranks.map(() => 0);
  const sq = ranks.map(() => 0);
  const d = new Float64Array(20);
  for (let t = 0; t < trials; t++) {
    sampleNearestDistances(rng, 20, lambda, d);
    for (let k = 1; k < 20; k++) assert.ok(d[k] > d[k - 1]);
    ranks.forEach((n, i) => {
      sums[i] += d[n - 1];
      sq[i] += d[n - 1] ** 2;
    });
  }
  ranks.forEach((n, i) => {
    const m = sums[i] / trials;
    const sd = Math.sqrt(sq[i] / trials - m * m);
    assert.ok(Math.abs(m - expectedNthDistance(n, lambda)) < (4 * sd) / Math.sqrt(trials), `n = ${n}: ${m} vs ${expectedNthDistance(n, lambda)}`);
    // E[d_n²] = n/(λπ) exactly; πλd_n² ~ Gamma(n, 1) has relative SD 1/√n, so 5 standard errors
    // of the relative sample mean are 5/√(n·trials).
    assert.ok(Math.abs(sq[i] / trials / (n / (lambda * Math.PI)) - 1) < 5 / Math.sqrt(n * trials), `E[d_${n}²]`);
  });
});

test('sampled d_3 follows the exact CDF (Kolmogorov–Smirnov, 20000 draws, 1% critical value 0.0115)', () => {
  const rng = new Rng(7);
  const n = 20000;
  const x = new Float64Array(n);
  const d = new Float64Array(3);
  for (let t = 0; t < n; t++) x[t] = sampleNearestDistances(rng, 3, 1, d)[2];
  x.sort();
  let D = 0;
  for (let i = 0; i < n; i++) {
    const F = nthDistanceCdf(3, x[i], 1);
    D = Math.max(D, Math.abs(F - i / n), Math.abs((i + 1) / n - F));
  }
  assert.ok(D < 1.63 / Math.sqrt(n), `KS D = ${D}`);
});

test('bearings are uniform on [0, 2π): mean of cos, sin and cos 2θ within 4σ of 0', () => {
  const rng = new Rng(3);
  const th = sampleBearings(rng, 50000);
  let c = 0;
  let s = 0;
  let c2 = 0;
  for (const t of th) {
    assert.ok(t >= 0 && t < 2 * Math.PI);
    c += Math.cos(t);
    s += Math.sin(t);
    c2 += Math.cos(2 * t);
  }
  const tol = 4 * Math.sqrt(0.5 / th.length) * th.length;
  assert.ok(Math.abs(c) < tol && Math.abs(s) < tol && Math.abs(c2) < tol);
});

test('bad density or rank throws an ArgumentError naming the argument, the value and the range', () => {
  assert.throws(() => expectedNthDistance(0, 1), (e: unknown) => e instanceof ArgumentError && /^n must be an integer in \[1, ∞\), got 0$/.test(e.message));
  assert.throws(() => expectedNthDistance(2, -1), (e: unknown) => e instanceof ArgumentError && /^densityPerUnitArea must be in \(0, ∞\), got -1$/.test(e.message));
});
