/**
 * Argument checks of the library. Every check throws an `ArgumentError` (a `RangeError`) that names
 * the argument in the library's own vocabulary (`psi`, `N`, `trials`), its value and the allowed
 * range: `psi must be an integer in [1, 10000], got 0`. The shells translate `argument` to their
 * own words (the CLI to `--psi`, the web app to a form field); the library never mentions flags.
 *
 * @example
 * checkInteger('psi', 15, 1, 1e4); // => 15
 * describeAllowed({ min: 0, max: 1 }); // => "in [0, 1]"
 * describeAllowed({ min: 2, max: 8, minExclusive: true }); // => "in (2, 8]"
 */

/** Allowed range of a number. */
export interface AllowedRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  unit?: string;
}

/**
 * Extra structure of an ArgumentError for the shells: the numeric range that was checked (so the CLI
 * can print its own "allowed range is …" form) or the allowed string values.
 */
export interface ArgumentInfo {
  range?: AllowedRange;
  values?: readonly string[];
}

/** How a shell names an argument (`psi` → `--psi` in the CLI, `ψ` in the web app). */
export type NameOf = (argument: string) => string;

const REF = /\{@([A-Za-z_$][\w$.[\]]*)\}/g;

/**
 * `text` with every reference `{@name}` to another argument replaced by `nameOf(name)` (default: the name itself).
 *
 * Formula: not in the paper (message text).
 * Method: one regular-expression replace of `{@name}`.
 * Accuracy: exact (string substitution); test/math/argumentError.test.ts checks references in messages.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { renderRefs } from 'isacnet/math';
 * renderRefs('2 when {@crlbModel} is "eq16"'); // => '2 when crlbModel is "eq16"'
 * renderRefs('≤ {@maxN}', (a) => `--${a}`); // => "≤ --maxN"
 */
export function renderRefs(text: string, nameOf: NameOf = (a) => a): string {
  return text.replace(REF, (_m, name: string) => nameOf(name));
}

/**
 * The error of an invalid library argument: a `RangeError` naming the argument, the value and the
 * allowed range in the library's own words (`psi must be an integer in [1, 10000], got 0`).
 *
 * Formula: not in the paper.
 * Method: a `RangeError` with `name` "ArgumentError" and the fields `argument`, `value`, `allowed`.
 * Accuracy: not applicable; test/parallel/kernel.test.ts checks the kernels' messages.
 * References: src/math/argumentError.ts (module comment).
 *
 * @example
 * import { ArgumentError, crlbNestedJob } from 'isacnet';
 * let caught: unknown;
 * try { crlbNestedJob([0], 2, 10, 1); } catch (err) { caught = err; }
 * caught instanceof ArgumentError; // => true
 * (caught as ArgumentError).argument; // => "Ns[0]"
 */
export class ArgumentError extends RangeError {
  /** What is allowed, with references to other arguments in the library's names. */
  readonly allowed: string;
  /** Extra sentence (what to change), in the library's names; undefined when none. */
  readonly detail?: string;
  /** The numeric range that was checked, when the check was a range check. */
  readonly range?: AllowedRange;
  /** The allowed values, when the check was a choice among names. */
  readonly values?: readonly string[];
  private readonly allowedText: string;
  private readonly detailText?: string;

  /**
   * @param argument the argument's name as the library calls it (`psi`, `Ns[2]`, `args.beta`)
   * @param value the offending value
   * @param allowed what is allowed, as a phrase that follows "must be" (`an integer in [1, ∞)`)
   * @param detail optional extra sentence (what to change)
   * @param info the checked range or the allowed values (for the shells' own wording)
   *
   * `allowed` and `detail` may name other arguments as `{@name}` (`2 when {@crlbModel} is "eq16"`):
   * the message names them plainly, and `allowedWith`/`detailWith` let a shell use its own words.
   */
  constructor(
    readonly argument: string,
    readonly value: unknown,
    allowed: string,
    detail?: string,
    info: ArgumentInfo = {},
  ) {
    const a = renderRefs(allowed);
    const d = detail === undefined ? undefined : renderRefs(detail);
    super(`${argument} must be ${a}, got ${formatValue(value)}${d ? `; ${d}` : ''}`);
    this.name = 'ArgumentError';
    this.allowed = a;
    this.detail = d;
    this.allowedText = allowed;
    this.detailText = detail;
    if (info.range) this.range = info.range;
    if (info.values) this.values = info.values;
  }

