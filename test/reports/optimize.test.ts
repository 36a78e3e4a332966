import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOptimize, type OptimizeSettings } from '../../src/reports/optimize.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { resolveParams } from '../../src/params/validate.ts';
import { kappaSNegBinomial } from '../../src/sensing/acceptance.ts';
import { nonLocalizableIndependent } from '../../src/sensing/crlbAcceptance.ts';

const settings = (crlbModel: 'eq16' | 'mc'): OptimizeSettings => ({ rateModel: 'exact', crlbModel, maxL: 8, maxN: 30, levels: 6, decades: 2, windows: 4, seed: 3, threads: 1 });
const lease = () => ({ run: inlineRunner, close: async () => undefined });

test('optimizer: every Pareto point carries the non-localizable fraction; paper parameters: no minority, no new warning', async () => {
  const o = await runOptimize(defaultParams(), settings('eq16'), lease);
  assert.ok(o.pareto.length > 0);
  for (const q of o.pareto) {
    assert.equal(q.nonLocalizableFraction, nonLocalizableIndependent(q.N, kappaSNegBinomial(15, 1, q.N)));
    assert.equal(q.localizableMinority, false);
  }
  assert.ok(!o.warnings.some((w) => /minority/.test(w)));
});

test('optimizer at λ_s/λ_b = 5, ψ = 3: Pareto points resting on a minority of localizable targets are flagged (model and simulation)', async () => {
  const p = resolveParams({ lambdaS: 5, psi: 3 });
  const o = await runOptimize(p, settings('eq16'), lease);
  assert.ok(o.pareto.every((q) => q.localizableMinority && (q.nonLocalizableFraction as number) > 0.8));
  assert.ok(o.warnings.some((w) => /minority of localizable targets/.test(w)));
  // With the simulated CRLB_a the median itself is ∞ wherever ≥ ½ cannot be localized, so the optimizer
  // has no finite point: it refuses, naming the problem, rather than printing an unsupported CRLB_a.
  await assert.rejects(runOptimize(p, settings('mc'), lease));
});
