import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateEnvelope } from '../../src/optimize/rateEnvelope.ts';
import { solveTradeoff } from '../../src/optimize/tradeoff.ts';
import { exhaustiveMaxRate } from '../../src/optimize/exhaustive.ts';
import { SensingTable } from '../../src/optimize/sensingTable.ts';
import { Frontier } from '../../src/optimize/frontier.ts';
import type { BackhaulProblem } from '../../src/optimize/model.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';
import { InfeasibleBackhaulError } from '../../src/optimize/model.ts';
import { synthCrlb, synthCrlbFull, synthRate } from './synthetic.ts';

const MAX_L = 8;
const env = new RateEnvelope(synthRate(), MAX_L, 8);
const problem = (backhaul: number, e = 0.2): BackhaulProblem => ({ backhaul, e, maxL: MAX_L, maxN: 60 });
const rate = (L: number, p: number): number => synthRate().rate(L, p);

test('sensing records: only N that beat every smaller N are kept', () => {
  const t = new SensingTable(synthCrlb(), problem(4));
  assert.deepEqual(
    t.records.map((r) => r.N),
    [2, 3, 4, 5, 6, 7, 10],
  );
  assert.equal(t.maxAdmissibleN, 20);
});

test('every Pareto point is feasible, consistent and non-dominated', () => {
  for (const C of [2.5, 4, 6]) {
    const p = problem(C);
    const res = solveTradeoff(env, synthCrlb(), p);
    assert.ok(res.pareto.length > 15, `${res.pareto.length} points at C=${C}`);
    for (const pt of res.pareto) {
      // Feasible: Eq. (10) within rounding, power in [0, 1], integer cluster sizes.
      assert.ok(pt.backhaulUse <= C * (1 + 1e-12), `backhaul ${pt.backhaulUse} > ${C}`);
      assert.ok(Math.abs(pt.backhaulUse - (pt.rate + p.e * pt.N)) < 1e-12);
      assert.ok(pt.pc >= 0 && pt.pc <= 1 && Number.isInteger(pt.N) && pt.N >= 2);
      // Consistent: the reported rate and CRLB are the models' values at (L, N, p^c).
      const r = pt.L === null ? 0 : rate(pt.L, pt.pc);
      assert.ok(Math.abs(r - pt.rate) <= 1e-9 * Math.max(1, r), `rate ${pt.rate} vs model ${r}`);
      assert.ok(pt.crlbA !== null);
      assert.ok(Math.abs(pt.crlbA - synthCrlbFull(pt.N) / (1 - pt.pc)) <= 1e-12 * pt.crlbA);
    }
    for (let i = 1; i < res.pareto.length; i++) {
      const [a, b] = [res.pareto[i - 1], res.pareto[i]];
      assert.ok(b.rate > a.rate && (b.crlbA as number) > (a.crlbA as number), `not a strict trade-off at ${i}`);
    }
    // Non-dominated even against all (L, N, p^c) on a grid.
    for (let L = 1; L <= MAX_L; L++) {
      for (let N = 2; N <= 20; N++) {
        for (let k = 0; k <= 40; k++) {
          const pc = k / 40;
          const R = rate(L, pc);
          if (R + p.e * N > C) continue;
          const crlb = pc < 1 ? synthCrlbFull(N) / (1 - pc) : Infinity;
          for (const pt of res.pareto) {
            const dominates = R >= pt.rate * (1 + 1e-9) + 1e-12 && crlb <= (pt.crlbA as number) * (1 - 1e-9);
            assert.ok(!dominates, `(L=${L}, N=${N}, pc=${pc}) dominates the Pareto point at rate ${pt.rate}`);
          }
        }
      }
    }
  }
});

