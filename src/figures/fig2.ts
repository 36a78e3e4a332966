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
import type { FigureBuilder, FigureResult, ValidationRow } from './types.ts';
import { writeFigure, type VegaLiteSpec } from './render.ts';
import { crlbScaleM2, zeta2M2 } from '../params/derived.ts';
import { column, crlbNestedJob } from '../sensing/crlbMonteCarlo.ts';
import { summarizeCrlbSamples, type CrlbMcSummary } from '../sensing/crlbSummary.ts';
import { crlbEq13Normalized, crlbProp1Normalized, crlbTheorem1CorrectedNormalized, crlbTheorem1PrintedNormalized } from '../sensing/closedForms.ts';

const N_MAX = 50;
const LARGE_N = [50, 200, 1000];

function relErr(v: number | null, ref: number | null): number | null {
  return v === null || ref === null ? null : (v - ref) / ref;
}

function mcRow(s: CrlbMcSummary): ValidationRow['mc'] {
  return { mean: s.mean, ci95: s.ci95, median: s.median, trials: s.trials };
}

export const buildFig2: FigureBuilder = async (opts): Promise<FigureResult> => {
  const p = opts.params;
  const beta = p.beta;
  const trials = opts.quick ? 20_000 : 1_000_000;
  const trialsLarge = opts.quick ? 1_000 : 40_000;
  const Ns = Array.from({ length: N_MAX }, (_, i) => i + 1);
  const scale = crlbScaleM2(p);
  opts.onProgress?.(0, 'Monte Carlo N = 1…50');
  const samples = await opts.pool.run(crlbNestedJob(Ns, beta, trials, opts.seed), (d, t) => opts.onProgress?.((0.6 * d) / t, 'Monte Carlo N = 1…50'));
  const summaries = Ns.map((N, i) => summarizeCrlbSamples(column(samples, Ns.length, i), N));
  opts.onProgress?.(0.6, `Monte Carlo N = ${LARGE_N.join(', ')}`);
  const largeSamples = await opts.pool.run(crlbNestedJob(LARGE_N, beta, trialsLarge, opts.seed + 1), (d, t) => opts.onProgress?.(0.6 + (0.3 * d) / t, `Monte Carlo N = ${LARGE_N.join(', ')}`));
  const large = LARGE_N.map((N, i) => ({ N, summary: summarizeCrlbSamples(column(largeSamples, LARGE_N.length, i), N) }));

  const sc = (v: number | null): number | null => (v === null ? null : v * scale);
  const rows = Ns.map((N, i) => {
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
  const series: Array<{ N: number; series: string; value: number }> = [];
  const add = (name: string, key: keyof (typeof rows)[number]): void => {
    for (const r of rows) {
      const v = r[key];
      if (typeof v === 'number' && Number.isFinite(v)) series.push({ N: r.N, series: name, value: v });
    }
  };
  add('Monte Carlo mean (N ≥ 4)', 'mcMean');
  add('Monte Carlo median', 'mcMedian');
  add('Prop. 1, Eq. (12)', 'prop1');
  add('Eq. (13)', 'eq13');
  add('Theorem 1, Eq. (14) as printed', 'thm1');
  add('Theorem 1 × 2 (corrected)', 'thm1Corrected');
  const bands = rows.filter((r) => r.mcCiLo !== null).map((r) => ({ N: r.N, lo: r.mcCiLo, hi: r.mcCiHi, band: 'mean 95% CI' }));
  const medBands = rows.filter((r) => r.mcMedianCiLo !== null).map((r) => ({ N: r.N, lo: r.mcMedianCiLo, hi: r.mcMedianCiHi, band: 'median 95% CI' }));
  const order = ['Monte Carlo mean (N ≥ 4)', 'Monte Carlo median', 'Prop. 1, Eq. (12)', 'Eq. (13)', 'Theorem 1, Eq. (14) as printed', 'Theorem 1 × 2 (corrected)'];
  const colors = ['#1f4e9c', '#5aa0e0', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];
  const dashes = [[1, 0], [1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4]];
  const allValues = [...series.map((d) => d.value), ...bands.flatMap((b) => [b.lo as number, b.hi as number])];
  const yDomain = [Math.min(...allValues) / 1.25, Math.max(...allValues) * 1.25];
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Fig. 2: expected CRLB vs cluster size N (κ = 1)',
      subtitle: [`|ζ|² = ${zeta2M2(p).toPrecision(4)} m², λ_b = ${p.lambdaB} /km², β = ${beta}; ${trials.toLocaleString('en-US')} geometries`, 'N = 1 singular; E[CRLB] = ∞ for N = 2, 3 (median only); Var = ∞ for N = 4, 5'],
    },
    width: 560,
    height: 380,
    layer: [
      {
        data: { values: [...bands, ...medBands] },
        mark: { type: 'area', opacity: 0.25 },
        encoding: {
          x: { field: 'N', type: 'quantitative' },
          y: { field: 'lo', type: 'quantitative', scale: { type: 'log', domain: yDomain, nice: false } },
          y2: { field: 'hi' },
          fill: { field: 'band', type: 'nominal', scale: { domain: ['mean 95% CI', 'median 95% CI'], range: ['#1f4e9c', '#5aa0e0'] }, legend: { title: null, orient: 'bottom-left' } },
        },
      },
      {
        data: { values: series },
        mark: { type: 'line', point: { size: 18 }, strokeWidth: 1.6 },
        encoding: {
          x: { field: 'N', type: 'quantitative', title: 'cooperative cluster size N (BSs)', scale: { domain: [1, N_MAX] } },
          y: { field: 'value', type: 'quantitative', scale: { type: 'log', domain: yDomain, nice: false }, title: 'expected CRLB (m²)', axis: { format: '.1e' } },
          color: { field: 'series', type: 'nominal', sort: order, scale: { domain: order, range: colors }, legend: { title: null, orient: 'top-right', labelLimit: 260 } },
          strokeDash: { field: 'series', type: 'nominal', sort: order, scale: { domain: order, range: dashes }, legend: null },
        },
      },
    ],
  };

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

  opts.onProgress?.(0.92, 'rendering');
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
  const files = await writeFigure(opts.outDir, 'fig2', spec, csvRows, json);
  opts.onProgress?.(1, 'done');
  return { name: 'fig2', title: 'Fig. 2: expected CRLB vs cluster size N (κ = 1)', files, validation, trials, seed: opts.seed };
};
