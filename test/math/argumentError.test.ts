import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError, UnknownArgumentError, checkInteger, checkOneOf, checkRange, renderRefs } from '../../src/math/argumentError.ts';

test('ArgumentError names the argument, its value and what is allowed, and keeps the checked range or values', () => {
  const e = new ArgumentError('psi', 0, 'an integer in [1, 10000]');
  assert.ok(e instanceof RangeError);
  assert.equal(e.name, 'ArgumentError');
  assert.equal(e.message, 'psi must be an integer in [1, 10000], got 0');
  assert.deepEqual([e.argument, e.value, e.allowed, e.detail, e.range, e.values], ['psi', 0, 'an integer in [1, 10000]', undefined, undefined, undefined]);
  assert.throws(() => checkRange('backhaul', -1, { min: 0, max: Infinity, minExclusive: true, unit: 'nats/s/Hz' }), (x: unknown) => {
    assert.ok(x instanceof ArgumentError);
    assert.equal(x.message, 'backhaul must be in (0, ∞) nats/s/Hz, got -1');
    assert.deepEqual(x.range, { min: 0, max: Infinity, minExclusive: true, unit: 'nats/s/Hz' });
    return true;
  });
  assert.throws(() => checkInteger('Ns[2]', 0.5, 1), (x: unknown) => x instanceof ArgumentError && x.argument === 'Ns[2]' && x.range?.integer === true);
  assert.throws(() => checkOneOf('gains', 'rician', ['gamma', 'zf'] as const), (x: unknown) => x instanceof ArgumentError && x.values?.join() === 'gamma,zf' && x.message === 'gains must be one of gamma, zf, got "rician"');
});

test('references {@name} to other arguments read plainly in the message and in a shell\'s words on request', () => {
  assert.equal(renderRefs('2 when {@crlbModel} is "eq16"'), '2 when crlbModel is "eq16"');
  assert.equal(renderRefs('{@Ns[1]} and {@args.beta}', (a) => `<${a}>`), '<Ns[1]> and <args.beta>');
  const e = new ArgumentError('beta', 3, '2 when {@crlbModel} is "eq16"', 'use {@crlbModel} "mc" for other β');
  assert.equal(e.message, 'beta must be 2 when crlbModel is "eq16", got 3; use crlbModel "mc" for other β');
  assert.equal(e.allowed, '2 when crlbModel is "eq16"');
  assert.equal(e.allowedWith((a) => `--${a}`), '2 when --crlbModel is "eq16"');
  assert.equal(e.detailWith((a) => a.toUpperCase()), 'use CRLBMODEL "mc" for other β');
  assert.equal(new ArgumentError('x', 1, 'positive').detailWith((a) => a), undefined);
});

test('UnknownArgumentError lists the known names', () => {
  const e = new UnknownArgumentError('psy', 15, ['psi', 'pc']);
  assert.ok(e instanceof ArgumentError);
  assert.equal(e.message, 'unknown parameter "psy" (known: psi, pc)');
  assert.deepEqual(e.known, ['psi', 'pc']);
  assert.equal(new UnknownArgumentError('z', undefined, ['a'], 'record field').message, 'unknown record field "z" (known: a)');
});
