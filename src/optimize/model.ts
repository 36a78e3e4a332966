/**
 * The two performance models the optimizer needs, as small synchronous interfaces, and the problem
 * setting (backhaul constraint Eq. (10) of arXiv:2403.20228 and the integer search ranges).
 *
 * Any implementation may be plugged in: the paper's closed forms (Theorem 2, Eq. 16), the toolkit's
 * exact rate, a table of Monte Carlo estimates, or a synthetic model in a test.
 */
import { ArgumentError, checkInteger, checkRange } from '../math/argumentError.ts';

/**
 * The communication side: the average rate R_c(L, p^c) of Eq. (9) in nats/s/Hz.
 *
 * Contract (checked on the optimizer's grid, see `RateEnvelope`): for every L, R_c(L, ·) is
 * continuous and strictly increasing on [0, 1] with R_c(L, 0) = 0. Both hold for the paper's gain
 * models: the desired gains scale with p^c while the interference gains g_j ~ Γ(1, 1) do not, so
 * R_c = E[ln(1 + p^c X_L)] with X_L > 0 independent of p^c (also concave in p^c, which the weighted
 * objective's 1-D search uses).
 */
export interface ClusterRateModel {
  /** R_c in nats/s/Hz for cluster size L (integer ≥ 1) and power share p^c ∈ [0, 1]. */
  rate(L: number, pc: number): number;
  /** Human-readable name, e.g. "exact" or "thm2". */
  readonly name: string;
  /**
   * True if R_c(L, ·) is concave on [0, 1] for every L (the paper's models: R_c = E[ln(1 + p^c X_L)]
   * has second derivative −E[X_L²/(1 + p^c X_L)²] < 0). Enables tighter certified bands in
   * `RateEnvelope` (far fewer evaluations) and makes the weighted 1-D searches exact. Checked on the
   * grid; leave it unset for a merely monotone model.
   */
  readonly concaveInPc?: boolean;
}

/**
 * The sensing side: CRLB_a(N, p^s) in m², the expected localization CRLB with acceptance (Eq. 16
 * or its simulation). |ζ|² ∝ p^s (Eq. 5), so CRLB_a(N, p^s) = CRLB_a(N, 1)/p^s: the optimizer only
 * asks for the full-power value `crlbFullPower(N)`. `Infinity` means the CRLB does not exist for
 * that N (e.g. N = 1, or an expectation that diverges).
 */
export interface CrlbModel {
  /** CRLB_a(N, p^s = 1) in m² for cluster size N (integer ≥ 1). */
  crlbFullPower(N: number): number;
  readonly name: string;
}

/**
 * CRLB_a(N, p^s) = CRLB_a(N, 1)/p^s (Eq. 5: |ζ|² ∝ p^s); Infinity at p^s = 0.
 *
 * Formula: |ζ|² ∝ p^s in Eq. (5) of arXiv:2403.20228 and every CRLB ∝ 1/|ζ|² (Eqs. (6), (16)), so the
 * CRLB at sensing power p^s is the full-power value divided by p^s (for the mean, the median or any
 * quantile).
 * Method: one division.
 * Accuracy: exact up to one rounding.
 * References: arXiv:2403.20228, Eqs. (5), (16); docs/optimization.md (the models).
 *
 * @example
 * import { crlbAtPower } from 'isacnet';
 * crlbAtPower(3e5, 0.5); // => 6e5
 * crlbAtPower(3e5, 0); // => Infinity
 */
export function crlbAtPower(crlbFull: number, ps: number): number {
  return ps > 0 ? crlbFull / ps : Infinity;
}

/** The problem setting: Eq. (10) and the integer search ranges. */
export interface BackhaulProblem {
  /** C_backhaul in nats/s/Hz. */
  backhaul: number;
  /** e: backhaul demand of one sensing BS, nats/s/Hz per BS. */
  e: number;
  /** Communication cluster sizes searched: 1 … maxL (all enumerated). */
  maxL: number;
  /**
   * Upper end of the sensing cluster sizes searched. With e > 0, Eq. (10) with R_c ≥ 0 already
   * bounds N ≤ ⌊C_backhaul/e⌋; `maxN` matters only when e = 0 (or is smaller than that bound).
   */
  maxN: number;
}

/**
 * Backhaul use of Eq. (10): R_c + e·N in nats/s/Hz.
 *
 * Formula: R_c + e × N, the left side of Eq. (10) of arXiv:2403.20228.
 * Method: direct evaluation.
 * Accuracy: exact up to rounding.
 * References: arXiv:2403.20228, Eq. (10); docs/optimization.md.
 *
 * @example
 * import { backhaulUse } from 'isacnet';
 * backhaulUse(4, 10, 0.2); // => 6
 */
export function backhaulUse(rate: number, N: number, e: number): number {
  return rate + e * N;
}

