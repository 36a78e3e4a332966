/**
 * Control variates with exactly known means for the rate-curve Monte Carlo (src/comm/rateCurve.ts),
 * and the controlled estimator of R_c(L) (Eq. (9) of arXiv:2403.20228).
 *
 * The rate ln(1 + SIR_c(L)) of a trial is, to first order, linear in the logarithms of the quantities
 * the trial draws: the normalized areas u_k = πλ_b r_k² of the nearest BSs, the desired gains, the
 * first interference gains and the acceptance coins. Each of those has an exactly known mean that
 * does NOT involve the closed-form rate being validated:
 * - u_k ~ Gamma(k, 1) (sum of k Exp(1) spacings of the PPP): E[ln u_k] = ψ(k);
 * - desired gain g_k = p^c · G_k, G_k ~ Gamma(M_t − 1, 1): E[ln G_k] = ψ(M_t − 1);
 * - interference gain h_k ~ Exp(1): E[ln h_k] = −γ (Euler's constant);
 * - coin c_k = 1{a_k < κ_c(L)} with a 32-bit uniform a_k: P = ⌈κ_c · 2³²⌉ / 2³² exactly;
 * - products of a coin with ln u_k, ln G_k or ln h_k of the same BS: the factors are independent, so
 *   the centred product has mean 0. The coin decides whether BS k adds g_k u_k^{−α/2} to the signal
 *   or h_k u_k^{−α/2} to the interference, hence the three products.
 * For each L the feature vector (all centred by their exact means) is
 *   x(L) = [ln u_k − ψ(k)]_{k=1…L+2}, [ln G_k − ψ(M_t−1)]_{k=1…L}, [ln h_k + γ]_{k=2…5},
 *          [d_k, d_k (ln u_k − ψ(k)), d_k (ln G_k − ψ(M_t−1)), d_k (ln h_k + γ)]_{k=2…L},
 *          [m_1 … m_12], d_k = c_k − P(c_k),
 * of length 6L + 14 (`rateCurveFeatureCount`), where m_1 … m_12 are second- and third-order terms of
 * the first BSs with exactly known means (`RATE_CURVE_MOMENT_FEATURES`, `fillMomentFeatures`):
 * (ln u_k − ψ(k))² − ψ′(k) for k = 1, 2, 3; (ln G_1 − ψ(M_t−1))² − ψ′(M_t−1); (ln h_k + γ)² − π²/6
 * for k = 2…5; the products (ln u_1 − ψ(1))(ln G_1 − ψ(M_t−1)), (ln u_1 − ψ(1))(ln h_2 + γ),
 * (ln G_1 − ψ(M_t−1))(ln h_2 + γ) of independent factors (mean 0); (ln u_1 − ψ(1))³ − ψ″(1), with
 * ψ″(1) = −2ζ(3) (the third cumulant of ln u_1, u_1 ~ Exp(1)). The rate is concave in these logs,
 * which is what the squares pick up. (The coin × ln h_k terms were added after the first
 * version with 5L + 3 features: at the paper's defaults they raise the variance reduction at L = 20
 * from 12.7 to 17.2 and at L = 15 from 18.5 to 24.4, measured on 2 × 10⁴ held-out trials; the 12
 * moment terms then raise it to 24.9 at L = 20, 41.9 at L = 15, 52 at L = 10 and 45 at L = 1, pilot
 * of 4000 trials.) A pilot sample on its own random stream fits β(L) by
 * least squares; the kernel then records the control P(L) = β(L)ᵀx(L) next to the rate of every
 * trial. The controlled estimate is the sample mean of Y − P: since E[x] = 0 exactly and β is fixed
 * before the main sample is drawn, E[Y − P] = E[Y] = R_c(L) exactly (no O(1/n) bias from an
 * estimated coefficient), and the trials of Y − P are i.i.d., so its CI is the usual
 * mean ± 1.96 s/√n. The variance-reduction factor is Var(Y)/Var(Y − P).
 */
import { NormalEquations } from '../math/leastSquares.ts';
import { controlledEstimates, type ControlledEstimate } from '../math/controlledEstimates.ts';

// ψ(k) at integers and γ moved to src/math/digammaInteger.ts (the CRLB controls use them too); re-exported here.
export { EULER_GAMMA, digammaInteger } from '../math/digammaInteger.ts';
export type { ControlledEstimate } from '../math/controlledEstimates.ts';

