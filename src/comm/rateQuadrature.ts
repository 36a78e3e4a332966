/**
 * The double integral shared by Theorem 2 and the exact rate of arXiv:2403.20228 (Section IV):
 *
 *   R = ∫_0^∞ (dz/z) ∫_0^1 G(z, s) ds,   s = η_L² = (r_1/r_L)²,
 *
 * where G includes the density of s. Method:
 * - outer variable y = ln z (so dz/z = dy). Below y_lo the integrand is z·E[X] + O(z²): the piece
 *   (−∞, y_lo] is F(y_lo) to that order. Above y_mid it decays like z^{−2/α} (the PPP has
 *   interferers arbitrarily close to the serving distance with probability ∝ gap^{2/α}); the
 *   substitution u = (z/z_mid)^{−2/α} ∈ (0, 1] turns that tail into a smooth integral on a finite
 *   interval, (α/2)∫_0^1 F(z(u))/u du, without truncation.
 * - inner variable v = −ln s (ds = s dv), because G changes on the scale s ≈ z^{−2/α} (where
 *   z η^α ≈ 1), which moves towards s = 0 as z grows; on [0, v_max] with
 *   v_max = max(0, (2/α) ln z) + 40, plus G(z, s_min)·s_min for s < s_min = e^{−v_max} (G is flat
 *   there to relative order z·s_min^{α/2} < e^{−20α}).
 * - every piece by adaptive Gauss–Kronrod 10/21 (src/math/adaptiveGk21.ts). The achieved accuracy
 *   is measured in test/comm/rates.test.ts against a run at relTol = 1e-11 and against
 *   scipy-evaluated references; `relTol` = 1e-6 gives ≤ 1.8e-7 relative error (measured) because
 *   the QUADPACK estimate is pessimistic for smooth integrands.
 */
import { integrateGk21 } from '../math/adaptiveGk21.ts';

export interface RateIntegralOptions {
  /** Relative accuracy target for R (default 1e-6). */
  relTol?: number;
  /**
   * Most evaluations of G (or F) before the integral gives up with a `RateBudgetError` (default:
   * no limit). Typical rates need 10⁴–1.2·10⁵ (α ≥ 2.001, p^c ≥ 10⁻⁶); near α = 2 at power shares
   * below 10⁻⁸ a single rate can need 10⁷ (seconds), which is what a budget cuts short.
   */
  maxEvaluations?: number;
}

/**
 * Thrown by `integrateRate` when its `maxEvaluations` budget is spent before the quadrature ends.
 * Callers that know the parameters (src/optimize/models.ts) turn it into an ArgumentError naming
 * the parameter to change.
 *
 * Formula: not in the paper (a work limit of the rate quadrature of Theorem 2 / Eq. (9)).
 * Method: `integrateRate` counts evaluations of G and throws once the count exceeds the budget.
 * Accuracy: not applicable (no value is returned).
 * References: src/comm/rateQuadrature.ts (module comment).
 *
 * @example
 * import { integrateRate, RateBudgetError } from 'isacnet/comm';
 * let caught = '';
 * try { integrateRate({ alpha: 4, pc: 1, at: (z) => ({ direct: Math.exp(-z) - Math.exp(-2 * z) }) }, { maxEvaluations: 5 }); } catch (e) { caught = e instanceof RateBudgetError ? e.name : 'other'; }
 * caught; // => "RateBudgetError"
 */
export class RateBudgetError extends Error {
  constructor(
    readonly evaluations: number,
    readonly maxEvaluations: number,
    readonly alpha: number,
    readonly pc: number,
  ) {
    super(`the rate integral needed more than ${maxEvaluations} integrand evaluations (α = ${alpha}, p^c = ${pc})`);
    this.name = 'RateBudgetError';
  }
}

export interface RateIntegralResult {
  value: number;
  /** Sum of the Gauss–Kronrod error estimates of the pieces (pessimistic). */
  errorEstimate: number;
  /** Number of evaluations of G (or of F when there is no inner integral). */
  evaluations: number;
  /** Number of values of z visited. */
  zPoints: number;
}

