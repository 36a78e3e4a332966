/**
 * Control variates with exactly known means for the nested CRLB Monte Carlo
 * (src/sensing/crlbMonteCarlo.ts), and the controlled estimator of the expected CRLB of Eq. (6) of
 * arXiv:2403.20228.
 *
 * In normalized units the CRLB of a geometry is a function of the areas Γ_k = E_1 + … + E_k of the
 * nearest BSs (d_k^{−β} = Γ_k^{−β/2}) and of their bearings θ_k. For β = 2 it is homogeneous of
 * degree 2 in the areas (F ∝ Γ^{−2}), so to first order it is a quadratic form in the areas of the
 * nearest BSs, modulated by how the bearings spread. The features below have exactly known means and
 * do NOT involve any closed form of the CRLB (the ln²N law, Eq. (11)), so the controlled estimate is
 * also a fair check of those:
 * - Γ_j Γ_k − j(k + 1) for 1 ≤ j ≤ k ≤ 6 (21 terms): Γ_k = Γ_j + (Γ_k − Γ_j) with independent
 *   parts, E[Γ_j²] = j(j + 1), E[Γ_j] E[Γ_k − Γ_j] = j(k − j);
 * - Γ_k − k and ln Γ_k − ψ(k), k = 1…6 (Γ_k ~ Gamma(k, 1));
 * - cos 2φ_j, cos 2φ_j · Γ_1² and cos 2φ_j · Γ_1 Γ_j for j = 2…6, with φ_j = θ_j − θ_1: the
 *   bearings are independent of the areas and of each other, and the mean of cos 2φ over the
 *   kernel's 2³²-point bearing grid is exactly 0 (a full sum of roots of unity; the table-and-Taylor
 *   cosines the kernel computes differ from exact ones by ≈ 1e-16).
 * That is 48 features (`CRLB_FEATURE_COUNT`), shared by every N ≥ 6 (only the coefficients depend
 * on N). A pilot sample on its own stream (seed, 2³² − 1) fits β(N) by least squares for every
 * N ≥ `CRLB_CONTROL_MIN_N` (one XᵀX for all N: the design is the same); the kernel then records
 * P(N) = β(N)ᵀx next to the CRLB of every trial. Since E[x] = 0 exactly and β is fixed before the
 * main sample, E[Y − P] = E[Y] exactly, and the trials of Y − P are i.i.d., so the CI is
 * mean ± 1.96 s/√n. The CRLB has a finite variance only for N ≥ 6 (docs/sensing.md), hence the
 * minimum N; below it the fitted rows are 0 (the plain estimate, and medians, are used there).
 * Measured held-out variance reduction (numpy, 4000-trial pilot, 3·10⁵ trials): 4.9 at N = 6, 17.3
 * at N = 10, 21.3 at N = 20, 16.4 at N = 50 (the areas alone: 3.6, 11.1, 11.6, 7.2).
 */
import { NormalEquations } from '../math/leastSquares.ts';
import { digammaInteger } from '../math/digammaInteger.ts';
import { controlledEstimates, type ControlledEstimate } from '../math/controlledEstimates.ts';

/** Number of nearest BSs whose areas and bearings the CRLB control features use. */
export const CRLB_CONTROL_AREAS = 6;
/** Smallest N with a controlled estimate (the CRLB's variance is finite from N = 6). */
export const CRLB_CONTROL_MIN_N = 6;
/** Length of the CRLB control feature vector: 21 area products, 6 areas, 6 area logs, 3 × 5 bearing terms. */
export const CRLB_FEATURE_COUNT = 48;

const K = 6;
const NF = 48;
/** ψ(k) for k = 1…6 (exact means of ln Γ_k). */
const PSI = Float64Array.from({ length: K }, (_, k) => digammaInteger(k + 1));

/**
 * Writes the 48 centred control features of one trial into `x[off …]` (layout in the module
 * comment: area products Γ_jΓ_k − j(k+1) row by row, Γ_k − k, ln Γ_k − ψ(k), cos 2φ_j,
 * cos 2φ_j Γ_1², cos 2φ_j Γ_1Γ_j), from the areas Γ_1…Γ_6 and cos 2θ_k, sin 2θ_k of the first six BSs.
 *
 * Formula: not in the paper; every feature has mean exactly 0 (module comment).
 * Method: 21 products, 6 logs, 15 products of the bearing terms; no allocation.
 * Accuracy: exact up to rounding; test/sensing/crlbControl.test.ts checks every mean within 4.5 s.e.
 * References: src/sensing/crlbControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { fillCrlbFeatures } from 'isacnet/sensing';
 * const x = new Float64Array(48);
 * // areas at their means 1…6, all bearings equal (cos 2φ = 1)
 * fillCrlbFeatures(x, 0, [1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]);
 * [x[0], x[21], x[33], x[38]]; // => [-1, 0, 1, 1]
 */
export function fillCrlbFeatures(x: Float64Array, off: number, area: ArrayLike<number>, cos2: ArrayLike<number>, sin2: ArrayLike<number>): void {
  let o = off;
  for (let j = 0; j < K; j++) {
    const a = area[j]!;
    for (let k = j; k < K; k++) x[o++] = a * area[k]! - (j + 1) * (k + 2);
  }
  for (let k = 0; k < K; k++) x[o++] = area[k]! - (k + 1);
  for (let k = 0; k < K; k++) x[o++] = Math.log(area[k]!) - PSI[k]!;
  const c1 = cos2[0]!;
  const s1 = sin2[0]!;
  const g1 = area[0]!;
  const g11 = g1 * g1;
  for (let j = 1; j < K; j++) {
    const cp = cos2[j]! * c1 + sin2[j]! * s1;
    x[o] = cp;
    x[o + 5] = cp * g11;
    x[o + 10] = cp * g1 * area[j]!;
    o++;
  }
}

