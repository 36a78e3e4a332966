import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateEnvelope } from '../../src/optimize/rateEnvelope.ts';
import { SensingTable } from '../../src/optimize/sensingTable.ts';
import { Frontier } from '../../src/optimize/frontier.ts';
import { optimizeWeighted } from '../../src/optimize/weighted.ts';
import { exhaustiveWeighted } from '../../src/optimize/exhaustive.ts';
import type { BackhaulProblem } from '../../src/optimize/model.ts';
import { synthCrlb, synthCrlbFull, synthRate } from './synthetic.ts';

const MAX_L = 8;

test('weighted optimum: the fast algorithm equals exhaustive search over every (L, N)', () => {
  const counter = { n: 0 };
  const env = new RateEnvelope(synthRate(counter), MAX_L, 8);
  const tableEvals = counter.n;
  let fastEvals = 0;
  let exhaustiveEvals = 0;
  for (const C of [2.5, 4, 6]) {
    const p: BackhaulProblem = { backhaul: C, e: 0.2, maxL: MAX_L, maxN: 60 };
    const f = new Frontier(env, new SensingTable(synthCrlb(), p), p);
    for (const w of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1]) {
      const before = counter.n;
      const fast = optimizeWeighted(f, w);
      fastEvals += counter.n - before;
      const exCounter = { n: 0 };
      const exRate = synthRate(exCounter);
      const ref = exhaustiveWeighted({ rate: (L, pc) => exRate.rate(L, pc), crlbFull: synthCrlbFull }, p, w);
      exhaustiveEvals += exCounter.n;
      assert.ok(ref);
      // Objective agreement: the exhaustive grid + golden search is accurate to ~1e-12 in p^c,
      // so the objectives agree to ~1e-9 (a flat maximum).
      assert.ok(Math.abs(fast.objective - ref.objective) <= 1e-8 * Math.max(1, Math.abs(ref.objective)), `C=${C} w=${w}: ${fast.objective} vs ${ref.objective}`);
      assert.ok(fast.objective >= ref.objective - 1e-9, 'fast below exhaustive');
      // (At w = 1 with p^c = 1 the CRLB is infinite for every N: any N is optimal.)
      if (Number.isFinite(ref.crlbA)) assert.equal(fast.N, ref.N, `C=${C} w=${w}: N`);
      else assert.equal(fast.crlbA, null);
      if (w > 0) {
        assert.equal(fast.L, ref.L, `C=${C} w=${w}: L`);
        assert.ok(Math.abs(fast.pc - ref.pc) < 1e-5, `C=${C} w=${w}: pc ${fast.pc} vs ${ref.pc}`);
      }
      assert.ok(fast.backhaulUse <= C * (1 + 1e-12));
      // A weighted optimum (0 < w < 1) lies on the Pareto boundary: no less CRLB at its rate.
      if (w > 0 && w < 1) {
        const onFront = f.minCrlbAtRate(fast.rate);
        assert.ok(onFront && Math.abs((onFront.crlbA as number) - (fast.crlbA as number)) <= 1e-9 * (fast.crlbA as number));
      }
    }
  }
  // The point of the algorithm: far fewer rate evaluations than exhaustive search.
  assert.ok(fastEvals + tableEvals < exhaustiveEvals / 10, `fast ${fastEvals} + table ${tableEvals} vs exhaustive ${exhaustiveEvals}`);
});

test('weighted optimum matches the closed form for one L and one N', () => {
  const [a, b, s] = [2, 5, 100];
  const env = new RateEnvelope({ name: 'one', rate: (_L, p) => a * Math.log1p(b * p) }, 1, 4);
  const crlb = { name: 'one', crlbFullPower: (N: number) => (N === 2 ? s : Infinity) };
  for (const [w, C] of [
    [0.5, 10],
    [0.3, 10],
    [0.8, 2.4],
  ]) {
    const p: BackhaulProblem = { backhaul: C, e: 0.2, maxL: 1, maxN: 2 };
    const f = new Frontier(env, new SensingTable(crlb, p), p);
    // d/dp [w a ln(1 + b p) + (1 − w) ln(1 − p)] = 0  →  p* = (w a b − (1 − w))/(b (w a + 1 − w)),
    // capped where a ln(1 + b p) = C − 2e.
    const pStar = (w * a * b - (1 - w)) / (b * (w * a + 1 - w));
    const pCap = Math.expm1((C - 0.4) / a) / b;
    const expect = Math.max(0, Math.min(pStar, pCap));
    const r = optimizeWeighted(f, w);
    assert.ok(Math.abs(r.pc - expect) < 1e-8, `w=${w} C=${C}: ${r.pc} vs ${expect}`);
  }
});
