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
