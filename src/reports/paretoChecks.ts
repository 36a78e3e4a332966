/**
 * Monte Carlo checks of optimal operating points (L, N, p^c) of the rate–CRLB trade-off, shared by
 * Fig. 5 (src/figures/fig5.ts) and the explorer's trade-off view (src/web/lib.ts):
 *
 * - the rate R_c(L, p^c) simulated for the typical user with independent acceptance κ_c (printed)
 *   and the paper's Gamma gain laws: the model of the exact rate, by `computeCommReport`
 *   (src/reports/comm.ts), i.e. `isacnet comm --L L --pc p^c --trials T --seed S`;
 * - the simulated median CRLB_a at N, given at full sensing power p^s = 1 by the caller (a table
 *   from the network simulation), scaled to the point's p^s = 1 − p^c by 1/p^s (the FIM of Eq. (5)
 *   is proportional to |ζ|² ∝ p^s). The median, not the mean: E[CRLB_a] is infinite (docs/errata.md).
 *
 * Seeds are the caller's (`seedOf(k)` for the k-th point), so each caller keeps its own numbers.
 */
import type { JobRunner } from '../parallel/job.ts';
import type { Params } from '../params/schema.ts';
import { computeCommReport, type CommPoint } from './comm.ts';

/** A point of a Pareto boundary to check. */
export interface ParetoPoint {
  L: number;
  N: number;
  pc: number;
}

/** Simulated median CRLB_a at full sensing power (m²) with its 95% CI. */
export interface CrlbMedianFullPower {
  median: number | null;
  ci95: [number, number] | null;
  trials: number;
}

export interface ParetoCheck extends ParetoPoint {
  /** Theorem 2, the exact rate and the Monte Carlo estimate at (L, p^c). */
  rate: CommPoint['rate'];
  /** Simulated median CRLB_a at p^s = 1 − p^c (m²), with its 95% CI. */
  crlbMedian: number | null;
  crlbMedianCi95: [number, number] | null;
  crlbTrials: number;
}

export interface ParetoCheckOptions {
  /** Users simulated per point. */
  trials: number;
  /** Seed of the k-th point's rate simulation. */
  seedOf: (k: number) => number;
  /** Progress of the k-th point (fraction of that point). */
  onProgress?: (k: number, fraction: number) => void;
}

/** Check each point: rate by Monte Carlo, CRLB_a from `crlbAt(N)` scaled by 1/p^s. */
export async function checkParetoPoints(
  p: Params,
  points: readonly ParetoPoint[],
  crlbAt: (N: number) => CrlbMedianFullPower | undefined,
  o: ParetoCheckOptions,
  run: JobRunner,
): Promise<ParetoCheck[]> {
  const out: ParetoCheck[] = [];
  for (let k = 0; k < points.length; k++) {
    const { L, N, pc } = points[k];
    const rep = await computeCommReport(p, { Ls: [L], pcs: [pc], trials: o.trials, seed: o.seedOf(k), acceptance: 'independent', gains: 'gamma' }, run, (f) => o.onProgress?.(k, f));
    const ps = 1 - pc;
    const row = crlbAt(N);
    out.push({
      L,
      N,
      pc,
      rate: rep.points[0].rate,
      crlbMedian: row?.median != null ? row.median / ps : null,
      crlbMedianCi95: row?.ci95 ? [row.ci95[0] / ps, row.ci95[1] / ps] : null,
      crlbTrials: row?.trials ?? 0,
    });
  }
  return out;
}
