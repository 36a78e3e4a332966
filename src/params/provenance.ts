/**
 * The `provenance` object every JSON output of the CLI carries, so that a result file says how to
 * recompute itself: the isacnet version, the sub-command, the full resolved model parameters, the
 * run settings (seed, trials, …), the chunk sizes of its Monte Carlo jobs (part of a result's
 * identity, with the seed), and a SHA-256 of those inputs in canonical JSON (sorted keys). Settings
 * that cannot change a number (threads, the output format) are reported but not hashed: two runs
 * with the same `inputHash` give the same numbers.
 */
import { createHash } from 'node:crypto';
import type { Params } from './schema.ts';
import { packageInfo } from './packageInfo.ts';

export interface Provenance {
  tool: string;
  version: string;
  command: string;
  params: Params;
  run: Record<string, unknown>;
  chunkSizes: Record<string, number>;
  /** SHA-256 (hex) of the canonical JSON of { command, params, run without threads/json/format, chunkSizes }. */
  inputHash: string;
}

/** Run settings that never change a number. */
const NOT_HASHED = new Set(['threads', 'json', 'format']);

/** JSON with object keys sorted at every level (a canonical form for hashing). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function provenance(command: string, params: Params, run: Record<string, unknown>, chunkSizes: Record<string, number>): Provenance {
  const hashed = Object.fromEntries(Object.entries(run).filter(([k]) => !NOT_HASHED.has(k)));
  const inputHash = createHash('sha256').update(canonicalJson({ command, params, run: hashed, chunkSizes })).digest('hex');
  const { name, version } = packageInfo();
  return { tool: name, version, command, params, run, chunkSizes, inputHash };
}
