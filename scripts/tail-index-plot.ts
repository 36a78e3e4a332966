/**
 * The Hill estimate of the CRLB's tail index against the threshold (docs/sensing.md, the tail of the
 * CRLB; docs/errata.md S1), from the committed numpy fixture test/sensing/fixtures/tail_index.json
 * (written by test/sensing/fixtures/gen_tail_index.py, 10⁶ geometries per (N, β)), beside the
 * asymptotic index (N − 1)/2 (dashed, the same for every β). Rendered through the figures' Vega-Lite
 * renderer (src/figures/render.ts) to docs/tail-index.svg.
 *
 * Run: npx tsx scripts/tail-index-plot.ts
 */
import { readFileSync } from 'node:fs';
import { renderSvg } from '../src/figures/render.ts';
import { writeFileAtomic } from '../src/figures/io.ts';
import type { VegaLiteSpec } from '../src/figures/spec.ts';

interface Case {
  N: number;
  beta: number;
  theory: number;
  curve: Array<{ k: number; fraction: number; threshold: number; hill: number }>;
}
const fixture = JSON.parse(readFileSync(new URL('../test/sensing/fixtures/tail_index.json', import.meta.url), 'utf8')) as { cases: Case[]; seed: number };
const shown = fixture.cases.filter((c) => [4, 6, 10, 30].includes(c.N));
const hill = shown.flatMap((c) => c.curve.filter((q) => q.k >= 30).map((q) => ({ N: `N = ${c.N}`, beta: `β = ${c.beta}`, fraction: q.fraction, hill: q.hill })));
const theory = shown.flatMap((c) => [1e-5, 1e-1].map((fraction) => ({ N: `N = ${c.N}`, beta: `β = ${c.beta}`, fraction, hill: c.theory })));
const spec: VegaLiteSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: {
    text: 'Hill estimate of the CRLB tail index vs threshold (10⁶ PPP geometries per curve)',
    subtitle: `threshold = the (1 − p) quantile; dashed: asymptotic index (N − 1)/2 (every β); numpy, seed ${fixture.seed}`,
  },
  data: { values: [...hill.map((d) => ({ ...d, kind: 'Hill estimate' })), ...theory.map((d) => ({ ...d, kind: 'asymptotic (N − 1)/2' }))] },
  facet: { column: { field: 'N', type: 'nominal', sort: ['N = 4', 'N = 6', 'N = 10', 'N = 30'], title: null } },
  spec: {
    width: 190,
    height: 220,
    mark: { type: 'line', strokeWidth: 1.6 },
    encoding: {
      x: { field: 'fraction', type: 'quantitative', scale: { type: 'log', reverse: true }, title: 'tail fraction p above the threshold', axis: { format: '.0e' } },
      y: { field: 'hill', type: 'quantitative', scale: { type: 'log' }, title: 'tail index α' },
      color: { field: 'beta', type: 'nominal', scale: { domain: ['β = 2', 'β = 3', 'β = 4'], range: ['#1f4e9c', '#2ca02c', '#d62728'] }, title: null },
      strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['Hill estimate', 'asymptotic (N − 1)/2'], range: [[1, 0], [5, 3]] }, title: null, legend: { labelLimit: 300 } },
      detail: { field: 'beta' },
    },
  },
  resolve: { scale: { y: 'independent' } },
};
const svg = await renderSvg(spec);
writeFileAtomic(new URL('../docs/tail-index.svg', import.meta.url).pathname, svg);
console.log('wrote docs/tail-index.svg');
