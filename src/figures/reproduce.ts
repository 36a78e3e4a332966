/**
 * Reproducing the paper's figures (the work of `isacnet reproduce`; the command in
 * src/cli/commands/reproduce.ts loads this module only when it runs, so that other commands never
 * load vega, resvg or marked).
 *
 * `isacnet reproduce --out results [--quick] [--threads n] [--seed s]` (what `npm start` runs):
 * every figure builder registered in src/figures/index.ts, all started at once on one shared worker
 * pool using every core (results depend neither on its size nor on what runs beside them: the
 * closed forms of one figure fill the main thread while the workers simulate another's chunks), with
 * progress per figure (a bar each on a terminal, plain lines otherwise); then `manifest.json` and
 * `report.html`, in the registered order. A figure's `seconds` is its own wall time, start to end,
 * overlapping the others'. Every file is written
 * atomically (temp file + rename, src/figures/io.ts); on Ctrl-C the run stops between writes, so
 * the output folder holds only complete files. A failing builder is reported in the manifest and
 * the report, the others still run, and the exit code is 1.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgumentError } from '../math/argumentError.ts';
import { provenance } from '../params/provenance.ts';
import type { Params } from '../params/schema.ts';
import { createWorkerPool } from '../registry/nodePool.ts';
import { FIGURES } from './index.ts';
import type { FigureBuilder, FigureResult } from './types.ts';
import { writeFileAtomic } from './io.ts';
import { buildManifest, manifestFigure, type Manifest, type ManifestFigure } from './manifest.ts';
import { buildReport, type ReportFigure } from './report.ts';

export interface ReproduceOptions {
  outDir: string;
  quick: boolean;
  threads: number;
  seed: number;
  params: Params;
  /** Figure names to run (default: all registered). */
  only?: string[];
  /** Progress output (the CLI passes a bar on a terminal, plain lines otherwise); none by default. */
  progress?: ProgressSink;
  argv?: string[];
  figures?: Array<{ name: string; build: FigureBuilder }>;
  /** Words of a failed figure's error (the CLI passes its flag wording); default: the error's message. */
  describeError?: (error: unknown) => string;
}

export interface ReproduceSummary {
  manifest: Manifest;
  failed: string[];
  manifestFile: string;
  reportFile: string;
}

/** Per-figure progress reporting. */
export interface ProgressSink {
  start(name: string, index: number, total: number): void;
  update(name: string, fraction: number, label: string): void;
  done(name: string, seconds: number, error?: string): void;
}

/** Run the reproduction (library entry point of the command; also used by the bench). */
export async function runReproduce(opts: ReproduceOptions): Promise<ReproduceSummary> {
  const registered = opts.figures ?? FIGURES;
  const selected = opts.only ? registered.filter((f) => opts.only?.includes(f.name)) : registered;
  if (opts.only) {
    const unknown = opts.only.filter((n) => !registered.some((f) => f.name === n));
    if (unknown.length) throw new ArgumentError('only', unknown.join(', '), `names of registered figures (${registered.map((f) => f.name).join(', ') || 'none'})`);
  }
  const outDir = path.resolve(opts.outDir);
  const progress: ProgressSink = opts.progress ?? { start: () => undefined, update: () => undefined, done: () => undefined };
  const startedAt = new Date();
  const pool = createWorkerPool(opts.threads);
  const manifestFigures: ManifestFigure[] = [];
  const reportFigures: ReportFigure[] = [];
  const failed: string[] = [];
  // PNG writes handed over by the figures (rendered off the main thread while the figures compute)
  const pendingWrites: Array<Promise<{ name: string; error: string } | null>> = [];
  try {
    // The figures run concurrently on the one pool: while one figure's closed forms keep the main
    // thread busy, the workers simulate another's chunks. A figure's numbers depend on (params, seed,
    // quick) only, never on what runs beside it; manifest and report keep the registered order.
    const outcomes = await Promise.all(
      selected.map(async (fig, i) => {
        progress.start(fig.name, i, selected.length);
        const t0 = performance.now();
        let result: FigureResult | null = null;
        let error: unknown;
        try {
          result = await fig.build({
            outDir,
            quick: opts.quick,
            seed: opts.seed,
            params: opts.params,
            pool,
            // A figure's numbers depend on (params, seed, quick) only: no thread count in its file.
            provenance: provenance(`reproduce ${fig.name}`, opts.params, { seed: opts.seed, quick: opts.quick }, {}),
            onProgress: (fraction, label) => progress.update(fig.name, fraction, label),
            defer: (pending) => pendingWrites.push(pending.then(() => null, (e: unknown) => ({ name: fig.name, error: `PNG: ${e instanceof Error ? e.message : String(e)}` }))),
          });
        } catch (e) {
          error = e;
        }
        const seconds = (performance.now() - t0) / 1000;
        const message = error === undefined ? undefined : opts.describeError ? opts.describeError(error) : error instanceof Error ? error.message : String(error);
        progress.done(fig.name, seconds, message);
        return { fig, seconds, result, message };
      }),
    );
    for (const { fig, seconds, result, message } of outcomes) {
      if (message !== undefined) failed.push(fig.name);
      manifestFigures.push(manifestFigure(fig.name, opts.seed, seconds, outDir, result, message === undefined ? undefined : new Error(message)));
      reportFigures.push({ name: fig.name, seconds, result, error: message });
    }
  } finally {
    await pool.close();
  }
  for (const failure of await Promise.all(pendingWrites)) {
    if (failure === null) continue;
    // a failed PNG write fails its figure (the other files were written)
    const { name, error } = failure;
    if (!failed.includes(name)) failed.push(name);
    const entry = manifestFigures.find((f) => f.name === name);
    if (entry && entry.error === undefined) entry.error = error;
    const shown = reportFigures.find((f) => f.name === name);
    if (shown && shown.error === undefined) shown.error = error;
  }
  const manifest = buildManifest({
    argv: opts.argv ?? [],
    threads: opts.threads,
    quick: opts.quick,
    seed: opts.seed,
    params: opts.params,
    startedAt,
    finishedAt: new Date(),
    figures: manifestFigures,
  });
  const manifestFile = path.join(outDir, 'manifest.json');
  const reportFile = path.join(outDir, 'report.html');
  const runProv = provenance('reproduce', opts.params, { seed: opts.seed, quick: opts.quick, threads: opts.threads, only: selected.map((f) => f.name) }, {});
  writeFileAtomic(manifestFile, JSON.stringify({ ...manifest, provenance: runProv }, null, 2) + '\n');
  const errataFile = fileURLToPath(new URL('../../../docs/errata.md', import.meta.url));
  writeFileAtomic(reportFile, buildReport({ figures: reportFigures, manifest, outDir, errataFile }));
  return { manifest, failed, manifestFile, reportFile };
}

