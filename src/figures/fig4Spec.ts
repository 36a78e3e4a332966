/**
 * The Vega-Lite spec of Fig. 4 (src/figures/fig4.ts) from its computed data. Pure: no rendering,
 * no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';
import type { Fig4Data } from './fig4Data.ts';

const pcLabel = (pc: number): string => `p^c = ${pc}`;

export function fig4Spec(data: Fig4Data): VegaLiteSpec {
  const { lines, mcPoints: mcPts, stars } = data;
  const pcDomain = data.pcs.map(pcLabel);
  const pcColors = ['#1f4e9c', '#c0141c', '#1a7a1a'];
  // Stroke symbols at full opacity (the first layer is the pale CI band, whose swatch was the legend's).
  const pcLegend = { title: null, orient: 'bottom' as const, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: data.title,
      subtitle: [
        `ψ = ${data.psi}, M_t = ${data.mt}, α = ${data.alpha}; κ_c as printed; gains Gamma(M_t−1, p^c) and Exp(1)`,
        'solid: exact expression; dashed: Theorem 2; circles: Monte Carlo, independent acceptance',
        `(${data.trials.toLocaleString('en-US')} users per point${data.quick ? '' : ' at every L'}; 95% CI bands)`,
        `diamonds: network load simulation, p^c = ${data.pcNetwork} (95% CI bars); ring: L* of the exact rate`,
      ],
    },
    data: { values: [...lines.map((d) => ({ ...d, kind: 'line' })), ...mcPts.map((d) => ({ ...d, kind: 'mc' })), ...stars.map((d) => ({ ...d, kind: 'star' }))] },
    facet: { column: { field: 'mu', type: 'nominal', title: null, sort: data.muCs.map((m) => `λ_u/λ_b = ${m}`) } },
    spec: {
      width: 300,
      height: 300,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'mc' && datum.model === 'MC, independent κ_c'" }],
          mark: { type: 'area', opacity: 0.18 },
          encoding: {
            x: { field: 'L', type: 'quantitative' },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
            color: { field: 'pc', type: 'nominal', scale: { domain: pcDomain, range: pcColors }, legend: pcLegend },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'line'" }],
          mark: { type: 'line', strokeWidth: 1.6 },
          encoding: {
            x: { field: 'L', type: 'quantitative', title: 'cluster size L (BSs)', scale: { domain: [1, data.lMax] } },
            y: { field: 'value', type: 'quantitative', title: 'R_c (nats/s/Hz)', scale: { zero: false } },
            color: { field: 'pc', type: 'nominal', scale: { domain: pcDomain, range: pcColors }, legend: pcLegend },
            strokeDash: { field: 'method', type: 'nominal', scale: { domain: ['exact', 'Theorem 2'], range: [[1, 0], [6, 3]] }, legend: { title: null, orient: 'bottom' } },
            detail: { field: 'method' },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'mc'" }],
          mark: { type: 'point', filled: false, size: 26, strokeWidth: 1.2 },
          encoding: {
            x: { field: 'L', type: 'quantitative' },
            y: { field: 'mean', type: 'quantitative' },
            color: { field: 'pc', type: 'nominal', scale: { domain: pcDomain, range: pcColors }, legend: pcLegend },
            shape: { field: 'model', type: 'nominal', scale: { domain: ['MC, independent κ_c', 'MC, network load'], range: ['circle', 'diamond'] }, legend: { title: null, orient: 'bottom', labelLimit: 320 } },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'mc' && datum.model === 'MC, network load'" }],
          mark: { type: 'rule', strokeWidth: 1 },
          encoding: {
            x: { field: 'L', type: 'quantitative' },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
            color: { field: 'pc', type: 'nominal', scale: { domain: pcDomain, range: pcColors }, legend: pcLegend },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'star'" }],
          mark: { type: 'point', shape: 'circle', size: 220, filled: false, strokeWidth: 2, color: '#000' },
          encoding: { x: { field: 'L', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.kind === 'star' && datum.pc === 'p^c = 0.9'" }],
          mark: { type: 'text', dy: -14, fontSize: 11 },
          encoding: { x: { field: 'L', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  };
}
