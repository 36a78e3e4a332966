/**
 * `isacnet reproduce --out results [--quick] [--threads n] [--seed s]` (what `npm start` runs):
 * every figure builder registered in src/figures/index.ts, in order, on one shared worker pool
 * using every core (results do not depend on its size), with progress per figure (a bar on a
 * terminal, plain lines otherwise); then `manifest.json` and `report.html`. Every file is written
 * atomically (temp file + rename, src/figures/io.ts); on Ctrl-C the run stops between writes, so
 * the output folder holds only complete files. A failing builder is reported in the manifest and
 * the report, the others still run, and the exit code is 1.
 */

import type { Command } from 'commander';
import path from 'node:path';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { ParamError } from '../../params/validate.ts';

/**
 * Refuse an output folder that cannot be written before any work starts: empty, a regular file,
 * not creatable, or not writable (a probe file is written and removed).
 */
export function checkOutputDir(out: string): void {
  const fail = (why: string): never => {
    throw new ParamError(`--out: invalid value ${JSON.stringify(out)}; ${why}`);
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

export function registerReproduceCommand(program: Command): void {
  addParamOptions(
    addRunOptions(
      program.command('reproduce').description('regenerate every figure of the paper, the manifest and the HTML report (npm start)'),
      'reproduce',
    ),
  ).action(async (opts: Record<string, unknown>) => {
    const { params, run } = resolveCommand('reproduce', opts);
    const { threads, seed, only } = run;
    // Handle Ctrl-C ourselves from the start: the signal is then processed between synchronous
    // steps, never inside a file write, and the temp-file cleanup of io.ts runs on exit.
    process.once('SIGINT', () => {
      process.stderr.write('\nisacnet: interrupted; every file in the output folder is complete (atomic writes)\n');
      process.exit(130);
    });
    checkOutputDir(run.out);
    const { runReproduce } = await import('../../figures/reproduce.ts');
    const { barProgress, lineProgress } = await import('./reproduceProgress.ts');
    const summary = await runReproduce({
      outDir: run.out,
      quick: run.quick,
      threads,
      seed,
      params,
      only,
      argv: process.argv.slice(2),
      progress: process.stderr.isTTY ? barProgress() : lineProgress(),
    });
    const m = summary.manifest;
    const show = (f: string): string => (path.relative(process.cwd(), f).startsWith('..') ? f : path.relative(process.cwd(), f));
    process.stdout.write(
      `wrote ${m.figures.length} figure(s), ${show(summary.manifestFile)} and ${show(summary.reportFile)} in ${m.totalSeconds.toFixed(1)} s (${m.quick ? 'quick' : 'full'} mode, ${m.threads} threads)\n`,
    );
    if (summary.failed.length > 0) {
      // main() maps a thrown error to its message and exit code 1.
      throw new Error(`${summary.failed.length} figure(s) failed: ${summary.failed.join(', ')} (see the report)`);
    }
  });
}
