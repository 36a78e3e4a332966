/**
 * The result object of `isacnet localize` (issue 12, beyond arXiv:2403.20228): do estimators reach
 * the CRLB of Eq. (6)? For each cluster size N and SNR offset (dB, added to the scenario's |ζ|² of
 * Eq. (5); 0 dB = the scenario itself), the per-geometry CRLB and the MSE of the MLE and of the
 * two-step linearized LS estimate over the same geometries and noise draws
 * (src/sensing/localizeMonteCarlo.ts).
 *
 * Pure (no node: imports): the caller passes `run` (a worker pool, a Web Worker pool or
 * `inlineRunner`). Results depend on the seed only (chunks of LOCALIZE_CHUNK geometries).
 */
import { checkMemory } from './memoryBudget.ts';
import type { JobRunner } from '../parallel/job.ts';
import { crlbScaleM2, perM2, zeta2M2 } from '../params/derived.ts';
import type { Params } from '../params/schema.ts';
import { ArgumentError, checkInteger, checkReal } from '../math/argumentError.ts';
import { median } from '../math/stats.ts';
import { LOCALIZE_N1_REASON } from '../params/runOptions.ts';
import { LOCALIZE_CHUNK, LOCALIZE_FIELDS, localizeJob, localizeRecordWidth } from '../sensing/localizeMonteCarlo.ts';

/** Default outlier threshold: errors beyond this many √CRLB of the geometry. */
export const DEFAULT_OUTLIER_MULTIPLE = 5;

/** An MLE within this factor of the CRLB on either side (ratioMean) counts as reaching it: 1 dB. */
export const THRESHOLD_RATIO = Math.pow(10, 0.1);

/** Why N = 1 cannot be localized (the message of the N ≥ 2 check; the CLI's run-option schema gives the same). */
export const N1_REASON = LOCALIZE_N1_REASON;

export interface LocalizeRunOptions {
  /** Cluster sizes N ≥ 2 (any order; reported ascending, duplicates removed). */
  Ns: number[];
  /** SNR offsets in dB added to the scenario's |ζ|² (0 = the scenario). */
  snrDb: number[];
  /** Random geometries (PPP clusters of the N nearest BSs). */
  geometries: number;
  /** Noise draws per geometry. */
  noiseDraws: number;
  seed: number;
  /** Outlier threshold in units of √CRLB of the geometry (default 5). */
  outlierMultiple?: number;
}

/** One estimator at one (N, SNR): squared-error statistics over the geometries and draws. */
export interface EstimatorBlock {
  /** Mean squared error over all geometries and draws (m²). */
  mse: number;
  /** √mse (m). */
  rmse: number;
  /** Median over the geometries of MSE_g / CRLB_g (MSE_g over the draws of geometry g). */
  ratioMedian: number;
  /** Mean over the geometries of MSE_g / CRLB_g (1 = efficient). */
  ratioMean: number;
  /** Fraction of estimates with error > outlierMultiple · √CRLB_g. */
  outlierFraction: number;
  /** RMS over the geometries of the bias ‖E[x̂] − x‖ (m; unbiased estimate from the draws, null for 1 draw). */
  biasRms: number | null;
}

export interface LocalizePoint {
  N: number;
  snrDb: number;
  /** Per-geometry CRLB tr F⁻¹ of Eqs. (5)–(6), over the geometries (m²). */
  crlb: { mean: number; median: number };
  mle: EstimatorBlock;
  ls: EstimatorBlock;
}

export interface LocalizeThreshold {
  N: number;
  /** SNR offset (dB) from which on the MLE's ratioMean stays within 1 dB of 1 (interpolated); null: not reached on the grid. */
  mleSnrDb: number | null;
  /** The same for the LS estimate. */
  lsSnrDb: number | null;
}

export interface LocalizeReport {
  params: Record<string, unknown>;
  points: LocalizePoint[];
  thresholds: LocalizeThreshold[];
}

/**
 * The SNR from which on `ratios` (over ascending `snr`) stay within a factor `limit` of 1 on both
 * sides (1/limit ≤ ratio ≤ limit), interpolated linearly in dB on |ln ratio| at the last entry into
 * that band (to 0.01 dB); null when the last point is outside; the first SNR when every point is inside.
 *
 * Formula: not in the paper (the threshold SNR of an estimator: THRESHOLD_RATIO = 1 dB around the bound;
 * two-sided because below threshold a region-confined estimate falls below the bound).
 * Method: scan from the highest SNR down to the first point outside the band; linear interpolation.
 * Accuracy: as the ratios (Monte Carlo).
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { thresholdSnrDb } from 'isacnet';
 * thresholdSnrDb([0, 10, 20], [4, 1.6, 1.0], 1.2589); // => 15.1
 * thresholdSnrDb([0, 10, 20], [0.2, 1.1, 1.0], 1.2589); // => 9.11
 * thresholdSnrDb([0, 10], [4, 3], 1.2589); // => null
 */
