import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../../bin/isacnet.js', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('every sub-command exits 2 on an unknown option and on a missing option value', () => {
  for (const cmd of ['params', 'sensing', 'comm', 'optimize', 'reproduce']) {
    const r = run([cmd, '--no-such-option']);
    assert.equal(r.status, 2, `${cmd}: ${r.stderr}`);
    assert.match(r.stderr, /unknown option '--no-such-option'/);
  }
  const r = run(['params', '--psi']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--psi/);
});

test('--help and --version exit 0', () => {
  assert.equal(run(['--help']).status, 0);
  assert.equal(run(['--version']).status, 0);
  assert.equal(run(['sensing', '--help']).status, 0);
});

test('a malformed config file names --config and exits 2', () => {
  const r = run(['params', '--config', '/nonexistent/scenario.json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--config: cannot read/);
});
