/**
 * Web explorer (`npm run bench -- web`):
 *  - bundle size of the static build (dist-style, built into a temporary directory): every asset raw
 *    and gzip-compressed (zlib level 9), and the totals a first visit downloads (HTML + CSS + entry
 *    script) and the Web Worker scripts (loaded on first use);
 *  - live curve timings measured where they run, in headless Chromium (Debian chromium): the wall
 *    time each view reports for each curve, with the default parameters, first computation and the
 *    median of 5 recomputations after a slider step.
 */
import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWebApp } from '../src/web/node/build.ts';
import { serveStatic } from '../src/serve/staticServer.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'isacnet-web-bench-'));
  try {
    const t0 = performance.now();
    await buildWebApp(out);
    console.log(`vite build: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    const files = walk(out).sort();
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    const initial = new Set<string>(['index.html']);
    for (const m of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) initial.add(m[1]);
    let rawInitial = 0;
    let gzInitial = 0;
    let rawWorkers = 0;
    let gzWorkers = 0;
    console.log('asset                                        raw        gzip');
    for (const f of files) {
      const rel = path.relative(out, f);
      const buf = readFileSync(f);
      const gz = gzipSync(buf, { level: 9 }).length;
      console.log(`${rel.padEnd(44)} ${kB(buf.length).padStart(9)} ${kB(gz).padStart(10)}`);
      if (initial.has(rel)) {
        rawInitial += buf.length;
        gzInitial += gz;
      } else if (rel.endsWith('.js')) {
        rawWorkers += buf.length;
        gzWorkers += gz;
      }
    }
    console.log(`first load (HTML + CSS + entry script): ${kB(rawInitial)} raw, ${kB(gzInitial)} gzip`);
    console.log(`worker scripts (Monte Carlo, analysis; loaded on first use): ${kB(rawWorkers)} raw, ${kB(gzWorkers)} gzip`);

    const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(exe)) {
      console.log(`(no Chromium at ${exe}: curve timings skipped)`);
      return;
    }
    const server = await serveStatic(out, 0);
    const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const readMs = async (testid: string): Promise<number[]> => {
        const t = (await page.textContent(`[data-testid="${testid}"]`)) ?? '';
        return [...t.matchAll(/(\d+(?:\.\d+)?) ms/g)].map((m) => Number(m[1]));
      };
      const waitIdle = async (view: string): Promise<void> => {
        await page.waitForSelector(`#view-${view}.active svg`);
        await page.waitForFunction((v) => document.getElementById(`view-${v}`)?.dataset.busy !== 'true', view, { timeout: 120_000 });
      };
      // Sensing: both figures are computed in the analysis worker (closed forms).
      await page.goto(`${server.url}?view=sensing`);
      await waitIdle('sensing');
      const first2 = await readMs('crlb-vs-n-timing');
      const first3 = await readMs('crlb-accept-vs-n-timing');
      const s2: number[] = [];
      const s3: number[] = [];
      await page.focus('#p-lambda-s-slider');
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(60);
        s2.push(...(await readMs('crlb-vs-n-timing')));
        s3.push(...(await readMs('crlb-accept-vs-n-timing')));
      }
      console.log(`CRLB vs N (Fig. 2 analog, N = 1…30, 4 closed forms): first ${first2[0]} ms, then median ${median(s2)} ms`);
      console.log(`CRLB_a vs N (Fig. 3 analog, Eq. 16 and corrected): first ${first3[0]} ms, then median ${median(s3)} ms`);
      // Communication: three curves of 12 rate integrals each, in the analysis worker.
      await page.click('#tab-comm');
      await waitIdle('comm');
      const c0 = await readMs('rate-vs-l-timing');
      const cs: number[][] = [];
      await page.focus('#p-pc-slider');
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('ArrowLeft');
        await page.waitForFunction(() => document.getElementById('view-comm')?.dataset.busy === 'false');
        await page.waitForTimeout(30);
        await waitIdle('comm');
        cs.push(await readMs('rate-vs-l-timing'));
      }
      const names = ['Theorem 2 (printed H1)', 'Theorem 2 (corrected H1)', 'exact'];
      names.forEach((n, i) => console.log(`R_c vs L (Fig. 4 analog, L = 1…12) ${n}: first ${c0[i]} ms, then median ${median(cs.map((x) => x[i]))} ms`));
      // Trade-off: rate table (once per communication setting) and the region.
      await page.click('#tab-tradeoff');
      await waitIdle('tradeoff');
      const t0ms = await readMs('rate-crlb-region-timing');
      const regions: number[] = [];
      await page.focus('#p-backhaul-slider');
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(30);
        await waitIdle('tradeoff');
        regions.push((await readMs('rate-crlb-region-timing'))[0]);
      }
      console.log(`rate-CRLB region (Fig. 5 analog): rate table ${t0ms[t0ms.length - 1]} ms (first load), region ${t0ms[0]} ms first, then median ${median(regions)} ms per C_backhaul step`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