export function thresholdSnrDb(snr: readonly number[], ratios: readonly number[], limit: number): number | null {
  const n = snr.length;
  const lim = Math.log(limit);
  const out = (r: number): number => Math.abs(Math.log(r)) - lim; // ≤ 0 inside the band
  if (n === 0 || !(out(ratios[n - 1]) <= 0)) return null;
  let k = n - 1;
  while (k > 0 && out(ratios[k - 1]) <= 0) k--;
  if (k === 0) return snr[0];
  const a = out(ratios[k - 1]);
  const b = out(ratios[k]);
  const t = Number.isFinite(a) && a !== b ? a / (a - b) : 1;
  return Math.round((snr[k - 1] + t * (snr[k] - snr[k - 1])) * 100) / 100;
}

function checkRun(o: LocalizeRunOptions): { Ns: number[]; snr: number[]; outlierMultiple: number } {
  if (!Array.isArray(o.Ns) || o.Ns.length === 0) throw new ArgumentError('Ns', o.Ns, 'a non-empty list of integers ≥ 2');
  o.Ns.forEach((N, i) => {
    checkInteger(`Ns[${i}]`, N, 1, 1000);
    if (N < 2) throw new ArgumentError(`Ns[${i}]`, N, 'an integer in [2, 1000]', N1_REASON, { range: { min: 2, max: 1000, integer: true } });
  });
  if (!Array.isArray(o.snrDb) || o.snrDb.length === 0) throw new ArgumentError('snrDb', o.snrDb, 'a non-empty list of numbers in [−100, 200] dB');
  o.snrDb.forEach((s, i) => checkReal(`snrDb[${i}]`, s, -100, 200));
  checkInteger('geometries', o.geometries, 1, 1e8);
  checkInteger('noiseDraws', o.noiseDraws, 1, 1e6);
  checkInteger('seed', o.seed, 0, Number.MAX_SAFE_INTEGER);
  const outlierMultiple = checkReal('outlierMultiple', o.outlierMultiple ?? DEFAULT_OUTLIER_MULTIPLE, 0, 1e6, { minExclusive: true });
  return { Ns: [...new Set(o.Ns)].sort((a, b) => a - b), snr: [...new Set(o.snrDb)].sort((a, b) => a - b), outlierMultiple };
}

/**
 * The scenario's SNR in normalized units (πλ_b = 1): η = |ζ|² (πλ_b)^{1−β}, so that a normalized CRLB
 * c corresponds to c/η normalized-distance² and c·crlbScaleM2 m².
 *
 * Formula: η = 1/(πλ_b · crlbScaleM2) with crlbScaleM2 = 1/(|ζ|²(πλ_b)^β) (Eq. (5) of arXiv:2403.20228,
 * |ζ|² below it; the normalization is the toolkit's, docs/sensing.md).
 * Method: `crlbScaleM2` and λ_b in /m².
 * Accuracy: a few ulp.
 * References: docs/sensing.md (Units; Localization by estimators).
 *
 * @example
 * import { normalizedSensingSnr, defaultParams } from 'isacnet';
 * normalizedSensingSnr(defaultParams()); // => 0.102041
 */
export function normalizedSensingSnr(p: Params): number {
  return 1 / (Math.PI * perM2(p.lambdaB) * crlbScaleM2(p));
}

/**
 * Compute the report (see the module comment). `onProgress(fraction)` reports progress.
 *
 * Formula: not in the paper: per (N, SNR) the per-geometry CRLB tr F⁻¹ of Eqs. (5)–(6) of
 * arXiv:2403.20228 and the MSE of the MLE and LS estimators of the range-sum model whose FIM is Eq. (5)
 * (docs/sensing.md); ratio = MSE_g/CRLB_g per geometry; outliers beyond outlierMultiple·√CRLB_g.
 * Method: one `sensing.localize` job (seed) through `run`; SNR offsets turn into normalized SNRs
 * η·10^{snrDb/10}; sums per geometry summarized here; m² through crlbScaleM2.
 * Accuracy: Monte Carlo; the MLE's ratioMean at high SNR is 1 within its standard error
 * (test/sensing/localization.test.ts); byte-identical for any thread count (test/cli/localize.test.ts).
 * References: docs/sensing.md (Localization by estimators); docs/errata.md (Beyond the paper).
 *
 * @example
 * import { computeLocalizeReport, defaultParams, inlineRunner } from 'isacnet';
 * const r = await computeLocalizeReport(defaultParams(), { Ns: [6], snrDb: [40], geometries: 16, noiseDraws: 4, seed: 1 }, inlineRunner);
 * // Monte Carlo, 16 geometries × 4 draws, seed 1, +40 dB: median CRLB (m²) and the MLE's mean MSE/CRLB
 * [r.points[0].crlb.median, r.points[0].mle.ratioMean]; // => [61.87, 0.782]
 */
