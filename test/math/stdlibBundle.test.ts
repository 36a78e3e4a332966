// The compiled package replaces dist/math/stdlib.js by an esbuild bundle of the five stdlib-js
// functions (scripts/bundle-stdlib.mjs, start-up: src/math/stdlib.ts). Bundling must not change a
// single bit: build the bundle exactly as the build does, from src/math/stdlib.ts, and compare it
// with the packages on a grid of arguments, edge cases included (exact equality, NaN = NaN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as direct from '../../src/math/stdlib.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type Fn1 = (x: number) => number;
type Fn2 = (x: number, a: number) => number;
type Fn3 = (x: number, a: number, b: number) => number;
interface StdlibModule {
  stdlibGamma: Fn1;
  stdlibGammaln: Fn1;
  stdlibBeta: Fn2;
  stdlibGammainc: (x: number, s: number, regularized?: boolean, upper?: boolean) => number;
  stdlibBetainc: (x: number, a: number, b: number, regularized?: boolean, upper?: boolean) => number;
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

test('the esbuild bundle of the stdlib functions is bit-identical to the packages, and imports no package', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-stdlib-'));
  try {
    const out = path.join(dir, 'stdlib.mjs');
    const { bundleStdlib } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'bundle-stdlib.mjs')).href)) as {
      bundleStdlib: (entry: string, outfile: string) => Promise<void>;
    };
    await bundleStdlib(path.join(ROOT, 'src', 'math', 'stdlib.ts'), out);
    const text = readFileSync(out, 'utf8');
    assert.doesNotMatch(text, /^\s*import\s|require\(["']@stdlib/m, 'the bundle must be self-contained');
    assert.match(text, /Apache/, 'stdlib licence comments are kept');
    const bundled = (await import(pathToFileURL(out).href)) as StdlibModule;
    const d = direct as unknown as StdlibModule;
    const xs = [-3.5, -1e-9, 0, 1e-300, 1e-9, 0.25, 0.5, 1, 1.5, 2, 3.7, 10, 25.5, 100, 171.3, 1e3, 1e6, Infinity, NaN];
    const ps = [1e-3, 0.5, 1, 2.5, 7, 40, 300];
    const us = [0, 1e-12, 0.001, 0.2, 0.5, 0.77, 0.999, 1];
    let n = 0;
    for (const x of xs) {
      for (const name of ['stdlibGamma', 'stdlibGammaln'] as const) {
        assert.ok(same(bundled[name](x), d[name](x)), `${name}(${x})`);
        n++;
      }
      for (const a of ps) {
        assert.ok(same(bundled.stdlibBeta(Math.abs(x), a), d.stdlibBeta(Math.abs(x), a)), `beta(${x}, ${a})`);
        for (const regularized of [true, false]) {
          for (const upper of [true, false]) {
            assert.ok(same(bundled.stdlibGammainc(Math.abs(x), a, regularized, upper), d.stdlibGammainc(Math.abs(x), a, regularized, upper)), `gammainc(${x}, ${a})`);
            n += 2;
          }
        }
      }
    }
    for (const u of us) {
      for (const a of ps) {
        for (const b of ps) {
          for (const regularized of [true, false]) {
            assert.ok(same(bundled.stdlibBetainc(u, a, b, regularized, false), d.stdlibBetainc(u, a, b, regularized, false)), `betainc(${u}, ${a}, ${b})`);
            n++;
          }
        }
      }
    }
    assert.ok(n > 1000, `compared ${n} values`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
