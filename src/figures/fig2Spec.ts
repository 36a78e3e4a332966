/**
 * The Vega-Lite spec of Fig. 2 (src/figures/fig2.ts) from its computed data. Pure: no rendering,
 * no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';
import type { Fig2Data } from './fig2Data.ts';

const COLORS = ['#1f4e9c', '#5aa0e0', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];
const DASHES = [[1, 0], [1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4]];

const SERIES_LEGEND = { title: null, orient: 'top-right' as const, labelLimit: 300, symbolType: 'stroke' };

export function fig2Spec(data: Fig2Data): VegaLiteSpec {
  const { series, bands, medianBands: medBands, seriesOrder: order } = data;
  if (!(data.zeta2M2 > 0)) {
    // p^c = 1: no sensing power, |ζ|² = 0, the FIM is zero and every CRLB is infinite: say so
    // instead of drawing empty axes.
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: { text: data.title, subtitle: [`|ζ|² = 0 m² (p^s = 0), λ_b = ${data.lambdaB} /km², β = ${data.beta}`] },
      width: 560,
      height: 380,
      data: { values: [{ message: 'CRLB = ∞ for every N: p^c = 1 leaves no sensing power (p^s = 0), so the FIM is zero (singular)' }] },
      mark: { type: 'text', fontSize: 14, color: '#a00' },
      encoding: { text: { field: 'message', type: 'nominal' } },
    };
  }
  const allValues = [...series.map((d) => d.value), ...bands.flatMap((b) => [b.lo as number, b.hi as number])];
  const yDomain = [Math.min(...allValues) / 1.25, Math.max(...allValues) * 1.25];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: data.title,
      subtitle: [`|ζ|² = ${data.zeta2M2.toPrecision(4)} m², λ_b = ${data.lambdaB} /km², β = ${data.beta}; ${data.trials.toLocaleString('en-US')} geometries`, 'N = 1 singular; E[CRLB] = ∞ for N = 2, 3 (median only); Var = ∞ for N = 4, 5'],
    },
    width: 560,
    height: 380,
    layer: [
      {
        data: { values: [...bands, ...medBands] },
        mark: { type: 'area', opacity: 0.25 },
        encoding: {
          x: { field: 'N', type: 'quantitative' },
          y: { field: 'lo', type: 'quantitative', scale: { type: 'log', domain: yDomain, nice: false } },
          y2: { field: 'hi' },
          fill: { field: 'band', type: 'nominal', scale: { domain: ['mean 95% CI', 'median 95% CI'], range: ['#1f4e9c', '#5aa0e0'] }, legend: { title: null, orient: 'bottom-left' } },
        },
      },
      {
        data: { values: series },
        mark: { type: 'line', point: { size: 18 }, strokeWidth: 1.6 },
        encoding: {
          x: { field: 'N', type: 'quantitative', title: 'cooperative cluster size N (BSs)', scale: { domain: [1, data.nMax] } },
          y: { field: 'value', type: 'quantitative', scale: { type: 'log', domain: yDomain, nice: false }, title: 'expected CRLB (m²)', axis: { format: '.1e' } },
          // One legend for colour and dash (same field, same legend properties): each entry shows the
          // series' line style (a `legend: null` on one of them is vega's "Conflicting legend property").
          color: { field: 'series', type: 'nominal', sort: order, scale: { domain: order, range: COLORS }, legend: SERIES_LEGEND },
          strokeDash: { field: 'series', type: 'nominal', sort: order, scale: { domain: order, range: DASHES }, legend: SERIES_LEGEND },
        },
      },
    ],
  };
}