export async function computeLocalizeReport(p: Params, o: LocalizeRunOptions, run: JobRunner, onProgress?: (fraction: number) => void): Promise<LocalizeReport> {
  const { Ns, snr, outlierMultiple } = checkRun(o);
  const eta0 = normalizedSensingSnr(p);
  const etas = snr.map((s) => eta0 * Math.pow(10, s / 10));
  const width = localizeRecordWidth(Ns.length, snr.length);
  checkMemory('geometries', o.geometries, o.geometries * width * 8, `the localization records (geometries × ${width} values × 8 bytes)`);
  const job = localizeJob({ Ns, etas, beta: p.beta, draws: o.noiseDraws, outlierMultiple }, o.geometries, o.seed);
  const rec = await run(job, (d, t) => onProgress?.(d / t));
  const G = o.geometries;
  const D = o.noiseDraws;
  const unit = 1 / (Math.PI * perM2(p.lambdaB)); // m² per normalized distance²
  const nS = snr.length;
  const nF = LOCALIZE_FIELDS.length;
  const points: LocalizePoint[] = [];
  for (let a = 0; a < Ns.length; a++) {
    for (let s = 0; s < nS; s++) {
      const crlbs = new Float64Array(G);
      for (let t = 0; t < G; t++) crlbs[t] = rec[t * width + a * (1 + 8 * nS)] / etas[s];
      const block = (e: number): EstimatorBlock => {
        let sumSq = 0;
        let outliers = 0;
        let bias2 = 0;
        const ratios = new Float64Array(G);
        for (let t = 0; t < G; t++) {
          const off = t * width + a * (1 + 8 * nS) + 1 + s * 8 + e * nF;
          const sq = rec[off];
          sumSq += sq;
          outliers += rec[off + 3];
          ratios[t] = sq / D / crlbs[t];
          if (D >= 2) {
            const mx = rec[off + 1] / D;
            const my = rec[off + 2] / D;
            const mean2 = mx * mx + my * my;
            // E[‖ē‖²] = ‖b‖² + tr C/D and tr C ≈ (Σ‖e‖² − D‖ē‖²)/(D − 1): an unbiased ‖b‖².
            bias2 += mean2 - (sq - D * mean2) / (D * (D - 1));
          }
        }
        const mse = (sumSq / (G * D)) * unit;
        let rsum = 0;
        for (let t = 0; t < G; t++) rsum += ratios[t];
        return {
          mse,
          rmse: Math.sqrt(mse),
          ratioMedian: median(ratios),
          ratioMean: rsum / G,
          outlierFraction: outliers / (G * D),
          biasRms: D >= 2 ? Math.sqrt(Math.max(0, bias2 / G) * unit) : null,
        };
      };
      let csum = 0;
      for (let t = 0; t < G; t++) csum += crlbs[t];
      points.push({ N: Ns[a], snrDb: snr[s], crlb: { mean: (csum / G) * unit, median: median(crlbs) * unit }, mle: block(0), ls: block(1) });
    }
  }
  const thresholds: LocalizeThreshold[] = Ns.map((N) => {
    const pts = points.filter((q) => q.N === N);
    return {
      N,
      mleSnrDb: thresholdSnrDb(snr, pts.map((q) => q.mle.ratioMean), THRESHOLD_RATIO),
      lsSnrDb: thresholdSnrDb(snr, pts.map((q) => q.ls.ratioMean), THRESHOLD_RATIO),
    };
  });
  onProgress?.(1);
  return {
    params: {
      ...p,
      zeta2M2: zeta2M2(p),
      crlbScaleM2: crlbScaleM2(p),
      normalizedSnr: eta0,
      normalizedSnrDb: 10 * Math.log10(eta0),
      units: { crlb: 'm²', mse: 'm²', rmse: 'm', biasRms: 'm', snrDb: 'dB relative to the scenario |ζ|²' },
      N: Ns,
      snrDb: snr,
      geometries: G,
      noiseDraws: D,
      seed: o.seed,
      outlierMultiple,
      thresholdRatio: THRESHOLD_RATIO,
      chunkSize: LOCALIZE_CHUNK,
      definitions: {
        ratio: 'per geometry g: MSE_g (over the noise draws) / CRLB_g; ratioMean and ratioMedian over the geometries',
        outlier: `an estimate with error > ${outlierMultiple}·√CRLB_g`,
        threshold: 'lowest SNR offset from which on ratioMean stays in [10^-0.1, 10^0.1] (MSE within 1 dB of the CRLB), interpolated; null when not reached on the grid',
        region: 'both estimators are confined to the bounding box of the cluster widened by its larger side on every side; at low SNR they are biased and can fall below the CRLB, which bounds unbiased estimators only',
      },
    },
    points,
    thresholds,
  };
}
