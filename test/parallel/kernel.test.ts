import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/math/rng.ts';
import { checkReal } from '../../src/math/argumentError.ts';
import { composeRegistry, defineKernel } from '../../src/parallel/kernel.ts';
import { runJobSync } from '../../src/parallel/job.ts';
import { RecordReader } from '../../src/parallel/record.ts';
import { KERNELS } from '../../src/registry/kernels.ts';
import { networkSideForDisc } from '../../src/comm/network.ts';

const scaled = defineKernel<{ scale: number }>({
  name: 'test.scaled',
  parseArgs: (raw) => ({ scale: checkReal('scale', raw.scale, 0, 10) }),
  simulate: (a, rng, count) => Float64Array.from({ length: count }, () => a.scale * rng.uniform()),
});

test('defineKernel: typed jobs, arguments checked when the job is built and when a chunk runs', () => {
  const job = scaled.job({ scale: 2 }, 10, 3, 4);
  assert.deepEqual(job, { kernel: 'test.scaled', args: { scale: 2 }, trials: 10, seed: 3, chunkSize: 4 });
  assert.throws(() => scaled.job({ scale: 11 }, 10, 3), /scale must be in \[0, 10\], got 11/);
  assert.throws(() => scaled.run({ scale: 'x' }, new Rng(1), 1), /scale must be in \[0, 10\], got "x"/);
  const reg = composeRegistry([scaled]);
  const a = runJobSync(job, reg);
  assert.equal(a.length, 10);
  assert.ok(a.every((v) => v >= 0 && v < 2));
  assert.deepEqual(runJobSync(job, reg), a, 'same seed, same samples');
});

test('composeRegistry refuses duplicate names and names the known kernels of an unknown one', () => {
  assert.throws(() => composeRegistry([scaled, scaled]), /duplicate Monte Carlo kernel name "test.scaled"/);
  assert.throws(() => composeRegistry([scaled]).get('nope'), /unknown Monte Carlo kernel "nope" \(known: test.scaled\)/);
  assert.deepEqual(KERNELS.names().sort(), ['comm.network', 'comm.rateCurve', 'comm.rateTable', 'comm.typicalUser', 'comm.zfRateCurve', 'sensing.crlbNested', 'sensing.localize', 'sensing.network']);
});

test('the network kernels validate what they receive (ψ, densities, sizes) with the argument named', () => {
  const comm = { L: 3, pc: 0.5, alpha: 4, mt: 4, psi: 5, muC: 2, gains: 'gamma', side: networkSideForDisc(40), samplesPerWindow: 0 };
  const rng = new Rng(1);
  assert.throws(() => KERNELS.get('comm.network').run({ ...comm, psi: 0 }, rng, 1), /psi must be an integer in \[1, ∞\), got 0/);
  assert.throws(() => KERNELS.get('comm.network').run({ ...comm, psi: 2.5 }, rng, 1), /psi must be an integer/);
  assert.throws(() => KERNELS.get('comm.network').run({ ...comm, gains: 'rayleigh' }, rng, 1), /gains must be one of gamma, zf, got "rayleigh"/);
  assert.throws(() => KERNELS.get('comm.network').run({ ...comm, alpha: 2 }, rng, 1), /alpha must be in \(2, 64\], got 2/);
  const sens = { side: 30, muS: 1, Ns: [2, 4], psis: [15], beta: 2, samplesPerWindow: 0 };
  assert.throws(() => KERNELS.get('sensing.network').run({ ...sens, psis: [0] }, rng, 1), /psis\[0\] must be an integer in \[1, ∞\), got 0/);
  assert.throws(() => KERNELS.get('sensing.network').run({ ...sens, Ns: [4, 2] }, rng, 1), /Ns must be strictly ascending/);
  assert.throws(() => KERNELS.get('sensing.crlbNested').run({ Ns: [2], beta: 1 }, rng, 1), /beta must be in \[2, 64\], got 1/);
  assert.throws(() => KERNELS.get('comm.typicalUser').run({ L: 0, pc: 0.5, kappaC: 1, alpha: 4, mt: 4, gains: 'gamma', discBs: 100 }, rng, 1), /L must be an integer in \[1, 10000\], got 0/);
});

test('RecordReader reads named fields, sums in record order and reads positional data after them', () => {
  const rec = Float64Array.from([1, 2, 9, 9, 3, 4, 8, 7]);
  const r = new RecordReader(rec, 4, ['a', 'b'] as const);
  assert.equal(r.count, 2);
  assert.equal(r.sum('a'), 4);
  assert.equal(r.get(1, 'b'), 4);
  assert.equal(r.extra(1, 1), 7);
  const inner = new RecordReader(rec, 4, ['c'] as const, 2);
  assert.equal(inner.sum('c'), 17);
  assert.equal(inner.extra(0, 0), 9);
  assert.throws(() => new RecordReader(rec, 3, ['a'] as const), /samples\.length must be a multiple of the record width 3, got 8/);
  assert.throws(() => new RecordReader(rec, 4, ['a', 'b', 'c'] as const, 2), /offset must be in \[0, 1\] so that 3 fields fit a record of width 4, got 2/);
  assert.throws(() => r.sum('z' as 'a'), /unknown record field "z"/);
});