/**
 * Fit the control coefficients β(N) for every entry of `Ns` from a pilot sample in the kernel's
 * 'features' layout (per trial: the Ns.length CRLBs, then the 48 features): least squares of the
 * CRLB on [1, x], the intercept dropped; rows of 48 zeros for N < 6.
 *
 * Formula: not in the paper; β(N) = argmin Σ_trials (Y_N − β₀ − βᵀx)².
 * Method: one XᵀX for all N (the design is shared; `NormalEquations.addColumns`), Xᵀy_N by dot
 * products, `solveFor` per N. Trials with a non-finite CRLB at some N ≥ 6 (a singular FIM: probability
 * 0, possible only by rounding) are left out of the fit.
 * Accuracy: the fitted β equal separate row-by-row fits per N to 1e-9 relative
 * (test/sensing/crlbControl.test.ts); `NormalEquations` itself agrees with numpy.linalg.lstsq
 * (test/math/leastSquares.test.ts). Any β gives an unbiased controlled estimator; the pilot only
 * decides how much variance it removes.
 * References: src/sensing/crlbControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { simulateCrlbNested, fitCrlbControl, Rng } from 'isacnet';
 * const pilot = simulateCrlbNested({ Ns: [2, 10], beta: 2, output: 'features' }, new Rng(1), 2000);
 * const coef = fitCrlbControl(pilot, [2, 10]);
 * coef.map((c) => c.length); // => [48, 48]
 * coef[0].every((b) => b === 0); // => true
 */
export function fitCrlbControl(records: Float64Array, Ns: readonly number[]): number[][] {
  const nN = Ns.length;
  const width = nN + NF;
  if (records.length % width !== 0 || records.length === 0) throw new RangeError(`records: length ${records.length} is not a positive multiple of the feature record width ${width}`);
  const total = records.length / width;
  const fitted = Ns.map((N, j) => (N >= CRLB_CONTROL_MIN_N ? j : -1)).filter((j) => j >= 0);
  const rows = Ns.map(() => new Array<number>(NF).fill(0));
  if (fitted.length === 0) return rows;
  const keep: number[] = [];
  for (let t = 0; t < total; t++) if (fitted.every((j) => Number.isFinite(records[t * width + j]!))) keep.push(t);
  const n = keep.length;
  const p = NF + 1;
  const cols = new Float64Array(p * n);
  const ys = new Float64Array(fitted.length * n);
  for (let r = 0; r < n; r++) {
    const b = keep[r]! * width;
    cols[r] = 1;
    for (let i = 0; i < NF; i++) cols[(i + 1) * n + r] = records[b + nN + i]!;
    for (let q = 0; q < fitted.length; q++) ys[q * n + r] = records[b + fitted[q]!]!;
  }
  const ne = new NormalEquations(p);
  ne.addColumns(cols, n, ys.subarray(0, n));
  const rhs = new Float64Array(p);
  for (let q = 0; q < fitted.length; q++) {
    const yo = q * n;
    for (let i = 0; i < p; i++) {
      const co = i * n;
      let s = 0;
      for (let r = 0; r < n; r++) s += cols[co + r]! * ys[yo + r]!;
      rhs[i] = s;
    }
    rows[fitted[q]!] = Array.from(ne.solveFor(rhs).subarray(1));
  }
  return rows;
}

/** Plain and controlled estimate of the expected CRLB at one N. */
export interface CrlbControlledEstimate extends ControlledEstimate {
  /** Cluster size N (≥ 6). */
  N: number;
}

/**
 * Plain and controlled estimates of the expected normalized CRLB at every N ≥ 6 of `Ns`, from the
 * kernel's 'control' records (per trial: the Ns.length CRLBs, then the Ns.length control values).
 *
 * Formula: Ê_plain = mean(Y), Ê_cv = mean(Y − P), CI ± z_{0.975} s/√n, VRF = s²(Y)/s²(Y − P);
 * estimating Eq. (6) of arXiv:2403.20228 (normalized: multiply by `crlbScaleM2` for m²).
 * Method: `controlledEstimates` (src/math/controlledEstimates.ts) on the columns with N ≥ 6.
 * Accuracy: both estimators exactly unbiased (E[P] = 0, β fixed by the pilot); normal-theory CI of
 * i.i.d. trials (finite variance for N ≥ 6; the controlled CI's coverage is checked in
 * test/sensing/crlbControl.test.ts).
 * References: src/sensing/crlbControl.ts (module comment); docs/performance.md.
 *
 * @example
 * import { crlbControlEstimates } from 'isacnet';
 * // two trials, Ns = [2, 10]: CRLBs (5, 0.3) and (7, 0.5), controls (0, −0.1) and (0, 0.1)
 * const e = crlbControlEstimates(Float64Array.from([5, 0.3, 0, -0.1, 7, 0.5, 0, 0.1]), [2, 10]);
 * [e.length, e[0].N, e[0].plainMean, Math.round(e[0].controlledHalfWidth * 1e9)]; // => [1, 10, 0.4, 0]
 */
export function crlbControlEstimates(records: Float64Array, Ns: readonly number[]): CrlbControlledEstimate[] {
  const picks = Ns.map((N, j) => (N >= CRLB_CONTROL_MIN_N ? j : -1)).filter((j) => j >= 0);
  if (picks.length === 0) return [];
  return controlledEstimates(records, Ns.length, picks).map((e, q) => ({ N: Ns[picks[q]!]!, ...e }));
}
