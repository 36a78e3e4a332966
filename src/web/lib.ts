/**
 * The library functions the explorer displays, gathered in one place (pure modules only: no node:
 * imports, nothing from src/cli, src/figures/render.ts or src/parallel/nodePool.ts).
 */
import * as sensingLib from '../sensing/index.ts';
import { computeSensingReport, type SensingReport as SensingReportT } from '../sensing/sensingReport.ts';
import { kappaCPrinted } from '../comm/kappa.ts';
import { rateExact } from '../comm/exactRate.ts';
import { rateTheorem2 } from '../comm/theorem2.ts';
import type { RateModel as CommRateModelT } from '../comm/rateModel.ts';
import { buildEnvelope, solveTradeoff, type TradeoffResult as TradeoffResultT } from '../optimize/tradeoff.ts';
import type { CrlbModel, RateModel as OptRateModelT } from '../optimize/model.ts';
import type { Params } from '../params/schema.ts';

export type SensingReport = SensingReportT;
export type CommRateModel = CommRateModelT;
export type OptRateModel = OptRateModelT;
export type TradeoffResult = TradeoffResultT;

/** Sensing: closed forms (src/sensing), κ_s and Eq. (16) (src/load), the CLI's report function. */
export const sensing = { ...sensingLib, computeSensingReport };

/** Lemma 1's κ_s as printed (src/load/sensingKappa.ts). */
export const kappaSLemma1 = sensingLib.kappaSLemma1;

export const comm = {
  kappaC: kappaCPrinted,
  rateTheorem2,
  rateExact,
};

export const opt = {
  buildEnvelope,
  solveTradeoff,
  /** R_c(L, p^c): the exact rate with the printed κ_c(L) (library default accuracy). */
  rateModel(p: Params): OptRateModelT {
    const kappa = new Map<number, number>();
    return {
      name: 'exact',
      rate(L: number, pc: number): number {
        if (pc <= 0) return 0;
        let k = kappa.get(L);
        if (k === undefined) {
          k = kappaCPrinted(p.psi, p.lambdaU / p.lambdaB, L);
          kappa.set(L, k);
        }
        return rateExact({ L, pc, kappaC: k, alpha: p.alpha, mt: p.mt });
      },
    };
  },
  /** CRLB_a(N, p^s = 1) of Eq. (16) with Lemma 1's κ_s: |ζ|² at the full power P_t. */
  crlbModel(p: Params): CrlbModel {
    // A |ζ|² override is the value at the configured p^s; rescale it to p^s = 1 (|ζ|² ∝ p^s).
    const full: Params = p.zeta2 === null ? { ...p, pc: 0 } : { ...p, pc: 0, zeta2: p.zeta2 / (1 - p.pc) };
    return {
      name: 'Eq. (16) with Lemma 1 κ_s',
      crlbFullPower(N: number): number {
        const v = sensingLib.crlbAcceptanceEq16Lemma1(N, full);
        return v === null ? Infinity : v;
      },
    };
  },
};

/** One L of a communication Monte Carlo run. */
export interface CommMcPoint {
  L: number;
  mean: number | null;
  ci95: [number, number] | null;
  trials: number;
}

export interface CommMcResult {
  points: CommMcPoint[];
  meta: Record<string, unknown>;
}

type JobRunnerFn = (job: import('../parallel/job.ts').MonteCarloJob, onProgress?: import('../parallel/job.ts').ProgressFn) => Promise<Float64Array>;

/** The communication Monte Carlo (null until src/comm provides one). */
export const commMc: {
  run(p: Params, lMax: number, trials: number, seed: number, run: JobRunnerFn, progress: (f: number) => void): Promise<CommMcResult>;
  cli(p: Params, lMax: number, trials: number, seed: number): string;
} | null = null;
