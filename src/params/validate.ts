/**
 * Validation of parameters against the schema. Every error names the parameter (its CLI flag and
 * symbol), the offending value and the allowed range, so the CLI can print it verbatim and exit ≠ 0.
 */
import { PARAM_KEYS, PARAM_SPECS, ZETA2_SPEC, defaultParams, type ParamKey, type ParamSpec, type Params } from './schema.ts';

/**
 * The error of an invalid parameter: its message names the parameter, the offending value and the
 * allowed range (the CLI prints it and exits with status 2).
 *
 * Formula: not in the paper.
 * Method: an `Error` with `name` "ParamError".
 * Accuracy: not applicable; test/params/schema.test.ts checks the messages.
 * References: docs/parameters.md (allowed ranges).
 *
 * @example
 * import { ParamError, resolveParams } from 'isacnet';
 * let caught: unknown;
 * try { resolveParams({ psi: 0 }); } catch (err) { caught = err; }
 * caught instanceof ParamError; // => true
 */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

export interface RangeSpec {
  flag: string;
  symbol?: string;
  unit?: string;
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

export function describeRange(r: RangeSpec): string {
  const lo = `${r.minExclusive ? '(' : '['}${r.min}`;
  const hi = `${r.max === Infinity || r.max >= 1e300 ? '∞)' : `${r.max}${r.maxExclusive ? ')' : ']'}`}`;
  return `${r.integer ? 'an integer in ' : ''}${lo}, ${hi}${r.unit ? ` ${r.unit}` : ''}`;
}

/** Check one number against a range; throws ParamError naming flag, value and range. */
export function checkNumber(value: unknown, r: RangeSpec): number {
  const name = `--${r.flag}${r.symbol ? ` (${r.symbol})` : ''}`;
  const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (r.minExclusive ? v > r.min : v >= r.min) &&
    (r.maxExclusive ? v < r.max : v <= r.max) &&
    (!r.integer || Number.isInteger(v));
  if (!ok) {
    throw new ParamError(`${name}: invalid value ${JSON.stringify(value)}; allowed range is ${describeRange(r)}`);
  }
  return v as number;
}

/** Parse "1,2,5" or "1-5" or "1:2:9" (start:step:end) into a list of numbers, each range-checked. */
export function parseList(value: unknown, r: RangeSpec): number[] {
  const items: unknown[] = Array.isArray(value) ? value : String(value).split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const item of items) {
    if (typeof item === 'string' && /^\d+-\d+$/.test(item)) {
      const [a, b] = item.split('-').map(Number);
      if (b < a) throw new ParamError(`--${r.flag}: invalid range ${JSON.stringify(item)} (end before start)`);
      for (let k = a; k <= b; k++) out.push(checkNumber(k, r));
    } else if (typeof item === 'string' && /^[^:]+:[^:]+:[^:]+$/.test(item)) {
      const [a, s, b] = item.split(':').map(Number);
      if (!(s > 0) || !(b >= a)) throw new ParamError(`--${r.flag}: invalid range ${JSON.stringify(item)}; use start:step:end with step > 0`);
      for (let k = 0; a + k * s <= b + 1e-12; k++) out.push(checkNumber(Number((a + k * s).toPrecision(12)), r));
    } else {
      out.push(checkNumber(item, r));
    }
  }
  if (out.length === 0) throw new ParamError(`--${r.flag}: empty list`);
  return out;
}

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
        throw new ParamError(`unknown parameter "${k}" (known: ${[...PARAM_KEYS, 'zeta2'].join(', ')})`);
      }
      const spec = PARAM_SPECS.find((s) => s.key === k) as ParamSpec;
      out[k as ParamKey] = checkNumber(v, spec);
    }
  }
  return out;
}
