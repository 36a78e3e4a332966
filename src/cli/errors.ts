/**
 * The CLI's words for the library's errors. The library names arguments as it calls them (`psi`,
 * `Ns[2]`, `maxL`); this module maps each name to its flag (model parameters through the schema's
 * key → flag, run options through the run-option schema, list elements and plural names to the
 * list's flag: `Ns[2]` → `--N`) and prints the CLI's message form:
 *
 *   --psi (ψ): invalid value 0; allowed range is an integer in [1, 10000]
 *
 * Every ArgumentError (and ParamError, commander's usage errors) exits 2; anything else exits 1.
 */
import { ArgumentError, UnknownArgumentError, formatValue } from '../math/argumentError.ts';
import { InfeasibleBackhaulError } from '../optimize/model.ts';
import { ConfigError, anyRunOptionSpec } from '../params/runOptions.ts';
import { PARAM_SPECS, ZETA2_SPEC } from '../params/schema.ts';
import { ParamError, describeRange } from '../params/validate.ts';

/** Library names that are not the key of the option they come from. */
const ALIASES: Readonly<Record<string, string>> = { Ns: 'N', Ls: 'L', pcs: 'pc', psis: 'psi', coverageThresholds: 'coverage', w: 'weight' };

/** The flag (without dashes) and symbol of a library argument name, if the CLI has one. */
export function flagOf(argument: string): { flag: string; symbol?: string } | undefined {
  const base = argument.replace(/^args\./, '').replace(/(\[\d+\])+$/, '');
  const key = ALIASES[base] ?? base;
  const p = PARAM_SPECS.find((s) => s.key === key);
  if (p) return { flag: p.flag, symbol: p.symbol };
  if (key === ZETA2_SPEC.key) return { flag: ZETA2_SPEC.flag, symbol: ZETA2_SPEC.symbol };
  const r = anyRunOptionSpec(key);
  if (r) return r.symbol ? { flag: r.flag, symbol: r.symbol } : { flag: r.flag };
  return undefined;
}

/** `--flag (symbol)` of an argument, or the argument itself when no flag sets it. */
export function flagLabel(argument: string): string {
  const f = flagOf(argument);
  return f ? `--${f.flag}${f.symbol ? ` (${f.symbol})` : ''}` : argument;
}

/** `--flag` of an argument mentioned inside a message. */
function flagRef(argument: string): string {
  const f = flagOf(argument);
  return f ? `--${f.flag}` : argument;
}

/** The CLI message of an ArgumentError. */
export function argumentMessage(e: ArgumentError): string {
  if (e instanceof ConfigError) return `--config ${e.message}`;
  if (e instanceof UnknownArgumentError) return e.message;
  if (e instanceof InfeasibleBackhaulError) {
    return `${flagLabel('backhaul')}: infeasible value ${e.backhaul} nats/s/Hz with ${flagRef('e')} ${e.e}: ${e.need}; ${e.requirement} (Eq. 10: R_c + e·N ≤ C_backhaul)`;
  }
  if (!flagOf(e.argument)) return e.message;
  const head = `${flagLabel(e.argument)}: invalid value ${formatValue(e.value)}`;
  const detail = e.detailWith(flagRef);
  const tail = detail ? `; ${detail}` : '';
  if (e.range) return `${head}; allowed range is ${describeRange(e.range)}${tail}`;
  if (e.values) return `${head}; allowed values are ${e.values.join(', ')}${tail}`;
  return `${head}; must be ${e.allowedWith(flagRef)}${tail}`;
}

/** The message and exit code of any error that reaches the CLI's top level. */
export function cliError(e: unknown): { message: string | null; code: number } {
  if (e instanceof ArgumentError) return { message: argumentMessage(e), code: 2 };
  if (e instanceof ParamError) return { message: e.message, code: 2 };
  const err = e as { code?: string; message?: string };
  // commander already printed its message; usage errors (unknown option, missing value) exit 2.
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) return { message: null, code: 2 };
  return { message: err?.message ?? String(e), code: 1 };
}
