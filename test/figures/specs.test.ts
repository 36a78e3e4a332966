import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { computeFig2 } from '../../src/figures/fig2.ts';
import { fig2Spec } from '../../src/figures/fig2Spec.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultParams } from '../../src/params/schema.ts';
import type { JobRunner } from '../../src/parallel/job.ts';

/** A tiny run: every job with few trials, in the calling thread (no worker pool, no files). */
const tinyRunner: JobRunner = (job, onProgress) => inlineRunner({ ...job, trials: Math.min(job.trials, 400) }, onProgress);

test('fig2Spec: layers reference the computed data, without rendering', async () => {
  const labels: string[] = [];
  const data = await computeFig2({ quick: true, seed: 1, params: defaultParams(), run: tinyRunner, onProgress: (_f, l) => labels.push(l) });
  assert.ok(data.rows.length === 50 && data.csvRows.length === 50);
  assert.ok(data.validation.length > 0);
  assert.deepEqual([...new Set(labels)], ['Monte Carlo N = 1…50', 'Monte Carlo N = 50, 200, 1000']);
  const spec = fig2Spec(data);
  assert.ok('layer' in spec && Array.isArray(spec.layer), 'a layered spec');
  const layers = spec.layer as Array<{ data?: { values?: unknown[] } }>;
  assert.equal(layers.length, 2);
  for (const l of layers) assert.ok(Array.isArray(l.data?.values) && l.data.values.length > 0, 'every layer has inline data');
  const names = new Set((layers[1].data?.values as Array<{ series: string }>).map((d) => d.series));
  for (const s of ['Monte Carlo median', 'Prop. 1, Eq. (12)', 'Eq. (13)', 'Theorem 1, Eq. (14) as printed', 'Theorem 1 × 2 (corrected)']) assert.ok(names.has(s), `series ${s}`);
  const bands = new Set((layers[0].data?.values as Array<{ band: string }>).map((d) => d.band));
  assert.ok(bands.has('median 95% CI'));
  assert.doesNotThrow(() => JSON.stringify(spec));
});

const FIG_DIR = path.resolve('src/figures');
const SPEC_FILES = readdirSync(FIG_DIR).filter((f) => /Spec\.ts$/.test(f)).sort();
/** Import statements of a source (side-effect imports included), with whether they are type-only. */
function imports(src: string): Array<{ typeOnly: boolean; from: string }> {
  const out: Array<{ typeOnly: boolean; from: string }> = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    if (m[4] !== undefined) out.push({ typeOnly: false, from: m[4] });
    else out.push({ typeOnly: m[2] !== undefined, from: m[3] });
  }
  return out;
}

test('spec modules do not import vega, vega-lite, resvg or render.ts', () => {
  assert.deepEqual(SPEC_FILES, ['fig2Spec.ts', 'fig3Spec.ts', 'fig4Spec.ts', 'fig5Spec.ts', 'localizationSpec.ts', 'sweepSpec.ts']);
  for (const f of SPEC_FILES) {
    const src = readFileSync(path.join(FIG_DIR, f), 'utf8');
    assert.doesNotMatch(src, /from\s+['"]vega/, `${f} imports vega`);
    assert.doesNotMatch(src, /['"]@resvg/, `${f} imports resvg`);
    for (const i of imports(src)) {
      assert.ok(!/render(\.ts)?$/.test(i.from), `${f} imports ${i.from}`);
      assert.ok(i.typeOnly || !i.from.startsWith('./fig'), `${f} imports ${i.from} at run time (types only)`);
    }
  }
  // The spec type module itself depends on vega-lite's types only.
  const specTypes = imports(readFileSync(path.join(FIG_DIR, 'spec.ts'), 'utf8'));
  assert.ok(specTypes.length > 0 && specTypes.every((i) => i.typeOnly), 'src/figures/spec.ts: type-only imports');
});
