/**
 * End-to-end tests of the web explorer in headless Chromium (playwright-core, Debian chromium): the
 * app is built with vite's JS API, served from a temporary directory on an ephemeral localhost port,
 * and driven like a user. Screenshots of every view at 1280×800 and at phone width (390×844) are
 * written to test-artifacts/web/ (gitignored).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserSkipReason, openPage, startHarness, type Harness, type WatchedPage } from './harness.ts';
import { VIEWS, type ViewName } from '../../src/web/state.ts';
import { resolveParams } from '../../src/params/validate.ts';
import { crlbProp1 } from '../../src/sensing/closedForms.ts';
import { kappaSNegBinomial } from '../../src/sensing/acceptance.ts';
import { nonLocalizableIndependent } from '../../src/sensing/crlbAcceptance.ts';
import { targetsPerBs } from '../../src/params/derived.ts';
import { computeSensingReport } from '../../src/reports/sensing.ts';
import { computeCommReport } from '../../src/reports/comm.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { defaultWindows, SAMPLES_PER_WINDOW } from '../../src/web/views/sensingView.ts';
import { computeComm } from '../../src/web/compute/comm.ts';
import { defaultSettings } from '../../src/web/state.ts';

let h: Harness;
/** Skip (one clear line) when Chromium is missing outside CI; a failure under CI=true. */
const skipReason = browserSkipReason();
if (skipReason) console.log(skipReason);
const skip = skipReason ? 'no Chromium (see the line above)' : false;

before(async () => {
  if (!skip) h = await startHarness();
});

after(async () => {
  await h?.close();
});

/** Wait until a view has drawn (worker-computed views clear data-busy). */
async function viewReady(page: Page, view: ViewName): Promise<void> {
  await page.waitForSelector(`#view-${view}.active svg`, { timeout: 60_000 });
  await page.waitForFunction((v) => document.getElementById(`view-${v}`)?.dataset.busy !== 'true', view, { timeout: 120_000 });
}

async function dataValue(page: Page, testid: string): Promise<number | null> {
  const raw = await page.getAttribute(`[data-testid="${testid}"]`, 'data-value');
  assert.ok(raw !== null, `no data-value on ${testid}`);
  return raw === 'null' ? null : Number(raw);
}

async function pathOf(page: Page, seriesId: string): Promise<string | null> {
  return page.getAttribute(`.view.active path[data-series="${seriesId}"]`, 'd');
}

async function closeClean(wp: WatchedPage): Promise<void> {
  await wp.context.close();
  assert.deepEqual(wp.errors, [], `console or page errors:\n${wp.errors.join('\n')}`);
}

