/**
 * `isacnet reproduce --out results [--quick] [--threads n] [--seed s]` (what `npm start` runs):
 * every figure builder registered in src/figures/index.ts, in order, on one shared worker pool
 * using every core (results do not depend on its size), with progress per figure (a bar on a
 * terminal, plain lines otherwise); then `manifest.json` and `report.html`. Every file is written
 * atomically (temp file + rename, src/figures/io.ts); Ctrl-C or SIGTERM end the run at once (no
 * JavaScript handler delays them) and the output folder holds only complete files. The folder is
 * checked and locked (src/cli/outputDir.ts) before any work: a second run into it is refused. A failing builder is reported in the manifest and
 * the report, the others still run, and the exit code is 1.
 */

import type { Command } from 'commander';
import path from 'node:path';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { checkOutputDir, lockOutputDir } from '../outputDir.ts';
import { cliError } from '../errors.ts';

export { checkOutputDir };

export function registerReproduceCommand(program: Command): void {
  addParamOptions(
    addRunOptions(
      program.command('reproduce').description('regenerate every figure of the paper, the manifest and the HTML report (npm start)'),
      'reproduce',
    ),
  ).action(async (opts: Record<string, unknown>) => {
    const { params, run } = resolveCommand('reproduce', opts);
    const { threads, seed, only } = run;
    // No SIGINT/SIGTERM handler: Ctrl-C and kill end the run at once, even inside synchronous
    // work; every file is written atomically, so the folder holds only complete files
    // (src/cli/watchdog.ts). The folder is checked and locked before any work starts.
    checkOutputDir(run.out);
    lockOutputDir(run.out, 'out', 'isacnet reproduce');
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
      describeError: (e) => cliError(e).message ?? String(e),
    });
    const m = summary.manifest;
    // Count only the figures whose files were written (a failed builder writes none).
    const written = m.figures.filter((f) => f.error === undefined).length;
    const show = (f: string): string => (path.relative(process.cwd(), f).startsWith('..') ? f : path.relative(process.cwd(), f));
    process.stdout.write(
      `wrote ${written} figure(s)${summary.failed.length ? ` (${summary.failed.length} failed: ${summary.failed.join(', ')})` : ''}, ${show(summary.manifestFile)} and ${show(summary.reportFile)} in ${m.totalSeconds.toFixed(1)} s (${m.quick ? 'quick' : 'full'} mode, ${m.threads} threads)\n`,
    );
    if (summary.failed.length > 0) {
      // main() maps a thrown error to its message and exit code 1.
      throw new Error(`${summary.failed.length} figure(s) failed: ${summary.failed.join(', ')} (see the report)`);
    }
  });
}
