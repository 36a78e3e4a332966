/**
 * A plot card: title bar with the last computation time, the SVG plot (re-rendered to the card's
 * width), hover read-out, and export of the figure (SVG, PNG) and of its data (CSV, JSON).
 */
import { exportCsv, exportJson, exportPng, exportSvg, type TableData } from './export.ts';
import { formatValue } from './scale.ts';
import { el, renderPlot, type PlotLayout, type PlotPoint, type PlotSpec } from './svgPlot.ts';

export interface PlotViewOptions {
  /** DOM id and file-name stem, e.g. "crlb-vs-n". */
  id: string;
  /** Height/width ratio of the data area (clamped to min/max height, pixels). */
  aspect?: number;
  minHeight?: number;
  maxHeight?: number;
}

/** Extra text a point can show on hover (e.g. the cluster sizes of a Pareto point). */
export type HoverInfo = (seriesId: string, p: PlotPoint) => string | null;

export class PlotView {
  readonly root: HTMLElement;
  private readonly host: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly timing: HTMLElement;
  private readonly note: HTMLElement;
  private spec: PlotSpec | null = null;
  private data: TableData | null = null;
  private layout: PlotLayout | null = null;
  private lastWidth = 0;
  hoverInfo: HoverInfo | null = null;

  constructor(private readonly opts: PlotViewOptions) {
    this.root = document.createElement('figure');
    this.root.className = 'plot-card';
    this.root.id = opts.id;
    const head = document.createElement('div');
    head.className = 'plot-head';
    this.timing = document.createElement('span');
    this.timing.className = 'timing';
    this.timing.dataset.testid = `${opts.id}-timing`;
    const tools = document.createElement('div');
    tools.className = 'plot-tools';
    tools.setAttribute('role', 'group');
    tools.setAttribute('aria-label', 'Export');
    for (const [label, fn] of [
      ['SVG', () => this.svgForExport() && exportSvg(this.svgForExport() as SVGSVGElement, opts.id)],
      ['PNG', () => this.svgForExport() && void exportPng(this.svgForExport() as SVGSVGElement, opts.id)],
      ['CSV', () => this.data && exportCsv(this.data, opts.id)],
      ['JSON', () => this.data && exportJson(this.data, opts.id)],
    ] as Array<[string, () => unknown]>) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.className = 'small';
      b.dataset.export = label.toLowerCase();
      b.title = `Download this plot's ${label === 'SVG' || label === 'PNG' ? 'figure' : 'data'} as ${label}`;
      b.addEventListener('click', () => fn());
      tools.appendChild(b);
    }
    head.append(this.timing, tools);
    this.host = document.createElement('div');
    this.host.className = 'plot-host';
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'tooltip';
    this.tooltip.hidden = true;
    this.tooltip.setAttribute('role', 'status');
    this.note = document.createElement('figcaption');
    this.note.className = 'plot-note';
    this.root.append(head, this.host, this.note);
    this.host.appendChild(this.tooltip);
    this.host.addEventListener('pointermove', (ev) => this.onHover(ev));
    // A tap on a touch screen shows the values at that point too.
    this.host.addEventListener('pointerdown', (ev) => this.onHover(ev));
    this.host.addEventListener('pointerleave', () => this.clearHover());
    new ResizeObserver(() => {
      const w = this.host.clientWidth;
      if (w > 0 && Math.abs(w - this.lastWidth) > 2) this.redraw();
    }).observe(this.host);
  }

  /** Replace the plot (and its exportable data). */
  update(spec: PlotSpec, data: TableData): void {
    this.spec = spec;
    this.data = data;
    this.redraw();
  }

  /** "computed in 12.3 ms" etc. */
  setTiming(textContent: string, slow = false): void {
    this.timing.textContent = textContent;
    this.timing.classList.toggle('slow', slow);
  }

  setNote(html: string): void {
    this.note.innerHTML = html;
  }

  get svg(): SVGSVGElement | null {
    return this.layout?.svg ?? null;
  }

  private svgForExport(): SVGSVGElement | null {
    return this.layout?.svg ?? null;
  }

  private redraw(): void {
    if (!this.spec) return;
    const width = Math.max(280, Math.floor(this.host.clientWidth || 600));
    const aspect = this.opts.aspect ?? 0.5;
    const area = Math.round(Math.min(this.opts.maxHeight ?? 340, Math.max(this.opts.minHeight ?? 190, width * aspect)));
    this.lastWidth = width;
    const layout = renderPlot(this.spec, width, area);
    if (this.layout) this.layout.svg.replaceWith(layout.svg);
    else this.host.insertBefore(layout.svg, this.tooltip);
    this.layout = layout;
  }

  private clearHover(): void {
    this.tooltip.hidden = true;
    if (this.layout) this.layout.hoverLayer.replaceChildren();
  }

  private onHover(ev: PointerEvent): void {
    const L = this.layout;
    const spec = this.spec;
    if (!L || !spec) return;
    const rect = L.svg.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const py = ev.clientY - rect.top;
    if (px < L.left - 10 || px > L.right + 10 || py < L.top - 10 || py > L.bottom + 10) return this.clearHover();
    const valid = (p: PlotPoint): boolean => p.y !== null && Number.isFinite(p.y) && (spec.yScale === 'linear' || (p.y as number) > 0) && (spec.xScale === 'linear' || p.x > 0);
    L.hoverLayer.replaceChildren();
    const lines: string[] = [];
    if (spec.hover === 'x') {
      let best: number | null = null;
      for (const s of spec.series) for (const p of s.points) if (valid(p) && (best === null || Math.abs(L.x.map(p.x) - px) < Math.abs(L.x.map(best) - px))) best = p.x;
      if (best === null) return this.clearHover();
      const bx = L.x.map(best);
      el('line', { x1: bx, y1: L.top, x2: bx, y2: L.bottom, stroke: '#888', 'stroke-width': 1 }, L.hoverLayer);
      lines.push(`<b>${escapeHtml(spec.xLabel.split(' (')[0])} = ${formatValue(best)}</b>`);
      for (const s of spec.series) {
        const p = s.points.find((q) => q.x === best);
        if (!p || !valid(p)) continue;
        el('circle', { cx: bx, cy: L.y.map(p.y as number), r: 4, fill: s.color, stroke: '#fff', 'stroke-width': 1 }, L.hoverLayer);
        const ci = p.lo != null && p.hi != null ? ` [${formatValue(p.lo)}, ${formatValue(p.hi)}]` : '';
        const extra = this.hoverInfo?.(s.id, p);
        lines.push(`<span style="color:${s.color}">■</span> ${escapeHtml(s.label)}: ${formatValue(p.y)}${ci}${extra ? ` <small>${escapeHtml(extra)}</small>` : ''}`);
      }
    } else {
      let best: { d: number; s: PlotSpec['series'][number]; p: PlotPoint } | null = null;
      for (const s of spec.series) {
        for (const p of s.points) {
          if (!valid(p)) continue;
          const d = Math.hypot(L.x.map(p.x) - px, L.y.map(p.y as number) - py);
          if (!best || d < best.d) best = { d, s, p };
        }
      }
      if (!best || best.d > 40) return this.clearHover();
      const { s, p } = best;
      el('circle', { cx: L.x.map(p.x), cy: L.y.map(p.y as number), r: 5, fill: 'none', stroke: s.color, 'stroke-width': 2 }, L.hoverLayer);
      lines.push(`<span style="color:${s.color}">■</span> <b>${escapeHtml(s.label)}</b>`);
      lines.push(`${escapeHtml(spec.xLabel)}: ${formatValue(p.x)}`);
      lines.push(`${escapeHtml(spec.yLabel)}: ${formatValue(p.y)}`);
      const extra = this.hoverInfo?.(s.id, p);
      if (extra) lines.push(escapeHtml(extra));
    }
    this.tooltip.innerHTML = lines.join('<br>');
    this.tooltip.hidden = false;
    const hostRect = this.host.getBoundingClientRect();
    const tw = this.tooltip.offsetWidth;
    const th = this.tooltip.offsetHeight;
    let tx = ev.clientX - hostRect.left + 14;
    if (tx + tw > hostRect.width) tx = Math.max(0, ev.clientX - hostRect.left - tw - 14);
    let ty = ev.clientY - hostRect.top + 14;
    if (ty + th > hostRect.height) ty = Math.max(0, ev.clientY - hostRect.top - th - 14);
    this.tooltip.style.left = `${tx}px`;
    this.tooltip.style.top = `${ty}px`;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
