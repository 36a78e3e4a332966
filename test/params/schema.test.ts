import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PARAM_SPECS, defaultParams } from '../../src/params/schema.ts';
import { checkNumber, parseList, resolveParams } from '../../src/params/validate.ts';
import { ArgumentError, UnknownArgumentError } from '../../src/math/argumentError.ts';
import { parametersMarkdown } from '../../src/params/docs.ts';
import { zeta2M2, crlbScaleM2 } from '../../src/params/derived.ts';

test('Section V values are the defaults and marked as the paper\'s', () => {
  const p = defaultParams();
  const paper: Record<string, number> = { mt: 4, mr: 5, ptW: 1, rcsM2: 1, lambdaB: 1, lambdaU: 1, lambdaS: 1, noisePowerDb: -80, alpha: 4, beta: 2, backhaul: 6, psi: 15 };
  for (const [k, v] of Object.entries(paper)) {
    assert.equal(p[k as keyof typeof p], v, k);
    assert.equal(PARAM_SPECS.find((s) => s.key === k)?.source, 'paper', k);
  }
  for (const k of ['fcHz', 'bandwidthHz', 'gt', 'gr', 'e', 'pc']) assert.equal(PARAM_SPECS.find((s) => s.key === k)?.source, 'toolkit', k);
});

test('every default lies in its own allowed range', () => {
  for (const s of PARAM_SPECS) assert.doesNotThrow(() => checkNumber(s.default, s), s.key);
});

test('errors name the key (the library\'s name), the value and the range; no flag text', () => {
  assert.throws(
    () => resolveParams({ lambdaB: -1 }),
    (e: unknown) => e instanceof ArgumentError && e.argument === 'lambdaB' && e.value === -1 && e.message === 'lambdaB must be in (0, 10000] /km², got -1' && e.range?.min === 0 && e.range.minExclusive === true,
  );
  assert.throws(() => resolveParams({ beta: 1.5 }), /: beta must be in \[2, 8\], got 1\.5$/);
  assert.throws(() => resolveParams({ psi: 2.5 }), /: psi must be an integer in \[1, 10000\] resource blocks, got 2\.5$/);
  assert.throws(() => resolveParams({ bogus: 1 }), (e: unknown) => e instanceof UnknownArgumentError && e.argument === 'bogus' && /^unknown parameter "bogus" \(known: mt, /.test(e.message));
  assert.throws(() => resolveParams({ pc: 'abc' }), /: pc must be in \[0, 1\] fraction of P_t, got "abc"; not a decimal number$/);
  assert.throws(() => resolveParams({ zeta2: 0 }), /: zeta2 must be in \(0, ∞\) m², got 0$/);
});

test('lists: commas, ranges a-b and start:step:end, each element checked', () => {
  const r = { flag: 'N', min: 1, max: 1000, integer: true };
  assert.deepEqual(parseList('1,2,5', r), [1, 2, 5]);
  assert.deepEqual(parseList('3-6', r), [3, 4, 5, 6]);
  assert.deepEqual(parseList('0.1:0.2:0.5', { flag: 'pc', min: 0, max: 1 }), [0.1, 0.3, 0.5]);
  assert.throws(() => parseList('0,1', r), (e: unknown) => e instanceof ArgumentError && e.argument === 'N' && e.value === '0' && e.message === 'N must be an integer in [1, 1000], got "0"');
  assert.throws(() => parseList('0,1', { ...r, key: 'Ns' }), /: Ns must be an integer in \[1, 1000\], got "0"$/);
  assert.throws(() => parseList('5-3', r), /: N must be a range start-end with end ≥ start, got "5-3"$/);
});

test('|ζ|² follows Eq. (5) and the override wins', () => {
  const p = defaultParams();
  // p^s = 0.5 W, G_t G_r = 20, B = 1e8 Hz, σ = 1 m², f_c = 3.5e9 Hz, σ_s² = 1e-8 W.
  const expected = (0.5 * 20 * 1e16) / (8 * Math.PI * 3.5e9 * 3.5e9 * 1e-8);
  assert.ok(Math.abs(zeta2M2(p) / expected - 1) < 1e-14);
  assert.equal(zeta2M2({ ...p, zeta2: 3 }), 3);
  // CRLB scale: 1/(|ζ|² (π λ_b)^β) with λ_b = 1e-6 /m², β = 2.
  assert.ok(Math.abs(crlbScaleM2({ ...p, zeta2: 1 }) * (Math.PI * 1e-6) ** 2 - 1) < 1e-14);
});

test('docs/parameters.md is generated from the current schema', () => {
  const onDisk = readFileSync(new URL('../../docs/parameters.md', import.meta.url), 'utf8');
  assert.equal(onDisk, parametersMarkdown(), 'run: node --import tsx scripts/gen-param-docs.ts');
});
