/**
 * Validation of parameters against the schema. Every error is an `ArgumentError` naming the
 * parameter by its key (`lambdaB`), the offending value and the allowed range; the shells add flags.
 */
import { ArgumentError, UnknownArgumentError, describeAllowed, type AllowedRange } from '../math/argumentError.ts';
import { PARAM_KEYS, PARAM_SPECS, ZETA2_SPEC, defaultParams, type ParamKey, type ParamSpec, type Params } from './schema.ts';
import { crlbScaleM2, zeta2M2, zeta2PerWatt } from './derived.ts';

/**
 * An input error whose message a shell writes itself (the CLI's and the web app's own checks, such
 * as an unknown figure name); the CLI prints it and exits with status 2. Library arguments throw
 * `ArgumentError` instead (`resolveParams({ psi: 0 })` names `psi`).
 *
 * Formula: not in the paper.
 * Method: an `Error` with `name` "ParamError".
 * Accuracy: not applicable; test/cli/errors.test.ts checks the exit codes.
 * References: docs/parameters.md (allowed ranges).
 *
 * @example
 * import { ParamError } from 'isacnet';
 * new ParamError('--only: unknown figure "fig9"').name; // => "ParamError"
 */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

export interface RangeSpec {
  /** Name of the value in errors (the library's name); the flag when absent. */
  key?: string;
  flag: string;
  symbol?: string;
  unit?: string;
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /** Why values below `min` are refused (appended to the error of such a value). */
  belowMinReason?: string;
}

/**
 * A range as docs/parameters.md and the help print it: "[0, 1)", "an integer in [1, ∞)" (∞ for
 * max ≥ 1e300), with the unit.
 *
 * Formula: not in the paper (table text).
 * Method: interval notation from the bounds; unlike `describeAllowed` (isacnet/math) no leading "in".
 * Accuracy: exact (formatting); test/params/schema.test.ts checks the generated docs/parameters.md.
 * References: docs/parameters.md; src/params/docs.ts.
 *
 * @example
 * import { describeRange } from 'isacnet/params';
 * describeRange({ min: 1, max: Infinity, integer: true }); // => "an integer in [1, ∞)"
 * describeRange({ min: 0, max: 1, maxExclusive: true, unit: 'W' }); // => "[0, 1) W"
 */
export function describeRange(r: AllowedRange): string {
  const lo = `${r.minExclusive ? '(' : '['}${r.min}`;
  const hi = `${r.max === Infinity || r.max >= 1e300 ? '∞)' : `${r.max}${r.maxExclusive ? ')' : ']'}`}`;
  return `${r.integer ? 'an integer in ' : ''}${lo}, ${hi}${r.unit ? ` ${r.unit}` : ''}`;
}

/**
 * Check one number (or numeric string) against a range; throws an ArgumentError naming `key`, the value and the range.
 *
 * Formula: not in the paper (parameter ranges of docs/parameters.md).
 * Method: a non-blank string is read with `Number`, then compared with the (open or closed) bounds and,
 * for integer ranges, `Number.isInteger`.
 * Accuracy: exact (comparisons); test/params/schema.test.ts checks ranges and messages.
 * References: docs/parameters.md; src/math/argumentError.ts.
 *
 * @example
 * import { checkNumber } from 'isacnet/params';
 * checkNumber('0.3', { key: 'pc', flag: 'pc', min: 0, max: 1 }); // => 0.3
 * let msg = '';
 * try { checkNumber(2, { key: 'pc', flag: 'pc', min: 0, max: 1, maxExclusive: true }); } catch (err) { msg = (err as Error).message; }
 * msg; // => "pc must be in [0, 1), got 2"
 */
export function checkNumber(value: unknown, r: RangeSpec): number {
  const text = typeof value === 'string' ? value.trim() : undefined;
  // Strings: plain decimal syntax only (`Number('0x10')` is 16, `Number('')` is 0: both refused).
  const v = text !== undefined ? (DECIMAL.test(text) ? Number(text) : NaN) : value;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (v === 0 || Math.abs(v) >= MIN_NORMAL) &&
    (r.minExclusive ? v > r.min : v >= r.min) &&
    (r.maxExclusive ? v < r.max : v <= r.max) &&
    (!r.integer || Number.isInteger(v));
  if (!ok) {
    const range = allowedRangeOf(r);
    const below = r.belowMinReason !== undefined && typeof v === 'number' && v < r.min ? r.belowMinReason : undefined;
    const why =
      text !== undefined && !DECIMAL.test(text)
        ? 'not a decimal number'
        : typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v)
          ? 'not finite'
          : typeof v === 'number' && v !== 0 && Math.abs(v) < MIN_NORMAL
            ? 'below the smallest normal double 2.2e-308 (derived values would lose all precision)'
            : below;
    throw new ArgumentError(r.key ?? r.flag, value, describeAllowed(range), why, { range });
  }
  return v as number;
}

