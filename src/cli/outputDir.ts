/**
 * Output folders of the commands that write files (`reproduce`, and any later command that writes a
 * folder of results): one place for the checks made before any work starts, and the lock that keeps
 * two runs from writing into the same folder at once.
 *
 * - `checkOutputDir(out, flag)`: refuses an empty name, a regular file, a folder that cannot be
 *   created, or one that cannot be written (a probe file is written and removed); creates it.
 * - `lockOutputDir(out, flag, command)`: takes `<out>/.isacnet.lock` (created exclusively, holding
 *   the pid, the command and the start time). A lock whose process is gone (killed with SIGKILL,
 *   power cut) is stale and taken over; a live one is refused with the pid and start time of the
 *   run that holds it. The lock is removed when the process exits (normally or through
 *   `process.exit`); temporary files of `writeFileAtomic` left by a killed run are removed when the
 *   lock is taken over.
 *
 * Errors are `ParamError`s naming the flag (exit 2).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ParamError } from '../params/validate.ts';

/** Name of the lock file inside an output folder. */
export const LOCK_FILE = '.isacnet.lock';

/**
 * Refuse an output folder that cannot be written before any work starts: empty, a regular file,
 * not creatable, or not writable (a probe file is written and removed). Creates the folder.
 */
export function checkOutputDir(out: string, flag = 'out'): void {
  const fail = (why: string): never => {
    throw new ParamError(`--${flag}: invalid value ${JSON.stringify(out)}; ${why}`);
  };
  if (out.trim() === '') fail('must name a folder');
  let isDir = false;
  try {
    isDir = statSync(out).isDirectory();
    if (!isDir) fail('it is a file, not a folder');
  } catch (e) {
    if (e instanceof ParamError) throw e;
  }
  try {
    // Create the missing folders one level at a time (Node's recursive mkdir loops for ever on
    // paths such as /proc/x, where the kernel answers ENOENT to every attempt).
    if (!isDir) {
      const missing: string[] = [];
      for (let d = path.resolve(out); !existsSync(d); d = path.dirname(d)) missing.unshift(d);
      for (const d of missing) mkdirSync(d);
    }
    const probe = path.join(out, `.isacnet-write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    fail(`the folder cannot be created or written (${(e as Error).message})`);
  }
}

/** Whether process `pid` is alive (on this machine). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  command: string;
  started: string;
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' ? { pid: v.pid, command: String(v.command ?? '?'), started: String(v.started ?? '?') } : null;
  } catch {
    return null;
  }
}

/** Temporary files of `writeFileAtomic` (src/figures/io.ts: `.tmp-<pid>-…`) whose process is gone. */
function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^\.tmp-(\d+)-/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Take the lock of output folder `out` (which must exist: call `checkOutputDir` first), or throw a
 * ParamError naming `--<flag>` when another live run holds it. Returns the function that releases it
 * (also called on process exit).
 */
export function lockOutputDir(out: string, flag = 'out', command = 'isacnet'): () => void {
  const file = path.join(out, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, command, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(info) + '\n', { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only our own lock (a stale-lock takeover by another run must not be undone by us).
        if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.on('exit', release);
      removeStaleTemps(out);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ParamError(`--${flag}: invalid value ${JSON.stringify(out)}; cannot create the lock file ${LOCK_FILE} (${(e as Error).message})`);
      }
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new ParamError(
          `--${flag}: the folder ${JSON.stringify(out)} is busy: another run (${holder.command}, pid ${holder.pid}, started ${holder.started}) is writing into it; wait for it to finish or choose another --${flag}`,
        );
      }
      // Stale (its process is gone) or unreadable: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new ParamError(`--${flag}: could not take the lock ${path.join(out, LOCK_FILE)} (another run keeps re-creating it)`);
}
