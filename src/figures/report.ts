/**
 * The reproduction report (`results/report.html`): one self-contained HTML page with every figure
 * (SVG embedded as a data URI, links to the PNG/CSV/JSON), a validation table per formula built
 * from the builders' `ValidationRow`s (printed value, exact or corrected value, Monte Carlo mean,
 * 95% CI and median, relative errors, and how many standard errors the printed and exact values
 * sit from the simulation), the errata (docs/errata.md rendered by `marked`) and the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { Z95 } from '../math/stats.ts';
import type { FigureResult, ValidationRow } from './types.ts';
import type { Manifest } from './manifest.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Number for a table cell: 5 significant digits, "—" for null/non-finite. */
export function fmt(v: number | null | undefined, digits = 5): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** Relative error as a signed percentage. */
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const p = v * 100;
  return `${p >= 0 ? '+' : ''}${Math.abs(p) >= 10 ? p.toFixed(1) : Math.abs(p) >= 0.1 ? p.toFixed(2) : p.toPrecision(2)}%`;
}

/**
 * Distance of a value from the Monte Carlo estimate in standard errors (the CI half-width / 1.96),
 * or null when either is missing. The estimate is the mean, or the median when the mean does not
 * exist (then `ci95` is the median's CI, as the builders' rows state in their note).
 */
export function zScore(value: number | null, mc: ValidationRow['mc']): number | null {
  const center = mc ? (mc.mean ?? mc.median ?? null) : null;
  if (value === null || !mc || center === null || !mc.ci95) return null;
  const se = (mc.ci95[1] - mc.ci95[0]) / (2 * Z95);
  if (!(se > 0)) return null;
  return (value - center) / se;
}

function zCell(z: number | null): string {
  if (z === null) return '<td class="num">—</td>';
  const cls = Math.abs(z) <= 2 ? 'ok' : Math.abs(z) <= 4 ? 'warn' : 'off';
  return `<td class="num ${cls}">${Math.abs(z) >= 100 ? z.toExponential(1) : z.toFixed(1)}σ</td>`;
}