/** Decimal number syntax of flag and list values: `12`, `-0.5`, `.5`, `1e-3` (no hex, no `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The smallest positive normal double. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The AllowedRange part of a RangeSpec (bounds, openness, integer flag and unit; no names).
 *
 * Formula: not in the paper.
 * Method: copies the fields that are set.
 * Accuracy: exact; test/params/schema.test.ts (the ranges carried by the errors).
 * References: src/math/argumentError.ts (`AllowedRange`).
 *
 * @example
 * import { allowedRangeOf } from 'isacnet/params';
 * allowedRangeOf({ key: 'psi', flag: 'psi', symbol: 'ψ', min: 1, max: 1e4, integer: true }); // => { min: 1, max: 10000, integer: true }
 */
export function allowedRangeOf(r: RangeSpec): AllowedRange {
  const out: AllowedRange = { min: r.min, max: r.max };
  if (r.minExclusive) out.minExclusive = true;
  if (r.maxExclusive) out.maxExclusive = true;
  if (r.integer) out.integer = true;
  if (r.unit) out.unit = r.unit;
  return out;
}

/** The longest list or range a list option may expand to (a guard against `0:1e-9:1`). */
export const MAX_LIST_LENGTH = 10_000;

/**
 * Parse "1,2,5" or "1-5" (also "1..5") or "1:2:9" (start:step:end) into a list of numbers, each range-checked.
 *
 * Formula: not in the paper (the list flags such as `--N`).
 * Method: split on commas; an item "a-b" or "a..b" expands to the integers a…b, "a:s:b" to a, a + s, … ≤ b
 * (each rounded to 12 significant digits); every number goes through `checkNumber`. An array is
 * checked item by item.
 * Accuracy: exact for integers; start:step:end values are rounded to 12 significant digits.
 * References: docs/parameters.md; test/params/schema.test.ts.
 *
 * @example
 * import { parseList } from 'isacnet/params';
 * parseList('1,2,5', { flag: 'N', min: 1, max: 100, integer: true }); // => [1, 2, 5]
 * parseList('2-5', { flag: 'N', min: 1, max: 100, integer: true }); // => [2, 3, 4, 5]
 * parseList('1..3', { flag: 'L', min: 1, max: 100, integer: true }); // => [1, 2, 3]
 * parseList('0.1:0.2:0.9', { flag: 'pc', min: 0, max: 1 }); // => [0.1, 0.3, 0.5, 0.7, 0.9]
 */
export function parseList(value: unknown, r: RangeSpec): number[] {
  const items: unknown[] = Array.isArray(value) ? value : String(value).split(',').map((s) => s.trim());
  const out: number[] = [];
  const name = r.key ?? r.flag;
  const room = (n: number, item: unknown): void => {
    if (out.length + n > MAX_LIST_LENGTH) throw new ArgumentError(name, item, `a list of at most ${MAX_LIST_LENGTH} values (this one would hold ${out.length + n})`);
  };
  if (items.length > MAX_LIST_LENGTH) room(items.length, value);
  for (const item of items) {
    if (typeof item === 'string' && /^\d+(-|\.\.)\d+$/.test(item)) {
      const [a, b] = item.split(/-|\.\./).map(Number);
      if (b < a) throw new ArgumentError(r.key ?? r.flag, item, 'a range start-end with end ≥ start');
      room(b - a + 1, item);
      for (let k = a; k <= b; k++) out.push(checkNumber(k, r));
    } else if (typeof item === 'string' && /^[^:]+:[^:]+:[^:]+$/.test(item)) {
      const [a, s, b] = item.split(':').map(Number);
      if (!(s > 0) || !(b >= a)) throw new ArgumentError(r.key ?? r.flag, item, 'a range start:step:end with step > 0 and end ≥ start');
      room(Math.floor((b - a) / s + 1e-9) + 1, item);
      for (let k = 0; a + k * s <= b + 1e-12; k++) out.push(checkNumber(Number((a + k * s).toPrecision(12)), r));
    } else {
      room(1, item);
      out.push(checkNumber(item, r));
    }
  }
  if (out.length === 0) throw new ArgumentError(r.key ?? r.flag, value, 'a non-empty list');
  return out;
}