/**
 * Exact probability that a 32-bit uniform a = j·2⁻³² (j uniform in {0, …, 2³² − 1}) is below κ.
 *
 * Formula: not in the paper; P(a < κ) = ⌈κ·2³²⌉ / 2³² for κ ∈ [0, 1] (it differs from κ by less than 2.4e-10).
 * Method: counts the integers j < κ·2³².
 * Accuracy: exact (the products are exact in binary64).
 * References: src/math/rng.ts (`uniform32`).
 *
 * @example
 * import { coinProbability32 } from 'isacnet/comm';
 * coinProbability32(0.5); // => 0.5
 * coinProbability32(1); // => 1
 */
export function coinProbability32(kappa: number): number {
  if (!(kappa >= 0 && kappa <= 1)) throw new RangeError(`kappa: invalid value ${kappa}; must be in [0, 1]`);
  return Math.min(Math.ceil(kappa * 4294967296), 4294967296) / 4294967296;
}

/**
 * Length of the control feature vector of cooperation size L: 6L + 14 (layout in the module comment).
 *
 * Formula: not in the paper (control variates for the Monte Carlo of Eq. (9) of arXiv:2403.20228).
 * Method: (L + 2) area logs + L gain logs + 4 interference logs + 12 moment terms + 4(L − 1) coin terms.
 * Accuracy: exact.
 * References: src/comm/rateCurveControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { rateCurveFeatureCount } from 'isacnet/comm';
 * rateCurveFeatureCount(1); // => 20
 * rateCurveFeatureCount(20); // => 134
 */
export function rateCurveFeatureCount(L: number): number {
  return 6 * L + 2 + NMOM;
}

/** Number of moment features m_1 … m_12 shared by every L (module comment). */
export const RATE_CURVE_MOMENT_FEATURES = 12;
/** Module-local copy for the hot loops. */
const NMOM = 12;

/**
 * ψ′(k), the trigamma function at an integer k ≥ 1: π²/6 − Σ_{j=1}^{k−1} 1/j².
 *
 * Formula: not in the paper; DLMF 5.15.2 at positive integers (the variance of ln u for u ~ Gamma(k, 1)).
 * Method: the finite sum, exact up to rounding.
 * Accuracy: ≤ k ulp of π²/6; agrees with scipy.special.polygamma(1, k) to 1e-15 for k ≤ 22
 * (test/comm/rateCurveControl.test.ts).
 * References: DLMF §5.15.
 *
 * @example
 * import { trigammaInteger } from 'isacnet/comm';
 * trigammaInteger(1); // => 1.6449340668482264
 * Math.round(trigammaInteger(3) * 1e12) / 1e12; // => 0.394934066848
 */
