/**
 * One call for the whole backhaul-limited S&C trade-off (arXiv:2403.20228, Sections II-D and V):
 * the Pareto boundary of the cooperative scheme, the two corners, the time-sharing line, the
 * non-cooperative curve, whether the cooperative region contains the time-sharing line, and
 * optionally the weighted optimum. The rate envelope (independent of C_backhaul and e) can be shared
 * between calls for several backhaul capacities.
 */
import { checkProblem, type BackhaulProblem, type CrlbModel, type ClusterRateModel } from './model.ts';
import { RateEnvelope } from './rateEnvelope.ts';
import { SensingTable } from './sensingTable.ts';
import { Frontier, type OperatingPoint, type ParetoOptions } from './frontier.ts';
import { assertFeasible, containment, corners, nonCooperative, timeSharing, type Containment, type Corners, type TimeSharingPoint } from './baselines.ts';
import { optimizeWeighted, type WeightedResult } from './weighted.ts';

export interface TradeoffOptions extends ParetoOptions {
  /** Weight w of the rate in the weighted objective; omitted: no weighted optimum. */
  weight?: number;
  /** τ samples of the containment check. */
  containmentSamples?: number;
}

export interface TradeoffResult {
  pareto: OperatingPoint[];
  /** Drawable region boundary: Pareto points plus the tops of the backhaul jumps. */
  boundary: Array<OperatingPoint & { pareto: boolean }>;
  timeSharing: TimeSharingPoint[];
  corners: Corners;
  nonCooperative: OperatingPoint[];
  containment: Containment;
  weighted?: WeightedResult;
  warnings: string[];
  /** The sensing records (candidate N) and the CRLB levels swept. */
  records: Array<{ N: number; crlbFull: number }>;
  crlbLevels: number[];
}

/** Memoize a CRLB model (the table is shared between backhaul settings). */
export function memoCrlb(model: CrlbModel): CrlbModel {
  const cache = new Map<number, number>();
  return {
    name: model.name,
    crlbFullPower(N: number): number {
      let v = cache.get(N);
      if (v === undefined) {
        v = model.crlbFullPower(N);
        cache.set(N, v);
      }
      return v;
    },
  };
}

/** Build the rate envelope for a problem (the expensive, C-independent part). */
export function buildEnvelope(rate: ClusterRateModel, maxL: number, gridCells = 16): RateEnvelope {
  return new RateEnvelope(rate, maxL, gridCells);
}

export function solveTradeoff(envelope: RateEnvelope, crlb: CrlbModel, problem: BackhaulProblem, opts: TradeoffOptions = {}): TradeoffResult {
  checkProblem(problem);
  const sensing = new SensingTable(crlb, problem);
  const frontier = new Frontier(envelope, sensing, problem);
  assertFeasible(frontier);
  const levels = frontier.crlbLevels(opts);
  const pareto = frontier.pareto(opts);
  const c = corners(frontier);
  const out: TradeoffResult = {
    pareto,
    boundary: frontier.boundary(pareto),
    timeSharing: timeSharing(c, levels),
    corners: c,
    nonCooperative: nonCooperative(frontier),
    containment: containment(frontier, c, opts.containmentSamples ?? 100, pareto),
    warnings: [],
    records: sensing.records.map((r) => ({ N: r.N, crlbFull: r.crlbFull })),
    crlbLevels: levels,
  };
  if (opts.weight !== undefined) out.weighted = optimizeWeighted(frontier, opts.weight);
  const usedL = [...pareto.map((p) => p.L), c.comm.L, out.weighted?.L ?? null];
  if (usedL.includes(problem.maxL)) {
    out.warnings.push(`an optimal point uses L = ${problem.maxL}, the top of the search range: raise --max-L to make sure a larger L is not better`);
  }
  if (problem.e === 0 && [...pareto.map((p) => p.N), c.sens.N].includes(problem.maxN)) {
    out.warnings.push(`with e = 0 the backhaul does not bound N; an optimal point uses N = ${problem.maxN}, the top of the search range (--max-N)`);
  }
  if (opts.weight !== undefined && !envelope.concave) {
    out.warnings.push(`the rate model "${envelope.model.name}" is not declared concave in p^c: the weighted optimum's 1-D searches assume unimodality and may return a local optimum`);
  }
  return out;
}