test('ε-constraint: the fast algorithm equals exhaustive search over every (L, N)', () => {
  for (const C of [2.5, 4, 6]) {
    const p = problem(C);
    const f = new Frontier(env, new SensingTable(synthCrlb(), p), p);
    for (const c of f.crlbLevels({ levels: 40, decades: 2 })) {
      const fast = f.maxRateAtCrlb(c);
      const ref = exhaustiveMaxRate({ rate, crlbFull: synthCrlbFull }, p, c);
      assert.ok(fast && ref, `C=${C}, c=${c}`);
      assert.ok(Math.abs(fast.rate - ref.rate) <= 1e-9 * Math.max(1, ref.rate), `C=${C} c=${c}: rate ${fast.rate} vs ${ref.rate}`);
      assert.ok((fast.crlbA as number) <= ref.crlbA * (1 + 1e-9), `C=${C} c=${c}: crlb ${fast.crlbA} vs ${ref.crlbA}`);
      assert.ok((fast.crlbA as number) <= c * (1 + 1e-12));
      assert.equal(fast.N, ref.N, `C=${C} c=${c}`);
      if (ref.rate > 0) assert.equal(fast.L, ref.L, `C=${C} c=${c}`);
    }
  }
});

test('corner points equal the single-objective optima', () => {
  for (const C of [2.5, 3.5, 4, 6]) {
    const p = problem(C);
    const res = solveTradeoff(env, synthCrlb(), p);
    // Communication: max R_c(L, p^c) s.t. R_c ≤ C, no sensing. Brute force over L on a fine p grid.
    let best = 0;
    for (let L = 1; L <= MAX_L; L++) for (let k = 0; k <= 2000; k++) best = Math.max(best, Math.min(rate(L, k / 2000), C));
    assert.ok(Math.abs(res.corners.comm.rate - best) < 1e-9, `C=${C}: ${res.corners.comm.rate} vs ${best}`);
    assert.equal(res.corners.comm.N, 0);
    assert.equal(res.corners.comm.crlbA, null);
    assert.equal(res.corners.comm.pc === 1, !res.corners.comm.backhaulBound);
    // Sensing: min CRLB_a(N, 1) s.t. e·N ≤ C.
    let sBest = Infinity;
    let nBest = 0;
    for (let N = 1; N * p.e <= C; N++) if (synthCrlbFull(N) < sBest) [sBest, nBest] = [synthCrlbFull(N), N];
    assert.equal(res.corners.sens.crlbA, sBest);
    assert.equal(res.corners.sens.N, nBest);
    assert.equal(res.corners.sens.rate, 0);
    // The Pareto boundary starts at the sensing corner.
    assert.equal(res.pareto[0].rate, 0);
    assert.equal(res.pareto[0].crlbA, sBest);
  }
  // The backhaul binds the communication corner at C = 2.5 (G(1) ≈ 3.98): rate capped at C.
  const capped = solveTradeoff(env, synthCrlb(), problem(2.5)).corners.comm;
  assert.equal(capped.backhaulBound, true);
  assert.ok(Math.abs(capped.rate - 2.5) < 1e-12 && capped.pc < 1);
});

test('the cooperative region contains the time-sharing line when the backhaul leaves room', () => {
  // C = 8: the communication corner (≈ 3.98 nats) leaves 4 nats for sensing; every τ is covered.
  const res = solveTradeoff(env, synthCrlb(), problem(8), { containmentSamples: 400 });
  assert.equal(res.containment.contained, true, JSON.stringify(res.containment));
  const gain = res.containment.rateGainAtPareto as { min: number; max: number };
  assert.ok(gain.min >= -1e-12 && gain.max > 0.1, 'the cooperative scheme is strictly better somewhere');
  // Cross-check on the emitted time-sharing points with the exhaustive solver.
  const p = problem(8);
  for (const ts of res.timeSharing) {
    if (ts.crlbA === null) continue;
    const ref = exhaustiveMaxRate({ rate, crlbFull: synthCrlbFull }, p, ts.crlbA);
    assert.ok(ref && ref.rate >= ts.rate - 1e-12, `τ=${ts.tau}: coop ${ref?.rate} < TS ${ts.rate}`);
  }
});

