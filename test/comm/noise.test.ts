import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { noiseLaplaceGamma, coverageL1Noise } from '../../src/comm/noise.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { rateTheorem2 } from '../../src/comm/theorem2.ts';
import { coverageL1Alpha4, coverageL1Rayleigh } from '../../src/comm/coverage.ts';
import { simulateTypicalUser, typicalUserKernel } from '../../src/comm/typicalUser.ts';
import { Rng, streamRng } from '../../src/math/rng.ts';
import { meanCi95 } from '../../src/math/stats.ts';
import { runJobSync } from '../../src/registry/inline.ts';
import { computeCommReport } from '../../src/reports/comm.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { resolveParams } from '../../src/params/validate.ts';
import { normalizedNoise, commNoisePowerW, refPathGain } from '../../src/params/derived.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/noise.json', import.meta.url), 'utf8')) as {
  m: Array<{ t: number; L: number; alpha: number; value: number }>;
  coverageL1: Array<{ T: number; pc: number; mt: number; alpha: number; noise: number; value: number }>;
  rates: Array<{ L: number; pc: number; kappaC: number; alpha: number; mt: number; noise: number; exact: number; thm2: number }>;
};

// scipy QUADPACK on two piece counts agreeing to 1e-12 (gen_noise.py); 1e-10 is what the
// adaptive GK at relTol 1e-11 delivers (values below 1e-250 are underflow territory and skipped).
test('M_L(t, α) matches the scipy reference to 1e-10 relative', () => {
  let worst = 0;
  for (const r of fx.m) {
    if (r.value < 1e-250) continue;
    const v = noiseLaplaceGamma(r.t, r.L, r.alpha);
    worst = Math.max(worst, Math.abs(v - r.value) / r.value);
  }
  assert.ok(worst < 1e-10, `worst ${worst}`);
  assert.equal(noiseLaplaceGamma(0, 4, 4), 1);
  assert.ok(Math.abs(noiseLaplaceGamma(2, 1, 2) - 1 / 3) < 1e-13); // E[e^{−tV}] = 1/(1 + t)
});

// mpmath (40 digits, numerical derivatives of the defining integral): 1e-9 covers the GK tolerance.
test('exact L = 1 SINR coverage matches the mpmath reference to 1e-9 relative', () => {
  for (const r of fx.coverageL1) {
    const v = coverageL1Noise(r.T, { pc: r.pc, mt: r.mt, alpha: r.alpha, noise: r.noise });
    assert.ok(Math.abs(v - r.value) <= 1e-9 * r.value, `${JSON.stringify(r)}: ${v}`);
  }
});

test('at zero noise the L = 1 coverage is the classic Rayleigh one (M_t = 2, p^c = 1)', () => {
  for (const T of [0.1, 1, 10]) {
    assert.ok(Math.abs(coverageL1Noise(T, { pc: 1, mt: 2, alpha: 4, noise: 0 }) - coverageL1Alpha4(T)) < 1e-11);
    // coverageL1Rayleigh is ~1e-8 off at α = 3 (its own doc); 1e-7 here.
    assert.ok(Math.abs(coverageL1Noise(T, { pc: 1, mt: 2, alpha: 3, noise: 0 }) - coverageL1Rayleigh(T, 3)) < 1e-7);
  }
});

// scipy triple integral (u-average done directly, not through M_L), accurate to ~1e-10; the rate
// quadrature's contract is 1e-6 relative at the default target.
test('exact rate and Theorem 2 with noise match the scipy references to 1e-6 relative', () => {
  for (const r of fx.rates) {
    const m = { L: r.L, pc: r.pc, kappaC: r.kappaC, alpha: r.alpha, mt: r.mt, noise: r.noise };
    const e = rateExact(m);
    assert.ok(Math.abs(e - r.exact) <= 1e-6 * r.exact, `exact ${JSON.stringify(m)}: ${e} vs ${r.exact}`);
    if (r.L > 1) {
      const t = rateTheorem2(m);
      assert.ok(Math.abs(t - r.thm2) <= 1e-6 * r.thm2, `thm2 ${JSON.stringify(m)}: ${t} vs ${r.thm2}`);
    }
  }
});

