/**
 * The explorer's URL state (src/web/state.ts): same flags, ranges and messages as the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARAM_SPECS, defaultParams } from '../../src/params/schema.ts';
import { SETTING_SPECS, defaultState, stateFromQuery, stateToQuery } from '../../src/web/state.ts';
import { LOG_STEPS, SLIDER_HINTS, sliderToValue, valueToSlider } from '../../src/web/panel/sliderHints.ts';
import { checkNumber } from '../../src/params/validate.ts';

test('the default state has an empty query and reads back as the defaults', () => {
  assert.equal(stateToQuery(defaultState()), '');
  const { state, errors } = stateFromQuery('');
  assert.deepEqual(errors, []);
  assert.deepEqual(state.params, defaultParams());
});

test('every parameter round-trips through the URL under its CLI flag', () => {
  const s = defaultState();
  for (const spec of PARAM_SPECS) {
    // A valid non-default value inside the range.
    const v = spec.integer ? Math.min(spec.max, spec.default + 1) : spec.default === 0 ? 0.5 : spec.default * 0.5 > spec.min ? spec.default * 0.5 : spec.default * 1.25;
    s.params[spec.key] = checkNumber(v, spec);
  }
  s.params.zeta2 = 1234.5;
  s.settings.seed = 99;
  s.settings.n = 12;
  s.view = 'comm';
  const q = stateToQuery(s);
  for (const spec of PARAM_SPECS) assert.match(q, new RegExp(`(^|&)${spec.flag}=`), spec.flag);
  const back = stateFromQuery(`?${q}`);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.state, s);
});

test('bad URL values are named by their URL key and symbol, with the value and the range, and keep the default', () => {
  const { state, errors } = stateFromQuery('lambda-b=-1&psi=2.5&N=0&view=nope&bogus=1&pc=0.3');
  assert.equal(state.params.lambdaB, 1);
  assert.equal(state.params.psi, 15);
  assert.equal(state.params.pc, 0.3);
  assert.equal(state.settings.n, SETTING_SPECS.find((s) => s.key === 'n')?.default);
  assert.equal(state.view, 'network');
  assert.equal(errors.length, 5);
  assert.equal(errors[0], 'lambda-b (λ_b): invalid value "-1"; allowed range is (0, 10000] /km²');
  assert.ok(errors.includes('psi (ψ): invalid value "2.5"; allowed range is an integer in [1, 10000] resource blocks'), errors.join('\n'));
  assert.ok(errors.includes('N: invalid value "0"; allowed range is an integer in [1, 50]'), errors.join('\n'));
  assert.ok(errors.every((m) => !/--/.test(m)), 'no CLI flag text in the web messages');
  assert.match(errors.join('\n'), /unknown view "nope"/);
  assert.match(errors.join('\n'), /unknown URL parameter "bogus"/);
});

test('slider spans lie inside the schema ranges and log sliders invert', () => {
  for (const spec of PARAM_SPECS) {
    const h = SLIDER_HINTS[spec.key];
    assert.ok(h, `slider hint for ${spec.key}`);
    assert.ok(h.min >= spec.min && h.max <= spec.max, spec.key);
    assert.ok(h.min <= spec.default && spec.default <= h.max, `default of ${spec.key} inside the slider`);
    if (h.log) {
      for (const pos of [0, 123, 500, LOG_STEPS]) {
        const v = sliderToValue(h, pos);
        assert.ok(Math.abs(valueToSlider(h, v) - pos) <= 1, `${spec.key} at ${pos}`);
      }
      // One slider step is a factor (max/min)^(1/LOG_STEPS); the default is reached within half a step.
      const halfStep = Math.pow(h.max / h.min, 0.5 / LOG_STEPS) - 1;
      const v = sliderToValue(h, valueToSlider(h, spec.default));
      assert.ok(Math.abs(v / spec.default - 1) <= halfStep + 5e-3, `${spec.key}: ${v} vs ${spec.default}`);
    }
  }
});

test('Monte Carlo model choices round-trip through the URL under the CLI flags; bad ones are named by their URL key', () => {
  const s = defaultState();
  assert.equal(stateToQuery(s), '');
  s.choices = { acceptance: 'network', gains: 'zf' };
  const q = stateToQuery(s);
  assert.match(q, /(^|&)acceptance=network(&|$)/);
  assert.match(q, /(^|&)gains=zf(&|$)/);
  const back = stateFromQuery(`?${q}`);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.state.choices, s.choices);
  const bad = stateFromQuery('?acceptance=sometimes&gains=zf');
  assert.equal(bad.state.choices.acceptance, 'independent');
  assert.equal(bad.state.choices.gains, 'zf');
  assert.deepEqual(bad.errors, ['acceptance: invalid value "sometimes"; allowed values are independent, network']);
});
