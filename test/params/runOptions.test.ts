import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError, UnknownArgumentError } from '../../src/math/argumentError.ts';
import {
  ACCEPTANCE_MODELS,
  CRLB_MODEL_NAMES,
  ConfigError,
  DEFAULT_DISC_BS_RUN,
  GAIN_MODEL_NAMES,
  RATE_MODEL_NAMES,
  RUN_COMMANDS,
  RUN_OPTION_SPECS,
  anyRunOptionSpec,
  defaultSensingWindows,
  resolveRunOptions,
  type RunOptionSpec,
} from '../../src/params/runOptions.ts';
import { PARAM_SPECS } from '../../src/params/schema.ts';
import { checkNumber, parseList } from '../../src/params/validate.ts';
import { GAIN_MODELS } from '../../src/comm/gains.ts';
import { CRLB_MODELS, RATE_MODELS } from '../../src/optimize/models.ts';
import { DEFAULT_DISC_BS } from '../../src/reports/comm.ts';
import { CHOICE_SPECS } from '../../src/web/state.ts';

const cfg = (values: Record<string, unknown>) => ({ file: 'scenario.json', values });

/** The assertion callback of assert.throws for a ConfigError on `key` whose message matches `re`. */
function configError(key: string, re: RegExp): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof ConfigError, `not a ConfigError: ${String(e)}`);
    assert.ok(e instanceof ArgumentError);
    assert.equal(e.file, 'scenario.json');
    assert.equal(e.argument.replace(/\[\d+\]$/, ''), key);
    assert.match(e.message, /^scenario\.json: /);
    assert.match(e.message, re);
    return true;
  };
}

test('defaults come from the schema (threads from the core count, sensing windows from trials)', () => {
  assert.deepEqual(resolveRunOptions('sensing', undefined, {}, { cores: 3 }), {
    N: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20],
    trials: 100000,
    seed: 1,
    windows: 100,
    samplesPerWindow: 256,
    threads: 3,
    json: false,
    format: 'table',
  });
  assert.deepEqual(resolveRunOptions('optimize', undefined, {}, { cores: 2 }), {
    rateModel: 'exact',
    crlbModel: 'eq16',
    maxL: 30,
    maxN: 200,
    levels: 60,
    decades: 3,
    windows: 200,
    seed: 1,
    threads: 2,
    json: false,
    format: 'table',
  });
  const comm = resolveRunOptions('comm', undefined, {}, { cores: 1 });
  assert.deepEqual(comm.L, [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20]);
  assert.deepEqual(comm.pc, [0.5]);
  assert.equal(comm.discBs, DEFAULT_DISC_BS);
  assert.equal(comm.coverage, undefined);
  assert.ok(!('coverage' in comm), 'an optional option without a value is absent');
  assert.deepEqual(resolveRunOptions('reproduce', undefined, {}, { cores: 4 }), { out: 'results', quick: false, threads: 4, seed: 1 });
  assert.deepEqual(resolveRunOptions('params'), { json: false });
  assert.equal(resolveRunOptions('sensing', undefined, { trials: '2500' }).windows, defaultSensingWindows(2500));
  assert.equal(defaultSensingWindows(2500), 8);
  assert.equal(defaultSensingWindows(1e9), 400);
});

test('the config file overrides the defaults and the flags override the config file', () => {
  const file = cfg({ seed: 5, threads: 1, windows: 12, rateModel: 'thm2', weight: 0.25 });
  const fromFile = resolveRunOptions('optimize', file, {}, { cores: 8 });
  assert.equal(fromFile.seed, 5);
  assert.equal(fromFile.threads, 1);
  assert.equal(fromFile.windows, 12);
  assert.equal(fromFile.rateModel, 'thm2');
  assert.equal(fromFile.weight, 0.25);
  const flags = resolveRunOptions('optimize', file, { seed: '7', threads: '3', rateModel: 'exact', weight: '1' }, { cores: 8 });
  assert.equal(flags.seed, 7);
  assert.equal(flags.threads, 3);
  assert.equal(flags.rateModel, 'exact');
  assert.equal(flags.weight, 1);
  assert.equal(flags.windows, 12, 'a flag that is not given leaves the file value');
  const repro = resolveRunOptions('reproduce', cfg({ seed: 5, out: '/tmp/x', quick: true, threads: 1 }), {}, { cores: 8 });
  assert.deepEqual(repro, { out: '/tmp/x', quick: true, threads: 1, seed: 5 });
  assert.deepEqual(resolveRunOptions('reproduce', cfg({ quick: false, only: ['fig2', 'fig5'] }), { quick: true, only: 'fig3' }), { out: 'results', quick: true, threads: 1, seed: 1, only: ['fig3'] });
  // A derived default follows the resolved value it depends on, wherever that came from.
  assert.equal(resolveRunOptions('sensing', cfg({ trials: 20000 })).windows, 20);
  assert.equal(resolveRunOptions('sensing', cfg({ trials: 20000, windows: 3 })).windows, 3);
  assert.equal(resolveRunOptions('sensing', cfg({ trials: 20000 }), { windows: '0' }).windows, 0);
});

