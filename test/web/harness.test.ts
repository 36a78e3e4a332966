import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { browserSkipReason, startHarness } from './harness.ts';

test('browser tests: skipped with one clear line outside CI, a failure under CI=true, run when Chromium exists', () => {
  const none = (): boolean => false;
  const reason = browserSkipReason({ CHROMIUM_PATH: '/nowhere/chromium' }, none);
  assert.match(String(reason), /browser tests skipped: no Chromium at \/nowhere\/chromium: install it \(Debian: apt-get install -y chromium\) or point CHROMIUM_PATH/);
  assert.throws(() => browserSkipReason({ CI: 'true', CHROMIUM_PATH: '/nowhere/chromium' }, none), /cannot run under CI=true/);
  assert.equal(browserSkipReason({ CHROMIUM_PATH: '/x' }, () => true), false);
});

test('a browser that fails to start releases the server and the temp dir (no hang)', { timeout: 120_000 }, async () => {
  const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('isacnet-web-')));
  await assert.rejects(startHarness('/nonexistent/chromium'));
  const left = readdirSync(tmpdir()).filter((n) => n.startsWith('isacnet-web-') && !before.has(n));
  assert.deepEqual(left, [], 'temp build dir removed');
  assert.ok(existsSync(tmpdir()));
  // The test process ends by itself only if the static server was closed: node:test would
  // otherwise keep the file running until the timeout.
});
