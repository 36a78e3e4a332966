/**
 * The explorer's analytical computations (src/web/compute): the live tolerance of the rate curves and
 * the Chebyshev rate table behind the trade-off view, checked against the library's exact rate at
 * its default accuracy; the region's points re-evaluated with the library models.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultParams } from '../../src/params/schema.ts';
import { defaultSettings, messageOf } from '../../src/web/state.ts';
import { InfeasibleBackhaulError } from '../../src/optimize/model.ts';
import { LIVE_REL_TOL, computeComm, kappaCFor } from '../../src/web/compute/comm.ts';
import { RateTable } from '../../src/web/compute/rateTable.ts';
import { computeTradeoff } from '../../src/web/compute/tradeoff.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { rateTheorem2 } from '../../src/comm/theorem2.ts';
import { crlbAcceptanceEq16Lemma1 } from '../../src/sensing/crlbAcceptance.ts';
import { buildEnvelope, solveTradeoff } from '../../src/optimize/tradeoff.ts';
import { eq16CrlbModel, rateModel } from '../../src/optimize/models.ts';

const p = defaultParams();

test('live rate curves (relTol 1e-4) agree with the library default (1e-6) to 1e-7', () => {
  // The quadrature's error estimate is pessimistic (src/comm/rateQuadrature.ts): a looser target
  // still lands far below it. 1e-7 relative is invisible on any plot.
  const s = { ...defaultSettings(), lMax: 6 };
  const c = computeComm({ ...p, pc: 0.3 }, s);
  assert.equal(c.relTol, LIVE_REL_TOL);
  for (const L of [1, 2, 4, 6]) {
    const m = { L, pc: 0.3, kappaC: kappaCFor(p, L), alpha: p.alpha, mt: p.mt };
    assert.ok(Math.abs(c.exact[L - 1] / rateExact(m) - 1) < 1e-7, `exact L=${L}`);
    assert.ok(Math.abs(c.thm2[L - 1] / rateTheorem2(m) - 1) < 1e-7, `thm2 L=${L}`);
  }
});

test('the Chebyshev table in (p^c)^(1/2α) reproduces the exact rate between its nodes', () => {
  // Interpolation error measured ≤ 1.5e-7 at α = 2.1 and ≤ 1e-11 for α ≥ 3 (rateTable.ts); the table
  // values carry the library's ~1e-8 quadrature error at its default tolerance. Bounds: 1e-7 for
  // α = 4 and 8, 1e-6 for α = 2.2.
  for (const [alpha, tol] of [[4, 1e-7], [8, 1e-7], [2.2, 1e-6]] as const) {
    const q = { ...p, alpha };
    const rate = (L: number, pc: number): number => rateExact({ L, pc, kappaC: kappaCFor(q, L), alpha, mt: q.mt });
    const table = new RateTable(rate, 4, 1 / (2 * alpha), 32);
    for (const L of [1, 4]) {
      for (const pc of [1e-4, 0.003, 0.05, 0.21, 0.5, 0.83, 0.999]) {
        const exact = rate(L, pc);
        assert.ok(Math.abs(table.rate(L, pc) / exact - 1) < tol, `α=${alpha} L=${L} pc=${pc}: ${table.rate(L, pc)} vs ${exact}`);
      }
    }
    assert.equal(table.rate(3, 0), 0);
  }
});

test('trade-off region: points are feasible, correctly valued and non-dominated; infeasible backhaul is an InfeasibleBackhaulError', () => {
  const s = { ...defaultSettings(), lMax: 6, nMax: 20 };
  const r = computeTradeoff(p, s);
  assert.ok(r.tableMaxRelError < 1e-6, `table error ${r.tableMaxRelError}`);
  const pts = r.result.pareto;
  assert.ok(pts.length > 10);
  for (let i = 0; i < pts.length; i++) {
    const q = pts[i];
    assert.ok(q.backhaulUse <= p.backhaul * (1 + 1e-9), 'Eq. (10)');
    if (i > 0) assert.ok(q.rate > pts[i - 1].rate && (q.crlbA ?? Infinity) > (pts[i - 1].crlbA ?? Infinity), 'sorted and non-dominated');
  }
  // Re-evaluate three points with the library models directly (no table).
  for (const q of [pts[1], pts[Math.floor(pts.length / 2)], pts[pts.length - 2]]) {
    assert.ok(q.L !== null && q.crlbA !== null);
    const rate = rateExact({ L: q.L, pc: q.pc, kappaC: kappaCFor(p, q.L), alpha: p.alpha, mt: p.mt });
    assert.ok(Math.abs(q.rate / rate - 1) < 1e-6, `rate ${q.rate} vs ${rate}`);
    const crlb = (crlbAcceptanceEq16Lemma1(q.N, { ...p, pc: q.pc }) as number);
    assert.ok(Math.abs(q.crlbA / crlb - 1) < 1e-9, `CRLB_a ${q.crlbA} vs ${crlb}`);
  }
  assert.equal(r.result.containment.contained, true);
  assert.throws(
    () => computeTradeoff({ ...p, backhaul: 0.3 }, s),
    (e: unknown) => e instanceof InfeasibleBackhaulError && e.argument === 'backhaul' && /^backhaul \(C_backhaul\): infeasible value 0\.3 nats\/s\/Hz with e = 0\.2/.test(e.message),
  );
  // In the explorer's words (the worker sends this text): the panel symbols, no CLI flags.
  try {
    computeTradeoff({ ...p, backhaul: 0.3 }, s);
  } catch (e) {
    assert.match(messageOf(e), /^C_backhaul: infeasible value 0\.3 nats\/s\/Hz with e = 0\.2: the smallest localizing sensing cluster \(N = 2/);
    assert.doesNotMatch(messageOf(e), /--/);
  }
});

test('the region from the rate table equals the region from the exact rate itself (as the CLI computes it)', () => {
  // Same optimizer, same CRLB model; only the rate source differs (table vs direct integrals). The
  // table reproduces the rate to ~1e-8, so the Pareto points must coincide: same (L, N) and rate and
  // CRLB_a within 1e-6 relative (p^c solves R(L, p^c) = R, so a 1e-8 rate error moves it by about
  // 1e-8/(d ln R/d ln p^c) — far below 1e-6).
  const s = { ...defaultSettings(), lMax: 6, nMax: 30 };
  const direct = solveTradeoff(buildEnvelope(rateModel('exact', p), 6), eq16CrlbModel(p), { backhaul: p.backhaul, e: p.e, maxL: 6, maxN: 30 });
  const table = computeTradeoff(p, s).result;
  const close = (a: number | null, b: number | null): boolean => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-12));
  assert.equal(table.pareto.length, direct.pareto.length);
  direct.pareto.forEach((d, i) => {
    const t = table.pareto[i];
    assert.ok(t.L === d.L && t.N === d.N, `point ${i}: (L, N) = (${t.L}, ${t.N}) vs (${d.L}, ${d.N})`);
    assert.ok(close(t.rate, d.rate) && close(t.crlbA, d.crlbA) && close(t.pc, d.pc), `point ${i}: ${JSON.stringify(t)} vs ${JSON.stringify(d)}`);
  });
  assert.ok(close(table.corners.comm.rate, direct.corners.comm.rate));
  assert.ok(close(table.corners.sens.crlbA, direct.corners.sens.crlbA));
});
