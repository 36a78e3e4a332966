/**
 * A small hand-written SVG line/scatter plot: axes with linear or log scales, lines, markers,
 * confidence bands or error bars, vertical marker lines, an in-figure legend. Every style is an SVG
 * attribute (no CSS classes), so the serialized element is a self-contained SVG file for export.
 */
import { formatTick, makeScale, niceDomain, type Scale, type ScaleKind } from './scale.ts';

export interface PlotPoint {
  x: number;
  /** null draws a gap (value that does not exist, e.g. a singular CRLB). */
  y: number | null;
  /** Interval (e.g. 95% CI) drawn as band or bars. */
  lo?: number | null;
  hi?: number | null;
}

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'none';

export interface PlotSeries {
  id: string;
  label: string;
  color: string;
  points: PlotPoint[];
  /** Draw the polyline (default true). */
  line?: boolean;
  dash?: string;
  width?: number;
  marker?: MarkerShape;
  /** How to draw lo/hi: a translucent band or error bars. */
  interval?: 'band' | 'bars';
}

export interface VLine {
  x: number;
  label: string;
  color: string;
}

export interface PlotSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xScale: ScaleKind;
  yScale: ScaleKind;
  series: PlotSeries[];
  vlines?: VLine[];
  /** 'x': hover reads every series at the nearest x; 'nearest': the nearest point in the plane. */
  hover: 'x' | 'nearest';
  /** Integer x axis (cluster sizes): ticks are integers. */
  xInteger?: boolean;
  /** Shown instead of the plot area's content when there is nothing to draw. */
  emptyMessage?: string;
}

export interface PlotLayout {
  svg: SVGSVGElement;
  x: Scale;
  y: Scale;
  /** Plot area in pixels. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Group for hover decorations (removed before export). */
  hoverLayer: SVGGElement;
}

const NS = 'http://www.w3.org/2000/svg';
export const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

export function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  const t = el('text', { x, y, 'font-family': FONT, 'font-size': 11, fill: '#222', ...attrs }, parent);
  t.textContent = content;
  return t;
}

function finitePositive(v: number | null | undefined, kind: ScaleKind): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && (kind === 'linear' || v > 0);
}

/** Rough text width for layout (the SVG is also rendered outside the browser, so no measuring). */
function textWidth(s: string, size = 11): number {
  return s.length * size * 0.58;
}