test('every view loads without console errors at 1280×800 and at phone width (screenshots saved)', { skip }, async () => {
  for (const vp of [
    { width: 1280, height: 800, tag: 'desktop' },
    { width: 390, height: 844, tag: 'phone' },
  ]) {
    const wp = await openPage(h, '', { width: vp.width, height: vp.height });
    for (const view of VIEWS) {
      await wp.page.click(`#tab-${view}`);
      await viewReady(wp.page, view);
      assert.match(wp.page.url(), view === 'network' ? /\/$|\/\?$|^[^?]*$/ : new RegExp(`view=${view}`));
      await wp.page.screenshot({ path: path.join(ARTIFACTS, `${view}-${vp.tag}.png`), fullPage: true });
      // Nothing wider than the screen (no sideways scrolling on a phone).
      const overflow = await wp.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view} at ${vp.tag}: page is ${overflow}px wider than the viewport`);
    }
    await closeClean(wp);
  }
});

test('the network view draws the clusters and a new snapshot changes the seed in the URL', { skip }, async () => {
  const wp = await openPage(h, 'N=8&L=3&seed=11');
  const page = wp.page;
  await viewReady(page, 'network');
  assert.equal(await page.locator('#view-network [data-link="sensing"], #view-network [data-link="sensing-declined"]').count(), 8);
  assert.equal(await page.locator('#view-network [data-link="comm"], #view-network [data-link="comm-declined"]').count(), 3);
  assert.ok((await page.locator('#view-network [data-comm="interferer"]').count()) > 10);
  assert.equal(await page.textContent('[data-testid="snapshot-seed"]'), 'seed 11');
  const before = await page.innerHTML('#view-network .net-host');
  await page.click('#new-snapshot');
  await page.waitForFunction(() => !/seed=11(&|$)/.test(location.search));
  const seed = new URL(page.url()).searchParams.get('seed');
  assert.ok(seed !== null && seed !== '11', `new seed in the URL: ${seed}`);
  assert.equal(await page.textContent('[data-testid="snapshot-seed"]'), `seed ${seed}`);
  assert.notEqual(await page.innerHTML('#view-network .net-host'), before);
  // Reloading the URL reproduces the same snapshot.
  const html = await page.innerHTML('#view-network .net-host');
  await page.reload();
  await viewReady(page, 'network');
  assert.equal((await page.innerHTML('#view-network .net-host')).replace(/netclip-[a-z0-9]+/g, ''), html.replace(/netclip-[a-z0-9]+/g, ''));
  await closeClean(wp);
});

test('moving a slider changes a curve and the URL', { skip }, async () => {
  const wp = await openPage(h, 'view=sensing');
  const page = wp.page;
  await viewReady(page, 'sensing');
  const d0 = await pathOf(page, 'prop1');
  assert.ok(d0);
  await page.focus('#p-lambda-b-slider');
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((d) => document.querySelector('.view.active path[data-series="prop1"]')?.getAttribute('d') !== d, d0);
  const value = await page.inputValue('#p-lambda-b');
  assert.notEqual(value, '1');
  assert.match(page.url(), new RegExp(`lambda-b=${value.replace('.', '\\.')}`));
  const timing = await page.textContent('[data-testid="crlb-vs-n-timing"]');
  assert.match(timing ?? '', /computed in [\d.]+ ms/);
  await closeClean(wp);
});

test('the numbers shown equal the library values for a known setting', { skip }, async () => {
  // Sensing: Prop. 1 at N = 7 with λ_b = 2, β = 2.5, p^c = 0.3 (a closed form: equal to the last bit).
  const wp = await openPage(h, 'view=sensing&lambda-b=2&beta=2.5&pc=0.3&N=7');
  await viewReady(wp.page, 'sensing');
  const p = resolveParams({ lambdaB: 2, beta: 2.5, pc: 0.3 });
  assert.equal(await dataValue(wp.page, 'readout-prop1'), crlbProp1(7, p));
  // Beside CRLB_a: the targets it leaves out (independent-acceptance model before any Monte Carlo).
  // Not to the last bit: Chromium 156's V8 computes Math.pow/exp/log/sin/cos/atan to within 1 ulp of
  // Node 20's but not always the same bits (measured: 210 of 2000 random pow values differ, worst
  // 2.1e-16 relative), and this probability, N κ(1 − κ)^{N−1} + (1 − κ)^N with 1 − κ ≈ 4e-6, is
  // ill-conditioned in κ: a relative error ε of κ becomes ≈ N ε κ/(1 − κ) (3.5e-10 measured). Tolerance:
  // 16 ulp of κ through that condition number.
  const kappaS = kappaSNegBinomial(p.psi, targetsPerBs(p), 7);
  const nonloc = nonLocalizableIndependent(7, kappaS);
  const nonlocShown = await dataValue(wp.page, 'readout-nonloc');
  const nonlocTol = 16 * 7 * Number.EPSILON * (kappaS / (1 - kappaS)) + 1e-14;
  assert.ok(nonlocShown !== null && Math.abs(nonlocShown / nonloc - 1) <= nonlocTol, `non-localizable shown ${nonlocShown} vs library ${nonloc} (tolerance ${nonlocTol})`);
  // Communication: the exact rate at L = 4, p^c = 0.7, computed in the analysis worker with the same
  // library call and tolerance as computeComm; identical IEEE arithmetic in V8 on both sides, so
  // the tolerance only allows for a different Math.pow/exp implementation (1e-12 relative).
  await wp.page.click('#tab-comm');
  await wp.page.fill('#p-pc', '0.7');
  await wp.page.fill('#p-L', '4');
  await wp.page.waitForFunction(() => document.querySelector('#comm-readout-title')?.textContent?.includes('L = 4, p^c = 0.7'), null, { timeout: 60_000 });
  const q = resolveParams({ lambdaB: 2, beta: 2.5, pc: 0.7 });
  const expected = computeComm(q, { ...defaultSettings(), l: 4 });
  const shown = await dataValue(wp.page, 'readout-exact');
  assert.ok(shown !== null && Math.abs(shown / expected.exact[3] - 1) < 1e-12, `exact rate shown ${shown} vs library ${expected.exact[3]}`);
  const thm2 = await dataValue(wp.page, 'readout-thm2');
  assert.ok(thm2 !== null && Math.abs(thm2 / expected.thm2[3] - 1) < 1e-12, `Theorem 2 shown ${thm2} vs library ${expected.thm2[3]}`);
  await closeClean(wp);
});

test('a Monte Carlo run completes with the CLI numbers, and a long one can be cancelled', { skip }, async () => {
  const trials = 3000;
  const nMax = 8;
  const wp = await openPage(h, `view=sensing&trials=${trials}&n-max=${nMax}&N=6&seed=5`);
  const page = wp.page;
  await viewReady(page, 'sensing');
  await page.click('[data-testid="sensing-mc-run"]');
  await page.waitForSelector('#sensing-mc[data-state="done"]', { timeout: 60_000 });
  const shownMedian = await dataValue(page, 'readout-mc-median');
  const shownKappa = await dataValue(page, 'readout-kappa-s-mc');
  // The same report in Node, single-threaded: the chunked job system makes it thread-count free.
  const p = resolveParams({});
  const report = await computeSensingReport(p, { Ns: Array.from({ length: nMax }, (_, i) => i + 1), trials, seed: 5, windows: defaultWindows(trials), samplesPerWindow: SAMPLES_PER_WINDOW }, inlineRunner);
  const pt = report.points[5];
  assert.equal(pt.N, 6);
  assert.ok(shownMedian !== null && pt.crlb.mc.median !== null && Math.abs(shownMedian / pt.crlb.mc.median - 1) < 1e-12, `median ${shownMedian} vs ${pt.crlb.mc.median}`);
  assert.ok(shownKappa !== null && pt.kappaS.mc !== null && Math.abs(shownKappa / pt.kappaS.mc - 1) < 1e-12, `κ_s ${shownKappa} vs ${pt.kappaS.mc}`);
  const nl = pt.crlbAccept.nonLocalizable;
  assert.equal(await dataValue(page, 'readout-nonloc'), (nl.mc as number) + (nl.singular ?? 0));
  assert.ok((await page.locator('.view.active [data-series-markers="mc-median"]').count()) === 1, 'overlay drawn');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sensing-monte-carlo-desktop.png'), fullPage: true });
  assert.match((await page.textContent('#sensing-mc .mc-cli')) ?? '', /isacnet sensing --N 1-8 --trials 3000 --seed 5/);

  // A long run, cancelled while in progress.
  await page.fill('#p-trials', '1000000');
  await page.click('[data-testid="sensing-mc-run"]');
  await page.waitForSelector('#sensing-mc[data-state="running"]');
  await page.waitForFunction(() => Number((document.querySelector('#sensing-mc progress') as HTMLProgressElement).value) > 0, null, { timeout: 30_000 });
  await page.click('[data-testid="sensing-mc-cancel"]');
  await page.waitForSelector('#sensing-mc[data-state="cancelled"]', { timeout: 5_000 });
  assert.equal(await page.textContent('[data-testid="sensing-mc-status"]'), 'cancelled');
  // The pool recovers: a small run completes after the cancel.
  await page.fill('#p-trials', '1000');
  await page.click('[data-testid="sensing-mc-run"]');
  await page.waitForSelector('#sensing-mc[data-state="done"]', { timeout: 60_000 });
  await closeClean(wp);
});

test('communication Monte Carlo: the CLI numbers, overlaid on the rate curves', { skip }, async () => {
  const wp = await openPage(h, 'view=comm&trials=2000&l-max=4&L=3&seed=9&pc=0.6');
  const page = wp.page;
  await viewReady(page, 'comm');
  await page.click('[data-testid="comm-mc-run"]');
  await page.waitForSelector('#comm-mc[data-state="done"]', { timeout: 60_000 });
  const shown = await dataValue(page, 'readout-comm-mc');
  const p = resolveParams({ pc: 0.6 });
  const report = await computeCommReport(p, { Ls: [1, 2, 3, 4], pcs: [0.6], trials: 2000, seed: 9, acceptance: 'independent', gains: 'gamma' }, inlineRunner);
  const mc = report.points[2].rate.mc;
  assert.ok(shown !== null && mc !== null && Math.abs(shown / mc.mean - 1) < 1e-12, `MC rate ${shown} vs ${mc?.mean}`);
  assert.equal(await page.locator('.view.active [data-series-markers="mc"] rect').count(), 4);
  assert.match((await page.textContent('#comm-mc .mc-cli')) ?? '', /isacnet comm --L 1-4 --pc 0\.6 --trials 2000 --seed 9 --json/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'comm-monte-carlo-desktop.png'), fullPage: true });
  await closeClean(wp);
});

test('communication Monte Carlo model choices live in the URL and reach the run', { skip }, async () => {
  const wp = await openPage(h, 'view=comm&trials=1000&l-max=3&gains=zf');
  const page = wp.page;
  await viewReady(page, 'comm');
  assert.equal(await page.inputValue('#comm-gains'), 'zf');
  assert.equal(await page.inputValue('#comm-acceptance'), 'independent');
  await page.selectOption('#comm-acceptance', 'network');
  assert.match(page.url(), /[?&]acceptance=network(&|$)/);
  assert.match(page.url(), /[?&]gains=zf(&|$)/);
  // The printed CLI command of a run carries the chosen models.
  await page.click('[data-testid="comm-mc-run"]');
  await page.waitForSelector('#comm-mc[data-state="done"]', { timeout: 90_000 });
  const cli = (await page.textContent('#comm-mc .mc-cli')) ?? '';
  assert.match(cli, /--acceptance network/);
  assert.match(cli, /--gains zf/);
  // Back to the defaults: the URL drops them again.
  await page.selectOption('#comm-acceptance', 'independent');
  await page.selectOption('#comm-gains', 'gamma');
  assert.doesNotMatch(page.url(), /acceptance=|gains=/);
  await closeClean(wp);
});

test('bad input shows the field, the value and the range (no CLI flags) and keeps the last valid curves', { skip }, async () => {
  const wp = await openPage(h, 'view=sensing');
  const page = wp.page;
  await viewReady(page, 'sensing');
  const d0 = await pathOf(page, 'prop1');
  const url0 = page.url();
  await page.fill('#p-lambda-b', '-1');
  await page.waitForSelector('#p-lambda-b-err:not(:empty)');
  assert.equal(await page.textContent('#p-lambda-b-err'), 'λ_b: invalid value "-1"; allowed range is (0, 10000] /km²');
  assert.equal(await page.getAttribute('#p-lambda-b', 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('#banner'));
  assert.match((await page.textContent('#banner')) ?? '', /last valid values/);
  await page.waitForTimeout(150);
  assert.equal(await pathOf(page, 'prop1'), d0, 'curve unchanged');
  assert.equal(page.url(), url0, 'URL unchanged');
  // Non-numbers and out-of-range integers too.
  await page.fill('#p-psi', '2.5');
  assert.equal(await page.textContent('#p-psi-err'), 'ψ: invalid value "2.5"; allowed range is an integer in [1, 10000] resource blocks');
  await page.fill('#p-psi', '15');
  // A valid value clears the message and updates the curve.
  await page.fill('#p-lambda-b', '3');
  await page.waitForFunction((d) => document.querySelector('.view.active path[data-series="prop1"]')?.getAttribute('d') !== d, d0);
  assert.equal(await page.textContent('#p-lambda-b-err'), '');
  assert.ok(await page.isHidden('#banner'));
  // A bad value in a shared URL is reported and replaced by the default.
  const wp2 = await openPage(h, 'view=sensing&beta=1');
  await viewReady(wp2.page, 'sensing');
  const banner2 = (await wp2.page.textContent('#banner')) ?? '';
  assert.match(banner2, /beta \(β\): invalid value "1"; allowed range is \[2, 8\]/);
  assert.doesNotMatch(banner2, /--beta/);
  assert.equal(await wp2.page.inputValue('#p-beta'), '2');
  await closeClean(wp2);
  await closeClean(wp);
});

test('trade-off view: region drawn, an infeasible backhaul shows the optimizer message and keeps the last region', { skip }, async () => {
  const wp = await openPage(h, 'view=tradeoff&l-max=6&n-max=20');
  const page = wp.page;
  await viewReady(page, 'tradeoff');
  const d0 = await pathOf(page, 'coop');
  assert.ok(d0 && d0.length > 100);
  assert.equal(await page.textContent('[data-testid="readout-contained"]'), 'yes');
  // Monte Carlo checks of optimal points (rate by the comm report, CRLB_a by the network simulation).
  await page.fill('#p-trials', '1000');
  await page.click('[data-testid="tradeoff-mc-run"]');
  await page.waitForSelector('#tradeoff-mc[data-state="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('.view.active [data-series-markers="mc-check"] rect').count(), 5);
  await page.screenshot({ path: path.join(ARTIFACTS, 'tradeoff-monte-carlo-desktop.png'), fullPage: true });
  const d1 = await pathOf(page, 'coop');
  // e·N for the smallest localizing cluster (N = 2) is 0.4 > 0.3.
  await page.fill('#p-backhaul', '0.3');
  await page.waitForSelector('[data-testid="tradeoff-message"]:not([hidden])', { timeout: 60_000 });
  const infeasible = (await page.textContent('[data-testid="tradeoff-message"]')) ?? '';
  assert.match(infeasible, /^C_backhaul: infeasible value 0\.3 nats\/s\/Hz with e = 0\.2: .*N = 2.*last feasible setting/);
  assert.doesNotMatch(infeasible, /--/);
  assert.equal(await pathOf(page, 'coop'), d1, 'region kept');
  // Back to a feasible capacity: the region is recomputed (a larger C gives a larger region).
  await page.fill('#p-backhaul', '8');
  await page.waitForFunction((d) => document.querySelector('.view.active path[data-series="coop"]')?.getAttribute('d') !== d, d1, { timeout: 60_000 });
  assert.ok(await page.isHidden('[data-testid="tradeoff-message"]'));
  const timing = (await page.textContent('[data-testid="rate-crlb-region-timing"]')) ?? '';
  assert.match(timing, /region \d+ ms/);
  await closeClean(wp);
});

test('hover shows the values; each plot exports SVG, PNG, CSV and JSON', { skip }, async () => {
  const wp = await openPage(h, 'view=sensing&n-max=12');
  const page = wp.page;
  await viewReady(page, 'sensing');
  const box = await page.locator('#crlb-vs-n svg').boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await page.waitForSelector('#crlb-vs-n .tooltip:not([hidden])');
  const tip = (await page.textContent('#crlb-vs-n .tooltip')) ?? '';
  assert.match(tip, /sensing cluster size N = \d+/);
  assert.match(tip, /Prop\. 1 \(Eq\. 12\): [\d.e+]+/);
  const grab = async (fmt: string): Promise<{ name: string; body: Buffer }> => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#crlb-vs-n [data-export="${fmt}"]`)]);
    const file = await dl.path();
    const { readFileSync } = await import('node:fs');
    return { name: dl.suggestedFilename(), body: readFileSync(file as string) };
  };
  const csv = await grab('csv');
  assert.equal(csv.name, 'isacnet-crlb-vs-n.csv');
  const lines = csv.body.toString('utf8').trim().split('\n');
  assert.equal(lines[0], 'N,prop1_eq12,eq13,thm1_printed_eq14,thm1_corrected,mc_median,mc_median_ci_lo,mc_median_ci_hi,mc_mean,mc_mean_ci_lo,mc_mean_ci_hi,mc_trials');
  assert.equal(lines.length, 13);
  assert.match(lines[1], /^1,,,,,/, 'N = 1 has no value (empty, not NaN)');
  const json = JSON.parse((await grab('json')).body.toString('utf8')) as { rows: Array<Record<string, number | null>>; meta: { params: { lambdaB: number } } };
  assert.equal(json.rows.length, 12);
  assert.equal(json.rows[0].prop1_eq12, null);
  assert.equal(json.rows[9].prop1_eq12, crlbProp1(10, resolveParams({})));
  assert.equal(json.meta.params.lambdaB, 1);
  const svg = await grab('svg');
  assert.equal(svg.name, 'isacnet-crlb-vs-n.svg');
  assert.match(svg.body.toString('utf8'), /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(svg.body.toString('utf8'), /data-hover="1"><circle/, 'hover decorations are not exported');
  const png = await grab('png');
  assert.equal(png.name, 'isacnet-crlb-vs-n.png');
  assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // The network snapshot exports its BS table.
  await page.click('#tab-network');
  await viewReady(page, 'network');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#network-map [data-export="csv"]')]);
  assert.equal(dl.suggestedFilename(), 'isacnet-network-seed7.csv');
  await closeClean(wp);
});