export function trigammaInteger(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: invalid value ${k}; must be an integer ≥ 1`);
  let s = PI2_6;
  for (let j = 1; j < k; j++) s -= 1 / (j * j);
  return s;
}

const PI2_6 = Math.PI * Math.PI / 6;
/** ψ″(1) = −2ζ(3) (ζ(3) = 1.2020569031595942…, Apéry's constant). */
const PSI2_AT_1 = -2 * 1.2020569031595942;
const TRIGAMMA_1 = PI2_6;
const TRIGAMMA_2 = PI2_6 - 1;
const TRIGAMMA_3 = PI2_6 - 1.25;

/**
 * Writes the 12 moment features m_1 … m_12 of one trial (module comment) into `out[off …]`, from its
 * centred logs: `lu` = ln u_k − ψ(k) (k = 1, 2, 3 used), `lg` = ln G_1 − ψ(M_t − 1) at `lg[0]`,
 * `lh` = ln h_k + γ (k = 2…5 at lh[0…3]). With `gainsOn` false (p^c = 0: no desired gain is drawn,
 * lg = 0) the three terms with ln G_1 are 0 (they would otherwise be constants).
 *
 * Formula: not in the paper; each term has mean exactly 0 (centred second and third moments of
 * logs of Gamma and Exp variables, products of independent centred logs).
 * Method: 12 products; `trigammaShape` = ψ′(M_t − 1) is passed in (computed once per call of the kernel).
 * Accuracy: exact up to rounding; test/comm/rateCurveControl.test.ts checks every mean within 4.5 s.e.
 * References: src/comm/rateCurveControl.ts (module comment); DLMF §5.15.
 *
 * @example
 * import { fillMomentFeatures, trigammaInteger } from 'isacnet/comm';
 * const m = new Float64Array(12);
 * fillMomentFeatures(m, 0, [0, 0, 0], [0], [0, 0, 0, 0], trigammaInteger(3), true);
 * Math.round(m[0] * 1e6) / 1e6; // => -1.644934
 * m[11]; // => 2.4041138063191885
 */
export function fillMomentFeatures(out: Float64Array, off: number, lu: ArrayLike<number>, lg: ArrayLike<number>, lh: ArrayLike<number>, trigammaShape: number, gainsOn: boolean): void {
  const u1 = lu[0]!;
  const g1 = gainsOn ? lg[0]! : 0;
  const h2 = lh[0]!;
  out[off] = u1 * u1 - TRIGAMMA_1;
  out[off + 1] = lu[1]! * lu[1]! - TRIGAMMA_2;
  out[off + 2] = lu[2]! * lu[2]! - TRIGAMMA_3;
  out[off + 3] = gainsOn ? g1 * g1 - trigammaShape : 0;
  out[off + 4] = h2 * h2 - PI2_6;
  out[off + 5] = lh[1]! * lh[1]! - PI2_6;
  out[off + 6] = lh[2]! * lh[2]! - PI2_6;
  out[off + 7] = lh[3]! * lh[3]! - PI2_6;
  out[off + 8] = u1 * g1;
  out[off + 9] = u1 * h2;
  out[off + 10] = g1 * h2;
  out[off + 11] = u1 * u1 * u1 - PSI2_AT_1;
}

/**
 * Number of leading BSs whose area logs the control features need: max L + 2.
 *
 * Formula: not in the paper. Method: the features of L use ln u_1 … ln u_{L+2}. Accuracy: exact.
 * References: src/comm/rateCurveControl.ts (module comment).
 *
 * @example
 * import { featureAreas } from 'isacnet/comm';
 * featureAreas(20); // => 22
 */
export function featureAreas(lMax: number): number {
  return lMax + 2;
}

/**
 * Fewest pilot trials with the rarer outcome of a coin for its four coin terms to be fitted (else they
 * get coefficient 0). At κ_c = 0.9993 (L = 8 at the paper's defaults) a 2000-trial pilot sees ≈ 1.3
 * rejections per BS; fitting on those gave coefficients of ±250 and a variance-reduction factor of
 * 0.29 on fresh trials (measured). 50 outcomes keep four coefficients per coin well determined.
 */
const MIN_COIN_OUTCOMES = 50;

/** Number of interference-gain logs that every L's features use (BSs 2…5). */
export const FEATURE_INTERFERERS = 4;
/** Module-local copy for the hot loops (an imported or exported binding may be read through a getter by loaders). */
const NLH = 4;

/**
 * Number of interference-gain logs ln h_k + γ a pilot record stores: BSs k = 2…max(max L, 5), i.e.
 * max(max L, 5) − 1 (BSs 2…5 for every L, and BS k's for the coin × ln h_k term of every L ≥ k).
 *
 * Formula: not in the paper. Method: max(lMax, 5) − 1. Accuracy: exact.
 * References: src/comm/rateCurveControl.ts (module comment).
 *
 * @example
 * import { featureInterferers } from 'isacnet/comm';
 * featureInterferers(20); // => 19
 * featureInterferers(2); // => 4
 */
export function featureInterferers(lMax: number): number {
  return Math.max(lMax, NLH + 1) - 1;
}

/**
 * Width of one trial's record in the kernel's 'features' output: the nL rates, then the centred
 * logs ln u_k − ψ(k) (k = 1…max L + 2), ln G_k − ψ(M_t − 1) (k = 1…max L), ln h_k + γ
 * (k = 2…max(max L, 5), `featureInterferers`), the 12 moment features, then the raw acceptance
 * uniforms a_k (k = 1…max L; a_1 unused).
 *
 * Formula: not in the paper. Method: nL + (lMax + 2) + lMax + (max(lMax, 5) − 1) + 12 + lMax. Accuracy: exact.
 * References: src/comm/rateCurve.ts (output 'features').
 *
 * @example
 * import { rateCurveFeatureRecordWidth } from 'isacnet/comm';
 * rateCurveFeatureRecordWidth(20, 20); // => 113
 */
export function rateCurveFeatureRecordWidth(nL: number, lMax: number): number {
  return nL + featureAreas(lMax) + lMax + featureInterferers(lMax) + NMOM + lMax;
}

/**
 * Writes the feature vector x(L) of one pilot trial into `x` (offset 1: x[0] = 1 is the intercept
 * slot used by the fit), reading the centred logs and the uniforms from the record `rec` at the
 * given offsets (no subarray views: this runs once per trial and L).
 */
function fillFeatures(x: Float64Array, L: number, kc: number, pk: number, rec: Float64Array, oLu: number, oLg: number, oLh: number, oMom: number, oAcc: number): void {
  let o = 1;
  for (let k = 0; k < L + 2; k++) x[o++] = rec[oLu + k]!;
  for (let k = 0; k < L; k++) x[o++] = rec[oLg + k]!;
  for (let k = 0; k < NLH; k++) x[o++] = rec[oLh + k]!;
  for (let k = 0; k < NMOM; k++) x[o++] = rec[oMom + k]!;
  for (let k = 1; k < L; k++) {
    const d = (rec[oAcc + k]! < kc ? 1 : 0) - pk;
    x[o++] = d;
    x[o++] = d * rec[oLu + k]!;
    x[o++] = d * rec[oLg + k]!;
    x[o++] = d * rec[oLh + k - 1]!;
  }
}

/**
 * The control value P(L) = β(L)ᵀx(L) of one trial, β(L) at `coef[off …]` in the layout of
 * `rateCurveFeatureCount` (no intercept). Used inside the kernel's trial loop (monomorphic).
 *
 * Formula: not in the paper; a linear control variate with exactly known mean 0.
 * Method: one pass over the 6L + 14 features, coins recomputed from the uniforms.
 * Accuracy: exact up to rounding.
 * References: src/comm/rateCurveControl.ts (module comment).
 *
 * @example
 * import { rateCurveControlValue, rateCurveFeatureCount } from 'isacnet/comm';
 * // L = 1: features ln u_1 − ψ(1), ln u_2 − ψ(2), ln u_3 − ψ(3), ln G_1 − ψ(3), 4 interference logs, 12 moments
 * const coef = new Float64Array(rateCurveFeatureCount(1)).fill(0);
 * coef[0] = -2; // −2 (ln u_1 − ψ(1))
 * coef[8] = 0.5; // 0.5 m_1
 * rateCurveControlValue(coef, 0, 1, 1, 1, [0.5, 0, 0], [0], [0, 0, 0, 0], [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0]); // => 0
 */
export function rateCurveControlValue(coef: Float64Array, off: number, L: number, kc: number, pk: number, lu: ArrayLike<number>, lg: ArrayLike<number>, lh: ArrayLike<number>, mom: ArrayLike<number>, acc: ArrayLike<number>): number {
  let p = 0;
  let o = off;
  for (let k = 0; k < L + 2; k++) p += coef[o++]! * lu[k]!;
  for (let k = 0; k < L; k++) p += coef[o++]! * lg[k]!;
  for (let k = 0; k < NLH; k++) p += coef[o++]! * lh[k]!;
  for (let k = 0; k < NMOM; k++) p += coef[o++]! * mom[k]!;
  for (let k = 1; k < L; k++) {
    const d = (acc[k]! < kc ? 1 : 0) - pk;
    p += d * (coef[o]! + coef[o + 1]! * lu[k]! + coef[o + 2]! * lg[k]! + coef[o + 3]! * lh[k - 1]!);
    o += 4;
  }
  return p;
}

/**
 * Fit the control coefficients β(L) for every L from a pilot sample in the kernel's 'features'
 * layout (`rateCurveFeatureRecordWidth`): least squares of the rate on [1, x(L)], the intercept dropped.
 *
 * Formula: not in the paper; β(L) = argmin Σ_trials (Y_L − β₀ − βᵀx(L))².
 * Method: normal equations accumulated over the pilot trials, Cholesky with dropped dependent
 * columns (`NormalEquations`); columns that are identically zero (coins with κ_c = 1, gains when
 * p^c = 0) get coefficient 0.
 * Accuracy: the fitted β agree with numpy.linalg.lstsq on the same pilot records to 1e-8 relative
 * (test/comm/rateCurveControl.test.ts). Any β gives an unbiased controlled estimator; the pilot
 * only decides how much variance it removes.
 * References: src/comm/rateCurveControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { fitRateCurveControl, simulateRateCurve, Rng } from 'isacnet';
 * const args = { Ls: [1, 2], kappaC: [1, 1], pc: 0.5, alpha: 4, mt: 4, discBs: 100 };
 * const pilot = simulateRateCurve({ ...args, output: 'features' }, new Rng(1), 2000);
 * const coef = fitRateCurveControl(pilot, args);
 * coef.map((c) => c.length); // => [20, 26]
 * // the rate falls with the distance of the serving BS: the ln u_1 coefficient is negative
 * coef[0][0] < 0; // => true
 */
export function fitRateCurveControl(records: Float64Array, args: { Ls: number[]; kappaC: number[] }): number[][] {
  const { Ls, kappaC } = args;
  const nL = Ls.length;
  const lMax = Ls[nL - 1]!;
  const width = rateCurveFeatureRecordWidth(nL, lMax);
  if (records.length % width !== 0) throw new RangeError(`records: length ${records.length} is not a multiple of the feature record width ${width}`);
  const n = records.length / width;
  const K = featureAreas(lMax);
  const oLu = nL;
  const oLg = oLu + K;
  const oLh = oLg + lMax;
  const oMom = oLh + featureInterferers(lMax);
  const oAcc = oMom + NMOM;
  const out: number[][] = [];
  // one design buffer for the largest L, reused for every L (no 2 MB allocation per L)
  const colsAll = new Float64Array((rateCurveFeatureCount(lMax) + 1) * n);
  const xAll = new Float64Array(rateCurveFeatureCount(lMax) + 1);
  const y = new Float64Array(n);
  for (let j = 0; j < nL; j++) {
    const L = Ls[j]!;
    const kc = kappaC[j]!;
    const pk = coinProbability32(kc);
    const p = rateCurveFeatureCount(L) + 1;
    const ne = new NormalEquations(p);
    // design matrix column by column (contiguous columns make XᵀX a set of fast dot products)
    const x = xAll;
    x[0] = 1;
    const cols = colsAll.subarray(0, p * n);
    for (let t = 0; t < n; t++) {
      const b = t * width;
      fillFeatures(x, L, kc, pk, records, b + oLu, b + oLg, b + oLh, b + oMom, b + oAcc);
      for (let i = 0; i < p; i++) cols[i * n + t] = x[i]!;
      y[t] = records[b + j]!;
    }
    // a coin whose rarer outcome occurs fewer than MIN_COIN_OUTCOMES times in the pilot cannot
    // support its four coefficients (they would fit noise): its group is zeroed, i.e. dropped
    const coinStart = 1 + (L + 2) + L + NLH + NMOM;
    for (let k = 1; k < L; k++) {
      let accepted = 0;
      for (let t = 0; t < n; t++) if (records[t * width + oAcc + k]! < kc) accepted++;
      if (Math.min(accepted, n - accepted) < MIN_COIN_OUTCOMES) cols.fill(0, (coinStart + 4 * (k - 1)) * n, (coinStart + 4 * k) * n);
    }
    ne.addColumns(cols, n, y);
    out.push(Array.from(ne.solve().subarray(1)));
  }
  return out;
}

/**
 * Plain and controlled estimates of R_c(L) for every L from the kernel's 'control' records
 * (per trial: the nL rates, then the nL control values).
 *
 * Formula: R̂_plain = mean(Y), R̂_cv = mean(Y − P), CI ± z_{0.975} s/√n, VRF = s²(Y)/s²(Y − P);
 * estimating Eq. (9) of arXiv:2403.20228.
 * Method: `controlledEstimates` (src/math/controlledEstimates.ts) over all nL columns.
 * Accuracy: both estimators are exactly unbiased (E[P] = 0, β fixed by the pilot); the CI is the
 * normal-theory interval of i.i.d. trials (finite variance: the rate has all moments).
 * References: src/comm/rateCurveControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { rateCurveEstimates } from 'isacnet/comm';
 * // two trials, one L: rates 1 and 3, controls −0.5 and 1.5 (so Y − P = 1.5 both times)
 * const e = rateCurveEstimates(Float64Array.from([1, -0.5, 3, 1.5]), 1)[0];
 * [e.plainMean, e.controlledMean, e.controlledHalfWidth]; // => [2, 1.5, 0]
 */
export function rateCurveEstimates(records: Float64Array, nL: number): ControlledEstimate[] {
  return controlledEstimates(records, nL);
}
