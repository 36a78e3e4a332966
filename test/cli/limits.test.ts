/**
 * Inputs that used to crash or stall (a scripted fuzz of the CLI): every one now stops at once
 * with exit 2 and a message naming the flag, the value and the limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'isacnet.js');
function run(args: string[]): { code: number | null; err: string; ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, CI: '1' } });
  return { code: r.status, err: r.stderr, ms: Date.now() - t0 };
}

const CASES: Array<[string[], RegExp]> = [
  [['comm', '--L', '1', '--pc', '0:1e-9:1'], /--pc \(p\^c\): invalid value "0:1e-9:1"; must be a list of at most 10000 values/],
  [['comm', '--L', '1', '--coverage', '0:1e-8:1'], /--coverage: invalid value "0:1e-8:1"; must be a list of at most 10000 values/],
  [['sensing', '--N', '1-20000'], /--N \(N\): invalid value "1-20000"; must be a list of at most 10000 values/],
  [['sensing', '--N', '100000', '--trials', '10'], /--N \(N\): invalid value 100000; must be small enough for one network window .* the estimate is 498 GB/],
  [['sensing', '--lambda-b', '1e-9', '--N', '4', '--trials', '100'], /--lambda-b \(λ_b\): invalid value 1e-9; must be small enough for one network window \(λ_s\/λ_b = 1\.00e\+9 targets per BS/],
  [['comm', '--L', '1', '--trials', '1e10'], /--trials: invalid value 10000000000; must be small enough for the rate samples of one point .* the estimate is 160 GB/],
  [['sensing', '--threads', '100'], /--threads: invalid value "100"; allowed range is an integer in \[1, 64\]/],
  [['reproduce', '--out', '/proc/x', '--quick'], /--out: invalid value "\/proc\/x"; the folder cannot be created or written/],
  [['reproduce', '--out', '', '--quick'], /--out: invalid value ""; must be a non-empty path/],
];

for (const [args, message] of CASES) {
  test(`isacnet ${args.join(' ')} exits 2 at once with a clear message`, () => {
    const r = run(args);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, message);
    assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  });
}

test('reproduce --out naming a regular file exits 2 before any work', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-out-'));
  try {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = run(['reproduce', '--out', file, '--quick']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--out: invalid value ".*a-file"; it is a file, not a folder/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
