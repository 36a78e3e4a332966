import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob } from '../../src/registry/nodePool.ts';
import { Rng } from '../../src/math/rng.ts';
import { meanCi95 } from '../../src/math/stats.ts';
import { simulateTypicalUser, meanFieldTail } from '../../src/comm/typicalUser.ts';
import { TYPICAL_USER_KERNEL } from '../../src/comm/typicalUser.ts';

test('comm.typicalUser through the job system: 1 and 2 threads give identical samples (gamma and ZF gains)', async () => {
  for (const gains of ['gamma', 'zf']) {
    const job = { kernel: TYPICAL_USER_KERNEL, args: { L: 4, pc: 0.5, kappaC: 0.8, alpha: 4, mt: 4, gains, discBs: 60 }, trials: 3000, seed: 9, chunkSize: 500 };
    const a = await runJob(job, 1);
    const b = await runJob(job, 2, undefined, true);
    assert.equal(a.length, 6000);
    assert.deepEqual(Array.from(a), Array.from(b));
  }
});

test('mean-field tail: ∫_U^∞ u^{−α/2} du', () => {
  assert.ok(Math.abs(meanFieldTail(100, 4) - 0.01) < 1e-15);
  assert.ok(Math.abs(meanFieldTail(100, 3) - 2 / 10) < 1e-15);
});

// The truncation at U = 100 BSs (mean field beyond) against the same realizations extended to
// 4U: the paired difference is the truncation bias; it must be statistically zero, and even its
// 4-s.e. bound must stay below a tenth of the Monte Carlo standard error of the rate. α = 2.5 is the hardest
// case in the tested range (the tail decays like U^{1−α/2}).
test('truncation bias of the disc + mean-field tail is far below the Monte Carlo error', () => {
  for (const alpha of [2.5, 4]) {
    const n = 20000;
    const rec = simulateTypicalUser({ L: 4, pc: 0.5, kappaC: 0.9, alpha, mt: 4, gains: 'gamma', discBs: 100, truncationCheck: true }, new Rng(17), n);
    const rate = new Float64Array(n);
    const diff = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rate[i] = rec[3 * i];
      diff[i] = rec[3 * i + 2] - rec[3 * i];
    }
    const r = meanCi95(rate);
    const d = meanCi95(diff);
    assert.ok(Math.abs(d.mean) < 4 * d.standardError + 1e-12, `α = ${alpha}: bias ${d.mean} ± ${d.standardError}`);
    assert.ok(Math.abs(d.mean) + 4 * d.standardError < 0.1 * r.standardError, `α = ${alpha}: bias bound ${Math.abs(d.mean) + 4 * d.standardError} vs MC s.e. ${r.standardError}`);
  }
});
