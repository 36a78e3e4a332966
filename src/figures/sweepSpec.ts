/**
 * The Vega-Lite spec of a sweep figure (`isacnet sweep`, `isacnet plot`): one column of a tidy table
 * against another, one line per combination of the series columns, a 95% CI band where the table has
 * the matching `…_ci95_lo…`/`…_ci95_hi…` columns. Pure: no rendering, no vega at run time.
 */
import type { VegaLiteSpec } from './spec.ts';

export type TableCell = number | string | boolean | null;
export type TableRow = Record<string, TableCell>;

export interface SweepPlotOptions {
  x: string;
  y: string;
  /** Columns whose combination makes one line (none: a single line). */
  series: string[];
  /** Lower and upper CI columns, when the table has them. */
  band?: { lo: string; hi: string };
  title?: string;
  subtitle?: string[];
  /** Log scale on y (positive values only). */
  logY?: boolean;
}

/**
 * The column a name designates: itself, or the unique column named `name_<unit>` (so `rate_mc_mean`
 * finds `rate_mc_mean_nats_per_s_hz`); undefined when none or several match.
 */
export function resolveColumn(columns: readonly string[], name: string): string | undefined {
  if (columns.includes(name)) return name;
  const m = columns.filter((c) => c.startsWith(`${name}_`));
  return m.length === 1 ? m[0] : undefined;
}

/**
 * The CI columns of a y column: `X_mean[_unit]` → `X_ci95_lo[_unit]`, `X_ci95_hi[_unit]`; `X_median[_unit]`
 * → `X_median_ci95_lo[_unit]`…; undefined when the table lacks them.
 */
export function bandColumns(columns: readonly string[], y: string): { lo: string; hi: string } | undefined {
  const m = /^(.*?)_(mean|median)(_.*)?$/.exec(y);
  if (!m) return undefined;
  const stem = m[2] === 'mean' ? m[1] : `${m[1]}_median`;
  const unit = m[3] ?? '';
  const lo = `${stem}_ci95_lo${unit}`;
  const hi = `${stem}_ci95_hi${unit}`;
  return columns.includes(lo) && columns.includes(hi) ? { lo, hi } : undefined;
}

/** The spec of a sweep plot of `rows`. */
export function sweepPlotSpec(rows: readonly TableRow[], o: SweepPlotOptions): VegaLiteSpec {
  // Series columns that take one value only say nothing: left out of the labels.
  const varying = o.series.filter((c) => new Set(rows.map((r) => r[c])).size > 1);
  const label = (r: TableRow): string => (varying.length === 0 ? o.y : varying.map((c) => `${c}=${String(r[c])}`).join(', '));
  const values = rows
    .filter((r) => typeof r[o.x] === 'number' && typeof r[o.y] === 'number' && Number.isFinite(r[o.x] as number) && Number.isFinite(r[o.y] as number))
    .map((r) => ({
      x: r[o.x] as number,
      y: r[o.y] as number,
      lo: o.band && typeof r[o.band.lo] === 'number' ? (r[o.band.lo] as number) : null,
      hi: o.band && typeof r[o.band.hi] === 'number' ? (r[o.band.hi] as number) : null,
      series: label(r),
    }));
  const nSeries = new Set(values.map((v) => v.series)).size;
  const legend = nSeries > 1 && nSeries <= 40 ? { title: varying.join(', '), orient: 'right' as const, labelLimit: 320 } : null;
  const color = { field: 'series', type: 'nominal' as const, legend, scale: { scheme: nSeries > 10 ? 'category20' : 'tableau10' } };
  const yScale = o.logY ? { type: 'log' as const } : { zero: false };
  const layers: NonNullable<Extract<VegaLiteSpec, { layer: unknown }>['layer']> = [];
  if (o.band) {
    layers.push({
      transform: [{ filter: 'datum.lo !== null && datum.hi !== null' }],
      mark: { type: 'area', opacity: 0.18 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'lo', type: 'quantitative', scale: yScale },
        y2: { field: 'hi' },
        color,
      },
    });
  }
  layers.push({
    mark: { type: 'line', point: true, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.x, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: o.y, scale: yScale },
      color,
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: o.title ?? `${o.y} vs ${o.x}`, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    width: 480,
    height: 320,
    data: { values },
    layer: layers,
  };
}
