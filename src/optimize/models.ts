/**
 * The toolkit's real performance models behind the optimizer's small interfaces (`ClusterRateModel`,
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
import { RateBudgetError } from '../comm/rateQuadrature.ts';
import type { RateTableValues } from '../comm/rateTable.ts';
import type { CoMPRateParams } from '../comm/rateModel.ts';
import { crlbAcceptanceEq16Lemma1 } from '../sensing/crlbAcceptance.ts';
import { runSensingNetwork } from '../sensing/networkSummary.ts';
import type { MonteCarloJob } from '../parallel/job.ts';
import { crlbScaleM2, usersPerBs, targetsPerBs, coMPRateParamsAt } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { ArgumentError, checkOneOf } from '../math/argumentError.ts';
import type { CrlbModel, ClusterRateModel } from './model.ts';

/** Names of the rate models of `rateModel`: the exact rate and Theorem 2. */
export const RATE_MODELS = ['exact', 'thm2'] as const;
/** Names of the CRLB models: Eq. (16) with Lemma 1 (`eq16CrlbModel`) and the simulated median (`mcCrlbModel`). */
export const CRLB_MODELS = ['eq16', 'mc'] as const;
export type RateModelName = (typeof RATE_MODELS)[number];
export type CrlbModelName = (typeof CRLB_MODELS)[number];

/**
 * A rate model name ('exact' or 'thm2'), or an ArgumentError naming `rateModel`.
 *
 * Formula: not in the paper (chooses between the exact rate and Theorem 2 of arXiv:2403.20228).
 * Method: `checkOneOf('rateModel', v, RATE_MODELS)`.
 * Accuracy: exact (string comparison).
 * References: docs/optimization.md (models).
 *
 * @example
 * import { checkRateModelName } from 'isacnet/optimize';
 * checkRateModelName('thm2'); // => "thm2"
 * let msg = '';
 * try { checkRateModelName('x'); } catch (err) { msg = (err as Error).message; }
 * msg; // => 'rateModel must be one of exact, thm2, got "x"'
 */
export function checkRateModelName(v: unknown): RateModelName {
  return checkOneOf('rateModel', v, RATE_MODELS);
}

/**
 * A CRLB model name ('eq16' or 'mc'), or an ArgumentError naming `crlbModel`.
 *
 * Formula: not in the paper (chooses between Eq. (16) of arXiv:2403.20228 and the network Monte Carlo).
 * Method: `checkOneOf('crlbModel', v, CRLB_MODELS)`.
 * Accuracy: exact (string comparison).
 * References: docs/optimization.md (models).
 *
 * @example
 * import { checkCrlbModelName } from 'isacnet/optimize';
 * checkCrlbModelName('eq16'); // => "eq16"
 * let msg = '';
 * try { checkCrlbModelName('eq13'); } catch (err) { msg = (err as Error).message; }
 * msg; // => 'crlbModel must be one of eq16, mc, got "eq13"'
 */
export function checkCrlbModelName(v: unknown): CrlbModelName {
  return checkOneOf('crlbModel', v, CRLB_MODELS);
}

/**
 * Work limit of one rate evaluation in `rateModel`: integrand evaluations (≈ 1 µs each). Rates with
 * α ≥ 2.001 and p^c ≥ 10⁻⁶ need at most 1.2·10⁵ (measured); near α = 2 the sweep's power shares of
 * 10⁻⁹ and less need 10⁷ and more per rate, minutes for a figure (issue 13).
 */
export const RATE_MAX_EVALUATIONS = 4_000_000;

