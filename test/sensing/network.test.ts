import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, runJobSync } from '../../src/registry/inline.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import { sensingNetworkJob, runSensingNetwork, summarizeSensingNetwork } from '../../src/sensing/networkSummary.ts';
import { sensingNetworkSide } from '../../src/sensing/network.ts';
import { kappaSLemma1, kappaSNegBinomial, LOAD_AREA_VARIANCE_PER_N } from '../../src/sensing/acceptance.ts';
import { column, crlbNestedJob } from '../../src/sensing/crlbMonteCarlo.ts';
import { summarizeCrlbSamples } from '../../src/sensing/crlbSummary.ts';
import { nonLocalizableIndependent } from '../../src/sensing/crlbAcceptance.ts';

const sync = inlineRunner;

// μ_s = 1, ψ = 15, 60 windows of side 30 (≈ 900 BSs and 900 targets each): ≈ 0.6 s.
const base = await runSensingNetwork({ muS: 1, Ns: [5, 15, 40], psis: [15], beta: 2, windows: 60, seed: 9, samplesPerWindow: 64 }, sync);
const at = (N: number) => base.find((p) => p.N === N)!;

test('κ_s: where requests are rarely declined (N = 5) Lemma 1 and the simulation agree to 1e-3', () => {
  const p = at(5);
  assert.ok(Math.abs((p.kappa.mc as number) - kappaSLemma1(15, 1, 5)) < 1e-3, `${p.kappa.mc}`);
});

test('κ_s: at N = ψ = 15 Lemma 1 (0.826) is > 5% below the simulation (≈ 0.884); the negative-binomial per-request form is within 4 SE + 0.003', () => {
  const p = at(15);
  const [lo, hi] = p.kappa.ci95 as [number, number];
  const se = (hi - lo) / (2 * 1.96);
  const mc = p.kappa.mc as number;
  assert.ok(kappaSLemma1(15, 1, 15) < 0.95 * mc, `Lemma 1 ${kappaSLemma1(15, 1, 15)} vs MC ${mc}`);
  // 0.003 absolute: the model error of the fitted dispersion (measured ≤ 0.002 over μ_s = 0.5…4, N ≤ 40).
  assert.ok(Math.abs(kappaSNegBinomial(15, 1, 15) - mc) < 4 * se + 0.003, `NB ${kappaSNegBinomial(15, 1, 15)} vs MC ${mc} ± ${se}`);
  // N = 40: every formula approaches ψ/(μ_s N) = 0.375; Lemma 1 uses N̄ < N and overshoots by ≈ 3%.
  const p40 = at(40);
  assert.ok(Math.abs((p40.kappa.mc as number) - 0.375) < 0.004 && kappaSLemma1(15, 1, 40) > 1.02 * (p40.kappa.mc as number));
});

test('the per-BS load is over-dispersed: Var/mean = 1 + v μ_s with v ≈ 0.29 (within 0.03)', () => {
  for (const N of [5, 15, 40]) {
    const d = at(N).kappa.loadDispersion as number;
    assert.ok(Math.abs(d - 1 - LOAD_AREA_VARIANCE_PER_N) < 0.03, `N = ${N}: dispersion ${d}`);
    assert.ok(Math.abs(at(N).kappa.loadMean - N) < 0.05 * N, 'E[load] = μ_s N');
  }
});

test('CRLB with acceptance: mean null (infinite), median and conditional mean finite; no NaN/Infinity in JSON', () => {
  for (const p of base) {
    assert.equal(p.crlb.mean, null);
    assert.ok((p.crlb.median as number) > 0);
    assert.ok((p.crlb.conditionalMean4.mean as number) > 0);
    assert.match(p.crlb.warning, /infinite|∞/);
  }
  assert.ok(!/NaN|Infinity/.test(JSON.stringify(base)));
});

test('with ψ so large that nothing is declined, the network reproduces the geometry Monte Carlo (median CRLB for N = 4, 10 within the CIs)', async () => {
  const net = await runSensingNetwork({ muS: 1, Ns: [4, 10], psis: [100000], beta: 2, windows: 40, seed: 10, samplesPerWindow: 256 }, sync);
  const mc = runJobSync(crlbNestedJob([4, 10], 2, 40000, 11));
  net.forEach((p, i) => {
    assert.equal(p.kappa.mc, 1);
    assert.equal(p.nonLocalizableFraction, 0);
    const ref = summarizeCrlbSamples(column(mc, 2, i), p.N);
    const [a, b] = p.crlb.medianCi95 as [number, number];
    const [c, d] = ref.medianCi95 as [number, number];
    // Two independent estimates: their CIs must overlap (the network median uses ≈ 10⁴ targets).
    assert.ok(a <= d && c <= b, `N = ${p.N}: network [${a}, ${b}] vs geometry [${c}, ${d}]`);
  });
});

test('torus side keeps the N-th neighbour far inside half the window; the same seed gives identical records with 1 and 2 threads', async () => {
  assert.ok(sensingNetworkSide(40) / 2 > 3 * Math.sqrt((40 + 7 * Math.sqrt(40) + 30) / Math.PI) / 2);
  const job = sensingNetworkJob({ muS: 1, Ns: [3, 8], psis: [2, 5], beta: 2, windows: 6, seed: 4, samplesPerWindow: 16 });
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.deepEqual(Buffer.from(a.buffer), Buffer.from(b.buffer));
  const s = summarizeSensingNetwork(a, job);
  assert.equal(s.length, 4);
  // ψ = 2 with 8 requests per BS on average: heavy rejection, some targets are non-localizable.
  const worst = s.find((p) => p.psi === 2 && p.N === 8)!;
  assert.ok((worst.kappa.mc as number) < 0.35 && (worst.nonLocalizableFraction as number) > 0);
});

test('non-localizable fraction at high target density: CI, minority flag, and the independent-acceptance model within 0.05', async () => {
  // λ_s/λ_b = 5: ψ = 3 leaves ≈ 88% of targets with ≤ 1 accepted BS (docs/errata.md S7), ψ = 40 almost none.
  const pts = await runSensingNetwork({ muS: 5, Ns: [2, 6], psis: [3, 40], beta: 2, windows: 6, seed: 14, samplesPerWindow: 64 }, sync);
  for (const p of pts) {
    const f = p.nonLocalizableFraction as number;
    const [lo, hi] = p.nonLocalizableCi95 as [number, number];
    assert.ok(lo <= f && f <= hi && hi - lo < 0.05, `ψ = ${p.psi}, N = ${p.N}: ${f} [${lo}, ${hi}]`);
    // Two accepted BSs with exactly collinear bearings have probability 0: no singular FIM sampled.
    assert.equal(p.singularFraction, 0);
    // The model's error over the 25-cell map is ≤ 0.048 (40 windows); 6 windows add ≈ 0.005 of noise.
    const model = nonLocalizableIndependent(p.N, kappaSNegBinomial(p.psi, 5, p.N));
    assert.ok(Math.abs(model - f) < 0.05, `ψ = ${p.psi}, N = ${p.N}: simulated ${f}, model ${model}`);
  }
  const dense = pts.filter((p) => p.psi === 3);
  assert.ok(dense.every((p) => p.localizableMinority && (p.nonLocalizableFraction as number) > 0.8 && p.crlb.median === null));
  assert.ok(pts.filter((p) => p.psi === 40).every((p) => !p.localizableMinority && (p.nonLocalizableFraction as number) < 0.01));
  assert.equal(nonLocalizableIndependent(3, 0.5), 0.5);
  assert.equal(nonLocalizableIndependent(1, 1), 1);
});
