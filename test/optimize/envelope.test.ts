import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateEnvelope } from '../../src/optimize/rateEnvelope.ts';
import { synthRate } from './synthetic.ts';

const MAX_L = 8;

for (const concave of [true, false]) {
test(`envelope G(q) equals the brute-force max over L, with its argmax (${concave ? 'concave' : 'monotone'} bands)`, () => {
  const model = synthRate(undefined, concave);
  const env = new RateEnvelope(model, MAX_L, 8);
  assert.equal(env.concave, concave);
  for (let i = 0; i <= 200; i++) {
    const q = i / 200;
    let best = -Infinity;
    let arg = 0;
    for (let L = 1; L <= MAX_L; L++) {
      const r = model.rate(L, q);
      if (r > best) {
        best = r;
        arg = L;
      }
    }
    const g = env.value(q);
    assert.ok(Math.abs(g.rate - best) <= 1e-14 * Math.max(1, best), `q=${q}: ${g.rate} vs ${best}`);
    if (q > 0) assert.equal(g.L, arg, `argmax at q=${q}`);
  }
  // The best L really changes with the power share in this model (the test is not vacuous).
  assert.notEqual(env.value(0.05).L, env.value(1).L);
});

test(`envelope inverse P(R) is the least power reaching R over all L (${concave ? 'concave' : 'monotone'} bands)`, () => {
  const model = synthRate(undefined, concave);
  const env = new RateEnvelope(model, MAX_L, 8);
  for (let i = 1; i <= 60; i++) {
    const R = (env.maxRate * i) / 60;
    let best = Infinity;
    for (let L = 1; L <= MAX_L; L++) {
      if (model.rate(L, 1) < R) continue;
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 80; k++) {
        const m = 0.5 * (lo + hi);
        if (model.rate(L, m) >= R) hi = m;
        else lo = m;
      }
      best = Math.min(best, hi);
    }
    const inv = env.inverse(R);
    assert.ok(inv, `R=${R}`);
    assert.ok(Math.abs(inv.pc - best) < 1e-11, `R=${R}: ${inv.pc} vs ${best}`);
    assert.ok(Math.abs(model.rate(inv.L, inv.pc) - R) < 1e-10);
  }
  assert.equal(env.inverse(env.maxRate * 1.0001), null);
});
}

test('certified bands contain the curves, and concave bands are tighter', () => {
  const model = synthRate();
  const conc = new RateEnvelope(model, MAX_L, 8);
  const mono = new RateEnvelope(synthRate(undefined, false), MAX_L, 8);
  let widthC = 0;
  let widthM = 0;
  for (let L = 1; L <= MAX_L; L++) {
    for (let i = 0; i <= 400; i++) {
      const q = i / 400;
      const r = model.rate(L, q);
      for (const env of [conc, mono]) {
        assert.ok(env.lowerBound(L, q) <= r && r <= env.upperBound(L, q), `L=${L} q=${q}`);
      }
      widthC += conc.upperBound(L, q) - conc.lowerBound(L, q);
      widthM += mono.upperBound(L, q) - mono.lowerBound(L, q);
    }
  }
  assert.ok(widthC < widthM / 3, `${widthC} vs ${widthM}`);
});

test('a model claiming concavity with increasing chord slopes is rejected', () => {
  const convex = { name: 'convex', concaveInPc: true, rate: (L: number, pc: number) => L * (pc + pc * pc) };
  assert.throws(() => new RateEnvelope(convex, 2, 8), /claims concavity/);
});

test('a rate model that is not increasing in p^c is rejected', () => {
  const bad = { name: 'bad', rate: (L: number, pc: number) => Math.sin(3 * pc) + L };
  assert.throws(() => new RateEnvelope(bad, 2, 8), /not strictly increasing in p\^c at L = 1/);
});