test('keyboard: tabs switch with the arrow keys and every control has a label', { skip }, async () => {
  const wp = await openPage(h, '');
  const page = wp.page;
  await viewReady(page, 'network');
  await page.focus('#tab-network');
  await page.keyboard.press('ArrowRight');
  await viewReady(page, 'sensing');
  assert.equal(await page.getAttribute('#tab-sensing', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-sensing');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, button, select')]
      .filter((e) => {
        const el = e as HTMLInputElement;
        const named = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent?.trim());
        return !named;
      })
      .map((e) => e.id || e.outerHTML.slice(0, 60)),
  );
  assert.deepEqual(unlabelled, []);
  await closeClean(wp);
});

test('the static build works under any URL prefix (relative asset and worker paths)', { skip }, async () => {
  const { serveStatic } = await import('../../src/serve/staticServer.ts');
  const parent = await serveStatic(path.dirname(h.outDir), 0);
  try {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`http ${r.status()} ${r.url()}`));
    await page.goto(`${parent.url}${path.basename(h.outDir)}/?view=sensing&trials=1000&n-max=6`);
    await viewReady(page, 'sensing');
    await page.click('[data-testid="sensing-mc-run"]');
    await page.waitForSelector('#sensing-mc[data-state="done"]', { timeout: 60_000 });
    await page.click('#tab-comm');
    await viewReady(page, 'comm');
    await context.close();
    assert.deepEqual(errors, []);
  } finally {
    await parent.close();
  }
});

