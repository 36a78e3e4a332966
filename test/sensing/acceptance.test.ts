import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kappaSBsAverage, kappaSLemma1, kappaSLemma1ForLoad, kappaSNegBinomial, kappaSPalm, kappaSPerRequestMixed, kappaSPerRequestPoisson, nBar } from '../../src/sensing/acceptance.ts';
import { argminN, crlbAcceptanceEq16, crlbAcceptanceEq16Lemma1, crlbAcceptanceEq16Normalized, crlbAcceptanceThinnedNormalized } from '../../src/sensing/crlbAcceptance.ts';
import { crlbProp1Normalized, crlbTheorem1PrintedNormalized } from '../../src/sensing/closedForms.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { crlbScaleM2 } from '../../src/params/derived.ts';
import { ArgumentError } from '../../src/math/argumentError.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/sensing_kappa.json', import.meta.url), 'utf8')) as Array<{
  psi: number;
  muS: number;
  N: number;
  nBar: number;
  lemma1: number;
  bsAverage: number;
  palm: number;
  negBinomial: number;
}>;
const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300);

// Series summed in log space to 1e-17 remaining mass; mpmath sums term by term at 40 digits.
test('Lemma 1 as printed, its BS-average repair, the Palm (Poisson) and negative-binomial forms match mpmath (1e-11 relative)', () => {
  for (const r of fx) {
    const m = r.muS * r.nBar;
    assert.ok(near(nBar(r.N), r.nBar, 1e-13), `N̄(${r.N})`);
    assert.ok(near(kappaSLemma1(r.psi, r.muS, r.N), r.lemma1, 1e-11), `lemma1 ${JSON.stringify(r)}`);
    assert.ok(near(kappaSBsAverage(r.psi, m), r.bsAverage, 1e-11), `bsAverage ${JSON.stringify(r)}`);
    assert.ok(near(kappaSPalm(r.psi, r.muS, r.N), r.palm, 1e-11), `palm ${JSON.stringify(r)}`);
    assert.ok(near(kappaSNegBinomial(r.psi, r.muS, r.N), r.negBinomial, 1e-11), `negBinomial ${JSON.stringify(r)}`);
  }
});

test('the printed series misses exactly the n = ψ Poisson term: BS-average − printed = P(n = ψ)', () => {
  for (const [psi, m] of [[15, 14.75], [5, 3], [1, 0.7]]) {
    const pPsi = Math.exp(psi * Math.log(m) - m - Array.from({ length: psi }, (_, i) => Math.log(i + 1)).reduce((a, b) => a + b, 0));
    assert.ok(Math.abs(kappaSBsAverage(psi, m) - kappaSLemma1ForLoad(psi, m) - pPsi) < 1e-14);
  }
});

test('limits: no load ⇒ κ = 1; heavy load ⇒ per-request κ → ψ/E[n]; huge Gamma shape ⇒ mixed = Poisson', () => {
  assert.equal(kappaSPerRequestPoisson(3, 0), 1);
  assert.equal(kappaSPerRequestMixed(3, 0, 2), 1);
  assert.ok(near(kappaSPerRequestPoisson(15, 400), 15 / 400, 1e-6));
  assert.ok(near(kappaSPerRequestMixed(15, 20, 1e7), kappaSPerRequestPoisson(15, 20), 1e-5));
  // Monotone: decreasing in N and μ_s, increasing in ψ (as the paper states for Lemma 1).
  assert.ok(kappaSNegBinomial(15, 1, 20) < kappaSNegBinomial(15, 1, 15) && kappaSNegBinomial(15, 2, 15) < kappaSNegBinomial(15, 1, 15) && kappaSNegBinomial(20, 1, 15) > kappaSNegBinomial(15, 1, 15));
});

test('Eq. (16): normalized 1/(κ² ln² N) = Theorem 1 / κ²; null for N = 1, κ = 0, β ≠ 2; m² via crlbScaleM2', () => {
  assert.ok(near(crlbAcceptanceEq16Normalized(10, 0.5) as number, 4 * (crlbTheorem1PrintedNormalized(10) as number), 1e-15));
  assert.equal(crlbAcceptanceEq16Normalized(1, 0.5), null);
  assert.equal(crlbAcceptanceEq16Normalized(5, 0), null);
  assert.equal(crlbAcceptanceEq16Normalized(5, 0.9, 3), null);
  const p = defaultParams();
  assert.ok(near(crlbAcceptanceEq16(10, 0.8, p) as number, (crlbAcceptanceEq16Normalized(10, 0.8) as number) * crlbScaleM2(p), 1e-15));
  assert.ok(near(crlbAcceptanceEq16Lemma1(10, p) as number, crlbAcceptanceEq16(10, kappaSLemma1(15, 1, 10), p) as number, 1e-15));
  assert.ok(near(crlbAcceptanceThinnedNormalized(10, 0.5, 2) as number, 4 * (crlbProp1Normalized(10, 2) as number), 1e-14));
});

test('optimal N for ψ = 15, λ_s = λ_b by Eq. (16) with Lemma 1 (both as printed) is 12, not ψ = 15 as the paper states', () => {
  const p = defaultParams();
  assert.equal(p.psi, 15);
  assert.equal(argminN((N) => crlbAcceptanceEq16Lemma1(N, p), 60), 12);
  // With the corrected κ_s (negative binomial) in Eq. (16) the optimum is 14 (the constant factor does not move it).
  assert.equal(argminN((N) => crlbAcceptanceEq16Normalized(N, kappaSNegBinomial(15, 1, N)), 60), 14);
});

test('bad ψ, μ_s or N throws an ArgumentError naming the argument, the value and the range', () => {
  assert.throws(() => kappaSLemma1(0, 1, 5), (e: unknown) => e instanceof ArgumentError && e.argument === 'psi' && /^psi must be an integer in \[1, ∞\), got 0$/.test(e.message));
  assert.throws(() => kappaSLemma1(15, -1, 5), (e: unknown) => e instanceof ArgumentError && e.argument === 'muS' && /^muS must be in \[0, ∞\), got -1$/.test(e.message));
  assert.throws(() => nBar(0), (e: unknown) => e instanceof ArgumentError && e.argument === 'N' && e.value === 0);
});