/**
 * Largest N allowed by Eq. (10) at rate R: ⌊(C − R)/e⌋ (a relative slack of 1e-12 absorbs rounding
 * so that R = C − eN exactly keeps N), capped at maxN; −1 when even N = 0 does not fit.
 *
 * Formula: N ≤ (C_backhaul − R_c)/e from Eq. (10) of arXiv:2403.20228.
 * Method: floor with a relative slack of 1e-12.
 * Accuracy: exact on the integers (the slack only keeps boundary cases R = C − eN).
 * References: arXiv:2403.20228, Eq. (10); docs/optimization.md.
 *
 * @example
 * import { maxSensingCluster } from 'isacnet';
 * const problem = { backhaul: 6, e: 0.2, maxL: 30, maxN: 200 };
 * maxSensingCluster(problem, 4); // => 10
 * maxSensingCluster(problem, 6.5); // => -1
 */
export function maxSensingCluster(problem: BackhaulProblem, rate: number): number {
  const room = problem.backhaul - rate;
  const slack = 1e-12 * Math.max(1, problem.backhaul);
  if (room < -slack) return -1;
  if (problem.e === 0) return problem.maxN;
  return Math.min(problem.maxN, Math.floor((room + slack) / problem.e));
}

/**
 * The rate room Eq. (10) leaves a sensing cluster of N BSs: C − e·N.
 *
 * Formula: R_c ≤ C_backhaul − e·N, Eq. (10) of arXiv:2403.20228.
 * Method: direct evaluation.
 * Accuracy: exact up to rounding.
 * References: arXiv:2403.20228, Eq. (10); docs/optimization.md.
 *
 * @example
 * import { rateRoom } from 'isacnet';
 * rateRoom({ backhaul: 6, e: 0.2, maxL: 30, maxN: 200 }, 12); // => 3.6 (±1e-12)
 */
export function rateRoom(problem: BackhaulProblem, N: number): number {
  return problem.backhaul - problem.e * N;
}

/**
 * Validate the setting (ArgumentError naming the argument, value and range).
 *
 * Formula: not in the paper (C_backhaul > 0 and e ≥ 0 of Eq. (10) of arXiv:2403.20228; the integer
 * search ranges maxL ∈ [1, 1000], maxN ∈ [2, 10000] are the toolkit's).
 * Method: range checks.
 * Accuracy: exact.
 * References: docs/optimization.md.
 *
 * @example
 * import { checkProblem } from 'isacnet';
 * checkProblem({ backhaul: 6, e: 0.2, maxL: 30, maxN: 200 }); // => undefined
 * let name = '';
 * try { checkProblem({ backhaul: -1, e: 0.2, maxL: 30, maxN: 200 }); } catch (err) { name = (err as Error).name; }
 * name; // => "ArgumentError"
 */
export function checkProblem(problem: BackhaulProblem): void {
  checkRange('backhaul', problem.backhaul, { min: 0, max: Infinity, minExclusive: true, unit: 'nats/s/Hz' });
  checkRange('e', problem.e, { min: 0, max: Infinity, unit: 'nats/s/Hz per BS' });
  checkInteger('maxL', problem.maxL, 1, 1000);
  checkInteger('maxN', problem.maxN, 2, 10000);
}

/**
 * Eq. (10) leaves no room for a localizing sensing cluster: C_backhaul < e·N for the smallest N
 * whose CRLB_a is finite (or no N has a finite CRLB_a). An ArgumentError on `backhaul` whose
 * message keeps the numbers a user needs: the smallest such N, e·N and the CRLB model.
 */
export class InfeasibleBackhaulError extends ArgumentError {
  /** What the smallest localizing cluster needs, e.g. `the smallest localizing sensing cluster (N = 2 …) needs e·N = 0.4000 nats/s/Hz`. */
  readonly need: string;
  /** The feasible capacities, e.g. `allowed range is C_backhaul ≥ 0.4000`. */
  readonly requirement: string;

  constructor(
    readonly backhaul: number,
    readonly e: number,
    /** Smallest N with a finite CRLB_a, or null when there is none. */
    readonly smallestN: number | null,
    readonly crlbModel: string,
  ) {
    const needed = smallestN === null ? null : (e * smallestN).toPrecision(4);
    const need = needed !== null ? `the smallest localizing sensing cluster (N = ${smallestN} with CRLB model "${crlbModel}") needs e·N = ${needed} nats/s/Hz` : `no sensing cluster size gives a finite CRLB with model "${crlbModel}"`;
    const requirement = needed !== null ? `allowed range is C_backhaul ≥ ${needed}` : 'no C_backhaul makes it feasible';
    super('backhaul', backhaul, needed !== null ? `≥ ${needed} nats/s/Hz when {@e} = ${e} (Eq. 10: R_c + e·N ≤ C_backhaul)` : 'feasible (Eq. 10), which no value is', need);
    this.name = 'InfeasibleBackhaulError';
    this.need = need;
    this.requirement = requirement;
    this.message = `backhaul (C_backhaul): infeasible value ${backhaul} nats/s/Hz with e = ${e}: ${need}; ${requirement} (Eq. 10: R_c + e·N ≤ C_backhaul)`;
  }
}
