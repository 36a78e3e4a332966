/**
 * Export of a plot (SVG, PNG) and of its data (CSV, JSON) as browser downloads. The data is a
 * table: named columns, one row per x value; values that do not exist are empty in CSV and `null`
 * in JSON (never NaN or Infinity), as in the CLI's outputs.
 */

export interface TableData {
  title: string;
  columns: string[];
  rows: Array<Array<number | string | null>>;
  /** Everything needed to reproduce the table (parameters, seed, trials, models). */
  meta: Record<string, unknown>;
}

function clean(v: number | string | null | undefined): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

function csvCell(v: number | string | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: TableData): string {
  const lines = [t.columns.map(csvCell).join(',')];
  for (const r of t.rows) lines.push(r.map((v) => csvCell(clean(v))).join(','));
  return `${lines.join('\n')}\n`;
}

export function tableToJson(t: TableData): string {
  const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, clean(r[i])])));
  return `${JSON.stringify({ title: t.title, meta: t.meta, rows }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** Standalone SVG text of a rendered plot (hover decorations removed). */
export function svgToString(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('[data-hover]').forEach((n) => n.remove());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportSvg(svg: SVGSVGElement, stem: string): void {
  download(new Blob([svgToString(svg)], { type: 'image/svg+xml' }), `isacnet-${stem}.svg`);
}

export function exportCsv(t: TableData, stem: string): void {
  download(new Blob([tableToCsv(t)], { type: 'text/csv' }), `isacnet-${stem}.csv`);
}

export function exportJson(t: TableData, stem: string): void {
  download(new Blob([tableToJson(t)], { type: 'application/json' }), `isacnet-${stem}.json`);
}

/** Rasterize the SVG at 2× through a canvas. */
export async function exportPng(svg: SVGSVGElement, stem: string, scale = 2): Promise<void> {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgToString(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not rasterize the SVG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    download(blob, `isacnet-${stem}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
