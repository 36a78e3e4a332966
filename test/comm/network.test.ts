import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import { CNF, COMM_NETWORK_KERNEL, networkRecordWidth, networkSideForDisc, simulateNetworkCoMP } from '../../src/comm/network.ts';
import { summarizeNetworkRecords } from '../../src/reports/comm.ts';
import { rateExact } from '../../src/comm/exactRate.ts';
import { kappaCMechanismPoisson, kappaCPrinted } from '../../src/comm/kappa.ts';

const side = networkSideForDisc(100);

test('window records are consistent: requests = users·(L−1), Σ n_req = requests, Σ n_own = users, accepted by rank sums', () => {
  const L = 6;
  const rec = simulateNetworkCoMP({ L, pc: 0.5, alpha: 4, mt: 4, psi: 8, muC: 3, gains: 'gamma', side, samplesPerWindow: 5 }, new Rng(1), 3);
  const width = networkRecordWidth(L, 5);
  for (let w = 0; w < 3; w++) {
    const r = rec.subarray(w * width, (w + 1) * width);
    const users = r[0];
    assert.equal(r[1], users * (L - 1));
    assert.equal(r[4], r[1]);
    assert.equal(r[6], users);
    let byRank = 0;
    for (let k = 0; k < L - 1; k++) byRank += r[CNF + k];
    assert.equal(byRank, r[2]);
    assert.ok(r[2] < r[1], 'ψ = 8 with 15 requests per BS on average: some are declined');
    for (let k = 0; k < 5; k++) assert.ok(r[CNF + L - 1 + 2 * k] === Math.log1p(r[CNF + L - 1 + 2 * k + 1]));
  }
});

test('ψ large: every request accepted, and the network rate equals the exact rate with κ_c = 1 (within 4 s.e.)', () => {
  const L = 3;
  const rec = simulateNetworkCoMP({ L, pc: 0.5, alpha: 4, mt: 4, psi: 10000, muC: 2, gains: 'gamma', side, samplesPerWindow: 0 }, new Rng(2), 40);
  const s = summarizeNetworkRecords(rec, L, 0);
  assert.equal(s.kappaMc, 1);
  const exact = rateExact({ L, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 });
  const m = s.rate!;
  const se = (m.ci95[1] - m.mean) / 1.959963984540054;
  assert.ok(Math.abs(m.mean - exact) < 4 * se, `network ${m.mean} ± ${se} vs exact ${exact}`);
});

test('ψ = 1: a BS with an own user accepts nothing, so κ_c MC ≤ P(no own user) and far below the printed κ_c', () => {
  const L = 3;
  const rec = simulateNetworkCoMP({ L, pc: 0.5, alpha: 4, mt: 4, psi: 1, muC: 2, gains: 'gamma', side, samplesPerWindow: 0 }, new Rng(3), 10);
  const s = summarizeNetworkRecords(rec, L, 0);
  assert.ok(s.kappaMc! < 0.3 && s.kappaMc! > 0, `κ MC ${s.kappaMc}`);
  assert.ok(kappaCPrinted(1, 2, L) < 0.1);
});

// The own-users-first Poisson form tracks the simulated acceptance (tolerance: 0.03 absolute, the
// Poisson approximation error; the CI of κ MC here is about ±0.005).
test('κ_c: simulation vs printed vs own-users-first Poisson (ψ = 15, λ_u/λ_b = 4, L = 5)', () => {
  const L = 5;
  const rec = simulateNetworkCoMP({ L, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 4, gains: 'gamma', side, samplesPerWindow: 0 }, new Rng(4), 12);
  const s = summarizeNetworkRecords(rec, L, 0);
  const k = s.kappaMc!;
  assert.ok(Math.abs(k - kappaCMechanismPoisson(15, 4, L)) < 0.03, `MC ${k} vs mechanism ${kappaCMechanismPoisson(15, 4, L)}`);
  assert.ok(kappaCPrinted(15, 4, L) - k > 0.08, `printed ${kappaCPrinted(15, 4, L)} overestimates MC ${k}`);
  assert.ok(s.kappaCi95![0] < k && k < s.kappaCi95![1]);
  // Σ requests/Σ BSs over 12 windows: ratio of Poisson totals, s.d. ≈ 2.9% ≈ 0.46; 4 s.d. = 1.9.
  assert.ok(Math.abs(s.meanRequestsPerBs - 4 * (L - 1)) < 1.9, `mean requests per BS ${s.meanRequestsPerBs} vs μ(L−1) = ${4 * (L - 1)}`);
  assert.ok(s.requestDispersion > 1.3, `request counts over-dispersed (var/mean ${s.requestDispersion})`);
});

test('comm.network through the job system: identical for 1 and 2 threads', async () => {
  const job = { kernel: COMM_NETWORK_KERNEL, args: { L: 3, pc: 0.5, alpha: 4, mt: 4, psi: 5, muC: 2, gains: 'gamma', side: networkSideForDisc(40), samplesPerWindow: 3 }, trials: 4, seed: 5, chunkSize: 1 };
  const a = await runJob(job, 1);
  const b = await runJob(job, 2, undefined, true);
  assert.deepEqual(Array.from(a), Array.from(b));
});

// Control variate: the control column (independent acceptance at κ) has mean rateExact(κ); the
// controlled and plain estimates of the network rate agree. Tolerance 4 s.e. (fixed seed; windows
// are the i.i.d. units, s.e. from the between-window spread).
test('control column mean = rateExact(κ) within 4 s.e.; controlled vs plain within 4 s.e. of the plain estimate', () => {
  const L = 5;
  const kappa = 0.7;
  const rec = simulateNetworkCoMP({ L, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 3, gains: 'gamma', side, samplesPerWindow: 0, kappaControl: kappa }, new Rng(21), 60);
  const exact = rateExact({ L, pc: 0.5, kappaC: kappa, alpha: 4, mt: 4 });
  const s = summarizeNetworkRecords(rec, L, 0, { kappaC: kappa, exact, meanBs: side * side, meanUsers: 3 * side * side });
  const c = s.controlled!;
  const w = networkRecordWidth(L, 0);
  let sx = 0, sn = 0;
  for (let i = 0; i < 60; i++) { sx += rec[i * w + 10]; sn += rec[i * w]; }
  const rx = sx / sn;
  let ss = 0;
  for (let i = 0; i < 60; i++) ss += (rec[i * w + 10] - rx * rec[i * w]) ** 2;
  const seX = Math.sqrt((60 / 59) * ss) / sn;
  assert.ok(Math.abs(rx - exact) < 4 * seX, `control ${rx} ± ${seX} vs exact ${exact}`);
  assert.ok(Math.abs(c.control.mc - rx) < 1e-12);
  const m = s.rate!;
  const seY = (m.ci95[1] - m.mean) / 1.959963984540054;
  assert.ok(Math.abs(c.mean - m.mean) < 4 * seY, `controlled ${c.mean} vs plain ${m.mean} ± ${seY}`);
  assert.ok(c.vrf! > 1, `VRF ${c.vrf}`);
});