export function drawMarker(parent: Element, shape: MarkerShape, cx: number, cy: number, r: number, color: string, fill = color): void {
  const common = { fill, stroke: color, 'stroke-width': 1.2 };
  if (shape === 'circle') el('circle', { cx, cy, r, ...common }, parent);
  else if (shape === 'square') el('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, ...common }, parent);
  else if (shape === 'diamond') el('path', { d: `M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}Z`, ...common }, parent);
  else if (shape === 'triangle') el('path', { d: `M${cx},${cy - r * 1.3}L${cx + r * 1.2},${cy + r * 0.9}L${cx - r * 1.2},${cy + r * 0.9}Z`, ...common }, parent);
}

/** Greedy word wrap of `s` into lines of at most `width` pixels (estimated). */
function wrapText(s: string, width: number, size: number): string[] {
  const words = s.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && textWidth(next, size) > width) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Lay out the legend rows within `width`; returns the rows of [series, x offset]. */
function legendRows(series: PlotSeries[], width: number): Array<Array<[PlotSeries, number]>> {
  const rows: Array<Array<[PlotSeries, number]>> = [[]];
  let x = 0;
  for (const s of series) {
    const w = 30 + textWidth(s.label) + 14;
    if (x + w > width && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push([s, x]);
    x += w;
  }
  return rows;
}

/**
 * Render a plot `width` pixels wide whose data area is `areaHeight` pixels high; the title and the
 * legend (which wrap on narrow widths) are added above it, the axis labels below.
 */
export function renderPlot(spec: PlotSpec, width: number, areaHeight: number): PlotLayout {
  const narrow = width < 480;
  const left = narrow ? 58 : 72;
  const right = width - (narrow ? 10 : 18);
  const rows = legendRows(spec.series, right - left);
  const titleSize = narrow ? 12 : 13;
  const titleX = narrow ? 8 : left;
  const titleLines = wrapText(spec.title, right - titleX, titleSize * 1.07);
  const legendTop = 16 + titleLines.length * 16;
  const top = legendTop + rows.length * 17 + 6;
  const bottom = top + areaHeight;
  const height = bottom + 42;

  const svg = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': spec.title });
  el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }, svg);
  const titleEl = el('title', {}, svg);
  titleEl.textContent = spec.title;

  titleLines.forEach((line, i) => text(svg, titleX, 18 + i * 16, line, { 'font-size': titleSize, 'font-weight': 'bold' }));
  rows.forEach((row, r) => {
    const y = legendTop + 4 + r * 17;
    for (const [s, dx] of row) {
      const x = left + dx;
      el('line', { x1: x, y1: y - 4, x2: x + 22, y2: y - 4, stroke: s.line === false ? 'none' : s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none' }, svg);
      if (s.marker && s.marker !== 'none') drawMarker(svg, s.marker, x + 11, y - 4, 3.5, s.color, s.line === false ? s.color : '#fff');
      text(svg, x + 27, y, s.label, { 'font-size': 11 });
    }
  });

  // Data extents.
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of spec.series) {
    for (const p of s.points) {
      if (!finitePositive(p.x, spec.xScale)) continue;
      if (finitePositive(p.y, spec.yScale)) {
        xs.push(p.x);
        ys.push(p.y);
      }
      if (finitePositive(p.lo, spec.yScale)) ys.push(p.lo);
      if (finitePositive(p.hi, spec.yScale)) ys.push(p.hi);
    }
  }
  for (const v of spec.vlines ?? []) if (finitePositive(v.x, spec.xScale)) xs.push(v.x);
  const xDom = xs.length ? niceDomainX(spec, Math.min(...xs), Math.max(...xs)) : ([0, 1] as [number, number]);
  const yDom = ys.length ? niceDomain(spec.yScale, Math.min(...ys), Math.max(...ys)) : ((spec.yScale === 'log' ? [1, 10] : [0, 1]) as [number, number]);
  const x = makeScale(spec.xScale, xDom, [left, right]);
  const y = makeScale(spec.yScale, yDom, [bottom, top]);

  // Grid and axes.
  const grid = el('g', { stroke: '#e3e6ea', 'stroke-width': 1 }, svg);
  let xt = x.ticks();
  if (spec.xInteger) xt = xt.filter((t) => Number.isInteger(t));
  const maxXTicks = Math.max(2, Math.floor((right - left) / 48));
  if (xt.length > maxXTicks) {
    const stride = Math.ceil(xt.length / maxXTicks);
    xt = xt.filter((_, i) => i % stride === 0);
  }
  const yt = y.ticks();
  for (const t of xt) el('line', { x1: x.map(t), y1: top, x2: x.map(t), y2: bottom }, grid);
  for (const t of yt) el('line', { x1: left, y1: y.map(t), x2: right, y2: y.map(t) }, grid);
  el('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: 'none', stroke: '#555', 'stroke-width': 1 }, svg);
  for (const t of xt) {
    el('line', { x1: x.map(t), y1: bottom, x2: x.map(t), y2: bottom + 4, stroke: '#555' }, svg);
    text(svg, x.map(t), bottom + 16, formatTick(t), { 'text-anchor': 'middle' });
  }
  for (const t of yt) {
    el('line', { x1: left - 4, y1: y.map(t), x2: left, y2: y.map(t), stroke: '#555' }, svg);
    text(svg, left - 6, y.map(t) + 4, formatTick(t), { 'text-anchor': 'end' });
  }
  text(svg, (left + right) / 2, height - 8, spec.xLabel, { 'text-anchor': 'middle', 'font-size': 12 });
  const yl = text(svg, 0, 0, spec.yLabel, { 'text-anchor': 'middle', 'font-size': 12 });
  yl.setAttribute('transform', `translate(${narrow ? 13 : 16},${(top + bottom) / 2}) rotate(-90)`);

  // Clip data to the plot area.
  const clipId = `clip-${Math.random().toString(36).slice(2, 9)}`;
  const defs = el('defs', {}, svg);
  const clip = el('clipPath', { id: clipId }, defs);
  el('rect', { x: left, y: top, width: right - left, height: bottom - top }, clip);
  const data = el('g', { 'clip-path': `url(#${clipId})` }, svg);

  const vlineLabels: Array<() => void> = [];
  (spec.vlines ?? []).forEach((v, i) => {
    if (!finitePositive(v.x, spec.xScale)) return;
    const px = x.map(v.x);
    el('line', { x1: px, y1: top, x2: px, y2: bottom, stroke: v.color, 'stroke-width': 1.2, 'stroke-dasharray': '2 3' }, data);
    // Labels of successive lines are stacked so that nearby lines stay readable; they are drawn
    // after the curves, on a white halo, so that no curve hides them.
    const tx = px + 4 + textWidth(v.label, 10) > right ? px - 4 : px + 4;
    vlineLabels.push(() =>
      text(svg, tx, top + 12 + 12 * i, v.label, { 'font-size': 10, 'font-weight': 'bold', fill: v.color, 'text-anchor': tx < px ? 'end' : 'start', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke', 'data-vline-label': '1' }),
    );
  });

  for (const s of spec.series) {
    const ok = (p: PlotPoint): boolean => finitePositive(p.x, spec.xScale) && finitePositive(p.y, spec.yScale);
    // Interval (band or bars).
    if (s.interval === 'band') {
      const seg: PlotPoint[][] = [[]];
      for (const p of s.points) {
        if (finitePositive(p.lo, spec.yScale) && finitePositive(p.hi, spec.yScale) && finitePositive(p.x, spec.xScale)) seg[seg.length - 1].push(p);
        else if (seg[seg.length - 1].length) seg.push([]);
      }
      for (const part of seg) {
        if (part.length < 2) continue;
        const upper = part.map((p) => `${x.map(p.x).toFixed(2)},${y.map(p.hi as number).toFixed(2)}`);
        const lower = part.map((p) => `${x.map(p.x).toFixed(2)},${y.map(p.lo as number).toFixed(2)}`).reverse();
        el('path', { d: `M${upper.join('L')}L${lower.join('L')}Z`, fill: s.color, 'fill-opacity': 0.18, stroke: 'none' }, data);
      }
    } else if (s.interval === 'bars') {
      for (const p of s.points) {
        if (!finitePositive(p.x, spec.xScale) || !finitePositive(p.lo, spec.yScale) || !finitePositive(p.hi, spec.yScale)) continue;
        const px = x.map(p.x);
        el('line', { x1: px, y1: y.map(p.lo), x2: px, y2: y.map(p.hi), stroke: s.color, 'stroke-width': 1.2 }, data);
        el('line', { x1: px - 3, y1: y.map(p.lo), x2: px + 3, y2: y.map(p.lo), stroke: s.color, 'stroke-width': 1.2 }, data);
        el('line', { x1: px - 3, y1: y.map(p.hi), x2: px + 3, y2: y.map(p.hi), stroke: s.color, 'stroke-width': 1.2 }, data);
      }
    }
    if (s.line !== false) {
      let d = '';
      let pen = false;
      for (const p of s.points) {
        if (!ok(p)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${x.map(p.x).toFixed(2)},${y.map(p.y as number).toFixed(2)}`;
        pen = true;
      }
      if (d) el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none', 'stroke-linejoin': 'round', 'data-series': s.id }, data);
    }
    if (s.marker && s.marker !== 'none') {
      const g = el('g', { 'data-series-markers': s.id }, data);
      for (const p of s.points) if (ok(p)) drawMarker(g, s.marker, x.map(p.x), y.map(p.y as number), 3.2, s.color, s.line === false ? s.color : '#fff');
    }
  }
  for (const draw of vlineLabels) draw();
  if (!xs.length && spec.emptyMessage) {
    text(svg, (left + right) / 2, (top + bottom) / 2, spec.emptyMessage, { 'text-anchor': 'middle', fill: '#777', 'font-size': 12 });
  }
  const hoverLayer = el('g', { 'data-hover': '1', 'pointer-events': 'none' }, svg);
  return { svg, x, y, left, top, right, bottom, hoverLayer };
}

function niceDomainX(spec: PlotSpec, lo: number, hi: number): [number, number] {
  if (spec.xInteger && spec.xScale === 'linear') {
    if (hi === lo) return [lo - 1, hi + 1];
    // A little room so that markers on the first and last integer are not clipped.
    const pad = Math.max(0.25, 0.015 * (hi - lo));
    return [lo - pad, hi + pad];
  }
  return niceDomain(spec.xScale, lo, hi);
}