/**
 * One z: either F(z) directly (`direct`, e.g. L = 1 where η ≡ 1) or the density-weighted inner
 * integrand G(z, s) on s ∈ (0, 1].
 */
export type RateIntegrand = { direct: number } | { inner: (s: number) => number };

export interface RateProblem {
  alpha: number;
  /** Power share of the desired signal (sets where the signal Laplace transform turns). */
  pc: number;
  /**
   * Scale of z where the integrand turns (default 1/p^c, the signal's own scale); with noise ν the
   * rates pass 1/(p^c + ν), since the factor e^{−zν u_1^{α/2}} cuts the integrand off there.
   */
  zScale?: number;
  /** Integrand at z. */
  at(z: number): RateIntegrand;
}

/** GK tolerance = this factor × target relative accuracy, at most 1e-3 (see the calibration note below). */
export const GK_TOLERANCE_FACTOR = 1000;

/** Width in v = −ln s of the inner piece just above the cut (where G turns). */
const TRANSITION_WIDTH = 3;

/**
 * R = ∫_0^∞ (dz/z) F(z), F(z) = ∫_0^1 G(z, s) ds (or F given directly): the double integral of
 * Theorem 2 and of the exact rate (module comment).
 *
 * Formula: the rate integral of Theorem 2 and of the exact rate (Section IV of arXiv:2403.20228,
 * Eq. (9) in Hamdi's form R = ∫ (1 − L_S(z)) L_I(z)/z dz).
 * Method: outer pieces in z, ln z and u = (z/z_mid)^{−δ} around z = 1/p^c; inner split at
 * s = e^{−2} z^{−2/α} in s = σ⁴ and v = −ln s, the v piece split again 3 units below the cut;
 * every piece by `integrateGk21` at tolerance 1000 × relTol (at most 1e-3).
 * Accuracy: relTol 1e-6 gives at most 1.7e-7 (exact rate) and 1.8e-7 (Theorem 2) relative error
 * against runs at 1e-11 over 315 parameter points (L 1–20, p^c 0.01–1, α 2.2–8, M_t 2–16;
 * bench/comm.bench.ts, 2026-12-03) and ≤ 1e-6 over the grid of test/comm/rates.test.ts; the example (Frullani's ∫(e^{−z} − e^{−2z})/z dz
 * = ln 2) is off by 1.4e-12 (measured against mpmath). `errorEstimate` is pessimistic.
 * References: arXiv:2403.20228, Theorem 2 and Section IV; R. Piessens et al., QUADPACK (1983).
 *
 * @example
 * import { integrateRate } from 'isacnet/comm';
 * const F = (z: number) => Math.exp(-z) - Math.exp(-2 * z);
 * integrateRate({ alpha: 4, pc: 1, at: (z) => ({ direct: F(z) }) }).value; // => 0.693147180559945 (±1e-9)
 * // the same through the inner integral, G(z, s) = 2s F(z)
 * integrateRate({ alpha: 4, pc: 1, at: (z) => ({ inner: (s) => 2 * s * F(z) }) }).value; // => 0.693147180559945 (±1e-9)
 */
