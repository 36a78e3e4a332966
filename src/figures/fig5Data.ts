/**
 * The computed data of Fig. 5 (computeFig5 in src/figures/fig5.ts), read by its spec
 * (src/figures/fig5Spec.ts), CSV, JSON and validation rows. Types only.
 */
import type { ValidationRow } from './types.ts';

/** The Monte Carlo check of one Pareto point (L, N, p^c) of an Eq. (16) region. */
export interface Fig5McCheck {
  backhaul: number;
  L: number;
  N: number;
  pc: number;
  rate: { thm2: number; exact: number; mc: { mean: number; ci95: [number, number]; trials: number } | null };
  crlbA: { eq16: number; mcMedian: number | null; mcMedianCi95: [number, number] | null; trials: number };
}

/** One point of a boundary or time-sharing line (`C` is the legend label, e.g. "C_backhaul = 6"). */
export interface Fig5Line {
  C: string;
  scheme: string;
  rate: number;
  crlbA: number;
  order: number;
}

/** A checked Pareto point on its Eq. (16) boundary. */
export interface Fig5OnCurvePoint {
  C: string;
  rate: number;
  crlbA: number;
}

/** A Monte Carlo check: rate mean and median CRLB_a with their 95% CIs. */
export interface Fig5McPoint {
  C: string;
  rate: number;
  rateLo: number;
  rateHi: number;
  crlbA: number;
  crlbLo: number;
  crlbHi: number;
  label: string;
}

/** Everything Fig. 5's spec, CSV, JSON and validation rows are made of. */
export interface Fig5Data {
  name: 'fig5';
  title: string;
  seed: number;
  /** Simulated users of the checks plus the network simulation's targets per N. */
  trials: number;
  backhauls: number[];
  /** Largest communication cluster size enumerated. */
  maxL: number;
  /** The parameters the subtitle names (λ_u/λ_b, λ_s/λ_b and |ζ|² at p^s = 1 derived). */
  params: { e: number; psi: number; mt: number; alpha: number; beta: number; usersPerBs: number; targetsPerBs: number; zeta2M2FullSensing: number };
  /** Plot size and the boundaries' stroke width (px), the yardstick of the CI bars. */
  layout: { width: number; height: number; lineWidth: number };
  /** Legend order of `lines[].scheme`. */
  schemes: string[];
  lines: Fig5Line[];
  targetsOnCurve: Fig5OnCurvePoint[];
  points: Fig5McPoint[];
  checks: Fig5McCheck[];
  /** Axis ranges: rate from 0 to xMaxPlot, CRLB_a (log) from yMin / 1.25 to yMax. */
  xMaxPlot: number;
  yMin: number;
  yMax: number;
  /** Backhauls whose time-sharing lines coincide (same corners), with their R*_comm. */
  sharedTimeSharing: Array<{ backhauls: number[]; commRate: number | undefined }>;
  validation: ValidationRow[];
  csvRows: Array<Record<string, number | string | null>>;
  json: Record<string, unknown>;
}
