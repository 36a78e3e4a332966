/**
 * Issue 13, figures: real notation in the labels (src/figures/notation.ts), no vega warning, and
 * legends that show each series' line style, checked on the rendered SVG and in Chromium
 * (playwright-core, /usr/bin/chromium): every line legend symbol is a stroke (wider than tall), and
 * the dashed series' symbols carry their dash pattern as drawn. The report's headings, captions,
 * errata links and figure size are checked on a generated report.html.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeFig2 } from '../../src/figures/fig2.ts';
import { fig2Spec } from '../../src/figures/fig2Spec.ts';
import { renderSvg } from '../../src/figures/render.ts';
import { richText, richSvgText } from '../../src/figures/notation.ts';
import { buildReport } from '../../src/figures/report.ts';
import { buildManifest } from '../../src/figures/manifest.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultParams } from '../../src/params/schema.ts';
import type { JobRunner } from '../../src/parallel/job.ts';
import { CHROMIUM, browserSkipReason } from '../web/harness.ts';

const tinyRunner: JobRunner = (job, onProgress) => inlineRunner({ ...job, trials: Math.min(job.trials, 400) }, onProgress);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('notation: sub/superscripts as tspans, 10⁷ instead of 1.0e+7', () => {
  const sub = (x: string): string => `<tspan baseline-shift="sub" font-size="75%">${x}</tspan>`;
  const sup = (x: string): string => `<tspan baseline-shift="super" font-size="75%">${x}</tspan>`;
  assert.equal(richText('R_c (nats/s/Hz)'), `R${sub('c')} (nats/s/Hz)`);
  assert.equal(richText('p^c = 0.3'), `p${sup('c')} = 0.3`);
  assert.equal(richText('1.0e+7'), `10${sup('7')}`);
  assert.equal(richText('2.5e-3'), `2.5×10${sup('−3')}`);
  assert.equal(richText('C_backhaul = 4'), `C${sub('backhaul')} = 4`);
  assert.equal(richText('fig2 N = 10, x1e5y'), 'fig2 N = 10, x1e5y');
  assert.equal(richSvgText('<text a="1"><tspan x="0">λ_b</tspan></text>'), `<text a="1"><tspan x="0">λ${sub('b')}</tspan></text>`);
});

test('Fig. 2 renders without vega warnings; its legend symbols are the series\' strokes with their dashes', async () => {
  const data = await computeFig2({ quick: true, seed: 1, params: defaultParams(), run: tinyRunner });
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  let svg: string;
  try {
    svg = await renderSvg(fig2Spec(data));
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, [], 'no vega WARN (e.g. "Conflicting legend property")');
  const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]).join('\n');
  assert.ok(!/\de\+\d/.test(texts), 'no 1.0e+7 tick labels');
  assert.match(svg, /baseline-shift="super"/);
  // The line legend: one symbol per series, dashed ones with their stroke-dasharray.
  const symbols = [...svg.matchAll(/role-legend-symbol[^>]*>(<path[^>]*>)/g)].map((m) => m[1]);
  const dashed = symbols.filter((p) => /stroke-dasharray="[\d.]+,[\d.]+/.test(p));
  assert.ok(dashed.length >= 4, `dashed legend symbols: ${dashed.length} of ${symbols.length}`);

  const skip = browserSkipReason();
  if (skip) return void test.skip(skip);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 60_000, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const shapes = await page.$$eval('.role-legend-symbol path', (els) =>
      els.map((e) => {
        const b = (e as SVGGraphicsElement).getBBox();
        const cs = getComputedStyle(e);
        return { w: b.width, h: b.height, dash: e.getAttribute('stroke-dasharray') ?? cs.strokeDasharray, stroke: cs.stroke };
      }),
    );
    const lines = shapes.filter((s) => s.w >= 3 * Math.max(s.h, 1));
    assert.ok(lines.length >= 6, `line-shaped legend symbols: ${JSON.stringify(shapes)}`);
    assert.ok(lines.filter((s) => s.dash && s.dash !== 'none').length >= 4, 'dashed series show their dash in the legend');
    const shot = await page.screenshot({ fullPage: true });
    assert.ok(shot.length > 10_000, 'a non-empty screenshot');
  } finally {
    await browser.close();
  }
});

test('report.html: one heading per figure (no "fig2: Fig. 2:"), caption, errata links to shipped docs, figures at full width', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-report-'));
  try {
    const svgFile = path.join(dir, 'fig5.svg');
    writeFileSync(svgFile, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const files = { svg: svgFile, png: path.join(dir, 'fig5.png'), csv: path.join(dir, 'fig5.csv'), json: path.join(dir, 'fig5.json') };
    const manifest = buildManifest({ argv: [], threads: 1, quick: true, seed: 1, params: defaultParams(), startedAt: new Date(), finishedAt: new Date(), figures: [] });
    const html = buildReport({
      figures: [{ name: 'fig5', seconds: 1, result: { name: 'fig5', title: 'Fig. 5: trade-off', caption: 'The marks explained.', files, validation: [], trials: 1, seed: 1 } }],
      manifest,
      outDir: dir,
      errataFile: path.join(ROOT, 'docs', 'errata.md'),
    });
    assert.match(html, /<h2>Fig\. 5: trade-off<\/h2>/);
    assert.doesNotMatch(html, /fig5: Fig\. 5/);
    assert.match(html, /<p class="caption">The marks explained\.<\/p>/);
    const mdLinks = [...html.matchAll(/href="([^"#]+\.md)(#[^"]*)?"/g)].map((m) => m[1]);
    assert.ok(mdLinks.length > 0, 'the errata link other docs');
    for (const l of mdLinks) assert.ok(existsSync(path.resolve(dir, l)), `link ${l} resolves from the report folder`);
    const reportFile = path.join(dir, 'report.html');
    writeFileSync(reportFile, html);
    const skip = browserSkipReason();
    if (skip) return void test.skip(skip);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 60_000, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${reportFile}`);
      const width = await page.$eval('img.fig', (e) => (e as HTMLImageElement).getBoundingClientRect().width);
      assert.ok(width >= 900, `figure drawn ${width} px wide`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