  /** `allowed` with the other arguments it mentions named by `nameOf`. */
  allowedWith(nameOf: NameOf): string {
    return renderRefs(this.allowedText, nameOf);
  }

  /** `detail` with the other arguments it mentions named by `nameOf` (undefined when none). */
  detailWith(nameOf: NameOf): string | undefined {
    return this.detailText === undefined ? undefined : renderRefs(this.detailText, nameOf);
  }
}

/**
 * An argument (a key of an options object, a config key) that the library does not know.
 *
 * Formula: not in the paper.
 * Method: an `ArgumentError` with `name` "UnknownArgumentError", the known names in `known` and the
 * message `unknown <what> "<name>" (known: …)`.
 * Accuracy: not applicable; test/math/argumentError.test.ts checks the message and fields.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { UnknownArgumentError, ArgumentError } from 'isacnet/math';
 * const err = new UnknownArgumentError('lamdaB', 1, ['lambdaB', 'psi']);
 * err.message; // => 'unknown parameter "lamdaB" (known: lambdaB, psi)'
 * err instanceof ArgumentError; // => true
 */
export class UnknownArgumentError extends ArgumentError {
  /**
   * @param argument the unknown name
   * @param value its value
   * @param known the names that are known
   * @param what what the names are (`parameter`, `run option`)
   */
  constructor(
    argument: string,
    value: unknown,
    readonly known: readonly string[],
    readonly what = 'parameter',
  ) {
    super(argument, value, `a known ${what}`, `known: ${known.join(', ')}`);
    this.name = 'UnknownArgumentError';
    this.message = `unknown ${what} ${JSON.stringify(argument)} (known: ${known.join(', ')})`;
  }
}

/**
 * A value as it appears in messages: numbers and finite values plainly, others as JSON.
 *
 * Formula: not in the paper (message text).
 * Method: `String` for numbers (NaN as "NaN"), JSON for strings and objects, "nothing" for undefined.
 * Accuracy: exact (formatting); the messages are checked in test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { formatValue } from 'isacnet/math';
 * formatValue(2.5); // => "2.5"
 * formatValue('x'); // => '"x"'
 * formatValue(undefined); // => "nothing"
 * formatValue([1, 2]); // => "[1,2]"
 */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * "in [a, b]" / "an integer in [a, ∞)" for a range (∞ for max ≥ 1e300).
 *
 * Formula: not in the paper (message text).
 * Method: interval notation with open or closed brackets, ±∞ for bounds beyond ±1e300, and the unit.
 * Accuracy: exact (formatting); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { describeAllowed } from 'isacnet/math';
 * describeAllowed({ min: 1, max: Infinity, integer: true }); // => "an integer in [1, ∞)"
 * describeAllowed({ min: 0, max: 1, maxExclusive: true }); // => "in [0, 1)"
 */
export function describeAllowed(r: AllowedRange): string {
  const lo = `${r.minExclusive ? '(' : '['}${r.min === -Infinity || r.min <= -1e300 ? '−∞' : r.min}`;
  const hi = r.max === Infinity || r.max >= 1e300 ? '∞)' : `${r.max}${r.maxExclusive ? ')' : ']'}`;
  return `${r.integer ? 'an integer in' : 'in'} ${lo}, ${hi}${r.unit ? ` ${r.unit}` : ''}`;
}

/**
 * True when `v` is a finite number inside `r`.
 *
 * Formula: not in the paper.
 * Method: comparisons against the (open or closed) bounds and, for integer ranges, `Number.isInteger`.
 * Accuracy: exact (comparisons); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { inRange } from 'isacnet/math';
 * inRange(0.5, { min: 0, max: 1 }); // => true
 * inRange(1, { min: 0, max: 1, maxExclusive: true }); // => false
 * inRange(NaN, { min: -Infinity, max: Infinity }); // => false
 */
export function inRange(v: unknown, r: AllowedRange): v is number {
  return (
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (r.minExclusive ? v > r.min : v >= r.min) &&
    (r.maxExclusive ? v < r.max : v <= r.max) &&
    (!r.integer || Number.isInteger(v))
  );
}

