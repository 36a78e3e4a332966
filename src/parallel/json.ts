/**
 * JSON values for tasks and job keys: `toJsonValue` (checked conversion) and `canonicalJson` (sorted
 * keys, the text a cache or queue key is built from). Domain-free; no dependency, so the job cache
 * can use it without loading the queue engine (src/parallel/taskQueue.ts re-exports both).
 */
import { ArgumentError } from '../math/argumentError.ts';

/** JSON values: what a task's payload and result may hold (finite numbers only). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * `value` as a JSON value, or an ArgumentError naming the offending path (non-finite numbers,
 * functions, typed arrays and other non-plain objects do not survive JSON and are refused rather
 * than silently changed; object properties that are undefined are dropped, as JSON.stringify does).
 *
 * Formula: not in the paper.
 * Method: a recursive walk over arrays and plain objects.
 * Accuracy: exact: the returned value is what the queue stores, so a task's result cannot depend on the transport.
 * References: docs/scale-out.md (why results stay bit-identical).
 *
 * @example
 * toJsonValue({ a: [1, 2.5], b: undefined, c: 'x' }); // => { a: [1, 2.5], c: "x" }
 * let msg = '';
 * try { toJsonValue({ a: [1, Infinity] }); } catch (e) { msg = (e as Error).message; }
 * msg; // => "payload.a[1] must be a finite number, a string, a boolean, null, an array or a plain object, got Infinity"
 */
export function toJsonValue(value: unknown, path = 'payload'): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((v, i) => toJsonValue(v, `${path}[${i}]`));
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toJsonValue(v, `${path}.${k}`);
    return out;
  }
  throw new ArgumentError(path, value, 'a finite number, a string, a boolean, null, an array or a plain object');
}

/**
 * Canonical JSON of a JSON value: object keys sorted at every level, no spaces. Two payloads that
 * are equal as JSON give the same text, so a key built from it names the same task everywhere.
 *
 * Formula: not in the paper.
 * Method: `JSON.stringify` with the keys of every plain object sorted (numbers print in the shortest
 * round-trip form of ECMAScript).
 * Accuracy: exact.
 * References: RFC 8785 (JSON canonicalization; the same key order and number form).
 *
 * @example
 * canonicalJson({ b: 1, a: { d: [2, 3], c: null } }); // => '{"a":{"c":null,"d":[2,3]},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const v = toJsonValue(value, 'value');
  const sort = (x: JsonValue): JsonValue => {
    if (Array.isArray(x)) return x.map(sort);
    if (x !== null && typeof x === 'object') {
      const out: { [key: string]: JsonValue } = {};
      for (const k of Object.keys(x).sort()) out[k] = sort(x[k]);
      return out;
    }
    return x;
  };
  return JSON.stringify(sort(v));
}
