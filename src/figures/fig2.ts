/**
 * Fig. 2 of arXiv:2403.20228: expected CRLB versus the cooperative cluster size N with full
 * acceptance (κ = 1), Monte Carlo against Prop. 1 (Eq. 12), Eq. (13) and Theorem 1 (Eq. 14), plus
 * Theorem 1 with its constant corrected (×2, docs/errata.md).
 *
 * Monte Carlo: nested geometries (src/sensing/crlbMonteCarlo.ts), N = 1…50, 10⁶ geometries (quick:
 * 2·10⁴). The mean and its 95% CI are drawn where E[CRLB] exists (N ≥ 4; for N = 4, 5 its variance
 * is infinite and the CI is indicative only), the median with its distribution-free CI for every
 * N ≥ 2; N = 1 is singular (no value). A second run at N = 200 and 1000 (normalized units) checks the
 * ln² N law of Theorem 1 for the validation table.
 */
import type { FigureBuilder, FigureComputeOptions, FigureResult, ValidationRow } from './types.ts';
import { writeFigure } from './render.ts';
import { fig2Spec } from './fig2Spec.ts';
import type { Fig2BandPoint, Fig2Data, Fig2Row, Fig2SeriesPoint } from './fig2Data.ts';
import { crlbScaleM2, zeta2M2 } from '../params/derived.ts';
import { column, crlbNestedJob } from '../sensing/crlbMonteCarlo.ts';
import { summarizeCrlbSamples, type CrlbMcSummary } from '../sensing/crlbSummary.ts';
import { crlbEq13Normalized, crlbProp1Normalized, crlbTheorem1CorrectedNormalized, crlbTheorem1PrintedNormalized } from '../sensing/closedForms.ts';

export type { Fig2BandPoint, Fig2Data, Fig2Row, Fig2SeriesPoint };

const N_MAX = 50;
const LARGE_N = [50, 200, 1000];

function relErr(v: number | null, ref: number | null): number | null {
  return v === null || ref === null ? null : (v - ref) / ref;
}

function mcRow(s: CrlbMcSummary): ValidationRow['mc'] {
  return { mean: s.mean, ci95: s.ci95, median: s.median, trials: s.trials };
}

const SERIES_ORDER = ['Monte Carlo mean (N ≥ 4)', 'Monte Carlo median', 'Prop. 1, Eq. (12)', 'Eq. (13)', 'Theorem 1, Eq. (14) as printed', 'Theorem 1 × 2 (corrected)'];
const TITLE = 'Fig. 2: expected CRLB vs cluster size N (κ = 1)';

