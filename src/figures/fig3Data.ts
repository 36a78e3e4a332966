/**
 * The computed data of Fig. 3 (computeFig3 in src/figures/fig3.ts), read by its spec
 * (src/figures/fig3Spec.ts), CSV, JSON and validation rows. Types only.
 */
import type { ValidationRow } from './types.ts';

/** One row of Fig. 3's CSV (one load ψ and cluster size N; CRLB values in m²). */
export type Fig3Row = {
  psi: number;
  N: number;
  kappaLemma1: number;
  kappaNegBinomial: number;
  kappaMc: number | null;
  kappaMcLo: number | null;
  kappaMcHi: number | null;
  loadDispersion: number | null;
  eq16: number | null;
  thinnedProp1: number | null;
  mcMedian: number | null;
  mcMedianLo: number | null;
  mcMedianHi: number | null;
  mcConditionalMean4: number | null;
  /** Targets with ≤ 1 accepted BS (CRLB_a = ∞, left out of every CRLB_a), simulated, with its 95% CI. */
  nonLocalizableFraction: number | null;
  nonLocalizableLo: number | null;
  nonLocalizableHi: number | null;
};


/** One point of a plotted curve (long format; `psi` is the legend label, e.g. "ψ = 10"). */
export interface Fig3Line {
  N: number;
  psi: string;
  curve: string;
  value: number;
}

/** One simulated κ_s with its 95% CI. */
export interface Fig3Point {
  N: number;
  psi: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** One point of the simulated median's 95% CI band. */
export interface Fig3BandPoint {
  N: number;
  psi: string;
  lo: number | null;
  hi: number | null;
}

/** Optimal cluster sizes for one load ψ. */
export interface Fig3Optimum {
  psi: number;
  eq16Lemma1: number | null;
  eq16NegBinomial: number | null;
  thinnedProp1: number | null;
  simulationMedian: number | null;
  simulationMedianCurveAtOptimum: number | null;
  simulationConditionalMean4: number | null;
  paperClaim: number;
}

/** Everything Fig. 3's spec, CSV, JSON and validation rows are made of. */
export interface Fig3Data {
  name: 'fig3';
  title: string;
  seed: number;
  /** Torus windows simulated (the report's trial count). */
  trials: number;
  windows: number;
  /** Largest cluster size plotted. */
  nMax: number;
  /** The configured load ψ. */
  psi: number;
  /** The loads drawn (ψ − 5, ψ, ψ + 5) and their legend labels. */
  psis: number[];
  psiLabels: string[];
  muS: number;
  beta: number;
  lambdaB: number;
  zeta2M2: number;
  rows: Fig3Row[];
  kappaLines: Fig3Line[];
  crlbLines: Fig3Line[];
  kappaPoints: Fig3Point[];
  medianBand: Fig3BandPoint[];
  optimal: Fig3Optimum[];
  validation: ValidationRow[];
  csvRows: Fig3Row[];
  json: Record<string, unknown>;
}
