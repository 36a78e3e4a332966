import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'isacnet.js');
const built = existsSync(path.join(ROOT, 'dist', 'web', 'index.html'));
if (!built && process.env.CI === 'true') throw new Error('dist/web is missing under CI=true: npm ci runs the build (prepare)');

test('isacnet web serves the prebuilt explorer on a free port and stops on SIGTERM', { skip: built ? false : 'no dist/web (run npm run build)', timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /isacnet explorer: (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before serving`)));
    });
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<html/i);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('isacnet web rejects a port out of range with exit 2 naming --port', async () => {
  const child = spawn(process.execPath, [CLI, 'web', '--port', '70000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /--port/);
});