/**
 * R_c(L, p^c) from the communication module with the printed κ_c(L).
 *
 * Formula: R_c(L, p^c) of Eq. (9) of arXiv:2403.20228, by the exact rate (`exact`) or Theorem 2
 * (`thm2`), with κ_c(L) printed in Section IV (μ_c = λ_u/λ_b, ψ, α, M_t from `p`).
 * Method: `rateExact` / `rateTheorem2` at the default accuracy (1e-6 relative target); κ_c memoized
 * per L; each rate limited to `RATE_MAX_EVALUATIONS` integrand evaluations (30× the most a rate
 * with α ≥ 2.001 and p^c ≥ 10⁻⁶ needs), past which an ArgumentError names α (the optimizer's sweep
 * asks for ever smaller p^c when α is near 2, where R_c → 0); declared concave in p^c (R_c = E[ln(1 + p^c X_L)]), which the envelope checks on its grid.
 * `paramsAt(L, p^c)` is the rate model record each rate is computed at; with `table` (the values of a
 * `comm.rateTable` job over such records, e.g. run on the worker pool) a rate the table holds is
 * taken from it (the same number), any other is computed.
 * Accuracy: as `rateExact` / `rateTheorem2` (≲ 2e-7 relative measured).
 * References: arXiv:2403.20228, Theorem 2 and Eqs. (8)–(9); docs/optimization.md (the models).
 *
 * @example
 * import { rateModel, defaultParams } from 'isacnet';
 * rateModel('exact', defaultParams()).rate(4, 0.5); // => 3.35117465
 * rateModel('thm2', defaultParams()).rate(4, 0.5); // => 3.47773229
 * rateModel('exact', defaultParams()).paramsAt(4, 0.5).L; // => 4
 */
export function rateModel(name: RateModelName, p: Params, table?: RateTableValues): ClusterRateModel & { paramsAt(L: number, pc: number): CoMPRateParams } {
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
  const paramsAt = (L: number, pc: number): CoMPRateParams => coMPRateParamsAt(p, L, pc, kappaOf(L));
  return {
    name,
    paramsAt,
    // E[ln(1 + p^c X_L)] with X_L independent of p^c (desired gains ∝ p^c, interference Γ(1, 1)
    // whatever p^c): concave in p^c (see model.ts).
    concaveInPc: true,
    rate: (L: number, pc: number): number => {
      if (pc <= 0) return 0;
      const model = paramsAt(L, pc);
      const tabulated = table?.get(model, name);
      if (tabulated !== undefined) return tabulated;
      try {
        return f(model, { maxEvaluations: RATE_MAX_EVALUATIONS });
      } catch (e) {
        if (!(e instanceof RateBudgetError)) throw e;
        throw new ArgumentError(
          'alpha',
          p.alpha,
          'far enough from 2 for the rate quadrature to converge',
          `R_c(L = ${L}, p^c = ${pc.toExponential(2)}) needed more than ${RATE_MAX_EVALUATIONS} integrand evaluations; as α → 2 the rate tends to 0 and the trade-off sweep asks for ever smaller p^c: use α ≥ 2.2 (or a larger backhaul)`,
        );
      }
    },
  };
}

/**
 * Params at full sensing power (p^s = 1, i.e. p^c = 0), for |ζ|² and the CRLB scale.
 *
 * Formula: |ζ|² ∝ p^s (Eq. (5) of arXiv:2403.20228): p^c = 0, and a `zeta2` override (given at the
 * configured p^s) rescaled by 1/p^s.
 * Method: a copy of `p`.
 * Accuracy: exact up to one rounding (tested in test/optimize/realModels.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/optimization.md.
 *
 * @example
 * import { fullSensingPowerParams, defaultParams } from 'isacnet';
 * fullSensingPowerParams(defaultParams()).pc; // => 0
 * fullSensingPowerParams({ ...defaultParams(), zeta2: 100 }).zeta2; // => 200
 */
export function fullSensingPowerParams(p: Params): Params {
  if (p.zeta2 === null) return { ...p, pc: 0 };
  // An override is the value at the configured p^s: rescale it to p^s = 1 (|ζ|² ∝ p^s).
  const ps = 1 - p.pc;
  if (!(ps > 0)) throw new ArgumentError('pc', p.pc, '< 1 when {@zeta2} is given', 'the {@zeta2} override is the sensing gain at p^s = 1 − p^c and cannot be rescaled from zero sensing power');
  return { ...p, pc: 0, zeta2: p.zeta2 / ps };
}

