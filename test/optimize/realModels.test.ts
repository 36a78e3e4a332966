import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq16CrlbModel, fullSensingPowerParams, rateModel } from '../../src/optimize/models.ts';
import { RateEnvelope } from '../../src/optimize/rateEnvelope.ts';
import { SensingTable } from '../../src/optimize/sensingTable.ts';
import { Frontier } from '../../src/optimize/frontier.ts';
import { optimizeWeighted } from '../../src/optimize/weighted.ts';
import { exhaustiveMaxRate, exhaustiveWeighted } from '../../src/optimize/exhaustive.ts';
import { crlbAcceptanceEq16Lemma1 } from '../../src/sensing/crlbAcceptance.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { kappaCPrinted } from '../../src/comm/kappa.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { zeta2M2 } from '../../src/params/derived.ts';
import type { BackhaulProblem } from '../../src/optimize/model.ts';

const p = defaultParams();

test('real models: CRLB_a(N, p^s) = CRLB_a(N, 1)/p^s and the rate adapter is the exact rate with the printed κ_c', () => {
  const crlb = eq16CrlbModel(p);
  for (const N of [2, 5, 12, 30]) {
    // Eq. (16) at the configured p^s = 1 − p^c equals the optimizer's full-power value over p^s.
    const atConfigured = crlbAcceptanceEq16Lemma1(N, p) as number;
    assert.ok(Math.abs(crlb.crlbFullPower(N) / (1 - p.pc) - atConfigured) <= 1e-12 * atConfigured, `N=${N}`);
  }
  assert.equal(crlb.crlbFullPower(1), Infinity);
  // |ζ|² ∝ p^s, also through a --zeta2 override (given at the configured p^s).
  const over = { ...p, zeta2: 1000, pc: 0.75 };
  assert.ok(Math.abs(zeta2M2(fullSensingPowerParams(over)) - 4000) < 1e-9);
  const r = rateModel('exact', p);
  assert.equal(r.rate(13, 0.5), rateExact({ L: 13, pc: 0.5, kappaC: kappaCPrinted(p.psi, 1, 13), alpha: p.alpha, mt: p.mt }));
  assert.equal(r.rate(3, 0), 0);
});

test('real models: fast algorithms equal exhaustive search (exact rate, Eq. 16; small ranges)', () => {
  // Small ranges keep the exhaustive reference affordable: L ≤ 3, e = 1 so N ≤ 5.
  const problem: BackhaulProblem = { backhaul: 5, e: 1, maxL: 3, maxN: 50 };
  const rate = rateModel('exact', p);
  const crlb = eq16CrlbModel(p);
  const env = new RateEnvelope(rate, problem.maxL);
  assert.equal(env.concave, true, 'the exact rate passes the concavity check on the grid');
  const f = new Frontier(env, new SensingTable(crlb, problem), problem);
  const cache = new Map<string, number>();
  const models = {
    rate: (L: number, pc: number): number => {
      const k = `${L}|${pc}`;
      let v = cache.get(k);
      if (v === undefined) {
        v = rate.rate(L, pc);
        cache.set(k, v);
      }
      return v;
    },
    crlbFull: (N: number) => crlb.crlbFullPower(N),
  };
  for (const c of f.crlbLevels({ levels: 5, decades: 1.5 }).slice(1)) {
    const fast = f.maxRateAtCrlb(c);
    const ref = exhaustiveMaxRate(models, problem, c);
    assert.ok(fast && ref);
    assert.ok(Math.abs(fast.rate - ref.rate) <= 1e-9 * ref.rate, `c=${c}: ${fast.rate} vs ${ref.rate}`);
    assert.equal(fast.N, ref.N);
    assert.equal(fast.L, ref.L);
    assert.ok(Math.abs(fast.pc - ref.pc) < 1e-9, `c=${c}: p^c ${fast.pc} vs ${ref.pc}`);
  }
  for (const w of [0.6]) {
    const fast = optimizeWeighted(f, w);
    const ref = exhaustiveWeighted(models, problem, w, 41, 1e-8);
    assert.ok(ref);
    assert.ok(Math.abs(fast.objective - ref.objective) <= 1e-7 * Math.abs(ref.objective), `w=${w}: ${fast.objective} vs ${ref.objective}`);
    assert.equal(fast.N, ref.N);
    assert.equal(fast.L, ref.L);
    assert.ok(Math.abs(fast.pc - ref.pc) < 1e-4, `w=${w}: ${fast.pc} vs ${ref.pc}`);
  }
});
