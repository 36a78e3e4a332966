/**
 * Atomic output: every file is written to a temporary sibling (`.tmp-<pid>-<n>-<name>`) and renamed
 * into place, so an interrupted run (Ctrl-C, crash) never leaves a half-written result behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let counter = 0;
const pending = new Set<string>();
let hooked = false;

function cleanupPending(): void {
  for (const f of pending) {
    try {
      rmSync(f, { force: true });
    } catch {
      /* best effort */
    }
  }
  pending.clear();
}

function hookSignals(): void {
  // Only the exit hook: no SIGINT/SIGTERM handler, because a JavaScript signal handler runs only
  // when the event loop is free and would leave Ctrl-C ignored during long synchronous work
  // (src/cli/watchdog.ts). A kill during a write leaves at most a `.tmp-<pid>-…` file, which the
  // next run's lock removes (src/cli/outputDir.ts); the result files themselves are always whole.
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanupPending);
}

/** Write `data` to `file` atomically (temp file + rename), creating parent folders. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  hookSignals();
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(file)), `.tmp-${process.pid}-${counter++}-${path.basename(file)}`);
  pending.add(tmp);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
}

/** Rows of objects to CSV (header from the first row's keys; null → empty cell). */
export function toCsv(rows: Array<Record<string, number | string | null | undefined>>): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const cell = (v: number | string | null | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
