/**
 * The reproduction manifest (`results/manifest.json`): what was run, with which parameters, seeds
 * and trial counts, on what, and how long each figure took. Everything needed to rerun or audit
 * a reproduction.
 */
import { packageInfo } from '../params/packageInfo.ts';
import os from 'node:os';
import path from 'node:path';
import type { Params } from '../params/schema.ts';
import { crlbScaleM2, zeta2M2 } from '../params/derived.ts';
import type { FigureResult } from './types.ts';

export interface ManifestFigure {
  name: string;
  title: string | null;
  seed: number;
  trials: number | null;
  seconds: number;
  /** Output files, relative to the output folder. */
  files: string[];
  validationRows: number;
  /** Set when the builder failed (the run continues with the other figures). */
  error?: string;
}

export interface Manifest {
  package: { name: string; version: string };
  command: string;
  node: string;
  platform: string;
  cpu: { model: string; cores: number };
  threads: number;
  quick: boolean;
  seed: number;
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  /** Every model parameter (Section V values and toolkit defaults, with CLI overrides). */
  params: Params;
  derived: { zeta2M2: number; crlbScaleM2: number };
  figures: ManifestFigure[];
}

export { packageInfo };

/** Manifest entry of one figure, successful or not. */
export function manifestFigure(
  name: string,
  seed: number,
  seconds: number,
  outDir: string,
  result: FigureResult | null,
  error?: unknown,
): ManifestFigure {
  const entry: ManifestFigure = {
    name,
    title: result?.title ?? null,
    seed: result?.seed ?? seed,
    trials: result?.trials ?? null,
    seconds: Math.round(seconds * 1000) / 1000,
    files: result ? Object.values(result.files).map((f) => path.relative(outDir, f)) : [],
    validationRows: result?.validation.length ?? 0,
  };
  if (error !== undefined) entry.error = error instanceof Error ? error.message : String(error);
  return entry;
}

export function buildManifest(opts: {
  argv: string[];
  threads: number;
  quick: boolean;
  seed: number;
  params: Params;
  startedAt: Date;
  finishedAt: Date;
  figures: ManifestFigure[];
}): Manifest {
  const cpus = os.cpus();
  return {
    package: packageInfo(),
    command: ['isacnet', ...opts.argv].join(' '),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: { model: cpus[0]?.model ?? 'unknown', cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length },
    threads: opts.threads,
    quick: opts.quick,
    seed: opts.seed,
    startedAt: opts.startedAt.toISOString(),
    finishedAt: opts.finishedAt.toISOString(),
    totalSeconds: Math.round((opts.finishedAt.getTime() - opts.startedAt.getTime())) / 1000,
    params: opts.params,
    derived: { zeta2M2: zeta2M2(opts.params), crlbScaleM2: crlbScaleM2(opts.params) },
    figures: opts.figures,
  };
}
