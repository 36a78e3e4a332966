import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kappaCMechanismPoisson, kappaCPrinted, lBar } from '../../src/comm/kappa.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/comm.json', import.meta.url), 'utf8')) as {
  kappa: Array<{ psi: number; mu: number; L: number; printed: number; mechanismPoisson: number }>;
};

// Printed κ_c: series summed in log space to a 1e-17 tail; mpmath reference at 30 digits. 1e-12
// relative covers the regularized incomplete gamma (stdlib, ~1e-14) and summation rounding.
test('κ_c as printed matches mpmath to 1e-12 relative', () => {
  for (const r of fx.kappa) {
    const v = kappaCPrinted(r.psi, r.mu, r.L);
    assert.ok(Math.abs(v - r.printed) <= 1e-12 * r.printed, `ψ=${r.psi} μ=${r.mu} L=${r.L}: ${v} vs ${r.printed}`);
  }
});

test('own-users-first Poisson κ_c matches the scipy double sum to 1e-12', () => {
  for (const r of fx.kappa) {
    const v = kappaCMechanismPoisson(r.psi, r.mu, r.L);
    assert.ok(Math.abs(v - r.mechanismPoisson) <= 1e-12, `ψ=${r.psi} μ=${r.mu} L=${r.L}: ${v} vs ${r.mechanismPoisson}`);
  }
});

test('L̄ = Γ(L+½)²/Γ(L)²: L̄(1) = π/4 and L̄ ≈ L − 1/4 for large L', () => {
  assert.ok(Math.abs(lBar(1) - Math.PI / 4) < 1e-15);
  assert.ok(Math.abs(lBar(200) - (200 - 0.25)) < 1e-3);
});

test('κ_c is a probability, decreasing in L and in λ_u/λ_b, increasing in ψ', () => {
  for (let L = 1; L < 30; L++) {
    const k = kappaCPrinted(15, 2, L);
    assert.ok(k >= 0 && k <= 1);
    assert.ok(kappaCPrinted(15, 2, L + 1) <= k + 1e-15);
    assert.ok(kappaCPrinted(15, 3, L) <= k + 1e-15);
    assert.ok(kappaCPrinted(16, 2, L) >= k - 1e-15);
  }
});

test('bad κ_c inputs throw an ArgumentError naming the argument', () => {
  assert.throws(() => kappaCPrinted(0, 1, 2), /: psi must be an integer in \[1, ∞\), got 0$/);
  assert.throws(() => kappaCPrinted(15, 1, 0), /: L must be an integer in \[1, ∞\), got 0$/);
  assert.throws(() => kappaCPrinted(15, -1, 2), /: muC must be in \[0, ∞\), got -1$/);
});
