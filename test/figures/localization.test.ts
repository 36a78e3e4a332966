import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLocalizationFigure } from '../../src/figures/localization.ts';
import { localizationSpec } from '../../src/figures/localizationSpec.ts';
import { FIGURES } from '../../src/figures/index.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultParams } from '../../src/params/schema.ts';

test('the localization figure (beyond the paper): curves per N, √CRLB, thresholds, validation rows', async () => {
  const data = await computeLocalizationFigure({ quick: true, seed: 1, params: defaultParams(), run: inlineRunner });
  assert.match(data.title, /^Beyond the paper/);
  assert.equal(data.json.extension, 'beyond arXiv:2403.20228 (issue 12): the paper has no estimator');
  assert.deepEqual(data.Ns, [4, 6, 10]);
  // 3 N × 13 SNR offsets × 3 curves.
  assert.equal(data.series.length, 3 * 13 * 3);
  assert.deepEqual(new Set(data.series.map((d) => d.curve)), new Set(data.curves));
  assert.equal(data.csvRows.length, 39);
  // √CRLB falls by exactly 10 dB per 20 dB of SNR over the same geometries.
  const crlb = data.series.filter((d) => d.N === 'N = 6' && d.curve === data.curves[2]);
  assert.ok(Math.abs(crlb[0].value / crlb[2].value - Math.sqrt(10)) < 1e-9);
  for (const t of data.thresholds) assert.ok(t.snrDb >= -10 && t.snrDb <= 50);
  assert.equal(data.validation.length, 6);
  const spec = localizationSpec(data);
  const layers = (spec as { layer: Array<{ data: { values: unknown[] } }> }).layer;
  assert.equal(layers.length, 2);
  assert.equal(layers[0].data.values.length, data.series.length);
  assert.doesNotThrow(() => JSON.stringify(spec));
  assert.ok(FIGURES.some((f) => f.name === 'localization'), 'registered for npm start');
  assert.equal(FIGURES[FIGURES.length - 1].name, 'localization', 'after the paper\'s figures');
});
