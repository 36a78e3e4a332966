/**
 * Shared set-up of the browser tests: build the explorer with vite's JS API into a temporary
 * directory, serve it on an ephemeral localhost port, and drive Debian's Chromium headless with
 * playwright-core. Console errors and uncaught page errors are collected per page.
 */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWebApp } from '../../src/web/node/build.ts';
import { serveStatic, type StaticServer } from '../../src/web/node/staticServer.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts/web');

export interface Harness {
  url: string;
  browser: Browser;
  server: StaticServer;
  outDir: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // The build goes one level down in a private temp dir, so that the app can also be served under a
  // sub-path (the parent) without exposing anything else.
  const root = mkdtempSync(path.join(tmpdir(), 'isacnet-web-'));
  const outDir = path.join(root, 'explorer');
  await buildWebApp(outDir);
  const server = await serveStatic(outDir, 0);
  // playwright's launch() gives Chromium a fresh temporary user-data dir of its own (removed on
  // close), so no profile state leaks between runs.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    server,
    outDir,
    async close() {
      await browser.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and failed requests seen so far. */
  errors: string[];
}

export async function openPage(h: Harness, query = '', viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await h.browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${h.url}${query ? `?${query}` : ''}`, { waitUntil: 'load' });
  return { page, context, errors };
}