test('config lists: a JSON array, one number or a string in the flag syntax', () => {
  assert.deepEqual(resolveRunOptions('sensing', cfg({ N: [1, 4, 9] })).N, [1, 4, 9]);
  assert.deepEqual(resolveRunOptions('sensing', cfg({ N: 6 })).N, [6]);
  assert.deepEqual(resolveRunOptions('sensing', cfg({ N: '2:2:8' })).N, [2, 4, 6, 8]);
  assert.deepEqual(resolveRunOptions('comm', cfg({ L: '1-3', pc: [0.3, 0.9] })).L, [1, 2, 3]);
  assert.deepEqual(resolveRunOptions('comm', cfg({ pc: 0.7 })).pc, [0.7]);
  assert.deepEqual(resolveRunOptions('reproduce', cfg({ only: 'fig2, fig4' })).only, ['fig2', 'fig4']);
});

test('a config value of the wrong JSON type is an error naming the file and the key', () => {
  assert.throws(() => resolveRunOptions('sensing', cfg({ json: 'false' })), configError('json', /json must be true or false \(a JSON boolean\), got "false"$/));
  assert.throws(() => resolveRunOptions('optimize', cfg({ seed: '7' })), configError('seed', /seed must be a JSON number, an integer in \[0, 9007199254740991\], got "7"$/));
  assert.throws(() => resolveRunOptions('reproduce', cfg({ quick: 1 })), configError('quick', /quick must be true or false/));
  assert.throws(() => resolveRunOptions('reproduce', cfg({ out: 3 })), configError('out', /out must be a non-empty string \(a path\), got 3$/));
  assert.throws(() => resolveRunOptions('reproduce', cfg({ only: [] })), configError('only', /only must be a non-empty JSON array of names/));
  assert.throws(() => resolveRunOptions('sensing', cfg({ N: [1, '2'] })), configError('N', /N\[1\] must be a JSON number, an integer in \[1, 100000\], got "2"$/));
  assert.throws(() => resolveRunOptions('sensing', cfg({ N: { from: 1 } })), configError('N', /N must be a non-empty JSON array of numbers/));
  assert.throws(() => resolveRunOptions('comm', cfg({ acceptance: 2 })), configError('acceptance', /acceptance must be one of independent, network \(a JSON string\), got 2$/));
  assert.throws(() => resolveRunOptions('comm', cfg({ gains: 'rician' })), configError('gains', /gains must be one of gamma, zf, got "rician"$/));
  // Right type, wrong value: the same error form, with the range the shells can reword.
  assert.throws(
    () => resolveRunOptions('optimize', cfg({ maxL: 0 })),
    (e: unknown) => configError('maxL', /maxL must be an integer in \[1, 1000\], got 0$/)(e) && (e as ArgumentError).range?.max === 1000,
  );
  // A broken file is reported even where a flag overrides the value.
  assert.throws(() => resolveRunOptions('optimize', cfg({ seed: '7' }), { seed: '3' }), configError('seed', /got "7"/));
});

test('an unknown config key is an error naming the file and the key; other commands\' run options are ignored', () => {
  assert.throws(
    () => resolveRunOptions('sensing', cfg({ psy: 15 })),
    (e: unknown) => configError('psy', /^scenario\.json: unknown parameter "psy" \(known: mt, .*, zeta2, N, trials, seed, windows, samplesPerWindow, threads, json, format, queue\)$/)(e) && (e as ConfigError).cause instanceof UnknownArgumentError,
  );
  // Model parameters belong to resolveParams; a scenario file may carry other commands' run options.
  const r = resolveRunOptions('sensing', cfg({ psi: 10, lambdaU: 2, L: [1, 4], maxL: 12, out: 'x', N: [2] }));
  assert.deepEqual(r.N, [2]);
  assert.ok(!('L' in r) && !('maxL' in r) && !('out' in r));
});