test('the noise-free exact rate and Theorem 2 are the limits as the noise goes to zero', () => {
  for (const base of [
    { L: 1, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 },
    { L: 4, pc: 0.5, kappaC: 0.9, alpha: 4, mt: 4 },
    { L: 8, pc: 0.3, kappaC: 0.7, alpha: 3, mt: 2 },
  ]) {
    for (const [name, f] of [['exact', rateExact], ['thm2', rateTheorem2]] as const) {
      const r0 = f(base);
      assert.equal(f({ ...base, noise: 0 }), r0, `${name}: noise 0 is the noise-free value`);
      // R(0) − R(ν) ≈ ν·E[∂R/∂ν] for small ν: the gap shrinks with ν (monotone) and is below the
      // quadrature's 1e-6 target at ν = 1e-8.
      let prev = Infinity;
      for (const nu of [1e-2, 1e-4, 1e-6]) {
        const gap = r0 - f({ ...base, noise: nu });
        assert.ok(gap > 0 && gap < prev, `${name} ${JSON.stringify(base)} ν = ${nu}: gap ${gap} (previous ${prev})`);
        prev = gap;
      }
      assert.ok(Math.abs(f({ ...base, noise: 1e-8 }) - r0) <= 1e-6 * r0, `${name}: ν = 1e-8`);
    }
  }
});

test('the kernel with noise keeps the noise-free random stream; noise absent and 0 are bit-identical', () => {
  const args = { L: 4, pc: 0.5, kappaC: 0.9, alpha: 4, mt: 4, gains: 'gamma' as const, discBs: 100 };
  const a = simulateTypicalUser(args, new Rng(11), 3000);
  const b = simulateTypicalUser({ ...args, noise: 0 }, new Rng(11), 3000);
  assert.deepEqual(b, a);
  const c = simulateTypicalUser({ ...args, noise: 0.5 }, new Rng(11), 3000);
  // Same draws: SINR = S/(I + ν) with S/I = SIR of the same trial, so 1/SINR − 1/SIR = ν/S > 0.
  for (let i = 0; i < 3000; i++) {
    assert.ok(c[2 * i + 1] < a[2 * i + 1]);
  }
  // Through the registry and the job machinery the noise argument survives: chunk c of seed 3 is
  // the stream (3, c).
  const job = typicalUserKernel.job({ ...args, noise: 0.5 }, 5000, 3, 4096);
  const rec = runJobSync(job);
  const first = simulateTypicalUser({ ...args, noise: 0.5 }, streamRng(3, 0), 4096);
  const second = simulateTypicalUser({ ...args, noise: 0.5 }, streamRng(3, 1), 5000 - 4096);
  assert.deepEqual(rec, Float64Array.from([...first, ...second]));
});

// Monte Carlo against the exact values: 60 000 trials with fixed seeds; 4 standard errors (a
// failure probability of 6e-5 per comparison for a correct implementation).
test('Monte Carlo with noise agrees with the exact rate and the exact L = 1 coverage', () => {
  const n = 60000;
  for (const [L, kappaC, nu] of [
    [1, 1, 0.3],
    [1, 1, 5],
    [3, 0.9, 0.3],
    [4, 0.8, 2],
  ] as const) {
    const rec = simulateTypicalUser({ L, pc: 0.5, kappaC, alpha: 4, mt: 4, gains: 'gamma', discBs: 100, noise: nu }, new Rng(100 + L), n);
    const rates = new Float64Array(n);
    for (let i = 0; i < n; i++) rates[i] = rec[2 * i];
    const s = meanCi95(rates);
    const exact = rateExact({ L, pc: 0.5, kappaC, alpha: 4, mt: 4, noise: nu });
    assert.ok(Math.abs(s.mean - exact) < 4 * s.standardError, `L = ${L}, ν = ${nu}: MC ${s.mean} ± ${s.standardError}, exact ${exact}`);
    if (L === 1) {
      for (const T of [0.316, 1, 3.16]) {
        let c = 0;
        for (let i = 0; i < n; i++) if (rec[2 * i + 1] > T) c++;
        const p = coverageL1Noise(T, { pc: 0.5, mt: 4, alpha: 4, noise: nu });
        const se = Math.sqrt((p * (1 - p)) / n);
        assert.ok(Math.abs(c / n - p) < 4 * se, `coverage T = ${T}, ν = ${nu}: MC ${c / n}, exact ${p}`);
      }
    }
  }
});

