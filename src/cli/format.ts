/**
 * Output formats of `sensing`, `comm` and `optimize` (`--format json|csv|jsonl`, `--json` =
 * `--format json`; without either, a readable table):
 * - json: the JSON contract object (with `provenance`);
 * - csv: a header row, then one row per point; nested fields flattened with `_` (`crlb_mc_median`),
 *   a [lo, hi] interval as two columns (`…_ci95_lo`, `…_ci95_hi`), units in the column names
 *   (`_m2`, `_nats_per_s_hz`), missing values empty;
 * - jsonl: a first line `{"provenance": …}`, then one JSON object per point.
 * Non-finite numbers are written as null (JSON) or empty (CSV). In JSON and JSONL every field that is
 * null (or a non-finite number, or an interval of nulls) gets a sibling `<field>Reason` with a
 * machine-readable reason: the command's own (`"singular FIM"`, `"mean does not exist"`, `"too few
 * trials"`, `"not simulated"`), else `"infinite"`, `"not a number"` or `"not available"`.
 */
import { ParamError } from '../params/validate.ts';

export type OutputFormat = 'table' | 'json' | 'csv' | 'jsonl';

/** The unit suffix of a flattened column (path of keys), or '' for none. */
export type UnitOf = (path: readonly string[]) => string;

function flatten(v: unknown, path: string[], out: Map<string, unknown>, unitOf: UnitOf): void {
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' || x === null)) {
    const u = unitOf(path);
    out.set(column([...path, 'lo'], u), v[0]);
    out.set(column([...path, 'hi'], u), v[1]);
    return;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) flatten(x, [...path, k], out, unitOf);
    return;
  }
  out.set(column(path, typeof v === 'number' ? unitOf(path) : ''), Array.isArray(v) ? JSON.stringify(v) : v);
}

function column(path: readonly string[], unit: string): string {
  return unit ? `${path.join('_')}_${unit}` : path.join('_');
}

function cell(v: unknown): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of the points: the union of their flattened columns, in first-seen order. */
export function pointsCsv(points: readonly unknown[], unitOf: UnitOf): string {
  const rows = points.map((p) => {
    const m = new Map<string, unknown>();
    flatten(p, [], m, unitOf);
    return m;
  });
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of r.keys()) if (!seen.has(k)) (seen.add(k), cols.push(k));
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r.get(c))).join(','))].join('\n') + '\n';
}

/** JSON with every non-finite number as null. */
export function toJson(v: unknown, indent = 2): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), indent);
}

/** A command's reason for a missing value at `path` (keys from the point or contract root), or undefined for the generic one. */
export type ReasonOf = (path: readonly string[], root: unknown) => string | undefined;

function isMissing(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v === 'number') return !Number.isFinite(v);
  return Array.isArray(v) && v.length > 0 && v.every((x) => x === null || (typeof x === 'number' && !Number.isFinite(x)));
}

function genericReason(v: unknown): string {
  const x = Array.isArray(v) ? v.find((y) => y !== null) : v;
  if (typeof x === 'number') return Number.isNaN(x) ? 'not a number' : 'infinite';
  return 'not available';
}

/**
 * A copy of `v` in which every missing field (null, a non-finite number, an interval of them) of an
 * object gets a sibling `<field>Reason` (unless it has one): `reasonOf(path, root)` or the generic
 * reason. The `params` and `provenance` blocks are left as they are (a null there is a setting).
 */
export function annotateMissing(v: unknown, reasonOf: ReasonOf = () => undefined, path: string[] = [], root: unknown = v): unknown {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? annotateMissing(x, reasonOf, path, root) : x));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (path.length === 0 && (k === 'params' || k === 'provenance' || k === 'run')) {
      out[k] = x;
      continue;
    }
    const p = [...path, k];
    out[k] = x !== null && typeof x === 'object' && !isMissing(x) ? annotateMissing(x, reasonOf, p, root) : x;
    if (isMissing(x) && !(`${k}Reason` in (v as Record<string, unknown>))) out[`${k}Reason`] = reasonOf(p, root) ?? genericReason(x);
  }
  return out;
}

/**
 * The JSON contract with the reasons of its missing values: `points` annotated point by point with
 * `reasonOf` (paths start at the point: `crlb.mc.mean`), the other blocks with `reasonOf` too (paths
 * from the block: `pareto` rows give `L`, `corners` gives `comm.L`), falling back on the generic reasons;
 * `params`, `provenance` and `run` as they are.
 */
export function annotateContract(contract: object, reasonOf?: (path: readonly string[], point: unknown) => string | undefined): Record<string, unknown> {
  const annotatePoint = (pt: unknown): unknown => annotateMissing(pt, reasonOf ? (p) => reasonOf(p, pt) : undefined);
  return Object.fromEntries(
    Object.entries(contract).map(([k, x]) => [
      k,
      k === 'points' && Array.isArray(x) ? x.map(annotatePoint) : k === 'params' || k === 'provenance' || k === 'run' ? x : annotateMissing(x, reasonOf ? (p) => reasonOf(p, x) : undefined),
    ]),
  );
}

/** JSON Lines: the provenance, then one line per point. */
export function pointsJsonl(provenance: unknown, points: readonly unknown[]): string {
  return [toJson({ provenance }, 0), ...points.map((p) => toJson(p, 0))].join('\n') + '\n';
}

/** The format asked for: `--json` is `--format json`; asking for two different ones is an error. */
export function chosenFormat(run: { json: boolean; format: OutputFormat }): OutputFormat {
  if (run.json && run.format !== 'table' && run.format !== 'json') {
    throw new ParamError(`--json and --format ${run.format} ask for two formats; use one of them`);
  }
  return run.json ? 'json' : run.format;
}

/** Write a command's result in `format`; `table` calls the command's own table printer. */
export function writeOutput(
  format: OutputFormat,
  contract: Record<string, unknown> & { provenance: unknown },
  points: readonly unknown[],
  unitOf: UnitOf,
  table: () => string,
  reasonOf?: (path: readonly string[], point: unknown) => string | undefined,
): void {
  const annotatePoint = (pt: unknown): unknown => annotateMissing(pt, reasonOf ? (p) => reasonOf(p, pt) : undefined);
  const out =
    format === 'json'
      ? toJson(annotateContract(contract, reasonOf)) + '\n'
      : format === 'csv'
        ? pointsCsv(points, unitOf)
        : format === 'jsonl'
          ? pointsJsonl(contract.provenance, points.map(annotatePoint))
          : table();
  process.stdout.write(out);
}
