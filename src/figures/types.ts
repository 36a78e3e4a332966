/**
 * Shared types of the figure builders used by `isacnet reproduce` (npm start) and the report.
 */
import type { Params } from '../params/schema.ts';
import type { Provenance } from '../params/provenance.ts';
import type { WorkerPool } from '../registry/nodePool.ts';
import type { JobRunner } from '../parallel/job.ts';
import type { FigureOutput } from './render.ts';

export interface FigureJobOptions {
  outDir: string;
  /** Fewer trials for a first look (`--quick`). */
  quick: boolean;
  seed: number;
  params: Params;
  /** Shared worker pool (all cores); results do not depend on its size. */
  pool: WorkerPool;
  /** Written into the figure's JSON (how to recompute it); see src/params/provenance.ts. */
  provenance?: Provenance;
  /** Progress within this figure, fraction in [0, 1]. */
  onProgress?: (fraction: number, label: string) => void;
  /**
   * Takes over the figure's PNG write (`writeFigure`): the PNG is rendered off the main thread while
   * the next figure computes, and the caller awaits every handed-over promise before it reports.
   * Without it `writeFigure` awaits the PNG itself.
   */
  defer?: (pending: Promise<void>) => void;
}

/**
 * Options of a figure's pure compute step (`computeFigN`): the Monte Carlo jobs go through `run`,
 * any `JobRunner` (a worker pool, `inlineRunner`, the web's workers); no file is written.
 */
export interface FigureComputeOptions {
  /** Fewer trials for a first look (`--quick`). */
  quick: boolean;
  seed: number;
  params: Params;
  /** Runs each Monte Carlo job; results do not depend on the runner. */
  run: JobRunner;
  /** Progress within this figure, fraction in [0, 1]. */
  onProgress?: (fraction: number, label: string) => void;
}

/** One line of the report's validation table: a printed formula against simulation. */
export interface ValidationRow {
  /** e.g. "Prop. 1", "Theorem 2". */
  formula: string;
  /** e.g. "Eq. (12)". */
  equation: string;
  /** The setting, e.g. "N = 10, β = 2". */
  setting: string;
  /** Value of the printed formula (null where it does not exist). */
  printed: number | null;
  /** Exact or corrected value (null where the toolkit has none). */
  exact: number | null;
  mc: { mean: number | null; ci95: [number, number] | null; median?: number | null; trials: number } | null;
  /** (printed − mc)/mc and (exact − mc)/mc. */
  relErrorPrinted: number | null;
  relErrorExact: number | null;
  note?: string;
}

export interface FigureResult {
  name: string;
  title: string;
  /** What the figure shows in words (the report prints it under the figure); optional. */
  caption?: string;
  files: FigureOutput;
  validation: ValidationRow[];
  trials: number;
  seed: number;
}

export type FigureBuilder = (opts: FigureJobOptions) => Promise<FigureResult>;