/**
 * `v` if it is a number inside `r`, else an ArgumentError naming `argument`.
 *
 * Formula: not in the paper.
 * Method: `inRange`, then an `ArgumentError` whose `allowed` is `describeAllowed(r)` and `range` is `r`.
 * Accuracy: exact (comparisons); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { checkRange } from 'isacnet/math';
 * checkRange('pc', 0.25, { min: 0, max: 1 }); // => 0.25
 * let msg = '';
 * try { checkRange('pc', 2, { min: 0, max: 1 }); } catch (err) { msg = (err as Error).message; }
 * msg; // => "pc must be in [0, 1], got 2"
 */
export function checkRange(argument: string, v: unknown, r: AllowedRange): number {
  if (!inRange(v, r)) throw new ArgumentError(argument, v, describeAllowed(r), undefined, { range: r });
  return v;
}

/**
 * An integer in [min, max] (else an ArgumentError).
 *
 * Formula: not in the paper.
 * Method: `checkRange` with an integer range.
 * Accuracy: exact (comparisons); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { checkInteger } from 'isacnet/math';
 * checkInteger('N', 10, 1); // => 10
 * let msg = '';
 * try { checkInteger('N', 2.5, 1); } catch (err) { msg = (err as Error).message; }
 * msg; // => "N must be an integer in [1, ∞), got 2.5"
 */
export function checkInteger(argument: string, v: unknown, min: number, max = Infinity): number {
  return checkRange(argument, v, { min, max, integer: true });
}

/**
 * A finite number in [min, max] (bounds open where asked; else an ArgumentError).
 *
 * Formula: not in the paper.
 * Method: `checkRange` with the given bounds.
 * Accuracy: exact (comparisons); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { checkReal } from 'isacnet/math';
 * checkReal('pc', 0.2, 0, 1, { maxExclusive: true }); // => 0.2
 * let msg = '';
 * try { checkReal('pc', 1, 0, 1, { maxExclusive: true }); } catch (err) { msg = (err as Error).message; }
 * msg; // => "pc must be in [0, 1), got 1"
 */
export function checkReal(argument: string, v: unknown, min: number, max: number, open: { minExclusive?: boolean; maxExclusive?: boolean } = {}): number {
  return checkRange(argument, v, { min, max, ...open });
}

/**
 * One of the allowed string values (else an ArgumentError with `values`).
 *
 * Formula: not in the paper.
 * Method: `Array.prototype.includes` on the allowed values.
 * Accuracy: exact (string comparison); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { checkOneOf } from 'isacnet/math';
 * checkOneOf('model', 'exact', ['exact', 'theorem2']); // => "exact"
 * let msg = '';
 * try { checkOneOf('model', 'exakt', ['exact', 'theorem2']); } catch (err) { msg = (err as Error).message; }
 * msg; // => 'model must be one of exact, theorem2, got "exakt"'
 */
export function checkOneOf<T extends string>(argument: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new ArgumentError(argument, v, `one of ${allowed.join(', ')}`, undefined, { values: allowed });
  return v as T;
}

/**
 * A non-empty array of integers in [min, max], strictly ascending (else an ArgumentError).
 *
 * Formula: not in the paper.
 * Method: `checkInteger` on each element (named `argument[i]`), then the order.
 * Accuracy: exact (comparisons); test/math/argumentError.test.ts.
 * References: src/math/argumentError.ts (module comment); test/math/argumentError.test.ts.
 *
 * @example
 * import { checkAscendingIntegers } from 'isacnet/math';
 * checkAscendingIntegers('Ns', [2, 5, 10], 1); // => [2, 5, 10]
 * let msg = '';
 * try { checkAscendingIntegers('Ns', [5, 2], 1); } catch (err) { msg = (err as Error).message; }
 * msg; // => "Ns must be strictly ascending, got [5,2]"
 */
export function checkAscendingIntegers(argument: string, v: unknown, min: number, max = Infinity): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new ArgumentError(argument, v, `a non-empty array of ascending integers in [${min}, ${max === Infinity ? '∞)' : `${max}]`}`);
  for (let i = 0; i < v.length; i++) {
    checkInteger(`${argument}[${i}]`, v[i], min, max);
    if (i > 0 && v[i] <= v[i - 1]) throw new ArgumentError(argument, v, 'strictly ascending');
  }
  return v as number[];
}