/**
 * Eq. (16) with Lemma 1's κ_s (both as printed), in m² at p^s = 1.
 *
 * Formula: CRLB_a(N, 1) = 1/(κ_s² |ζ|²(p^s = 1) λ_b² π² ln² N), Eq. (16) of arXiv:2403.20228 with κ_s of
 * Lemma 1, Eq. (15); Infinity for N = 1. β must be 2 (Eq. (16) carries Theorem 1's ln² N).
 * Method: `crlbAcceptanceEq16Lemma1(N, fullSensingPowerParams(p))`.
 * Accuracy: as its parts (the Lemma 1 series to 1e-11); the sensing corner 3.028e5 m² at N = 12 is
 * the value of docs/optimization.md. Against the simulated median it is 20.5–29.2% high at the Pareto
 * points of Fig. 5 (docs/errata.md O3).
 * References: arXiv:2403.20228, Eqs. (15)–(16); docs/optimization.md; docs/errata.md S6, O3.
 *
 * @example
 * import { eq16CrlbModel, defaultParams } from 'isacnet';
 * const m = eq16CrlbModel(defaultParams());
 * m.crlbFullPower(12); // => 302817.254
 * m.crlbFullPower(1); // => Infinity
 */
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
  /**
   * Per N: the simulated median (m², p^s = 1) with its 95% CI, the trials, and the fraction of
   * targets that cannot be localized (≤ 1 accepted BS or a singular FIM; the median rests on the rest).
   */
  rows: Array<{ N: number; median: number | null; ci95: [number, number] | null; trials: number; nonLocalizableFraction: number | null }>;
}

/**
 * Simulated median CRLB_a(N, p^s = 1) in m² for N = 1 … maxN (one network simulation).
 *
 * Formula: not in the paper: the median of the CRLB with acceptance under the mechanism of Section
 * III-B of arXiv:2403.20228 (the mean, which Eq. (16) approximates, is infinite when κ_s < 1), at
 * p^s = 1.
 * Method: `runSensingNetwork` for N = 1 … maxN with ψ and μ_s of `p`, scaled to m² at full sensing power.
 * Accuracy: Monte Carlo with distribution-free 95% CIs per N (900 windows: 3.737e5 [3.712e5, 3.763e5]
 * m² at a Pareto point of Fig. 5, docs/errata.md O3); depends on the seed only, never on the runner.
 * References: docs/optimization.md (the models); docs/errata.md S6, O3.
 *
 * @example
 * import { mcCrlbModel, defaultParams, inlineRunner } from 'isacnet';
 * const t = await mcCrlbModel(defaultParams(), { maxN: 4, windows: 4, seed: 1, run: inlineRunner });
 * t.rows.map((r) => r.N); // => [1, 2, 3, 4]
 * t.crlbFullPower(1); // => Infinity
 * // 4 windows, seed 1: the median CRLB_a at N = 4 in m²
 * t.crlbFullPower(4); // => 498181.214
 */
export async function mcCrlbModel(p: Params, o: McCrlbOptions): Promise<McCrlbTable> {
  const full = fullSensingPowerParams(p);
  const Ns = Array.from({ length: o.maxN }, (_, i) => i + 1);
  const points = await runSensingNetwork(
    { muS: targetsPerBs(p), Ns, psis: [p.psi], beta: p.beta, windows: o.windows, seed: o.seed },
    o.run,
    crlbScaleM2(full),
  );
  const rows = points.map((pt) => ({
    N: pt.N,
    median: pt.crlb.median,
    ci95: pt.crlb.medianCi95,
    trials: pt.crlb.trials,
    nonLocalizableFraction: pt.nonLocalizableFraction === null ? null : pt.nonLocalizableFraction + (pt.singularFraction ?? 0),
  }));
  const byN = new Map(rows.map((r) => [r.N, r.median]));
  return {
    name: 'mc',
    rows,
    crlbFullPower: (N: number): number => byN.get(N) ?? Infinity,
  };
}
