/**
 * Slider spans for the parameter panel. The schema's allowed ranges are wide (e.g. λ_b up to
 * 10⁴ /km²) and the number box accepts all of them; the slider covers the span where the curves
 * change visibly, on a log scale for quantities that vary over decades. Keys missing here get a
 * slider over the schema range (clamped to finite bounds).
 */
import type { ParamKey } from '../../params/schema.ts';

export interface SliderHint {
  min: number;
  max: number;
  /** Step of a linear slider; ignored for log sliders. */
  step?: number;
  log?: boolean;
}

export const SLIDER_HINTS: Partial<Record<ParamKey, SliderHint>> = {
  mt: { min: 2, max: 16, step: 1 },
  mr: { min: 1, max: 16, step: 1 },
  ptW: { min: 0.01, max: 100, log: true },
  rcsM2: { min: 0.01, max: 100, log: true },
  lambdaB: { min: 0.1, max: 10, log: true },
  lambdaU: { min: 0, max: 10, step: 0.1 },
  lambdaS: { min: 0, max: 10, step: 0.1 },
  noisePowerDb: { min: -120, max: -40, step: 1 },
  alpha: { min: 2.1, max: 6, step: 0.1 },
  beta: { min: 2, max: 6, step: 0.1 },
  backhaul: { min: 0.5, max: 20, step: 0.1 },
  psi: { min: 1, max: 50, step: 1 },
  pc: { min: 0, max: 1, step: 0.01 },
  fcHz: { min: 1e8, max: 1e11, log: true },
  bandwidthHz: { min: 1e6, max: 1e9, log: true },
  gt: { min: 1, max: 1000, log: true },
  gr: { min: 1, max: 1000, log: true },
  e: { min: 0, max: 2, step: 0.01 },
  noisePsdDbmHz: { min: -200, max: -120, step: 1 },
  noiseFigureDb: { min: 0, max: 20, step: 0.5 },
  commBandwidthHz: { min: 1e5, max: 1e10, log: true },
  refDistanceM: { min: 0.1, max: 100, log: true },
};

/** Positions of a log slider (0…LOG_STEPS). */
export const LOG_STEPS = 1000;

/** Slider position → value (log sliders rounded to 3 significant digits). */
export function sliderToValue(h: SliderHint, position: number): number {
  if (!h.log) return Number(position.toPrecision(12));
  const v = h.min * Math.pow(h.max / h.min, position / LOG_STEPS);
  return Number(v.toPrecision(3));
}

/** Value → slider position (clamped to the slider's span). */
export function valueToSlider(h: SliderHint, value: number): number {
  if (!h.log) return Math.min(h.max, Math.max(h.min, value));
  if (!(value > 0)) return 0;
  const pos = (Math.log(value / h.min) / Math.log(h.max / h.min)) * LOG_STEPS;
  return Math.round(Math.min(LOG_STEPS, Math.max(0, pos)));
}
