import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError, UnknownArgumentError, checkInteger } from '../../src/math/argumentError.ts';
import { argumentMessage, cliError, flagLabel, flagOf } from '../../src/cli/errors.ts';
import { kappaSLemma1 } from '../../src/sensing/acceptance.ts';
import { crlbProp1Normalized } from '../../src/sensing/closedForms.ts';
import { eq16CrlbModel, fullSensingPowerParams } from '../../src/optimize/models.ts';
import { InfeasibleBackhaulError } from '../../src/optimize/model.ts';
import { defaultParams } from '../../src/params/schema.ts';
import { ConfigError, resolveRunOptions } from '../../src/params/runOptions.ts';
import { ParamError, resolveParams } from '../../src/params/validate.ts';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('did not throw');
}

test('library argument names map to flags: schema keys, run-option keys, list elements and plural names', () => {
  assert.deepEqual(flagOf('psi'), { flag: 'psi', symbol: 'ψ' });
  assert.deepEqual(flagOf('lambdaB'), { flag: 'lambda-b', symbol: 'λ_b' });
  assert.deepEqual(flagOf('ptW'), { flag: 'pt', symbol: 'P_t' });
  assert.deepEqual(flagOf('zeta2'), { flag: 'zeta2', symbol: '|ζ|²' });
  assert.deepEqual(flagOf('Ns[2]'), { flag: 'N', symbol: 'N' });
  assert.deepEqual(flagOf('N'), { flag: 'N', symbol: 'N' });
  assert.deepEqual(flagOf('psis[0]'), { flag: 'psi', symbol: 'ψ' });
  assert.deepEqual(flagOf('args.beta'), { flag: 'beta', symbol: 'β' });
  assert.deepEqual(flagOf('maxL'), { flag: 'max-L' });
  assert.deepEqual(flagOf('samplesPerWindow'), { flag: 'samples-per-window' });
  assert.deepEqual(flagOf('discBs'), { flag: 'disc-bs' });
  assert.deepEqual(flagOf('w'), { flag: 'weight', symbol: 'w' });
  assert.equal(flagOf('muC'), undefined);
  assert.equal(flagLabel('pc'), '--pc (p^c)');
  assert.equal(flagLabel('trials'), '--trials');
  assert.equal(flagLabel('kappaC'), 'kappaC');
});

test('the CLI prints library errors in its own form: flag, symbol, value, range', () => {
  assert.equal(argumentMessage(thrown(() => kappaSLemma1(0, 1, 5)) as ArgumentError), '--psi (ψ): invalid value 0; allowed range is an integer in [1, ∞)');
  assert.equal(argumentMessage(thrown(() => crlbProp1Normalized(0, 2)) as ArgumentError), '--N (N): invalid value 0; allowed range is an integer in [1, ∞)');
  assert.equal(argumentMessage(thrown(() => resolveParams({ psi: '0' })) as ArgumentError), '--psi (ψ): invalid value "0"; allowed range is an integer in [1, 10000] resource blocks');
  assert.equal(argumentMessage(thrown(() => checkInteger('Ns[1]', 0, 1, 100000)) as ArgumentError), '--N (N): invalid value 0; allowed range is an integer in [1, 100000]');
  assert.equal(argumentMessage(thrown(() => resolveRunOptions('optimize', undefined, { rateModel: 'bogus' })) as ArgumentError), '--rate-model: invalid value "bogus"; allowed values are exact, thm2');
  // References to other arguments become flags too.
  assert.equal(
    argumentMessage(thrown(() => eq16CrlbModel({ ...defaultParams(), beta: 3 })) as ArgumentError),
    '--beta (β): invalid value 3; must be 2 when --crlb-model is "eq16" (Eq. (16) is derived for β = 2); use --crlb-model "mc" for other β',
  );
  assert.match(argumentMessage(thrown(() => fullSensingPowerParams({ ...defaultParams(), pc: 1, zeta2: 5 })) as ArgumentError), /^--pc \(p\^c\): invalid value 1; must be < 1 when --zeta2 is given; the --zeta2 override/);
  assert.equal(
    argumentMessage(new InfeasibleBackhaulError(0.3, 0.2, 2, 'eq16')),
    '--backhaul (C_backhaul): infeasible value 0.3 nats/s/Hz with --e 0.2: the smallest localizing sensing cluster (N = 2 with CRLB model "eq16") needs e·N = 0.4000 nats/s/Hz; allowed range is C_backhaul ≥ 0.4000 (Eq. 10: R_c + e·N ≤ C_backhaul)',
  );
  // No flag for it: the library's own message.
  assert.equal(argumentMessage(new ArgumentError('kappaC', 2, 'in [0, 1]')), 'kappaC must be in [0, 1], got 2');
  assert.equal(argumentMessage(new UnknownArgumentError('psy', 1, ['psi'])), 'unknown parameter "psy" (known: psi)');
  // Config-file errors name the file and the key as written in the file.
  const ce = thrown(() => resolveRunOptions('optimize', { file: 'c.json', values: { seed: '5' } })) as ConfigError;
  assert.equal(argumentMessage(ce), '--config c.json: seed must be a JSON number, an integer in [0, 9007199254740991], got "5"');
});

test('exit codes: 2 for ArgumentError, ParamError and usage errors, 1 otherwise', () => {
  assert.equal(cliError(new ArgumentError('psi', 0, 'an integer ≥ 1')).code, 2);
  assert.equal(cliError(new InfeasibleBackhaulError(0.3, 0.2, 2, 'eq16')).code, 2);
  assert.deepEqual(cliError(new ParamError('--config: cannot read "x"')), { message: '--config: cannot read "x"', code: 2 });
  assert.deepEqual(cliError(Object.assign(new Error('unknown option'), { code: 'commander.unknownOption' })), { message: null, code: 2 });
  assert.deepEqual(cliError(new Error('2 figure(s) failed')), { message: '2 figure(s) failed', code: 1 });
  assert.deepEqual(cliError(new RangeError('kNearest: enlarge the window')), { message: 'kNearest: enlarge the window', code: 1 });
});
