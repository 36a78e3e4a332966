import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateExact } from '../../src/comm/exactRate.ts';
import { rateTheorem2 } from '../../src/comm/theorem2.ts';
import { RateTableValues, closedFormRate, rateTableJob, rateTableKernel, type RateForm } from '../../src/comm/rateTable.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import { runJobSync } from '../../src/registry/inline.ts';
import { Rng } from '../../src/math/rng.ts';

// 7 models in chunks of 3 (3 + 3 + 1): every chunk must find its own rows from its chunk index.
const models = [1, 2, 3, 5, 8, 13, 20].map((L, i) => ({ L, pc: 0.1 + 0.12 * i, kappaC: 1 - 0.03 * i, alpha: i % 2 === 0 ? 4 : 3.3, mt: 2 + (i % 3) }));
const forms: RateForm[] = ['exact', 'thm2', 'thm2PrintedH1'];

test('comm.rateTable: the values of rateExact / rateTheorem2, bit for bit, inline and on 2 worker threads (uneven last chunk)', async () => {
  const job = rateTableJob(models, forms, 3);
  assert.equal(job.trials, 7);
  assert.equal(job.chunkSize, 3);
  const inline = runJobSync(job);
  const two = await runJob(job, 2, undefined, true);
  assert.equal(inline.length, models.length * forms.length);
  assert.deepEqual(Array.from(two), Array.from(inline));
  models.forEach((m, i) => {
    assert.equal(inline[3 * i], rateExact(m), `exact, model ${i}`);
    assert.equal(inline[3 * i + 1], rateTheorem2(m), `thm2, model ${i}`);
    assert.equal(inline[3 * i + 2], rateTheorem2(m, { h1Variant: 'printed' }), `thm2 printed, model ${i}`);
  });
  // lookup by model (an equal object, not the same one), and a model the table does not hold
  const t = new RateTableValues(models, forms, two);
  assert.equal(t.get({ ...models[4]! }, 'thm2'), rateTheorem2(models[4]!));
  assert.equal(t.get({ ...models[4]!, kappaC: 0.5 }, 'thm2'), undefined);
  assert.equal(closedFormRate(models[2]!, 'thm2PrintedH1'), inline[8]);
});

test('comm.rateTable: bad arguments name the field; a chunk past the table is refused', () => {
  assert.throws(() => rateTableJob([], ['exact']), /models/);
  assert.throws(() => rateTableJob(models, ['exact', 'mc' as RateForm]), /forms/);
  assert.throws(() => rateTableJob(models, ['exact'], 0), /modelsPerChunk/);
  assert.throws(() => rateTableJob([{ ...models[0]!, pc: 2 }], ['exact']), /pc/);
  assert.throws(() => rateTableKernel.run({ models, forms: ['exact'], modelsPerChunk: 3 }, new Rng(0), 3, 3), /count/);
  assert.throws(() => new RateTableValues(models, forms, new Float64Array(5)), /records/);
});