export function integrateRate(problem: RateProblem, options: RateIntegralOptions = {}): RateIntegralResult {
  // The Gauss–Kronrod tolerances are looser than the target: the QUADPACK estimates overstate
  // the error of these smooth integrands by orders of magnitude. Calibration (test/comm/rates.test.ts
  // and bench/comm.bench.ts, 315 parameter points): target 1e-6 → GK tolerance 1e-3 → worst
  // measured error 1.8e-7 relative (with the v piece split below the cut; the single v piece at
  // GK tolerance 1e-4 gave 1.3e-7 with 24% more evaluations of the exact rate).
  const target = options.relTol ?? 1e-6;
  const relTol = Math.min(GK_TOLERANCE_FACTOR * target, 1e-3);
  const alpha = problem.alpha;
  let evaluations = 0;
  let zPoints = 0;
  const innerOpts = { relTol: relTol, absTol: 0, maxPanels: 100 };

  // Inner integral over s of G(z, ·), split at s_c = e^{−2} z^{−2/α}: below, G is a smooth function
  // of (s, s^{α/2}) and s = σ^4 makes it smooth in σ; above, v = −ln s follows the shift of s*.
  const budget = options.maxEvaluations ?? Infinity;
  const F = (z: number): number => {
    zPoints++;
    if (evaluations > budget) throw new RateBudgetError(evaluations, budget, alpha, problem.pc);
    const r = problem.at(z);
    if ('direct' in r) {
      evaluations += 1;
      return r.direct;
    }
    const g = r.inner;
    const sCut = Math.min(1, Math.exp(-2) * Math.pow(z, -2 / alpha));
    const low = integrateGk21(
      (sigma) => {
        const s2 = sigma * sigma;
        return 4 * s2 * sigma * g(s2 * s2);
      },
      0,
      Math.pow(sCut, 0.25),
      innerOpts,
    );
    evaluations += low.evaluations;
    if (sCut >= 1) return low.value;
    // Above the cut in v = −ln s: the last TRANSITION_WIDTH units below v_cut hold the turn of G at
    // s ≈ z^{−2/α} (v_cut − 2); the rest is smooth and slowly varying. Two pieces, so neither panel
    // must resolve both (measured: 24% fewer evaluations at the same tolerance, and a smaller error).
    const gv = (v: number): number => {
      const s = Math.exp(-v);
      return g(s) * s;
    };
    const vCut = -Math.log(sCut);
    if (vCut <= TRANSITION_WIDTH + 1) {
      const high = integrateGk21(gv, 0, vCut, innerOpts);
      evaluations += high.evaluations;
      return low.value + high.value;
    }
    const far = integrateGk21(gv, 0, vCut - TRANSITION_WIDTH, innerOpts);
    const near = integrateGk21(gv, vCut - TRANSITION_WIDTH, vCut, innerOpts);
    evaluations += far.evaluations + near.evaluations;
    return low.value + far.value + near.value;
  };

  // Absolute error floor of the inner integrals: a small fraction of F at the signal's own scale
  // z = 1/p^c (F there is within a factor ~10 of its maximum; R ≈ 10 max F).
  const zRef = problem.zScale ?? 1 / problem.pc;
  innerOpts.absTol = 0;
  const fRef = F(zRef);
  innerOpts.absTol = relTol * 1e-3 * Math.abs(fRef);

  const outerOpts = { relTol: relTol, absTol: relTol * 1e-3 * Math.abs(fRef), maxPanels: 200 };
  // Three outer pieces around the signal scale z_ref = 1/p^c:
  //  [0, z_lo]: F(z)/z is analytic at z = 0 (F = z·E[X] + O(z²), all moments finite because the
  //             normalized path gains are ≤ 1), so plain z is the right variable;
  //  [z_lo, z_mid] in y = ln z;  [z_mid, ∞) in u = (z/z_mid)^{−2/α} (see the module comment).
  const zLo = zRef * Math.exp(-4);
  const zMid = zRef * Math.exp(8);
  const lower = integrateGk21((z) => (z > 0 ? F(z) / z : 0), 0, zLo, outerOpts);
  const middle = integrateGk21((y) => F(Math.exp(y)), Math.log(zLo), Math.log(zMid), outerOpts);
  // Tail: F decays like z^{−c} with c = 2/α (exact rate) or c = 2/(α − 2) (Theorem 2, whose
  // η-average puts mass ∝ z^{−2/(α−2)} near η = 0); u = (z/z_mid)^{−δ} with δ = min(c)/2 makes F/u
  // vanish like u^{≥1} at u = 0 in both cases.
  const delta = Math.min(2 / alpha, 2 / (alpha - 2)) * 0.5;
  const tail = integrateGk21(
    (u) => {
      if (u <= 0) return 0;
      const z = zMid * Math.pow(u, -1 / delta);
      return F(z) / (delta * u);
    },
    0,
    1,
    outerOpts,
  );
  const value = lower.value + middle.value + tail.value;
  return { value, errorEstimate: lower.errorEstimate + middle.errorEstimate + tail.errorEstimate, evaluations, zPoints };
}
