/**
 * The explorer's Localization view (beyond the paper) in headless Chromium: it draws Prop. 1's
 * √CRLB on load, and a Monte Carlo run in Web Workers gives the numbers of `isacnet localize`
 * (the library's computeLocalizeReport run inline in Node).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, browserSkipReason, openPage, startHarness, type Harness } from './harness.ts';
import { resolveParams } from '../../src/params/validate.ts';
import { computeLocalizeReport } from '../../src/reports/localize.ts';
import { inlineRunner } from '../../src/registry/inline.ts';
import { LOCALIZE_DRAWS, LOCALIZE_SNR_DB, localizeGeometries } from '../../src/web/views/localizeView.ts';
import { crlbProp1 } from '../../src/sensing/closedForms.ts';

let h: Harness;
const skipReason = browserSkipReason();
if (skipReason) console.log(skipReason);
const skip = skipReason ? 'no Chromium (see the line above)' : false;

before(async () => {
  if (!skip) h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('localization view: Prop. 1 line on load, Monte Carlo = the CLI numbers, threshold shown', { skip }, async () => {
  const trials = 4000;
  const wp = await openPage(h, `view=localize&N=6&trials=${trials}&seed=3`);
  const page = wp.page;
  await page.waitForSelector('#view-localize.active svg', { timeout: 60_000 });
  const p = resolveParams({});
  const prop1 = Number(await page.getAttribute('[data-testid="localize-prop1"]', 'data-value'));
  assert.ok(Math.abs(prop1 / Math.sqrt(crlbProp1(6, p) as number) - 1) < 1e-12, `Prop. 1 ${prop1}`);
  await page.click('[data-testid="localize-mc-run"]');
  await page.waitForSelector('#localize-mc[data-state="done"]', { timeout: 120_000 });
  const shown = Number(await page.getAttribute('[data-testid="localize-mle-rmse"]', 'data-value'));
  const report = await computeLocalizeReport(p, { Ns: [6], snrDb: [...LOCALIZE_SNR_DB], geometries: localizeGeometries(trials), noiseDraws: LOCALIZE_DRAWS, seed: 3 }, inlineRunner);
  const at0 = report.points.find((q) => q.snrDb === 0);
  // 5e-8, not 1e-12: the MLE is an argmin, and Chromium 156's Math.sin/cos/atan2/log differ from
  // Node 20's by up to 1 ulp; at a least-squares minimum the cost changes by O(δ²), so a 1-ulp change
  // of the cost can move the converged estimate by O(√ε) ≈ 1.5e-8 relative (measured 8.3e-10 on the RMSE).
  assert.ok(at0 && Math.abs(shown / at0.mle.rmse - 1) < 5e-8, `MLE RMSE ${shown} vs ${at0?.mle.rmse}`);
  assert.equal(await page.locator('#view-localize path[data-series="mle"]').count(), 1);
  assert.match((await page.textContent('#localize-mc .mc-cli')) ?? '', /isacnet localize --N 6 --snr-db -10:5:50 --geometries 16 --noise-draws 5 --seed 3/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'localize-monte-carlo-desktop.png'), fullPage: true });
  await wp.context.close();
  assert.deepEqual(wp.errors, [], wp.errors.join('\n'));
});