test('flag values are parsed from strings and errors name the option by its key, with the checked range', () => {
  const r = resolveRunOptions('comm', undefined, { L: '1-3,8', pc: '0.1:0.4:0.9', trials: '500', coverage: '0.5,2', json: true });
  assert.deepEqual(r.L, [1, 2, 3, 8]);
  assert.deepEqual(r.pc, [0.1, 0.5, 0.9]);
  assert.equal(r.trials, 500);
  assert.deepEqual(r.coverage, [0.5, 2]);
  assert.equal(r.json, true);
  assert.throws(
    () => resolveRunOptions('sensing', undefined, { trials: '0' }),
    (e: unknown) => e instanceof ArgumentError && !(e instanceof ConfigError) && e.argument === 'trials' && e.value === '0' && e.range?.min === 2 && e.message === 'trials must be an integer in [2, 1000000000], got "0"',
  );
  assert.throws(() => resolveRunOptions('sensing', undefined, { N: '2,x' }), (e: unknown) => e instanceof ArgumentError && e.argument === 'N' && e.value === 'x');
  assert.throws(() => resolveRunOptions('optimize', undefined, { crlbModel: 'x' }), (e: unknown) => e instanceof ArgumentError && e.argument === 'crlbModel' && e.values?.join() === 'eq16,mc');
  assert.throws(() => resolveRunOptions('optimize', undefined, { decades: '0' }), /decades must be in \(0, 30\], got "0"/);
});

test('the run-option schema is consistent: one flag and symbol per key, defaults in range, choices as the library names them', () => {
  const seen = new Map<string, RunOptionSpec>();
  for (const c of RUN_COMMANDS) {
    const keys = RUN_OPTION_SPECS[c].map((s) => s.key);
    assert.equal(new Set(keys).size, keys.length, `${c}: duplicate keys`);
    for (const s of RUN_OPTION_SPECS[c]) {
      const first = seen.get(s.key) ?? s;
      seen.set(s.key, first);
      assert.equal(s.flag, first.flag, `${s.key}: flag`);
      assert.equal(s.symbol, first.symbol, `${s.key}: symbol`);
      assert.equal(anyRunOptionSpec(s.key)?.flag, s.flag);
      // A key shared with the model parameters (comm's pc list) keeps the parameter's flag and symbol.
      const param = PARAM_SPECS.find((p) => p.key === s.key);
      if (param) assert.deepEqual([s.flag, s.symbol], [param.flag, param.symbol], s.key);
      else assert.ok(!PARAM_SPECS.some((p) => p.flag === s.flag), `${c} ${s.key}: flag --${s.flag} is a model parameter's`);
      const d = typeof s.default === 'function' ? s.default({ cores: 2, values: { trials: 100000, L: [1, 2, 20] } }) : s.default;
      if (d === undefined) continue;
      if (s.kind === 'integer' || s.kind === 'number') assert.equal(checkNumber(d, s), d, `${c} ${s.key}`);
      if (s.kind === 'integerList' || s.kind === 'numberList') assert.deepEqual(parseList(d, s), d, `${c} ${s.key}`);
      if (s.kind === 'enum') assert.ok(s.values.includes(d as string), `${c} ${s.key}`);
    }
  }
  assert.deepEqual([...GAIN_MODEL_NAMES], [...GAIN_MODELS]);
  assert.deepEqual([...RATE_MODEL_NAMES], [...RATE_MODELS]);
  assert.deepEqual([...CRLB_MODEL_NAMES], [...CRLB_MODELS]);
  assert.equal(DEFAULT_DISC_BS_RUN, DEFAULT_DISC_BS);
  assert.deepEqual([...ACCEPTANCE_MODELS], [...(CHOICE_SPECS.find((c) => c.key === 'acceptance')?.values ?? [])]);
});

test('the queue URL is a run option of sensing, comm and worker (checked in full by parseQueueUrl)', () => {
  assert.equal(resolveRunOptions('worker', undefined, { queue: ' redis://h:6379/0 ' }, { cores: 3 }).queue, 'redis://h:6379/0');
  assert.equal(resolveRunOptions('worker', undefined, {}, { cores: 3 }).threads, 3);
  assert.equal(resolveRunOptions('sensing', cfg({ queue: 'redis://h/1' })).queue, 'redis://h/1');
  assert.equal(resolveRunOptions('comm', undefined, {}).queue, undefined);
  assert.throws(() => resolveRunOptions('worker', undefined, { queue: '' }), (e: unknown) => e instanceof ArgumentError && e.argument === 'queue');
  assert.throws(() => resolveRunOptions('comm', cfg({ queue: 6379 })), (e: unknown) => e instanceof ConfigError && e.argument === 'queue');
});
