/**
 * The work of `isacnet reproduce` (src/cli/commands/reproduce.ts registers the command and loads this
 * module only when it runs, so that other commands never load vega, resvg or marked).
 *
 * `isacnet reproduce --out results [--quick] [--threads n] [--seed s]` (what `npm start` runs):
 * every figure builder registered in src/figures/index.ts, in order, on one shared worker pool
 * using every core (results do not depend on its size), with progress per figure (a bar on a
 * terminal, plain lines otherwise); then `manifest.json` and `report.html`. Every file is written
 * atomically (temp file + rename, src/figures/io.ts); on Ctrl-C the run stops between writes, so
 * the output folder holds only complete files. A failing builder is reported in the manifest and
 * the report, the others still run, and the exit code is 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { ParamError } from '../../params/validate.ts';
import type { Params } from '../../params/schema.ts';
import { createWorkerPool } from '../../registry/nodePool.ts';
import { FIGURES } from '../../figures/index.ts';
import type { FigureBuilder, FigureResult } from '../../figures/types.ts';
import { writeFileAtomic } from '../../figures/io.ts';
import { buildManifest, manifestFigure, type Manifest, type ManifestFigure } from '../../figures/manifest.ts';
import { buildReport, type ReportFigure } from '../../figures/report.ts';

export interface ReproduceOptions {
  outDir: string;
  quick: boolean;
  threads: number;
  seed: number;
  params: Params;
  /** Figure names to run (default: all registered). */
  only?: string[];
  /** Progress output; defaults to a bar on a TTY stderr, plain lines otherwise. */
  progress?: ProgressSink;
  argv?: string[];
  figures?: Array<{ name: string; build: FigureBuilder }>;
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

/** Plain lines (non-TTY: CI logs, pipes): a line at start, every 10%, and at the end. */
export function lineProgress(stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  let lastDecile = -1;
  return {
    start(name, index, total) {
      lastDecile = -1;
      stream.write(`[${index + 1}/${total}] ${name}: started\n`);
    },
    update(name, fraction, label) {
      const decile = Math.floor(Math.min(1, Math.max(0, fraction)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`  ${name}: ${decile * 10}%${label ? ` (${label})` : ''}\n`);
      }
    },
    done(name, seconds, error) {
      stream.write(error ? `  ${name}: FAILED after ${seconds.toFixed(1)} s: ${error}\n` : `  ${name}: done in ${seconds.toFixed(1)} s\n`);
    },
  };
}

/** A progress bar per figure (TTY). */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(name, index, total) {
      bar = new cliProgress.SingleBar(
        {
          format: `[${index + 1}/${total}] ${name.padEnd(6)} [{bar}] {percentage}% | {duration_formatted} | {label}`,
          stream,
          hideCursor: false,
          clearOnComplete: false,
          barsize: 30,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(1000, 0, { label: '' });
    },
    update(_name, fraction, label) {
      bar?.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000), { label });
    },
    done(name, seconds, error) {
      bar?.update(error ? (bar.getProgress() * 1000) : 1000, { label: error ? `FAILED: ${error}` : `done in ${seconds.toFixed(1)} s` });
      bar?.stop();
      bar = null;
    },
  };
}

/** Run the reproduction (library entry point of the command; also used by the bench). */
export async function runReproduce(opts: ReproduceOptions): Promise<ReproduceSummary> {
  const registered = opts.figures ?? FIGURES;
  const selected = opts.only ? registered.filter((f) => opts.only?.includes(f.name)) : registered;
  if (opts.only) {
    const unknown = opts.only.filter((n) => !registered.some((f) => f.name === n));
    if (unknown.length) throw new ParamError(`--only: unknown figure ${unknown.join(', ')} (registered: ${registered.map((f) => f.name).join(', ') || 'none'})`);
  }
  const outDir = path.resolve(opts.outDir);
  const progress = opts.progress ?? (process.stderr.isTTY ? barProgress() : lineProgress());
  const startedAt = new Date();
  const pool = createWorkerPool(opts.threads);
  const manifestFigures: ManifestFigure[] = [];
  const reportFigures: ReportFigure[] = [];
  const failed: string[] = [];
  try {
    for (let i = 0; i < selected.length; i++) {
      const fig = selected[i];
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
          onProgress: (fraction, label) => progress.update(fig.name, fraction, label),
        });
      } catch (e) {
        error = e;
        failed.push(fig.name);
      }
      const seconds = (performance.now() - t0) / 1000;
      const message = error === undefined ? undefined : error instanceof Error ? error.message : String(error);
      progress.done(fig.name, seconds, message);
      manifestFigures.push(manifestFigure(fig.name, opts.seed, seconds, outDir, result, error));
      reportFigures.push({ name: fig.name, seconds, result, error: message });
    }
  } finally {
    await pool.close();
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
  writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  const errataFile = fileURLToPath(new URL('../../../docs/errata.md', import.meta.url));
  writeFileAtomic(reportFile, buildReport({ figures: reportFigures, manifest, outDir, errataFile }));
  return { manifest, failed, manifestFile, reportFile };
}

