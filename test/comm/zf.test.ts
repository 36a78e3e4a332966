import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { gammaincLowerRegularized } from '../../src/math/special.ts';
import { ZfGainSampler, absInnerSquared, complexGaussian, steeringRow, zeroForcingBeams } from '../../src/comm/zf.ts';
import { zfInterferenceCdf } from '../../src/comm/gains.ts';
import { ksCritical001, ksStatistic } from './ks.ts';

const N = 20000;

function draw(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

test('ZF of Eq. (2): H W = I (no leakage of w^c to the target, none of w^s to the own user), unit columns', () => {
  const rng = new Rng(3);
  for (const m of [2, 4, 16]) {
    const h = complexGaussian(rng, m, new Float64Array(2 * m));
    const aRow = steeringRow(1.1, m, new Float64Array(2 * m));
    const beams = zeroForcingBeams(h, aRow, m, { wc: new Float64Array(2 * m), ws: new Float64Array(2 * m) });
    const a = new Float64Array(2 * m);
    for (let k = 0; k < m; k++) {
      a[2 * k] = aRow[2 * k];
      a[2 * k + 1] = -aRow[2 * k + 1];
    }
    assert.ok(absInnerSquared(a, beams.wc, m) < 1e-24, 'a^H w^c = 0');
    assert.ok(absInnerSquared(h, beams.ws, m) < 1e-24, 'h^H w^s = 0');
    assert.ok(Math.abs(absInnerSquared(beams.wc, beams.wc, m) - 1) < 1e-12);
    assert.ok(Math.abs(absInnerSquared(beams.ws, beams.ws, m) - 1) < 1e-12);
  }
  const z = new ZfGainSampler(4, 0.5);
  let worst = 0;
  for (let i = 0; i < 2000; i++) worst = Math.max(worst, z.ownUserLeakage(rng));
  assert.ok(worst < 1e-24, `sensing-beam leakage to its own user ${worst}`);
});

// KS at significance 0.001 with fixed seeds: a correct law passes; D is also reported.
test('desired ZF gain p^c|h^H w^c|² ~ Gamma(M_t − 1, p^c) (KS)', () => {
  const rng = new Rng(4);
  for (const [mt, pc] of [
    [2, 1],
    [4, 0.5],
    [8, 0.25],
  ]) {
    const z = new ZfGainSampler(mt, pc);
    const d = ksStatistic(
      draw(N, () => z.desired(rng)),
      (x) => gammaincLowerRegularized(mt - 1, x / pc),
    );
    assert.ok(d < ksCritical001(N), `M_t = ${mt}, p^c = ${pc}: D = ${d}`);
  }
});

test('interference ZF gain follows the hypoexponential mixture law (KS), with mean 1', () => {
  const rng = new Rng(5);
  for (const [mt, pc] of [
    [2, 0.5],
    [4, 0.5],
    [4, 0.8],
    [16, 0.3],
  ]) {
    const z = new ZfGainSampler(mt, pc);
    const g = draw(N, () => z.interference(rng));
    const d = ksStatistic(g, (x) => zfInterferenceCdf(x, mt, pc));
    assert.ok(d < ksCritical001(N), `M_t = ${mt}, p^c = ${pc}: D = ${d}`);
    let mean = 0;
    for (const v of g) mean += v / N;
    assert.ok(Math.abs(mean - 1) < 4 * Math.sqrt(1 / N), `mean ${mean}`);
  }
});

test('moment-matched Γ(1, 1) = Exp(1) for g_j: exact for p^c ∈ {0, 1}, rejected for 0 < p^c < 1 (KS distance)', () => {
  const rng = new Rng(6);
  const exp1 = (x: number): number => 1 - Math.exp(-x);
  for (const pc of [0, 1]) {
    const z = new ZfGainSampler(4, pc);
    const d = ksStatistic(draw(N, () => z.interference(rng)), exp1);
    assert.ok(d < ksCritical001(N), `p^c = ${pc}: D = ${d}`);
  }
  // p^c = 1/2: exact law vs Exp(1), distance computed from the CDFs (no sampling noise) and by KS.
  let dExact = 0;
  for (let x = 0; x < 12; x += 0.001) dExact = Math.max(dExact, Math.abs(zfInterferenceCdf(x, 4, 0.5) - exp1(x)));
  const z = new ZfGainSampler(4, 0.5);
  const d = ksStatistic(draw(N, () => z.interference(rng)), exp1);
  assert.ok(Math.abs(d - dExact) < ksCritical001(N), `sampled D = ${d} vs exact sup-distance ${dExact}`);
  assert.ok(d > 5 * ksCritical001(N), `Exp(1) should be rejected at p^c = 0.5: D = ${d}`);
  assert.ok(dExact > 0.08 && dExact < 0.12, `sup |F_zf − F_Exp(1)| = ${dExact} (M_t = 4, p^c = 0.5)`);
});

test('L = 1 exact rate with ZF interference gains: agrees with the ZF Monte Carlo; Γ(1, 1) overestimates it (2.2% at p^c = 0.5, M_t = 4)', async () => {
  const { rateL1ZfExact } = await import('../../src/comm/zfRateL1.ts');
  const { rateExact } = await import('../../src/comm/exactRate.ts');
  const { simulateTypicalUser } = await import('../../src/comm/typicalUser.ts');
  const { meanCi95 } = await import('../../src/math/stats.ts');
  const zfExact = rateL1ZfExact(0.5, 4, 4);
  const gammaExact = rateExact({ L: 1, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 });
  assert.ok(Math.abs(rateL1ZfExact(0.5, 4, 4, { gammaInterference: true }) - gammaExact) < 1e-6 * gammaExact, 'same code with Exp(1) gains reproduces the exact rate');
  assert.ok(Math.abs(rateL1ZfExact(1, 4, 4) - rateExact({ L: 1, pc: 1, kappaC: 1, alpha: 4, mt: 4 })) < 1e-6, 'p^c = 1: ZF interference is Exp(1)');
  assert.ok(Math.abs(zfExact / gammaExact - 1 + 0.0224) < 0.001, `relative effect ${zfExact / gammaExact - 1}`);
  const n = 12000;
  const rec = simulateTypicalUser({ L: 1, pc: 0.5, kappaC: 1, alpha: 4, mt: 4, gains: 'zf', discBs: 100 }, new Rng(41), n);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = rec[2 * i];
  const s = meanCi95(r);
  assert.ok(Math.abs(s.mean - zfExact) < 4 * s.standardError, `ZF MC ${s.mean} ± ${s.standardError} vs ZF exact ${zfExact}`);
});
