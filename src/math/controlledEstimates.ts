/**
 * Plain and controlled Monte Carlo means from records that carry, per trial, the plain values Y of
 * some columns and the control values P (mean exactly 0) of the same columns: the estimator shared by
 * the rate curve (src/comm/rateCurveControl.ts) and the nested CRLB (src/sensing/crlbControl.ts).
 */
import { mean, variance, Z95 } from './stats.ts';

/** Plain and controlled estimate of one column. */
export interface ControlledEstimate {
  /** Plain sample mean of Y (the column's unit). */
  plainMean: number;
  /** 95% CI half-width of the plain mean, z_{0.975} s(Y)/√n. */
  plainHalfWidth: number;
  /** Controlled estimate: sample mean of Y − P. */
  controlledMean: number;
  /** 95% CI half-width of the controlled estimate, z_{0.975} s(Y − P)/√n. */
  controlledHalfWidth: number;
  /** Variance-reduction factor Var(Y) / Var(Y − P). */
  varianceReduction: number;
  trials: number;
}

/**
 * Plain and controlled estimates of the means of `nCols` columns from records laid out per trial as
 * the nCols values Y, then the nCols control values P; `columns` picks which columns to estimate
 * (default all).
 *
 * Formula: not in the paper; μ̂_plain = mean(Y), μ̂_cv = mean(Y − P), CI ± z_{0.975} s/√n,
 * VRF = s²(Y)/s²(Y − P).
 * Method: per column the plain values and the residuals Y − P, then `mean` and the compensated
 * two-pass `variance` of src/math/stats.ts; z_{0.975} = `Z95` as in `meanCi95`.
 * Accuracy: both estimators are exactly unbiased when E[P] = 0 and P's coefficients were fixed
 * before these trials were drawn (a pilot on its own stream); the CI is the normal-theory interval of
 * i.i.d. trials and needs a finite variance of Y (of Y − P for the controlled one).
 * References: A. B. Owen, Monte Carlo theory, methods and examples (2013), §8.9 (control variates).
 *
 * @example
 * import { controlledEstimates } from 'isacnet/math';
 * // two trials, one column: Y = 1 and 3, P = −0.5 and 1.5 (so Y − P = 1.5 both times)
 * const e = controlledEstimates(Float64Array.from([1, -0.5, 3, 1.5]), 1)[0];
 * [e.plainMean, e.controlledMean, e.controlledHalfWidth]; // => [2, 1.5, 0]
 */
export function controlledEstimates(records: Float64Array, nCols: number, columns?: readonly number[]): ControlledEstimate[] {
  const width = 2 * nCols;
  if (!Number.isInteger(nCols) || nCols < 1) throw new RangeError(`nCols: invalid value ${nCols}; must be an integer ≥ 1`);
  if (records.length % width !== 0 || records.length === 0) throw new RangeError(`records: length ${records.length} is not a positive multiple of 2·nCols = ${width}`);
  const picks = columns ?? Array.from({ length: nCols }, (_, j) => j);
  for (const j of picks) if (!Number.isInteger(j) || j < 0 || j >= nCols) throw new RangeError(`columns: invalid value ${j}; must be an integer in [0, ${nCols - 1}]`);
  const n = records.length / width;
  const y = new Float64Array(n);
  const r = new Float64Array(n);
  const out: ControlledEstimate[] = [];
  for (const j of picks) {
    for (let t = 0; t < n; t++) {
      y[t] = records[t * width + j]!;
      r[t] = y[t]! - records[t * width + nCols + j]!;
    }
    const varY = variance(y);
    const varR = variance(r);
    out.push({
      plainMean: mean(y),
      plainHalfWidth: Z95 * Math.sqrt(varY / n),
      controlledMean: mean(r),
      controlledHalfWidth: Z95 * Math.sqrt(varR / n),
      varianceReduction: varY / varR,
      trials: n,
    });
  }
  return out;
}
