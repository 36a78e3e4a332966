import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { empiricalLaplace, exactConditionalLaplace, lemma2Laplace } from '../../src/comm/laplaceCheck.ts';

const base = { L: 5, kappaC: 0.7, pc: 0.5, mt: 4, alpha: 4, u1: 0.8, eta: 0.5, zs: [0.2, 1, 5, 25] };
const TRIALS = 20000;

// Fixed seeds; each comparison must hold within 4 standard errors of the empirical mean.
test('Lemma 2, Eqs. (19)–(21): exact under its own assumption (PPP in the annulus) — empirical Laplace transforms of U, I1, I2', () => {
  const est = empiricalLaplace({ ...base, model: 'lemma2', trials: TRIALS }, new Rng(31));
  for (const e of est) {
    const f = lemma2Laplace(base, e.z);
    assert.ok(Math.abs(e.U - f.U) < 4 * e.seU + 1e-12, `U z=${e.z}: ${e.U} vs ${f.U}`);
    assert.ok(Math.abs(e.I1 - f.I1) < 4 * e.seI1 + 1e-12, `I1 z=${e.z}: ${e.I1} vs ${f.I1}`);
    assert.ok(Math.abs(e.I2 - f.I2) < 4 * e.seI2 + 1e-12, `I2 z=${e.z}: ${e.I2} vs ${f.I2}`);
  }
});

test('true conditional law (L − 2 uniform BSs + the L-th on r_L): exact transforms match, Lemma 2 does not (U, I1)', () => {
  const est = empiricalLaplace({ ...base, model: 'exact', trials: TRIALS }, new Rng(32));
  let maxDevU = 0;
  for (const e of est) {
    const x = exactConditionalLaplace(base, e.z);
    const f = lemma2Laplace(base, e.z);
    assert.ok(Math.abs(e.U - x.U) < 4 * e.seU + 1e-12, `U z=${e.z}: ${e.U} vs exact ${x.U}`);
    assert.ok(Math.abs(e.I1 - x.I1) < 4 * e.seI1 + 1e-12, `I1 z=${e.z}: ${e.I1} vs exact ${x.I1}`);
    assert.ok(Math.abs(e.I2 - f.I2) < 4 * e.seI2 + 1e-12, `I2 z=${e.z}: Eq. (21) is exact given r_L`);
    maxDevU = Math.max(maxDevU, Math.abs(e.U - f.U) / e.seU);
  }
  assert.ok(maxDevU > 10, `Lemma 2's Eq. (19) should be visibly off under the true law (max ${maxDevU.toFixed(1)} SE)`);
});
