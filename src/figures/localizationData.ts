/**
 * The computed data of the localization figure (computeLocalizationFigure in
 * src/figures/localization.ts; beyond arXiv:2403.20228), read by its spec
 * (src/figures/localizationSpec.ts), CSV, JSON and validation rows. Types only.
 */
import type { ValidationRow } from './types.ts';
import type { LocalizeReport } from '../reports/localize.ts';

/** One point of a plotted curve (long format): RMSE or √CRLB in m. */
export interface LocalizationSeriesPoint {
  snrDb: number;
  N: string;
  curve: string;
  value: number;
}

/** A threshold SNR marker (one per N that reaches the bound on the grid). */
export interface LocalizationThresholdMark {
  N: string;
  snrDb: number;
}

/** Everything the localization figure's spec, CSV, JSON and validation rows are made of. */
export interface LocalizationData {
  name: 'localization';
  title: string;
  seed: number;
  geometries: number;
  noiseDraws: number;
  /** Number of estimates per estimator and point (geometries × draws). */
  trials: number;
  beta: number;
  lambdaB: number;
  zeta2M2: number;
  normalizedSnrDb: number;
  Ns: number[];
  series: LocalizationSeriesPoint[];
  curves: string[];
  thresholds: LocalizationThresholdMark[];
  report: LocalizeReport;
  validation: ValidationRow[];
  csvRows: Array<Record<string, number | string | null>>;
  json: Record<string, unknown>;
}
