/**
 * Beyond the paper (issue 12): localization RMSE versus SNR per cluster size N, the MLE and the
 * linearized LS estimate against √CRLB of Eqs. (5)–(6) of arXiv:2403.20228, with the threshold SNR
 * (from which on the MLE's MSE stays within 1 dB of the CRLB) marked. The SNR is an offset added
 * to the scenario's |ζ|² (0 dB = the paper's link budget with the toolkit's defaults).
 *
 * Monte Carlo: `computeLocalizeReport` (src/reports/localize.ts) at N = 4, 6, 10 and SNR offsets
 * −10…50 dB in 5 dB steps; 160 geometries × 8 noise draws (quick: 24 × 3). Kept cheap on purpose
 * (a few seconds; `isacnet localize` runs larger studies).
 */
import type { FigureBuilder, FigureComputeOptions, FigureResult, ValidationRow } from './types.ts';
import { writeFigure } from './render.ts';
import { localizationSpec } from './localizationSpec.ts';
import type { LocalizationData, LocalizationSeriesPoint, LocalizationThresholdMark } from './localizationData.ts';
import { computeLocalizeReport } from '../reports/localize.ts';
import { zeta2M2 } from '../params/derived.ts';

export type { LocalizationData, LocalizationSeriesPoint, LocalizationThresholdMark };

const NS = [4, 6, 10];
const SNR_DB = Array.from({ length: 13 }, (_, i) => -10 + 5 * i);
const CURVES = ['MLE RMSE', 'linearized LS RMSE', '√CRLB (mean over the geometries)'];
const TITLE = 'Beyond the paper: localization RMSE vs SNR, MLE and LS against √CRLB';

/** The localization figure's data: the Monte Carlo (through `opts.run`), curves, thresholds, validation rows. Pure (no file I/O). */
export async function computeLocalizationFigure(opts: FigureComputeOptions): Promise<LocalizationData> {
  const p = opts.params;
  const geometries = opts.quick ? 24 : 160;
  const noiseDraws = opts.quick ? 3 : 8;
  opts.onProgress?.(0, 'Monte Carlo: MLE and LS estimates');
  const report = await computeLocalizeReport(p, { Ns: NS, snrDb: SNR_DB, geometries, noiseDraws, seed: opts.seed }, opts.run, (f) => opts.onProgress?.(0.9 * f, 'Monte Carlo: MLE and LS estimates'));
  const series: LocalizationSeriesPoint[] = [];
  for (const pt of report.points) {
    const N = `N = ${pt.N}`;
    series.push({ snrDb: pt.snrDb, N, curve: CURVES[0], value: pt.mle.rmse });
    series.push({ snrDb: pt.snrDb, N, curve: CURVES[1], value: pt.ls.rmse });
    series.push({ snrDb: pt.snrDb, N, curve: CURVES[2], value: Math.sqrt(pt.crlb.mean) });
  }
  const thresholds: LocalizationThresholdMark[] = report.thresholds.filter((t) => t.mleSnrDb !== null).map((t) => ({ N: `N = ${t.N}`, snrDb: t.mleSnrDb as number }));
  const trials = geometries * noiseDraws;
  const validation: ValidationRow[] = [];
  for (const pt of report.points) {
    if (pt.snrDb !== 0 && pt.snrDb !== SNR_DB[SNR_DB.length - 1]) continue;
    const th = report.thresholds.find((t) => t.N === pt.N);
    validation.push({
      formula: 'CRLB vs the MLE (beyond the paper)',
      equation: 'Eqs. (5)–(6)',
      setting: `N = ${pt.N}, SNR offset ${pt.snrDb} dB (m²)`,
      printed: pt.crlb.mean,
      exact: null,
      mc: { mean: pt.mle.mse, ci95: null, median: null, trials },
      relErrorPrinted: (pt.crlb.mean - pt.mle.mse) / pt.mle.mse,
      relErrorExact: null,
      note: `MLE: mean MSE/CRLB per geometry ${pt.mle.ratioMean.toFixed(3)} (median ${pt.mle.ratioMedian.toFixed(3)}), RMS bias ${pt.mle.biasRms === null ? 'n/a' : pt.mle.biasRms.toPrecision(3)} m, outliers ${(100 * pt.mle.outlierFraction).toFixed(2)}%; LS ratio ${pt.ls.ratioMean.toFixed(2)}; threshold ${th?.mleSnrDb ?? 'not reached'} dB${pt.mle.ratioMean < 1 ? '; below the bound: the estimate is confined to a region and biased (the CRLB bounds unbiased estimators only)' : ''}`,
    });
  }
  const csvRows = report.points.map((pt) => ({
    N: pt.N,
    snrDb: pt.snrDb,
    crlbMean: pt.crlb.mean,
    crlbMedian: pt.crlb.median,
    mleRmse: pt.mle.rmse,
    mleRatioMean: pt.mle.ratioMean,
    mleRatioMedian: pt.mle.ratioMedian,
    mleOutlierFraction: pt.mle.outlierFraction,
    mleBiasRms: pt.mle.biasRms,
    lsRmse: pt.ls.rmse,
    lsRatioMean: pt.ls.ratioMean,
    lsRatioMedian: pt.ls.ratioMedian,
    lsOutlierFraction: pt.ls.outlierFraction,
    lsBiasRms: pt.ls.biasRms,
  }));
  const json = {
    figure: 'localization',
    title: TITLE,
    extension: 'beyond arXiv:2403.20228 (issue 12): the paper has no estimator',
    seed: opts.seed,
    ...report,
  };
  opts.onProgress?.(0.9, 'curves');
  return {
    name: 'localization',
    title: TITLE,
    seed: opts.seed,
    geometries,
    noiseDraws,
    trials,
    beta: p.beta,
    lambdaB: p.lambdaB,
    zeta2M2: zeta2M2(p),
    normalizedSnrDb: report.params.normalizedSnrDb as number,
    Ns: NS,
    series,
    curves: CURVES,
    thresholds,
    report,
    validation,
    csvRows,
    json,
  };
}

export const buildLocalizationFigure: FigureBuilder = async (opts): Promise<FigureResult> => {
  const data = await computeLocalizationFigure({ quick: opts.quick, seed: opts.seed, params: opts.params, run: (job, onP) => opts.pool.run(job, onP), onProgress: opts.onProgress });
  opts.onProgress?.(0.92, 'rendering');
  const files = await writeFigure(opts.outDir, 'localization', localizationSpec(data), data.csvRows, opts.provenance ? { ...data.json, provenance: opts.provenance } : data.json, opts.defer);
  opts.onProgress?.(1, 'done');
  return { name: 'localization', title: data.title, files, validation: data.validation, trials: data.trials, seed: data.seed };
};
