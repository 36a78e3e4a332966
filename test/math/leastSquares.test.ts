import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NormalEquations } from '../../src/math/leastSquares.ts';
import { Rng } from '../../src/math/rng.ts';

// Reference: a noise-free linear model y = Xβ has the exact least-squares solution β (any correct
// solver recovers it up to rounding; 1e-9 relative allows the condition number ≈ 1e3 of this design).
test('NormalEquations recovers the exact coefficients of a noise-free model', () => {
  const rng = new Rng(3);
  const beta = [0.5, -2, 3.25, 0.125, -1];
  const ne = new NormalEquations(5);
  for (let t = 0; t < 500; t++) {
    const x = [1, rng.normal(), rng.normal() * 10, rng.uniform(), Math.log(rng.uniformOpen())];
    ne.add(x, x.reduce((s, v, i) => s + v * beta[i]!, 0));
  }
  const b = ne.solve();
  beta.forEach((v, i) => assert.ok(Math.abs(b[i]! - v) < 1e-9 * Math.max(1, Math.abs(v)), `β[${i}] = ${b[i]} vs ${v}`));
});

test('NormalEquations: a zero column and a duplicated column get coefficient 0, the rest is exact', () => {
  const rng = new Rng(4);
  const ne = new NormalEquations(4);
  for (let t = 0; t < 200; t++) {
    const a = rng.normal();
    const x = [1, a, 0, a]; // column 2 zero, column 3 = column 1
    ne.add(x, 2 + 3 * a);
  }
  const b = ne.solve();
  assert.ok(Math.abs(b[0]! - 2) < 1e-10 && Math.abs(b[1]! - 3) < 1e-10, `${Array.from(b)}`);
  assert.equal(b[2], 0);
  assert.equal(b[3], 0);
});

// Against the closed-form simple regression: slope = cov(x, y)/var(x), intercept = ȳ − slope·x̄.
test('NormalEquations equals the closed-form simple linear regression on noisy data', () => {
  const rng = new Rng(5);
  const ne = new NormalEquations(2);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < 1000; t++) {
    const x = rng.uniform() * 4;
    const y = 1 - 0.5 * x + rng.normal();
    xs.push(x);
    ys.push(y);
    ne.add([1, x], y);
  }
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * (ys[i]! - my); sxx += (x - mx) ** 2; });
  const slope = sxy / sxx;
  const b = ne.solve();
  assert.ok(Math.abs(b[1]! - slope) < 1e-10 && Math.abs(b[0]! - (my - slope * mx)) < 1e-10, `${Array.from(b)} vs ${slope}`);
});

test('NormalEquations: bad size names p', () => {
  assert.throws(() => new NormalEquations(0), /p: invalid value 0/);
});

// Golden values: numpy.linalg.lstsq (test/math/fixtures/gen_least_squares.py, seeded) on a design with
// condition number ≈ 1e3, a zero and a duplicated column. Tolerance 1e-9 relative: the normal
// equations square the condition number (≈ 1e6 after the Jacobi scaling), so ≈ 1e6 · 2.2e-16 ≈ 2e-10
// relative error is expected; 1e-9 leaves a factor 5.
test('NormalEquations.add and addColumns agree with numpy.linalg.lstsq (dropped columns 0)', async () => {
  const { readFileSync } = await import('node:fs');
  const fx = JSON.parse(readFileSync(new URL('./fixtures/least_squares.json', import.meta.url), 'utf8')) as { n: number; p: number; columns: number[][]; y: number[]; beta: number[] };
  const byRow = new NormalEquations(fx.p);
  for (let t = 0; t < fx.n; t++) byRow.add(fx.columns.map((c) => c[t]!), fx.y[t]!);
  const cols = new Float64Array(fx.p * fx.n);
  fx.columns.forEach((c, j) => cols.set(c, j * fx.n));
  // two blocks (150 + 151 rows) exercise accumulation across calls
  const byCols = new NormalEquations(fx.p);
  const first = 150;
  const part = (from: number, to: number): Float64Array => {
    const m = to - from;
    const out = new Float64Array(fx.p * m);
    for (let j = 0; j < fx.p; j++) out.set(cols.subarray(j * fx.n + from, j * fx.n + to), j * m);
    return out;
  };
  byCols.addColumns(part(0, first), first, Float64Array.from(fx.y.slice(0, first)));
  byCols.addColumns(part(first, fx.n), fx.n - first, Float64Array.from(fx.y.slice(first)));
  assert.equal(byCols.rows, fx.n);
  for (const [name, ne] of [['add', byRow], ['addColumns', byCols]] as const) {
    const b = ne.solve();
    fx.beta.forEach((v, i) => {
      if (v === 0) assert.equal(b[i], 0, `${name}: β[${i}] dropped`);
      else assert.ok(Math.abs(b[i]! - v) < 1e-9 * Math.abs(v), `${name}: β[${i}] = ${b[i]} vs numpy ${v}`);
    });
  }
});

test('NormalEquations.addColumns: even and odd p give the same sums as add (1e-12 relative)', () => {
  const rng = new Rng(8);
  for (const p of [1, 2, 5, 6, 9]) {
    const n = 37;
    const cols = new Float64Array(p * n);
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      y[t] = rng.normal();
      for (let j = 0; j < p; j++) cols[j * n + t] = j === 0 ? 1 : rng.normal();
    }
    const a = new NormalEquations(p);
    const b = new NormalEquations(p);
    for (let t = 0; t < n; t++) a.add(Array.from({ length: p }, (_, j) => cols[j * n + t]!), y[t]!);
    b.addColumns(cols, n, y);
    const sa = a.solve();
    const sb = b.solve();
    for (let j = 0; j < p; j++) assert.ok(Math.abs(sa[j]! - sb[j]!) < 1e-12 * Math.max(1, Math.abs(sa[j]!)), `p = ${p}, β[${j}]: ${sa[j]} vs ${sb[j]}`);
  }
  assert.throws(() => new NormalEquations(3).addColumns(new Float64Array(5), 2, new Float64Array(2)), /columns: need 3 columns/);
});

// solveFor: a second response on the same design, given as its Xᵀy, gives the same coefficients as a
// separate accumulation with that response (same sums up to rounding: 1e-12 relative), and its
// length is checked.
test('NormalEquations.solveFor equals a separate fit of the other response (1e-12 relative)', () => {
  const rng = new Rng(9);
  const p = 5;
  const n = 200;
  const cols = new Float64Array(p * n);
  const y1 = new Float64Array(n);
  const y2 = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < p; j++) cols[j * n + t] = j === 0 ? 1 : rng.normal();
    y1[t] = rng.normal();
    y2[t] = 2 * cols[n + t]! - cols[3 * n + t]! + 0.1 * rng.normal();
  }
  const shared = new NormalEquations(p);
  shared.addColumns(cols, n, y1);
  const rhs = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let t = 0; t < n; t++) rhs[j]! += cols[j * n + t]! * y2[t]!;
  const own = new NormalEquations(p);
  own.addColumns(cols, n, y2);
  const a = shared.solveFor(rhs);
  const b = own.solve();
  for (let j = 0; j < p; j++) assert.ok(Math.abs(a[j]! - b[j]!) < 1e-12 * Math.max(1, Math.abs(b[j]!)), `β[${j}]: ${a[j]} vs ${b[j]}`);
  assert.ok(Math.abs(b[1]! - 2) < 0.05 && Math.abs(b[3]! + 1) < 0.05, 'the fit recovers the model');
  assert.throws(() => shared.solveFor([1, 2]), /rhs: length 2/);
});