/** Fig. 2's data: the Monte Carlo runs (through `opts.run`), the closed forms, the validation rows. Pure (no file I/O). */
export async function computeFig2(opts: FigureComputeOptions): Promise<Fig2Data> {
  const p = opts.params;
  const beta = p.beta;
  const trials = opts.quick ? 20_000 : 1_000_000;
  const trialsLarge = opts.quick ? 1_000 : 40_000;
  const Ns = Array.from({ length: N_MAX }, (_, i) => i + 1);
  const scale = crlbScaleM2(p);
  opts.onProgress?.(0, 'Monte Carlo N = 1…50');
  const samples = await opts.run(crlbNestedJob(Ns, beta, trials, opts.seed), (d, t) => opts.onProgress?.((0.6 * d) / t, 'Monte Carlo N = 1…50'));
  const summaries = Ns.map((N, i) => summarizeCrlbSamples(column(samples, Ns.length, i), N));
  opts.onProgress?.(0.6, `Monte Carlo N = ${LARGE_N.join(', ')}`);
  const largeSamples = await opts.run(crlbNestedJob(LARGE_N, beta, trialsLarge, opts.seed + 1), (d, t) => opts.onProgress?.(0.6 + (0.3 * d) / t, `Monte Carlo N = ${LARGE_N.join(', ')}`));
  const large = LARGE_N.map((N, i) => ({ N, summary: summarizeCrlbSamples(column(largeSamples, LARGE_N.length, i), N) }));

  const sc = (v: number | null): number | null => (v === null ? null : v * scale);
  const rows: Fig2Row[] = Ns.map((N, i) => {
    const s = summaries[i];
    return {
      N,
      mcMean: sc(s.mean),
      mcCiLo: sc(s.ci95 ? s.ci95[0] : null),
      mcCiHi: sc(s.ci95 ? s.ci95[1] : null),
      mcMedian: sc(s.median),
      mcMedianCiLo: sc(s.medianCi95 ? s.medianCi95[0] : null),
      mcMedianCiHi: sc(s.medianCi95 ? s.medianCi95[1] : null),
      prop1: sc(crlbProp1Normalized(N, beta)),
      eq13: sc(crlbEq13Normalized(N, beta)),
      thm1: sc(crlbTheorem1PrintedNormalized(N, beta)),
      thm1Corrected: sc(crlbTheorem1CorrectedNormalized(N, beta)),
      mcMeanNormalized: s.mean,
      mcMedianNormalized: s.median,
      tailIndexTheory: s.tailIndex?.theory ?? null,
      tailIndexHill: s.tailIndex?.hill ?? null,
      note: s.warning ?? '',
    };
  });

  // Long format for the plot.
  const series: Fig2SeriesPoint[] = [];
  const add = (name: string, key: keyof Fig2Row): void => {
    for (const r of rows) {
      const v = r[key];
      if (typeof v === 'number' && Number.isFinite(v)) series.push({ N: r.N, series: name, value: v });
    }
  };
  add(SERIES_ORDER[0], 'mcMean');
  add(SERIES_ORDER[1], 'mcMedian');
  add(SERIES_ORDER[2], 'prop1');
  add(SERIES_ORDER[3], 'eq13');
  add(SERIES_ORDER[4], 'thm1');
  add(SERIES_ORDER[5], 'thm1Corrected');
  const bands: Fig2BandPoint[] = rows.filter((r) => r.mcCiLo !== null).map((r) => ({ N: r.N, lo: r.mcCiLo, hi: r.mcCiHi, band: 'mean 95% CI' }));
  const medianBands: Fig2BandPoint[] = rows.filter((r) => r.mcMedianCiLo !== null).map((r) => ({ N: r.N, lo: r.mcMedianCiLo, hi: r.mcMedianCiHi, band: 'median 95% CI' }));

  // Validation rows (normalized units: |ζ|² = 1, πλ_b = 1).
  const validation: ValidationRow[] = [];
  const norm = 'normalized (|ζ|² = 1, πλ_b = 1)';
  for (const N of [2, 3, 4, 5, 6, 10, 20, 50]) {
    const s = summaries[N - 1];
    const ref = s.mean;
    const note = s.warning ? `${s.warning}${ref === null ? '; no finite mean to approximate (the MC median is shown)' : ''}` : undefined;
    validation.push({ formula: 'Prop. 1', equation: 'Eq. (12)', setting: `N = ${N}, β = ${beta}, ${norm}`, printed: crlbProp1Normalized(N, beta), exact: null, mc: mcRow(s), relErrorPrinted: relErr(crlbProp1Normalized(N, beta), ref), relErrorExact: null, ...(note ? { note } : {}) });
    validation.push({ formula: 'Eq. (13)', equation: 'Eq. (13)', setting: `N = ${N}, β = ${beta}, ${norm}`, printed: crlbEq13Normalized(N, beta), exact: null, mc: mcRow(s), relErrorPrinted: relErr(crlbEq13Normalized(N, beta), ref), relErrorExact: null, ...(note ? { note } : {}) });
  }
  for (const { N, summary: s } of [{ N: 10, summary: summaries[9] }, ...large]) {
    const printed = crlbTheorem1PrintedNormalized(N, beta);
    const corrected = crlbTheorem1CorrectedNormalized(N, beta);
    const l2 = Math.log(N) ** 2;
    validation.push({
      formula: 'Theorem 1',
      equation: 'Eq. (14)',
      setting: `N = ${N}, β = ${beta}, ${norm}`,
      printed,
      exact: corrected,
      mc: mcRow(s),
      relErrorPrinted: relErr(printed, s.mean),
      relErrorExact: relErr(corrected, s.mean),
      note: `Monte Carlo CRLB·ln²N = ${s.mean === null ? 'n/a' : (s.mean * l2).toFixed(3)} (printed limit 1, corrected limit 2; convergence ~1/ln N, see docs/sensing.md)`,
    });
  }
  validation.push({ formula: 'N = 1', equation: 'Eq. (5)', setting: 'N = 1', printed: null, exact: null, mc: mcRow(summaries[0]), relErrorPrinted: null, relErrorExact: null, note: summaries[0].warning });

  const json = {
    figure: 'fig2',
    title: 'Expected CRLB vs N with κ = 1',
    params: { ...p, zeta2M2: zeta2M2(p), crlbScaleM2: scale },
    seed: opts.seed,
    trials,
    units: { crlb: 'm²', normalized: 'CRLB·|ζ|²·(πλ_b)^β' },
    points: rows.map((r, i) => ({ ...r, mc: summaries[i] })),
    largeN: large.map(({ N, summary }) => ({ N, trials: trialsLarge, mcNormalized: summary, mcTimesLn2N: summary.mean === null ? null : summary.mean * Math.log(N) ** 2, thm1PrintedTimesLn2N: 1, thm1CorrectedTimesLn2N: 2 })),
  };
  const csvRows = rows.map((r) => ({ ...r }));
  return { name: 'fig2', title: TITLE, seed: opts.seed, trials, nMax: N_MAX, beta, lambdaB: p.lambdaB, zeta2M2: zeta2M2(p), rows, series, seriesOrder: SERIES_ORDER, bands, medianBands, validation, csvRows, json };
}

export const buildFig2: FigureBuilder = async (opts): Promise<FigureResult> => {
  const data = await computeFig2({ quick: opts.quick, seed: opts.seed, params: opts.params, run: (job, onP) => opts.pool.run(job, onP), onProgress: opts.onProgress });
  opts.onProgress?.(0.92, 'rendering');
  const files = await writeFigure(opts.outDir, 'fig2', fig2Spec(data), data.csvRows, opts.provenance ? { ...data.json, provenance: opts.provenance } : data.json, opts.defer);
  opts.onProgress?.(1, 'done');
  return { name: 'fig2', title: data.title, files, validation: data.validation, trials: data.trials, seed: data.seed };
};
