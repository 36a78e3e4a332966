/**
 * The trade-off view's computation (Fig. 5 analog): the rate–CRLB region of the cooperative scheme
 * under the backhaul constraint Eq. (10), its Pareto boundary, the corners, the time-sharing line and
 * the non-cooperative baseline, all from src/optimize (`buildEnvelope`, `solveTradeoff`), with the
 * exact rate (src/comm) and Eq. (16) with Lemma 1's κ_s (src/load) as the models.
 *
 * The rate envelope depends only on the communication parameters (α, M_t, ψ, λ_u/λ_b, L_max); it
 * is memoized here (with all rate evaluations it made), so moving C_backhaul, e or any sensing
 * parameter recomputes only the frontier.
 */
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';
import { opt, type TradeoffResult } from '../lib.ts';
import { LIVE_REL_TOL, kappaCFor } from './comm.ts';

/** Envelope grid cells and Pareto sweep levels used live (the library defaults are 16 and 60). */
export const LIVE_GRID_CELLS = 8;
export const LIVE_LEVELS = 40;

export interface TradeoffCurves {
  result: TradeoffResult;
  backhaul: number;
  e: number;
  timings: { envelope: number; frontier: number };
  envelopeCached: boolean;
  rateEvaluations: number;
  models: { rate: string; crlb: string };
}

let cache: { key: string; envelope: ReturnType<typeof opt.buildEnvelope> } | null = null;

export function envelopeKey(p: Params, s: Settings): string {
  return JSON.stringify({ alpha: p.alpha, mt: p.mt, psi: p.psi, mu: p.lambdaU / p.lambdaB, lMax: s.lMax, tol: LIVE_REL_TOL, cells: LIVE_GRID_CELLS });
}

/** The exact-rate model of the optimizer at the current communication parameters. */
export function rateModel(p: Params): import('../lib.ts').OptRateModel {
  const kappa = new Map<number, number>();
  return {
    name: 'exact',
    rate(L: number, pc: number): number {
      let k = kappa.get(L);
      if (k === undefined) {
        k = kappaCFor(p, L);
        kappa.set(L, k);
      }
      return opt.rateExact({ L, pc, kappaC: k, alpha: p.alpha, mt: p.mt }, { relTol: LIVE_REL_TOL });
    },
  };
}

export function computeTradeoff(p: Params, s: Settings): TradeoffCurves {
  const key = envelopeKey(p, s);
  let t0 = performance.now();
  const cached = cache !== null && cache.key === key;
  if (!cached) cache = { key, envelope: opt.buildEnvelope(rateModel(p), s.lMax, LIVE_GRID_CELLS) };
  const envelope = (cache as NonNullable<typeof cache>).envelope;
  const tEnv = performance.now() - t0;
  t0 = performance.now();
  const before = envelope.evaluations;
  const crlb = opt.crlbModel(p);
  const result = opt.solveTradeoff(envelope, crlb, { backhaul: p.backhaul, e: p.e, maxL: s.lMax, maxN: s.nMax }, { levels: LIVE_LEVELS });
  const tFront = performance.now() - t0;
  return {
    result,
    backhaul: p.backhaul,
    e: p.e,
    timings: { envelope: tEnv, frontier: tFront },
    envelopeCached: cached,
    rateEvaluations: envelope.evaluations - (cached ? before : 0),
    models: { rate: 'exact rate (src/comm/exactRate.ts), κ_c as printed', crlb: crlb.name },
  };
}
