/**
 * Shared set-up of the browser tests: build the explorer with vite's JS API into a temporary
 * directory, serve it on an ephemeral localhost port, and drive Debian's Chromium headless with
 * playwright-core. Console errors and uncaught page errors are collected per page.
 */
import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWebApp } from '../../src/web/node/build.ts';
import { serveStatic, type StaticServer } from '../../src/serve/staticServer.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts/web');

/**
 * Why the browser tests cannot run here, or `false` when they can. Outside CI a missing browser
 * skips them with this one line; under `CI=true` a missing browser is a failure (the reason is
 * thrown), so CI never passes without having run them.
 */
export function browserSkipReason(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | false {
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (exists(chromium)) return false;
  const reason = `no Chromium at ${chromium}: install it (Debian: apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary`;
  if (env.CI === 'true') throw new Error(`browser tests cannot run under CI=true: ${reason}`);
  return `browser tests skipped: ${reason}`;
}

export interface Harness {
  url: string;
  browser: Browser;
  server: StaticServer;
  outDir: string;
  close(): Promise<void>;
}

export async function startHarness(executablePath = CHROMIUM): Promise<Harness> {
  // The build goes one level down in a private temp dir, so that the app can also be served under a
  // sub-path (the parent) without exposing anything else.
  const root = mkdtempSync(path.join(tmpdir(), 'isacnet-web-'));
  const outDir = path.join(root, 'explorer');
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  // Whatever fails during set-up, release what was started (server, browser, temp dir): no hang.
  const release = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await buildWebApp(outDir);
    server = await serveStatic(outDir, 0);
    // playwright's launch() gives Chromium a fresh temporary user-data dir of its own (removed on
    // close), so no profile state leaks between runs.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout: 60_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  } catch (e) {
    await release();
    throw e;
  }
  return {
    url: server.url,
    browser,
    server,
    outDir,
    close: release,
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