/** The validation tables of one figure, one per formula (rows grouped in first-seen order). */
export function validationTables(rows: ValidationRow[]): string {
  if (rows.length === 0) return '<p class="muted">No validation rows from this builder.</p>';
  const groups = new Map<string, ValidationRow[]>();
  for (const r of rows) {
    const key = `${r.formula}\u0000${r.equation}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    const head = g[0];
    const hasMedian = g.some((r) => r.mc?.median !== undefined && r.mc?.median !== null);
    out.push(`<h4>${escapeHtml(head.formula)} <span class="muted">${escapeHtml(head.equation)}</span></h4>`);
    out.push('<table><thead><tr>');
    out.push(
      ['Setting', 'Printed', 'Exact / corrected', 'MC mean', 'MC 95% CI', ...(hasMedian ? ['MC median'] : []), 'Trials', 'Rel. err. printed', 'Rel. err. exact', 'Printed vs MC', 'Exact vs MC', 'Note']
        .map((h) => `<th>${h}</th>`)
        .join(''),
    );
    out.push('</tr></thead><tbody>');
    for (const r of g) {
      const ci = r.mc?.ci95 ? `[${fmt(r.mc.ci95[0])}, ${fmt(r.mc.ci95[1])}]` : '—';
      out.push(
        '<tr>' +
          `<td>${escapeHtml(r.setting)}</td>` +
          `<td class="num">${fmt(r.printed)}</td>` +
          `<td class="num">${fmt(r.exact)}</td>` +
          `<td class="num">${fmt(r.mc?.mean ?? null)}</td>` +
          `<td class="num">${ci}</td>` +
          (hasMedian ? `<td class="num">${fmt(r.mc?.median ?? null)}</td>` : '') +
          `<td class="num">${r.mc ? r.mc.trials.toLocaleString('en-US') : '—'}</td>` +
          `<td class="num">${pct(r.relErrorPrinted)}</td>` +
          `<td class="num">${pct(r.relErrorExact)}</td>` +
          zCell(zScore(r.printed, r.mc)) +
          zCell(zScore(r.exact, r.mc)) +
          `<td>${escapeHtml(r.note ?? '')}</td>` +
          '</tr>',
      );
    }
    out.push('</tbody></table>');
  }
  return out.join('\n');
}

export interface ReportFigure {
  name: string;
  seconds: number;
  result: FigureResult | null;
  error?: string;
}

function figureSection(f: ReportFigure, outDir: string): string {
  const parts: string[] = [];
  parts.push(`<section id="${escapeHtml(f.name)}">`);
  // The title already names the figure ("Fig. 2: …"); the registry name only when it does not.
  const title = f.result?.title;
  parts.push(`<h2>${title ? escapeHtml(/^Fig\. \d/.test(title) ? title : `${f.name}: ${title}`) : escapeHtml(f.name)}</h2>`);
  if (!f.result) {
    parts.push(`<p class="off">This figure failed: ${escapeHtml(f.error ?? 'unknown error')}</p></section>`);
    return parts.join('\n');
  }
  const r = f.result;
  if (existsSync(r.files.svg)) {
    const svg = readFileSync(r.files.svg);
    parts.push(`<img class="fig" alt="${escapeHtml(r.title)}" src="data:image/svg+xml;base64,${svg.toString('base64')}">`);
  }
  if (r.caption) parts.push(`<p class="caption">${escapeHtml(r.caption)}</p>`);
  const link = (p: string, label: string): string => `<a href="${escapeHtml(path.relative(outDir, p))}">${label}</a>`;
  parts.push(
    `<p class="muted">${link(r.files.svg, 'SVG')} · ${link(r.files.png, 'PNG')} · ${link(r.files.csv, 'CSV')} · ${link(r.files.json, 'JSON')} · seed ${r.seed} · ${r.trials.toLocaleString('en-US')} trials · ${f.seconds.toFixed(1)} s</p>`,
  );
  parts.push('<h3>Validation</h3>');
  parts.push(validationTables(r.validation));
  parts.push('</section>');
  return parts.join('\n');
}

const STYLE = `
body { font-family: system-ui, -apple-system, "DejaVu Sans", sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1.2em; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ok { background: #e8f5e9; } .warn { background: #fff8e1; } .off { background: #fdecea; }
.muted { color: #666; } img.fig { width: 100%; min-width: 900px; height: auto; border: 1px solid #eee; }
.caption { max-width: 60em; font-size: 0.95em; }
section { overflow-x: auto; }
pre { background: #f6f8fa; padding: 1em; overflow-x: auto; font-size: 0.8em; }
nav a { margin-right: 1em; }
`;

/** Render the errata markdown (docs/errata.md) to HTML; a note if the file is missing. */
export function renderErrata(file: string, outDir?: string): string {
  if (!existsSync(file)) return `<p class="muted">${escapeHtml(file)} not found.</p>`;
  const html = marked.parse(readFileSync(file, 'utf8'), { async: false }) as string;
  if (outDir === undefined) return html;
  // The errata link the other docs by relative name (`sensing.md`): point them at the docs that ship
  // next to errata.md (package.json "files": docs/*.md), relative to the report's folder.
  return html.replace(/href="([^":#/?]+\.md)(#[^"]*)?"/g, (all, name: string, hash: string | undefined) => {
    const target = path.join(path.dirname(file), name);
    return existsSync(target) ? `href="${escapeHtml(path.relative(outDir, target).split(path.sep).join('/'))}${hash ?? ''}"` : all;
  });
}

/** The whole report page. */
export function buildReport(opts: { figures: ReportFigure[]; manifest: Manifest; outDir: string; errataFile: string }): string {
  const m = opts.manifest;
  const failed = opts.figures.filter((f) => !f.result);
  const nav = opts.figures.map((f) => `<a href="#${escapeHtml(f.name)}">${escapeHtml(f.name)}</a>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>isacnet reproduction report — arXiv:2403.20228</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Reproduction report</h1>
<p>K. Meng and C. Masouros, “Cooperative Sensing and Communication for ISAC Networks: Performance Analysis and Optimization”, arXiv:2403.20228 — regenerated by ${escapeHtml(m.package.name)} ${escapeHtml(m.package.version)} on ${escapeHtml(m.finishedAt)} (${m.quick ? '<b>quick mode</b>: fewer trials, wider CIs' : 'full mode'}, seed ${m.seed}, ${m.threads} worker thread${m.threads === 1 ? '' : 's'}, ${m.totalSeconds.toFixed(1)} s, node ${escapeHtml(m.node)}).</p>
${failed.length ? `<p class="off">${failed.length} figure(s) failed: ${failed.map((f) => escapeHtml(f.name)).join(', ')}.</p>` : ''}
<p class="muted">Validation tables: the printed formula and the exact/corrected value against Monte Carlo; relative errors are (value − MC)/MC; “vs MC” is the distance from the MC mean in standard errors (green ≤ 2σ, yellow ≤ 4σ, red beyond).</p>
<nav>${nav}<a href="#errata">errata</a><a href="#manifest">manifest</a></nav>
${opts.figures.map((f) => figureSection(f, opts.outDir)).join('\n')}
<section id="errata">
<h2>Errata</h2>
${renderErrata(opts.errataFile, opts.outDir)}
</section>
<section id="manifest">
<h2>Manifest</h2>
<pre>${escapeHtml(JSON.stringify(m, null, 2))}</pre>
</section>
</body>
</html>
`;
}
