import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { h1, h1Integral, h1Printed, h2, h2Integral } from '../../src/comm/lemma2.ts';
import { LemmaAtZ } from '../../src/comm/laplaceKernel.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/comm.json', import.meta.url), 'utf8')) as {
  lemma2: Array<{ x: number; K: number; alpha: number; eta: number; h1Integral: number; h1PrintedClosed: number; h2Integral?: number }>;
};

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

// Grid: α ∈ {2.5, 3, 4, 6}, K ∈ {1, 3, 7}, x ∈ {1e-3, 0.3, 2, 50}, η ∈ {0.05, 0.3, 0.7, 0.98};
// references are the defining integrals evaluated by mpmath at 30 digits (gen_comm.py).
// The closed forms are double-precision formulas with a cancellation of at most a factor
// α/(α−2) ≤ 5 and the difference of two incomplete Betas; 1e-10 relative leaves room for that.
test('corrected H1 matches its defining integral (mpmath) to 1e-10 relative over the grid', () => {
  let worst = 0;
  for (const r of fx.lemma2) {
    const e = rel(h1(r.x, r.K, r.alpha, r.eta), r.h1Integral);
    worst = Math.max(worst, e);
    assert.ok(e < 1e-10, `H1(${r.x}, ${r.K}, ${r.alpha}, ${r.eta}) rel err ${e}`);
  }
  assert.ok(worst < 1e-10);
});

test('H2 matches its defining integral (mpmath) to 1e-10 relative over the grid', () => {
  for (const r of fx.lemma2) {
    if (r.h2Integral === undefined) continue;
    const e = rel(h2(r.x, r.alpha, r.eta), r.h2Integral);
    assert.ok(e < 1e-10, `H2(${r.x}, ${r.alpha}, ${r.eta}) rel err ${e}`);
  }
});

test('the TypeScript defining integrals (GK quadrature) agree with mpmath to 1e-10', () => {
  for (const r of fx.lemma2) {
    assert.ok(rel(h1Integral(r.x, r.K, r.alpha, r.eta), r.h1Integral) < 1e-10);
    if (r.h2Integral !== undefined) assert.ok(rel(h2Integral(r.x, r.alpha, r.eta), r.h2Integral) < 1e-10);
  }
});

test('printed H1 differs from its definition exactly by (1+x)^−α − (1+x)^−K (zero when K = α)', () => {
  let maxRel = 0;
  for (const r of fx.lemma2) {
    const printed = h1Printed(r.x, r.K, r.alpha, r.eta);
    assert.ok(Math.abs(printed - r.h1PrintedClosed) <= 1e-9 * Math.abs(r.h1PrintedClosed) + 1e-12, 'printed H1 vs scipy');
    const typo = Math.pow(1 + r.x, -r.alpha) - Math.pow(1 + r.x, -r.K);
    assert.ok(Math.abs(printed - r.h1Integral - typo) <= 1e-9 * (Math.abs(r.h1Integral) + Math.abs(typo)) + 1e-13);
    maxRel = Math.max(maxRel, Math.abs(printed - r.h1Integral) / r.h1Integral);
  }
  // The typo matters: the printed form is off by more than 100% somewhere on the grid.
  assert.ok(maxRel > 1, `max relative error of the printed H1 ${maxRel}`);
  // K = α (e.g. K = 3, α = 3): printed and corrected coincide.
  assert.ok(Math.abs(h1Printed(2, 3, 3, 0.4) - h1(2, 3, 3, 0.4)) < 1e-14);
});

test('LemmaAtZ (shared kernel of Theorem 2 and the exact rate) reproduces h1/h2 to 1e-12', () => {
  for (const [z, pc, K, alpha] of [
    [0.01, 0.5, 3, 4],
    [3.7, 0.3, 1, 3],
    [1e4, 0.9, 7, 2.5],
    [50, 1, 15, 6],
  ]) {
    const lz = new LemmaAtZ(z, pc, K, alpha);
    for (const s of [1e-6, 0.01, 0.2, 0.64, 0.999]) {
      lz.evaluate(s);
      const eta = Math.sqrt(s);
      const tol = (v: number): number => 1e-12 * Math.max(1, Math.abs(v));
      assert.ok(Math.abs(lz.h1Desired - h1(pc * z, K, alpha, eta)) < tol(lz.h1Desired) / Math.min(1, s), `h1Desired z=${z} s=${s}`);
      assert.ok(Math.abs(lz.h1Interf - h1(z, 1, alpha, eta)) < tol(lz.h1Interf) / Math.min(1, s), `h1Interf z=${z} s=${s}`);
      assert.ok(Math.abs(lz.h2 - h2(z, alpha, eta)) < tol(lz.h2) / Math.min(1, s), `h2 z=${z} s=${s}`);
    }
  }
});

// α = 4 (the paper's) takes its own path in LemmaAtZ: the incomplete Betas from the odds
// (incompleteBetaHalfOdds) and 1 − (1 + y)^{−K} from its binomial expansion for K ≤ 16 (expm1/log1p
// above). Against the stdlib-based h1/h2 over z from 1e-8 to 1e12 (xη^α from 1e-20 to 1e12) and
// K on both sides of 16: the same 1e-12 bound as above, plus z^{1/2}·1e-15 for the cancellation in
// z^{2/α}(B(x) − B(xη^α)), whose two Betas are both near B(½, K + ½) at large z (measured: 3.9e-10
// relative at z = 1e12, η² = 0.64, identical for the code before the odds form; a rate integral
// weights z ≥ 1e8 by less than 1e-6).
test('LemmaAtZ at α = 4 (odds form, binomial 1 − (1 + y)^−K) reproduces h1/h2 to 1e-12 and its Laplace fields', () => {
  for (const K of [1, 3, 7, 16, 20]) {
    for (const z of [1e-8, 0.01, 3, 1e4, 1e12]) {
      const pc = 0.37;
      const lz = new LemmaAtZ(z, pc, K, 4);
      for (const s of [1e-6, 0.01, 0.2, 0.64, 0.999]) {
        lz.evaluate(s);
        const eta = Math.sqrt(s);
        const tol = (v: number): number => (1e-12 + 1e-15 * Math.sqrt(z)) * Math.max(1, Math.abs(v));
        const at = `K=${K} z=${z} s=${s}`;
        assert.ok(Math.abs(lz.h1Desired - h1(pc * z, K, 4, eta)) < tol(lz.h1Desired) / Math.min(1, s), `h1Desired ${at}: ${lz.h1Desired} vs ${h1(pc * z, K, 4, eta)}`);
        assert.ok(Math.abs(lz.h1Interf - h1(z, 1, 4, eta)) < tol(lz.h1Interf) / Math.min(1, s), `h1Interf ${at}`);
        assert.ok(Math.abs(lz.h2 - h2(z, 4, eta)) < tol(lz.h2) / Math.min(1, s), `h2 ${at}`);
        assert.ok(rel(lz.interfLaplaceAtEta, 1 / (1 + z * s * s)) < 1e-15, `interfLaplaceAtEta ${at}`);
        assert.ok(rel(lz.desiredLaplaceAtEta, Math.pow(1 + pc * z * s * s, -K)) < 1e-13 || lz.desiredLaplaceAtEta === 0, `desiredLaplaceAtEta ${at}`);
      }
    }
  }
});
