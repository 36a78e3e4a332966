/**
 * The Vega-Lite spec of Fig. 3 (src/figures/fig3.ts) from its computed data. Pure: no rendering,
 * no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';
import type { Fig3Data } from './fig3Data.ts';

/** Curve name of the simulated non-localizable fraction (drawn on the κ_s panel, same [0, 1] scale). */
export const NONLOC_CURVE = 'non-localizable targets (simulation)';

export function fig3Spec(data: Fig3Data): VegaLiteSpec {
  const { kappaLines, crlbLines, kappaPoints, medianBand } = data;
  const opt0 = data.optimal.find((o) => o.psi === data.psi);
  const psiDomain = data.psiLabels;
  const psiColors = ['#2ca02c', '#1f4e9c', '#d62728'];
  const color = { field: 'psi', type: 'nominal' as const, scale: { domain: psiDomain, range: psiColors }, legend: { title: 'load ψ', orient: 'right' as const } };
  const kCurves = ['Lemma 1, Eq. (15) as printed', 'corrected κ_s (NB load)', NONLOC_CURVE];
  const cCurves = ['simulation median', 'Eq. (16) with Lemma 1 κ_s', 'Prop. 1 / κ_s², corrected κ_s'];

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Fig. 3: acceptance probability and CRLB with acceptance vs cluster size N',
      subtitle: [
        `λ_s/λ_b = ${data.muS}, β = ${data.beta}, |ζ|² = ${data.zeta2M2.toPrecision(4)} m², λ_b = ${data.lambdaB} /km²; ${data.windows} torus windows`,
        opt0 ? `optimal N for ψ = ${data.psi}: Eq. (16) ${opt0.eq16Lemma1}, simulation median ${opt0.simulationMedian ?? 'n/a'} (paper: N* = ψ)` : '',
      ],
    },
    hconcat: [
      {
        width: 340,
        height: 320,
        title: 'acceptance probability κ_s',
        layer: [
          {
            data: { values: kappaLines },
            mark: { type: 'line', strokeWidth: 1.6 },
            encoding: {
              x: { field: 'N', type: 'quantitative', title: 'cooperative cluster size N (BSs)', scale: { domain: [1, data.nMax] } },
              y: { field: 'value', type: 'quantitative', title: 'κ_s (fraction of requests accepted)', scale: { domain: [0, 1.02], nice: false } },
              color,
              strokeDash: { field: 'curve', type: 'nominal', scale: { domain: kCurves, range: [[6, 3], [1, 0], [1, 2]] }, legend: { title: null, orient: 'bottom-left', labelLimit: 240 } },
            },
          },
          {
            data: { values: kappaPoints },
            mark: { type: 'point', filled: true, size: 22 },
            encoding: { x: { field: 'N', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, color, shape: { value: 'circle' } },
          },
        ],
      },
      {
        width: 340,
        height: 320,
        title: 'CRLB with acceptance (points: simulation median)',
        layer: [
          {
            data: { values: medianBand },
            mark: { type: 'area', opacity: 0.2 },
            encoding: { x: { field: 'N', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative', scale: { type: 'log' } }, y2: { field: 'hi' }, color },
          },
          {
            data: { values: crlbLines },
            mark: { type: 'line', strokeWidth: 1.6 },
            encoding: {
              x: { field: 'N', type: 'quantitative', title: 'cooperative cluster size N (BSs)', scale: { domain: [2, data.nMax] } },
              y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'CRLB with acceptance (m²)', axis: { format: '.1e' } },
              color,
              strokeDash: { field: 'curve', type: 'nominal', scale: { domain: cCurves, range: [[1, 0], [6, 3], [2, 2]] }, legend: { title: null, orient: 'bottom-right', labelLimit: 240 } },
            },
          },
          {
            data: { values: crlbLines.filter((d) => d.curve === 'simulation median') },
            mark: { type: 'point', filled: true, size: 16 },
            encoding: { x: { field: 'N', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, color },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'shared', strokeDash: 'independent' }, legend: { strokeDash: 'independent' } },
  };
}