test('issue 13: a rejected URL value leaves the address bar; L* at the plotted edge is flagged and its label drawn above the curves; the network legend fits; p^c = 1 says CRLB = ∞', { skip }, async () => {
  const wp = await openPage(h, 'view=sensing&beta=1&lambda-b=0x10');
  await viewReady(wp.page, 'sensing');
  const search = new URL(wp.page.url()).search;
  assert.doesNotMatch(search, /beta=1|lambda-b=0x10/, `rejected values removed from the URL: ${search}`);
  assert.match((await wp.page.textContent('#banner')) ?? '', /beta \(β\): invalid value "1"/);
  await closeClean(wp);

  // L_max = 12 at the paper's setting: the exact rate is largest at the edge (the true L* is 13).
  const wc = await openPage(h, 'view=comm&l-max=12&pc=0.9');
  await viewReady(wc.page, 'comm');
  const label = wc.page.locator('#view-comm [data-vline-label]');
  assert.match((await label.first().textContent()) ?? '', /L\* ≥ 12 \(edge\)/);
  assert.equal(await wc.page.locator('#view-comm [data-edge-warning]').count(), 1);
  // Drawn after (above) every curve: no series path follows the label in document order.
  const after = await wc.page.evaluate(() => {
    const l = document.querySelector('#view-comm [data-vline-label]');
    return [...document.querySelectorAll('#view-comm path[data-series]')].filter((p) => l && l.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING).length;
  });
  assert.equal(after, 0);
  const wc2 = await openPage(h, 'view=comm&l-max=20&pc=0.9');
  await viewReady(wc2.page, 'comm');
  assert.match((await wc2.page.locator('#view-comm [data-vline-label]').first().textContent()) ?? '', /^L\* = 13$/);
  assert.equal(await wc2.page.locator('#view-comm [data-edge-warning]').count(), 0);
  await closeClean(wc2);
  await closeClean(wc);

  // Network legend: no two labels overlap and none runs out of the figure.
  const wn = await openPage(h, 'view=network');
  await viewReady(wn.page, 'network');
  const boxes = await wn.page.evaluate(() => {
    const svg = document.querySelector('#view-network .net-host svg') as SVGSVGElement;
    const w = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => /BS|link|user|target|request/.test(t.textContent ?? ''));
    return { width: w.right, boxes: texts.map((t) => t.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right, t: r.top, b: r.bottom })) };
  });
  for (const b of boxes.boxes) assert.ok(b.r <= boxes.width + 1, `legend label cut off at ${b.r} > ${boxes.width}`);
  for (let i = 0; i < boxes.boxes.length; i++)
    for (let j = i + 1; j < boxes.boxes.length; j++) {
      const a = boxes.boxes[i];
      const c = boxes.boxes[j];
      const overlap = a.l < c.r - 1 && c.l < a.r - 1 && a.t < c.b - 1 && c.t < a.b - 1;
      assert.ok(!overlap, `legend labels ${i} and ${j} overlap`);
    }
  await closeClean(wn);

  const ws = await openPage(h, 'view=sensing&pc=1');
  await viewReady(ws.page, 'sensing');
  assert.match((await ws.page.textContent('#view-sensing')) ?? '', /CRLB = ∞ everywhere: p\^c = 1 leaves no sensing power/);
  await closeClean(ws);
});