test('with a tight backhaul, time-sharing beats the cooperative scheme near the communication corner', () => {
  // C = 4: the TS communication slot uses the whole backhaul for ≈ 3.97 nats while any localizing
  // cooperative point needs e·N ≥ 0.4 of it: rates above C − 0.4 are out of the cooperative reach.
  const p = problem(4);
  const res = solveTradeoff(env, synthCrlb(), p, { containmentSamples: 400 });
  assert.equal(res.containment.contained, false);
  assert.ok((res.containment.uncoveredTau as [number, number])[1] >= 0.95);
  const f = new Frontier(env, new SensingTable(synthCrlb(), p), p);
  assert.ok(Math.abs(f.maxRate().rate - 3.6) < 1e-12);
  assert.equal(f.minCrlbAtRate(3.6 + 1e-9), null);
  const [, hi] = res.containment.uncoveredTau as [number, number];
  assert.ok(hi * res.corners.comm.rate > 3.6);
});

test('the region grows with C_backhaul (monotonicity)', () => {
  const Cs = [2, 3, 4, 5, 6, 8];
  const fronts = Cs.map((C) => {
    const p = problem(C);
    return new Frontier(env, new SensingTable(synthCrlb(), p), p);
  });
  for (let i = 1; i < Cs.length; i++) {
    const [small, big] = [fronts[i - 1], fronts[i]];
    assert.ok(big.maxRate().rate >= small.maxRate().rate);
    for (let k = 0; k <= 100; k++) {
      const R = (small.maxRate().rate * k) / 100;
      const a = small.minCrlbAtRate(R);
      const b = big.minCrlbAtRate(R);
      assert.ok(a && b, `R=${R}`);
      assert.ok((b.crlbA ?? Infinity) <= (a.crlbA ?? Infinity) * (1 + 1e-12), `C=${Cs[i]} worse than C=${Cs[i - 1]} at R=${R}`);
    }
  }
});

test('infeasible settings give a clear ArgumentError, not an empty result', () => {
  // C_backhaul < 2e: not even N = 2 fits.
  assert.throws(
    () => solveTradeoff(env, synthCrlb(), problem(0.3, 0.2)),
    (err: unknown) =>
      err instanceof InfeasibleBackhaulError &&
      err instanceof ArgumentError &&
      err.argument === 'backhaul' &&
      err.smallestN === 2 &&
      /^backhaul \(C_backhaul\): infeasible value 0\.3 nats\/s\/Hz with e = 0\.2: .*N = 2.*0\.4000/.test(err.message) &&
      !/--/.test(err.message),
  );
  assert.throws(() => solveTradeoff(env, synthCrlb(), problem(-1)), (e: unknown) => e instanceof ArgumentError && /^backhaul must be in \(0, ∞\) nats\/s\/Hz, got -1$/.test(e.message));
  assert.throws(() => solveTradeoff(env, synthCrlb(), { ...problem(4), e: -0.1 }), /: e must be in \[0, ∞\) nats\/s\/Hz per BS, got -0\.1$/);
  // Exactly 2e: feasible, the region is the single point (0, CRLB(2)).
  const edge = solveTradeoff(env, synthCrlb(), problem(0.4, 0.2));
  assert.equal(edge.pareto.length, 1);
  assert.equal(edge.pareto[0].N, 2);
});

test('closed-form check: one L, one N, rate a·ln(1 + b p^c)', () => {
  const [a, b, s, C, e] = [2, 5, 100, 3, 0.5];
  const one = new RateEnvelope({ name: 'one', rate: (_L, p) => a * Math.log1p(b * p) }, 1, 4);
  const crlb = { name: 'one', crlbFullPower: (N: number) => (N === 2 ? s : Infinity) };
  const p: BackhaulProblem = { backhaul: C, e, maxL: 1, maxN: 2 };
  const f = new Frontier(one, new SensingTable(crlb, p), p);
  for (const c of [120, 200, 500, 1e4]) {
    const q = 1 - s / c;
    const expectRate = Math.min(a * Math.log1p(b * q), C - 2 * e);
    const pc = expectRate < C - 2 * e ? q : Math.expm1((C - 2 * e) / a) / b;
    const pt = f.maxRateAtCrlb(c);
    assert.ok(pt);
    assert.ok(Math.abs(pt.rate - expectRate) < 1e-12, `${pt.rate} vs ${expectRate}`);
    assert.ok(Math.abs(pt.pc - pc) < 1e-12, `${pt.pc} vs ${pc}`);
  }
});
