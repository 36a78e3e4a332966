/**
 * The Vega-Lite spec of Fig. 5 (src/figures/fig5.ts) from its computed data. Pure: no rendering,
 * no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';
import type { Fig5Data } from './fig5Data.ts';

const cLabel = (C: number): string => `C_backhaul = ${C}`;

/** The caption of Fig. 5 (what its marks are), printed under the figure in report.html. */
export function fig5Caption(data: Fig5Data): string {
  const P = data.params;
  return [
    `|ζ|²(p^s = 1) = ${P.zeta2M2FullSensing.toPrecision(4)} m²; L ≤ ${data.maxL} and N ≤ ⌊C/e⌋ enumerated.`,
    '◆: Monte Carlo at Pareto points (rate mean, median CRLB_a, 95% CI bars); ○: the same points on the Eq. (16) boundary.',
    ...data.sharedTimeSharing.map((g) => `The time-sharing lines coincide for C_backhaul = ${g.backhauls.join(', ')} (same corners: R*_comm = ${g.commRate?.toFixed(3)} nats/s/Hz is within the backhaul).`),
  ].join(' ');
}

export function fig5Spec(data: Fig5Data): VegaLiteSpec {
  const { lines, targetsOnCurve, points, schemes, xMaxPlot, yMin, yMax } = data;
  const P = data.params;
  const domain = data.backhauls.map(cLabel);
  const colors = ['#d62728', '#1f4e9c', '#2ca02c'];
  const color = { field: 'C', type: 'nominal' as const, scale: { domain, range: colors }, legend: { title: 'backhaul (nats/s/Hz)', orient: 'right' as const, symbolType: 'stroke' } };
  const x = { field: 'rate', type: 'quantitative' as const, title: 'average rate R_c (nats/s/Hz)', scale: { domain: [0, xMaxPlot], nice: false } };
  const y = { field: 'crlbA', type: 'quantitative' as const, title: 'CRLB with acceptance CRLB_a (m²)', scale: { type: 'log' as const, domain: [yMin / 1.25, yMax], nice: false }, axis: { format: '.1e' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Fig. 5: rate–CRLB trade-off under the backhaul constraint R_c + e·N ≤ C_backhaul',
      anchor: 'start',
      // One line of parameters; the explanation of the marks is the caption (fig5Caption), printed
      // under the figure in report.html.
      subtitle: [`e = ${P.e} nats/s/Hz per sensing BS, ψ = ${P.psi}, λ_u/λ_b = ${P.usersPerBs}, λ_s/λ_b = ${P.targetsPerBs}, M_t = ${P.mt}, α = ${P.alpha}, β = ${P.beta}`],
    },
    width: data.layout.width,
    height: data.layout.height,
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: data.layout.lineWidth, clip: true },
        encoding: {
          x,
          y,
          color,
          order: { field: 'order', type: 'quantitative' },
          detail: { field: 'scheme', type: 'nominal' },
          strokeDash: { field: 'scheme', type: 'nominal', scale: { domain: schemes, range: [[1, 0], [2, 2], [7, 4]] }, legend: { title: 'scheme', orient: 'right', labelLimit: 340 } },
        },
      },
      {
        data: { values: targetsOnCurve },
        mark: { type: 'point', size: 40, strokeWidth: 1.2, clip: true },
        encoding: { x, y, color },
      },
      {
        data: { values: points },
        mark: { type: 'rule', strokeWidth: 1.2, clip: true },
        encoding: { x: { field: 'rateLo', type: 'quantitative' }, x2: { field: 'rateHi' }, y: { field: 'crlbA', type: 'quantitative' }, color },
      },
      {
        data: { values: points },
        mark: { type: 'rule', strokeWidth: 1.2, clip: true },
        encoding: { x: { field: 'rate', type: 'quantitative' }, y: { field: 'crlbLo', type: 'quantitative' }, y2: { field: 'crlbHi' }, color },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 36, shape: 'diamond', clip: true },
        encoding: { x: { field: 'rate', type: 'quantitative' }, y: { field: 'crlbA', type: 'quantitative' }, color, tooltip: { field: 'label' } },
      },
    ],
  };
}
