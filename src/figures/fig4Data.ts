/**
 * The computed data of Fig. 4 (computeFig4 in src/figures/fig4.ts), read by its spec
 * (src/figures/fig4Spec.ts), CSV, JSON and validation rows. Types only.
 */
import type { ValidationRow } from './types.ts';

/** One row of Fig. 4's CSV: λ_u/λ_b (muC), p^c, L, κ_c, the rates (nats/s/Hz) and their simulations. */
export type Fig4Row = Record<string, number | string | null>;

/** L* of one (λ_u/λ_b, p^c): exact, Theorem 2, independent-acceptance MC, network simulation. */
export type Fig4Optimum = Record<string, number | null>;

/** One plotted point (long format): `mu` and `pc` are legend labels, e.g. "λ_u/λ_b = 2", "p^c = 0.6". */
export type Fig4PlotPoint = Record<string, number | string>;

/** Everything Fig. 4's spec, CSV, JSON and validation rows are made of. */
export interface Fig4Data {
  name: 'fig4';
  title: string;
  seed: number;
  /** Independent-acceptance users per simulated point. */
  trials: number;
  quick: boolean;
  networkUsers: number;
  /** Largest cluster size plotted. */
  lMax: number;
  pcs: number[];
  muCs: number[];
  /** The p^c of the network load simulation. */
  pcNetwork: number;
  psi: number;
  mt: number;
  alpha: number;
  rows: Fig4Row[];
  /** Closed-form curves (exact, Theorem 2). */
  lines: Fig4PlotPoint[];
  /** Monte Carlo means with their 95% CI (independent acceptance and network load). */
  mcPoints: Fig4PlotPoint[];
  /** L* of the exact rate. */
  stars: Fig4PlotPoint[];
  optima: Fig4Optimum[];
  validation: ValidationRow[];
  csvRows: Fig4Row[];
  json: Record<string, unknown>;
}
