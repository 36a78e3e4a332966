/**
 * The README's "Use it as a library" block runs as printed: each `console.log(…); // => v` line
 * prints v (to the digits shown).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test("the README's library example prints what it says", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /## Use it as a library\s+```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'no "Use it as a library" code block in README.md');
  const code = m[1];
  assert.ok(code.split('\n').filter((l) => l.trim() !== '').length <= 6, 'the example stays short');
  const expected = [...code.matchAll(/\/\/ => ([-0-9.e+]+)/g)].map((x) => x[1]);
  assert.ok(expected.length >= 2);
  // Run inside the repository so that 'isacnet' resolves to this package (self-reference).
  const dir = mkdtempSync(path.join(ROOT, '.tmp-readme-'));
  try {
    const file = path.join(dir, 'example.mts');
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    assert.equal(out.length, expected.length);
    out.forEach((line, i) => {
      const want = expected[i];
      const digits = (want.split('e')[0].split('.')[1] ?? '').length;
      const tol = 0.5 * 10 ** -digits * (want.includes('e') ? 10 ** Number(want.split('e')[1]) : 1);
      assert.ok(Math.abs(Number(line) - Number(want)) <= tol, `line ${i + 1}: printed ${line}, README says ${want}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