/**
 * The range of a parameter's schema entry (a `ParamSpec` is a `RangeSpec`).
 *
 * Formula: not in the paper (ranges of docs/parameters.md).
 * Method: returns the spec itself, typed as its range.
 * Accuracy: exact.
 * References: src/params/schema.ts; docs/parameters.md.
 *
 * @example
 * import { rangeOf, specByFlag } from 'isacnet/params';
 * rangeOf(specByFlag('psi')!).max; // => 10000
 */
export function rangeOf(spec: ParamSpec): RangeSpec {
  return spec;
}

/**
 * Merge defaults ← config object ← overrides (each a partial map keyed by camelCase key) and
 * validate every value. Unknown keys are errors.
 *
 * Formula: not in the paper (the defaults are Section V of arXiv:2403.20228 plus the toolkit's).
 * Method: start from `defaultParams()`, apply the layers left to right (later wins, `undefined`
 * skipped), check each value against its schema range (numeric strings are accepted), `zeta2: null`
 * restores the derived |ζ|².
 * Accuracy: exact; test/params/schema.test.ts checks ranges and messages.
 * References: docs/parameters.md.
 *
 * @example
 * import { resolveParams } from 'isacnet';
 * resolveParams().psi; // => 15
 * resolveParams({ lambdaS: 2, psi: 10 }, { lambdaS: 0.5 }).lambdaS; // => 0.5
 * resolveParams({ pc: '0.3' }).pc; // => 0.3
 */
export function resolveParams(...layers: Array<Record<string, unknown> | undefined>): Params {
  const out = defaultParams();
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      if (k === 'zeta2') {
        out.zeta2 = v === null ? null : checkNumber(v, ZETA2_SPEC);
        continue;
      }
      if (!(PARAM_KEYS as readonly string[]).includes(k)) {
        throw new UnknownArgumentError(k, v, [...PARAM_KEYS, 'zeta2'], 'parameter');
      }
      const spec = PARAM_SPECS.find((s) => s.key === k) as ParamSpec;
      out[k as ParamKey] = checkNumber(v, spec);
    }
  }
  checkDerived(out, new Set(layers.flatMap((l) => (l ? Object.keys(l).filter((k) => l[k] !== undefined) : []))));
  return out;
}

/** Parameters entering |ζ|² (Eq. 5) when it is derived, most often the culprit first. */
const ZETA2_INPUTS: readonly string[] = ['fcHz', 'bandwidthHz', 'noisePowerDb', 'rcsM2', 'gt', 'gr', 'ptW', 'pc'];

/**
 * Values that are each in range can still make a derived quantity overflow or vanish (`fc` = 1e-300
 * makes |ζ|² infinite, `zeta2` = 1e-300 makes the CRLB scale infinite). Throws an ArgumentError on
 * the parameter most likely at fault (one the caller set, else the first input).
 */
function checkDerived(p: Params, given: ReadonlySet<string>): void {
  const blame = (inputs: readonly string[], what: string): never => {
    const key = inputs.find((k) => given.has(k)) ?? inputs[0];
    const spec = key === 'zeta2' ? ZETA2_SPEC : (PARAM_SPECS.find((s) => s.key === key) as ParamSpec);
    const value = key === 'zeta2' ? p.zeta2 : p[key as ParamKey];
    const range = allowedRangeOf(spec);
    throw new ArgumentError(key, value, `${describeAllowed(range)}, and such that the derived values are finite`, what, { range });
  };
  if (!Number.isFinite(p.lambdaU / p.lambdaB) || !Number.isFinite(p.lambdaS / p.lambdaB)) {
    blame(['lambdaB', 'lambdaU', 'lambdaS'], 'the ratios λ_u/λ_b and λ_s/λ_b overflow');
  }
  const zetaInputs = p.zeta2 !== null ? ['zeta2'] : ZETA2_INPUTS;
  const z = zeta2M2(p);
  if (!Number.isFinite(z) || !Number.isFinite(zeta2PerWatt(p))) blame(zetaInputs, `the derived |ζ|² = ${z} m² of Eq. (5) is not finite`);
  if (z > 0) {
    const scale = crlbScaleM2(p);
    if (!(Number.isFinite(scale) && scale > 0)) blame([...zetaInputs, 'lambdaB', 'beta'], `the CRLB scale 1/(|ζ|²(πλ_b)^β) = ${scale} m² overflows`);
  } else if (p.pc < 1 && p.zeta2 === null) {
    blame(zetaInputs, 'the derived |ζ|² of Eq. (5) underflows to 0 although p^s > 0');
  }
}
