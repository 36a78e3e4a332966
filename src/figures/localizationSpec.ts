/**
 * The Vega-Lite spec of the localization figure (src/figures/localization.ts; beyond the paper)
 * from its computed data. Pure: no rendering, no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';
import type { LocalizationData } from './localizationData.ts';

const COLORS = ['#1f4e9c', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

export function localizationSpec(data: LocalizationData): VegaLiteSpec {
  const nDomain = data.Ns.map((N) => `N = ${N}`);
  const colors = COLORS.slice(0, nDomain.length);
  const color = { field: 'N', type: 'nominal' as const, scale: { domain: nDomain, range: colors }, legend: { title: 'cluster size', orient: 'top-right' as const } };
  const values = data.series.map((d) => d.value);
  const yDomain = [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
  const snrs = data.series.map((d) => d.snrDb);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: data.title,
      subtitle: [
        `0 dB = the scenario's link budget: |ζ|² = ${data.zeta2M2.toPrecision(4)} m², λ_b = ${data.lambdaB} /km², β = ${data.beta} (normalized SNR ${data.normalizedSnrDb.toFixed(1)} dB)`,
        `${data.geometries} geometries × ${data.noiseDraws} noise draws per point; vertical rules: threshold SNR (MLE within 1 dB of the CRLB from there on)`,
      ],
    },
    width: 560,
    height: 380,
    layer: [
      {
        data: { values: data.series },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: {
          x: { field: 'snrDb', type: 'quantitative', title: "SNR offset from the scenario's |ζ|² (dB)", scale: { domain: [Math.min(...snrs), Math.max(...snrs)] } },
          y: { field: 'value', type: 'quantitative', scale: { type: 'log', domain: yDomain, nice: false }, title: 'RMS localization error (m)', axis: { format: '.1e' } },
          color,
          strokeDash: { field: 'curve', type: 'nominal', scale: { domain: data.curves, range: [[1, 0], [2, 2], [6, 3]] }, legend: { title: null, orient: 'bottom-left', labelLimit: 260, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400 } },
          detail: { field: 'curve', type: 'nominal' },
        },
      },
      {
        data: { values: data.thresholds },
        mark: { type: 'rule', strokeWidth: 1, opacity: 0.7 },
        encoding: { x: { field: 'snrDb', type: 'quantitative' }, color },
      },
    ],
  };
}
