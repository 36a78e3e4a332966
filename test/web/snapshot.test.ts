/**
 * The network snapshot of the explorer (src/web/network/snapshot.ts): deterministic per seed, the
 * typical user's and target's clusters are their nearest BSs, and the load mechanism is the stated
 * one, checked against the library's own network-level simulation (src/sensing/network.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawSnapshot, type SnapshotInput } from '../../src/web/network/snapshot.ts';
import { wrap } from '../../src/geometry/torus.ts';
import { runJobSync } from '../../src/registry/inline.ts';
import { NF, SENSING_NETWORK_KERNEL, sensingNetworkRecordWidth, sensingNetworkSide } from '../../src/sensing/network.ts';

const base: SnapshotInput = { lambdaB: 1, lambdaU: 1, lambdaS: 1, psi: 15, n: 10, l: 3, seed: 7 };

test('same seed, same snapshot; another seed, another one', () => {
  const a = drawSnapshot(base);
  const b = drawSnapshot(base);
  assert.deepEqual(a.bs, b.bs);
  assert.deepEqual(a.comm, b.comm);
  assert.deepEqual(a.sensing, b.sensing);
  const c = drawSnapshot({ ...base, seed: 8 });
  assert.notDeepEqual(a.bs, c.bs);
});

test('clusters are the nearest BSs (periodic distances), nearest first', () => {
  for (const seed of [1, 2, 3]) {
    const s = drawSnapshot({ ...base, seed, lambdaB: 2.5 });
    const nBs = s.bs.length / 2;
    const dist = (x: number, y: number, b: number): number => Math.hypot(wrap(s.bs[2 * b] - x, s.sideKm), wrap(s.bs[2 * b + 1] - y, s.sideKm));
    const sortedFrom = (x: number, y: number): number[] => Array.from({ length: nBs }, (_, b) => b).sort((p, q) => dist(x, y, p) - dist(x, y, q));
    const u = sortedFrom(s.users[0], s.users[1]);
    const t = sortedFrom(s.targets[0], s.targets[1]);
    assert.deepEqual(s.comm.map((r) => r.bs), u.slice(0, base.l));
    assert.deepEqual(s.sensing.map((r) => r.bs), t.slice(0, base.n));
    assert.equal(s.comm[0].accepted, true, 'the serving BS always serves');
    for (const r of s.sensing) assert.ok(Math.abs(r.distanceKm - dist(s.targets[0], s.targets[1], r.bs)) < 1e-9);
  }
});

test('enough resource blocks: every request accepted; ψ = 1 under heavy load: most declined', () => {
  const all = drawSnapshot({ ...base, psi: 10000 });
  assert.equal(all.kappaSSnapshot, 1);
  assert.equal(all.kappaCSnapshot, 1);
  assert.ok(all.sensing.every((r) => r.accepted) && all.comm.every((r) => r.accepted));
  const tight = drawSnapshot({ ...base, psi: 1, lambdaS: 5, lambdaU: 5 });
  assert.ok((tight.kappaSSnapshot as number) < 0.05, `κ_s = ${tight.kappaSSnapshot}`);
  // ψ = 1: a BS's single block goes to its own user whenever it has one.
  assert.ok((tight.kappaCSnapshot as number) < 0.1, `κ_c = ${tight.kappaCSnapshot}`);
});

test('sensing acceptance matches the library network simulation of the same mechanism', () => {
  // Both estimate the network-wide fraction of accepted requests, κ = E[accepted]/E[requests], for
  // μ_s = 2, N = 10, ψ = 15 (mean load 20 > ψ, so κ is well below 1). Pooled over 12 snapshots and
  // 12 library windows of ~400–900 BSs each; the windows are independent, so the standard error is
  // estimated from the spread of the per-window ratios. Tolerance: 4 standard errors of the difference.
  const ratios = (xs: number[]): { mean: number; se: number } => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    return { mean: m, se: Math.sqrt(v / xs.length) };
  };
  const mine: number[] = [];
  for (let seed = 100; seed < 112; seed++) mine.push(drawSnapshot({ ...base, lambdaS: 2, seed }).kappaSSnapshot as number);
  const side = sensingNetworkSide(10);
  const samples = runJobSync({ kernel: SENSING_NETWORK_KERNEL, args: { side, muS: 2, Ns: [10], psis: [15], beta: 2, samplesPerWindow: 0 }, trials: 12, seed: 5, chunkSize: 4 });
  const width = sensingNetworkRecordWidth(1, 1, 0);
  assert.equal(width, NF);
  const lib: number[] = [];
  for (let w = 0; w < 12; w++) lib.push(samples[w * width + 1] / samples[w * width + 0]);
  const a = ratios(mine);
  const b = ratios(lib);
  const tol = 4 * Math.hypot(a.se, b.se);
  assert.ok(a.mean < 0.9, `mechanism should decline requests here (κ = ${a.mean})`);
  if (process.env.WEB_TEST_VERBOSE) console.log(a, b, tol);
  assert.ok(Math.abs(a.mean - b.mean) < tol, `snapshot κ_s ${a.mean.toFixed(4)} ± ${a.se.toFixed(4)} vs library ${b.mean.toFixed(4)} ± ${b.se.toFixed(4)}`);
});
