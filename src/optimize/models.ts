/**
 * The toolkit's real performance models behind the optimizer's small interfaces (`RateModel`,
 * `CrlbModel` of ./model.ts):
 *
 * Rate R_c(L, p^c) (nats/s/Hz), `--rate-model`:
 *   - `exact` (default): the exact expression of the communication module (src/comm/exactRate.ts:
 *     Eqs. (8)–(9) under the paper's gain laws and independent acceptance, without Theorem 2's two
 *     approximations);
 *   - `thm2`: Theorem 2 as printed (src/comm/theorem2.ts, corrected H1 of Lemma 2).
 *   Both use the acceptance κ_c(L) printed in Section IV with μ_c = λ_u/λ_b and ψ.
 *
 * CRLB_a(N, p^s = 1) (m²), `--crlb-model`:
 *   - `eq16` (default): Eq. (16) with Lemma 1's κ_s, both as printed (src/sensing/crlbAcceptance.ts),
 *     at full sensing power |ζ|²(p^s = 1) = |ζ|²/W · P_t;
 *   - `mc`: the network-level simulation of the request/acceptance mechanism (src/sensing/network.ts).
 *     Its mean E[CRLB_a] is infinite whenever a request can be declined (clusters of ≤ 3 accepted
 *     BSs occur with positive probability), so the optimizer uses the simulated **median** CRLB_a,
 *     which scales as 1/p^s like the mean (the CRLB of every geometry is ∝ 1/|ζ|²).
 */
import type { JobRunner } from '../parallel/job.ts';
import { kappaCPrinted } from '../comm/kappa.ts';
import { rateExact } from '../comm/exactRate.ts';
import { rateTheorem2 } from '../comm/theorem2.ts';
import { crlbAcceptanceEq16Lemma1 } from '../sensing/crlbAcceptance.ts';
import { runSensingNetwork } from '../sensing/networkSummary.ts';
import type { MonteCarloJob } from '../parallel/job.ts';
import { crlbScaleM2 } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { ArgumentError, checkOneOf } from '../math/argumentError.ts';
import type { CrlbModel, RateModel } from './model.ts';

export const RATE_MODELS = ['exact', 'thm2'] as const;
export const CRLB_MODELS = ['eq16', 'mc'] as const;
export type RateModelName = (typeof RATE_MODELS)[number];
export type CrlbModelName = (typeof CRLB_MODELS)[number];

export function checkRateModelName(v: unknown): RateModelName {
  return checkOneOf('rateModel', v, RATE_MODELS);
}

export function checkCrlbModelName(v: unknown): CrlbModelName {
  return checkOneOf('crlbModel', v, CRLB_MODELS);
}

/** R_c(L, p^c) from the communication module with the printed κ_c(L). */
export function rateModel(name: RateModelName, p: Params): RateModel {
  const muC = p.lambdaU / p.lambdaB;
  const kappa = new Map<number, number>();
  const kappaOf = (L: number): number => {
    let k = kappa.get(L);
    if (k === undefined) {
      k = kappaCPrinted(p.psi, muC, L);
      kappa.set(L, k);
    }
    return k;
  };
  const f = name === 'exact' ? rateExact : rateTheorem2;
  return {
    name,
    // E[ln(1 + p^c X_L)] with X_L independent of p^c (desired gains ∝ p^c, interference Γ(1, 1)
    // whatever p^c): concave in p^c (see model.ts).
    concaveInPc: true,
    rate: (L: number, pc: number): number => (pc <= 0 ? 0 : f({ L, pc, kappaC: kappaOf(L), alpha: p.alpha, mt: p.mt })),
  };
}

/** Params at full sensing power (p^s = 1, i.e. p^c = 0), for |ζ|² and the CRLB scale. */
export function fullSensingPowerParams(p: Params): Params {
  if (p.zeta2 === null) return { ...p, pc: 0 };
  // An override is the value at the configured p^s: rescale it to p^s = 1 (|ζ|² ∝ p^s).
  const ps = 1 - p.pc;
  if (!(ps > 0)) throw new ArgumentError('pc', p.pc, '< 1 when {@zeta2} is given', 'the {@zeta2} override is the sensing gain at p^s = 1 − p^c and cannot be rescaled from zero sensing power');
  return { ...p, pc: 0, zeta2: p.zeta2 / ps };
}

/** Eq. (16) with Lemma 1's κ_s (both as printed), in m² at p^s = 1. */
export function eq16CrlbModel(p: Params): CrlbModel {
  if (p.beta !== 2) {
    // Eq. (16) carries the ln²N law of Theorem 1, derived for β = 2 only; it has no value otherwise.
    throw new ArgumentError('beta', p.beta, '2 when {@crlbModel} is "eq16" (Eq. (16) is derived for β = 2)', 'use {@crlbModel} "mc" for other β');
  }
  const full = fullSensingPowerParams(p);
  return {
    name: 'eq16',
    crlbFullPower: (N: number): number => crlbAcceptanceEq16Lemma1(N, full) ?? Infinity,
  };
}

export interface McCrlbOptions {
  /** Sensing cluster sizes to simulate (all of 1 … N̄ in one run). */
  maxN: number;
  /** Simulation windows (independent network realizations). */
  windows: number;
  seed: number;
  /** Runs a Monte Carlo job (a WorkerPool's `run`, or `runJobSync`). */
  run: JobRunner;
}

export interface McCrlbTable extends CrlbModel {
  /** Per N: the simulated median (m², p^s = 1) with its 95% CI, and the trials. */
  rows: Array<{ N: number; median: number | null; ci95: [number, number] | null; trials: number }>;
}

/** Simulated median CRLB_a(N, p^s = 1) in m² for N = 1 … maxN (one network simulation). */
export async function mcCrlbModel(p: Params, o: McCrlbOptions): Promise<McCrlbTable> {
  const full = fullSensingPowerParams(p);
  const Ns = Array.from({ length: o.maxN }, (_, i) => i + 1);
  const points = await runSensingNetwork(
    { muS: p.lambdaS / p.lambdaB, Ns, psis: [p.psi], beta: p.beta, windows: o.windows, seed: o.seed },
    o.run,
    crlbScaleM2(full),
  );
  const rows = points.map((pt) => ({ N: pt.N, median: pt.crlb.median, ci95: pt.crlb.medianCi95, trials: pt.crlb.trials }));
  const byN = new Map(rows.map((r) => [r.N, r.median]));
  return {
    name: 'mc',
    rows,
    crlbFullPower: (N: number): number => byN.get(N) ?? Infinity,
  };
}