test('normalized noise: ν = σ²/(P_t K_0 d_0^α (πλ_b)^{α/2}), scales as λ_b^{−α/2}', () => {
  const p = defaultParams();
  const sigma2 = 1e-3 * Math.pow(10, (-174 + 80 + 7) / 10);
  assert.ok(Math.abs(commNoisePowerW(p) / sigma2 - 1) < 1e-12);
  const k0 = Math.pow(299792458 / (4 * Math.PI * 3.5e9), 2);
  assert.ok(Math.abs(refPathGain(p) / k0 - 1) < 1e-12);
  assert.ok(Math.abs(normalizedNoise(p) / (sigma2 / (k0 * Math.pow(Math.PI * 1e-6, 2))) - 1) < 1e-12);
  assert.ok(Math.abs(normalizedNoise({ ...p, lambdaB: 100 }) / normalizedNoise(p) - 1e-4) < 1e-16);
  assert.ok(Math.abs(normalizedNoise({ ...p, alpha: 3, lambdaB: 100 }) / normalizedNoise({ ...p, alpha: 3 }) - 1e-3) < 1e-15);
  // d_0 = 10 m: K_0 falls by 100, d_0^α rises by 10^4 (α = 4): ν falls by 100.
  assert.ok(Math.abs(normalizedNoise({ ...p, refDistanceM: 10 }) / normalizedNoise(p) - 1e-2) < 1e-12);
});

test('bad noise parameters are rejected with the parameter, value and range', () => {
  assert.throws(() => resolveParams({ commBandwidthHz: -1 }), /commBandwidthHz must be in \(0, 100000000000\] Hz, got -1/);
  assert.throws(() => resolveParams({ commBandwidthHz: 0 }), /commBandwidthHz/);
  assert.throws(() => resolveParams({ noiseFigureDb: -3 }), /noiseFigureDb must be in \[0, 50\] dB, got -3/);
  assert.throws(() => resolveParams({ refDistanceM: 0 }), /refDistanceM/);
  assert.throws(() => resolveParams({ noisePsdDbmHz: 'abc' }), /noisePsdDbmHz/);
  assert.throws(() => rateExact({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4, noise: -1 }), /noise must be in \[0/);
  assert.throws(() => coverageL1Noise(1, { pc: 0.5, mt: 4, alpha: 4, noise: Number.NaN }), /noise/);
  assert.throws(() => typicalUserKernel.job({ L: 1, pc: 0.5, kappaC: 1, alpha: 4, mt: 4, gains: 'gamma', discBs: 100, noise: -2 }, 10, 1, 10), /noise/);
});

test('the comm report: noise off is the noise-free report exactly; noise on adds SINR fields and coverage with CIs', async () => {
  const p = defaultParams();
  const base = { Ls: [1, 2], pcs: [0.5], trials: 8000, seed: 5, acceptance: 'independent' as const, gains: 'gamma' as const, printedH1: false };
  const plain = await computeCommReport(p, base, inlineRunner);
  const off = await computeCommReport(p, { ...base, noise: 'off' }, inlineRunner);
  assert.deepEqual(off, plain);
  const q = { ...p, lambdaB: 30 };
  const on = await computeCommReport(q, { ...base, noise: 'on', coverageDb: [-5, 0, 5, 10] }, inlineRunner);
  assert.equal(on.params.noise, 'on');
  assert.ok(Math.abs((on.params.normalizedNoise as number) - normalizedNoise(q)) < 1e-12);
  for (const pt of on.points) {
    assert.ok(pt.rate.exactNoNoise !== undefined && pt.rate.noiseGap !== undefined);
    assert.ok(pt.rate.exact < pt.rate.exactNoNoise);
    assert.ok(Math.abs(pt.rate.noiseGap - (pt.rate.exactNoNoise - pt.rate.exact) / pt.rate.exact) < 1e-15);
    assert.equal(pt.coverageDb?.length, 4);
    for (const c of pt.coverageDb ?? []) {
      assert.ok(c.mc && c.mc.ci95 && c.mc.ci95[0] <= c.mc.p && c.mc.p <= c.mc.ci95[1]);
      assert.ok(Math.abs(c.T - Math.pow(10, c.Tdb / 10)) < 1e-12 * c.T);
      if (pt.L === 1) {
        assert.ok(c.exact !== null);
        // A 95% interval misses with probability 5%; 4 intervals × fixed seed: checked with a
        // margin of half a width (a correct model fails this with probability < 1e-4).
        const w = c.mc.ci95[1] - c.mc.ci95[0];
        assert.ok(c.exact > c.mc.ci95[0] - w / 2 && c.exact < c.mc.ci95[1] + w / 2, `T = ${c.Tdb} dB: exact ${c.exact}, MC ${JSON.stringify(c.mc)}`);
      } else assert.equal(c.exact, null);
    }
  }
  await assert.rejects(computeCommReport(q, { ...base, acceptance: 'network', noise: 'on' }, inlineRunner), /noise/);
});
