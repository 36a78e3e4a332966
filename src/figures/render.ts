/**
 * Figure rendering: a Vega-Lite spec is compiled by vega-lite, rendered headless to SVG by vega,
 * and rasterized to PNG by resvg (system fonts, DejaVu on Debian). Figures are written with their
 * data as CSV and JSON, atomically.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import path from 'node:path';
import { toCsv, writeFileAtomic } from './io.ts';
import type { VegaLiteSpec } from './spec.ts';
import { richSvgText } from './notation.ts';

export type { VegaLiteSpec };

/**
 * Defaults of every figure: legends large enough to read, whose symbols are the series' own line
 * (dash pattern included) rather than a colour dot; fonts a little larger than vega's 10 px.
 */
const FIGURE_CONFIG = {
  legend: { symbolSize: 360, symbolStrokeWidth: 2.2, symbolOpacity: 1, labelFontSize: 12, titleFontSize: 12, rowPadding: 4 },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 15, subtitleFontSize: 12 },
};

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const own = (spec as { config?: Record<string, unknown> }).config ?? {};
  const compiled = vl.compile({ ...spec, config: { ...FIGURE_CONFIG, ...own } } as VegaLiteSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    // Sub- and superscripts, 10⁷ instead of 1.0e+7 (src/figures/notation.ts).
    return richSvgText(await view.toSVG());
  } finally {
    view.finalize();
  }
}

function pngOptions(scale: number): ConstructorParameters<typeof Resvg>[1] {
  return { fitTo: { mode: 'zoom', value: scale }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } };
}

export function svgToPng(svg: string, scale = 2): Uint8Array {
  return new Resvg(svg, pngOptions(scale)).render().asPng();
}

/** As `svgToPng`, rendered on a libuv thread (the same bytes; measured identical), so the main thread can go on. */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Uint8Array> {
  return (await renderAsync(svg, pngOptions(scale))).asPng();
}

export interface FigureOutput {
  svg: string;
  png: string;
  csv: string;
  json: string;
}

/**
 * Write `<outDir>/<name>.{svg,png,csv,json}`. `rows` is the plotted data (CSV), `json` the full
 * data object (parameters, seeds, points). The PNG is rendered off the main thread; with `defer`
 * the returned promise resolves before the PNG is written and `defer` receives the pending write
 * (the caller awaits it), else this function awaits it.
 */
export async function writeFigure(
  outDir: string,
  name: string,
  spec: VegaLiteSpec,
  rows: Array<Record<string, number | string | null | undefined>>,
  json: unknown,
  defer?: (pending: Promise<void>) => void,
): Promise<FigureOutput> {
  const svg = await renderSvg(spec);
  const files: FigureOutput = {
    svg: path.join(outDir, `${name}.svg`),
    png: path.join(outDir, `${name}.png`),
    csv: path.join(outDir, `${name}.csv`),
    json: path.join(outDir, `${name}.json`),
  };
  writeFileAtomic(files.csv, toCsv(rows));
  writeFileAtomic(files.json, JSON.stringify(json, null, 2) + '\n');
  writeFileAtomic(files.svg, svg);
  const pngWrite = svgToPngAsync(svg).then((png) => writeFileAtomic(files.png, png));
  if (defer) defer(pngWrite);
  else await pngWrite;
  return files;
}
