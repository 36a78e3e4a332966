/**
 * The computed data of Fig. 2 (computeFig2 in src/figures/fig2.ts), read by its spec
 * (src/figures/fig2Spec.ts), CSV, JSON and validation rows. Types only.
 */
import type { ValidationRow } from './types.ts';

/** One row of Fig. 2's CSV (one cluster size N; CRLB values in m², the normalized ones unscaled). */
export interface Fig2Row {
  N: number;
  mcMean: number | null;
  mcCiLo: number | null;
  mcCiHi: number | null;
  mcMedian: number | null;
  mcMedianCiLo: number | null;
  mcMedianCiHi: number | null;
  prop1: number | null;
  eq13: number | null;
  thm1: number | null;
  thm1Corrected: number | null;
  mcMeanNormalized: number | null;
  mcMedianNormalized: number | null;
  tailIndexTheory: number | null;
  tailIndexHill: number | null;
  note: string;
}

/** One point of a plotted curve (long format). */
export interface Fig2SeriesPoint {
  N: number;
  series: string;
  value: number;
}

/** One point of a 95% CI band (mean or median). */
export interface Fig2BandPoint {
  N: number;
  lo: number | null;
  hi: number | null;
  band: string;
}

/** Everything Fig. 2's spec, CSV, JSON and validation rows are made of. */
export interface Fig2Data {
  name: 'fig2';
  title: string;
  seed: number;
  trials: number;
  /** Largest cluster size plotted. */
  nMax: number;
  beta: number;
  lambdaB: number;
  zeta2M2: number;
  rows: Fig2Row[];
  /** Plotted curves, long format, in legend order. */
  series: Fig2SeriesPoint[];
  /** Legend order of `series`. */
  seriesOrder: string[];
  /** Mean 95% CI band (N ≥ 4). */
  bands: Fig2BandPoint[];
  /** Median 95% CI band. */
  medianBands: Fig2BandPoint[];
  validation: ValidationRow[];
  csvRows: Array<Record<string, number | string | null>>;
  json: Record<string, unknown>;
}
