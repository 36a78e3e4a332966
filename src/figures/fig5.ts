/**
 * Fig. 5 of arXiv:2403.20228: the achievable rate–CRLB region of the cooperative ISAC scheme under
 * the backhaul constraint Eq. (10), R_c + e·N ≤ C_backhaul, for C_backhaul = 4, 6, 8 nats/s/Hz,
 * against time-sharing between the communication-only and sensing-only corners (Section V).
 *
 * Curves (src/optimize, exact on the integer cluster sizes, p^c to 1e-12):
 *   - cooperative region boundary with the exact rate (src/comm/exactRate.ts, κ_c as printed) and
 *     Eq. (16) with Lemma 1's κ_s (the paper's CRLB_a): solid;
 *   - the same boundary with the simulated median CRLB_a of the network-level simulation
 *     (src/sensing/network.ts) instead of Eq. (16): dotted (E[CRLB_a] itself is infinite;
 *     full mode only, `--quick` skips these three optimizations);
 *   - time-sharing between the two corners of the Eq. (16) region, R = τ·R*_comm, CRLB = CRLB*_sens / (1 − τ):
 *     dashed.
 * Monte Carlo checks (points with 95% CI bars): at a few Pareto points (L, N, p^c) of the solid
 * boundary, the rate simulated for the typical user (src/comm/typicalUser.ts: the paper's gain laws
 * and independent acceptance κ_c, the model of the exact rate) and the simulated median CRLB_a at
 * N scaled by 1/p^s.
 *
 * Budget (2 cores): full 450 000 users per checked point (rate CI half-width ≈ 0.006 nats) and
 * 900 network windows (≈ 230 000 targets, median CI ≈ ±0.65%), so that every CI bar is about as
 * long as the line is wide (the JSON records both in pixels: `ciVsLineWidth`); quick: 20 000 users,
 * 24 windows.
 */
import type { FigureBuilder, FigureComputeOptions, FigureResult, ValidationRow } from './types.ts';
import { writeFigure } from './render.ts';
import { fig5Caption, fig5Spec } from './fig5Spec.ts';
import type { Fig5Data, Fig5Line, Fig5McCheck, Fig5McPoint, Fig5OnCurvePoint } from './fig5Data.ts';
import { checkParetoPoints } from '../reports/paretoChecks.ts';
import { rateModel, eq16CrlbModel, mcCrlbModel, fullSensingPowerParams, type McCrlbTable } from '../optimize/models.ts';
import { buildEnvelope, solveTradeoff, type TradeoffResult } from '../optimize/tradeoff.ts';
import { RateEnvelope } from '../optimize/rateEnvelope.ts';
import { RateTableValues, rateTableJob } from '../comm/rateTable.ts';
import type { OperatingPoint } from '../optimize/frontier.ts';
import { zeta2M2, usersPerBs, targetsPerBs } from '../params/derived.ts';
import { ArgumentError } from '../math/argumentError.ts';

export type { Fig5Data, Fig5Line, Fig5McCheck, Fig5McPoint, Fig5OnCurvePoint };

export const FIG5_BACKHAULS = [4, 6, 8];
/** Communication cluster sizes enumerated (1 … 30; a warning is raised if an optimum sits at 30). */
export const FIG5_MAX_L = 30;
/** Cells of the rate envelope's grid p_k = (k/16)² (src/optimize/rateEnvelope.ts). */
const ENVELOPE_GRID_CELLS = 16;
/** Stroke width of the boundaries in the plot (px): the yardstick of the CI bars. */
const LINE_WIDTH = 1.8;
const PLOT_WIDTH = 700;
const PLOT_HEIGHT = 440;

/** Seed of the k-th Monte Carlo job of this figure (distinct from every other job's seed). */
function jobSeed(base: number, k: number): number {
  const s = base * 1000 + 500 + k;
  return Number.isSafeInteger(s) ? s : (base % 1e9) * 1000 + 500 + k;
}

/** Pareto points nearest to the given fractions of the largest Pareto rate (distinct, rate > 0). */
function pickPoints(pareto: OperatingPoint[], fractions: number[]): OperatingPoint[] {
  const top = pareto[pareto.length - 1]?.rate ?? 0;
  const out: OperatingPoint[] = [];
  for (const f of fractions) {
    let best: OperatingPoint | null = null;
    for (const p of pareto) {
      if (p.rate <= 0 || p.L === null || out.includes(p)) continue;
      if (!best || Math.abs(p.rate - f * top) < Math.abs(best.rate - f * top)) best = p;
    }
    if (best) out.push(best);
  }
  return out;
}

const TITLE = 'Rate–CRLB trade-off vs backhaul capacity (cooperative vs time-sharing)';

/** Fig. 5's data: the rate envelope, the network simulation and the Monte Carlo checks (through `opts.run`), the regions, the validation rows. Pure (no file I/O). */
export async function computeFig5(opts: FigureComputeOptions): Promise<Fig5Data> {
  const p = opts.params;
  const quick = opts.quick;
  if (p.beta !== 2) {
    // Fig. 5's solid boundaries are Eq. (16), derived for β = 2 only (the library's own advice,
    // --crlb-model mc, belongs to `isacnet optimize`, not to reproduce).
    throw new ArgumentError('beta', p.beta, '2 for Fig. 5 (its boundaries use Eq. (16), derived for β = 2)', 'leave {@beta} at 2 for Fig. 5 (Figs. 2–4 accept this β); the trade-off at this β needs the simulated CRLB_a (the optimizer\'s "mc" CRLB model)');
  }
  const progress = (f: number, label: string): void => opts.onProgress?.(f, label);
  const settings = {
    levels: quick ? 40 : 60,
    /** The sweep (and the plot) span CRLB_a from its least value to 10^decades times it. */
    decades: 1.5,
    /** The boundaries with the simulated median CRLB_a (dotted): full mode only. */
    mcFrontiers: !quick,
    containmentSamples: quick ? 50 : 100,
    senseWindows: quick ? 24 : 900,
    commTrials: quick ? 20_000 : 450_000,
    fractions: [0.3, 0.8],
    weight: 0.5,
  };
  const backhauls = FIG5_BACKHAULS;
  const maxN = Math.max(...backhauls.map((C) => Math.floor(C / Math.max(p.e, 1e-9) + 1e-12)), 2);
  const problemN = Math.min(maxN, 200);

  // 1. and 2. run side by side on the worker pool: the network simulation (the simulated median
  // CRLB_a(N, p^s = 1) for N = 1 … N̄) and the rate table of the envelope (R_c(L, p_k) for L = 1 … 30
  // on the envelope's grid, one comm.rateTable job: the values rateExact gives on the main thread).
  const label = 'network simulation (CRLB_a) and rate table (exact R_c)';
  progress(0, label);
  let simFraction = 0;
  let tableFraction = 0;
  const both = (): void => progress(0.4 * Math.min(simFraction, tableFraction), label);
  const mcPromise: Promise<McCrlbTable> = mcCrlbModel(p, {
    maxN: problemN,
    windows: settings.senseWindows,
    seed: jobSeed(opts.seed, 0),
    run: (job) =>
      opts.run(job, (d, t) => {
        simFraction = d / t;
        both();
      }),
  });
  const rate = rateModel('exact', p);
  const tableModels = Array.from({ length: FIG5_MAX_L }, (_, i) => i + 1).flatMap((L) =>
    RateEnvelope.gridPoints(ENVELOPE_GRID_CELLS)
      .filter((pc) => pc > 0)
      .map((pc) => rate.paramsAt(L, pc)),
  );
  // A failed table job (e.g. the quadrature budget of rateModel near α = 2) leaves the envelope to
  // rateModel itself, which raises the advice that names the parameter.
  const tablePromise = opts
    .run(rateTableJob(tableModels, ['exact']), (d, t) => {
      tableFraction = d / t;
      both();
    })
    .then(
      (rec) => new RateTableValues(tableModels, ['exact'], rec),
      () => undefined,
    );
  // A failure of the simulation is raised where it is awaited; until then it is not unhandled.
  mcPromise.catch(() => undefined);
  const tabulated = rateModel('exact', p, await tablePromise);
  const env = buildEnvelope(tabulated, FIG5_MAX_L, ENVELOPE_GRID_CELLS);
  const eq16 = eq16CrlbModel(p);
  const mc = await mcPromise;

  // 3. Regions for each C_backhaul, with Eq. (16) and with the simulated median.
  const regions: Array<{ backhaul: number; eq16: TradeoffResult; mc: TradeoffResult | null; mcError?: string }> = [];
  for (let i = 0; i < backhauls.length; i++) {
    const C = backhauls[i];
    progress(0.4 + (0.3 * i) / backhauls.length, `optimizing, C_backhaul = ${C}`);
    const problem = { backhaul: C, e: p.e, maxL: FIG5_MAX_L, maxN: problemN };
    const eqRes = solveTradeoff(env, eq16, problem, { levels: settings.levels, decades: settings.decades, containmentSamples: settings.containmentSamples, weight: settings.weight });
    let mcRes: TradeoffResult | null = null;
    let mcError: string | undefined;
    if (settings.mcFrontiers) {
      try {
        mcRes = solveTradeoff(env, mc, problem, { levels: settings.levels, decades: settings.decades, containmentSamples: settings.containmentSamples });
      } catch (e) {
        mcError = (e as Error).message;
      }
    }
    regions.push({ backhaul: C, eq16: eqRes, mc: mcRes, ...(mcError ? { mcError } : {}) });
  }

  // 4. Monte Carlo checks at a few Pareto points of each Eq. (16) region (src/reports/paretoChecks.ts).
  const targets = regions.flatMap((r) => pickPoints(r.eq16.pareto, settings.fractions).map((pt) => ({ C: r.backhaul, pt })));
  const checked = await checkParetoPoints(
    p,
    targets.map(({ pt }) => ({ L: pt.L as number, N: pt.N, pc: pt.pc })),
    (N) => mc.rows.find((r) => r.N === N),
    {
      trials: settings.commTrials,
      seedOf: (k) => jobSeed(opts.seed, 1 + k),
      onProgress: (k) => progress(0.7 + (0.28 * k) / targets.length, `Monte Carlo check ${k + 1}/${targets.length}`),
    },
    opts.run,
  );
  const checks: Fig5McCheck[] = checked.map((c, k) => ({
    backhaul: targets[k].C,
    L: c.L,
    N: c.N,
    pc: c.pc,
    rate: { thm2: c.rate.thm2, exact: c.rate.exact, mc: c.rate.mc },
    crlbA: { eq16: targets[k].pt.crlbA as number, mcMedian: c.crlbMedian, mcMedianCi95: c.crlbMedianCi95, trials: c.crlbTrials },
  }));

  // Plot data: one long table, clipped to the CRLB range of the sweep.
  const cLabel = (C: number): string => `C_backhaul = ${C}`;
  const points: Fig5McPoint[] = checks
    .filter((c) => c.rate.mc && c.crlbA.mcMedian !== null)
    .map((c) => ({
      C: cLabel(c.backhaul),
      rate: c.rate.mc?.mean as number,
      rateLo: c.rate.mc?.ci95[0] as number,
      rateHi: c.rate.mc?.ci95[1] as number,
      crlbA: c.crlbA.mcMedian as number,
      crlbLo: c.crlbA.mcMedianCi95?.[0] ?? (c.crlbA.mcMedian as number),
      crlbHi: c.crlbA.mcMedianCi95?.[1] ?? (c.crlbA.mcMedian as number),
      label: `L=${c.L}, N=${c.N}, p^c=${c.pc.toFixed(2)}`,
    }));
  // The y range starts at the best sweep level and also holds every Monte Carlo check with its CI
  // (the simulated medians lie below Eq. (16), see errata O3), so no check is clipped.
  const yMin = Math.min(
    ...regions.map((r) => r.eq16.crlbLevels[0]),
    ...regions.flatMap((r) => (r.mc ? [r.mc.crlbLevels[0]] : [])),
    ...points.map((q) => q.crlbLo),
  );
  const yMax = yMin * Math.pow(10, settings.decades);
  const lines: Fig5Line[] = [];
  const schemes = ['cooperative, Eq. (16) CRLB_a', 'cooperative, simulated median CRLB_a', 'time-sharing between the corners'];
  for (const r of regions) {
    r.eq16.boundary.forEach((b, i) => b.crlbA !== null && lines.push({ C: cLabel(r.backhaul), scheme: schemes[0], rate: b.rate, crlbA: b.crlbA, order: i }));
    r.mc?.boundary.forEach((b, i) => b.crlbA !== null && b.crlbA <= yMax && lines.push({ C: cLabel(r.backhaul), scheme: schemes[1], rate: b.rate, crlbA: b.crlbA, order: i }));
    r.eq16.timeSharing.forEach((t, i) => t.crlbA !== null && t.crlbA <= yMax && lines.push({ C: cLabel(r.backhaul), scheme: schemes[2], rate: t.rate, crlbA: t.crlbA, order: i }));
  }
  const targetsOnCurve: Fig5OnCurvePoint[] = checks.map((c) => ({ C: cLabel(c.backhaul), rate: c.rate.exact, crlbA: c.crlbA.eq16 }));
  const xMaxPlot = Math.ceil((Math.max(...lines.map((l) => l.rate), ...points.map((q) => q.rateHi)) * 5) / 1.0001) / 5;
  // Time-sharing lines that coincide (same corners, e.g. when the communication corner is not
  // backhaul-limited) are drawn once; the subtitle says so.
  const tsKey = (r: (typeof regions)[number]): string => `${r.eq16.corners.comm.rate}|${r.eq16.corners.sens.crlbA}`;
  const tsGroups = new Map<string, number[]>();
  for (const r of regions) tsGroups.set(tsKey(r), [...(tsGroups.get(tsKey(r)) ?? []), r.backhaul]);
  const sharedTimeSharing = [...tsGroups.values()].filter((g) => g.length > 1).map((g) => ({ backhauls: g, commRate: regions.find((r) => r.backhaul === g[0])?.eq16.corners.comm.rate }));

  // CSV: every plotted series point plus the Monte Carlo checks.
  const csvRows: Array<Record<string, number | string | null>> = [];
  for (const r of regions) {
    for (const [model, res] of [
      ['eq16', r.eq16],
      ['mc-median', r.mc],
    ] as const) {
      if (!res) continue;
      for (const q of res.pareto) csvRows.push({ series: `pareto-${model}`, backhaul: r.backhaul, rate: q.rate, crlbA: q.crlbA, L: q.L, N: q.N, pc: q.pc, backhaulUse: q.backhaulUse, tau: null, mcRate: null, mcRateLo: null, mcRateHi: null, mcCrlbMedian: null, mcCrlbLo: null, mcCrlbHi: null });
    }
    for (const t of r.eq16.timeSharing) csvRows.push({ series: 'time-sharing', backhaul: r.backhaul, rate: t.rate, crlbA: t.crlbA, L: null, N: null, pc: null, backhaulUse: null, tau: t.tau, mcRate: null, mcRateLo: null, mcRateHi: null, mcCrlbMedian: null, mcCrlbLo: null, mcCrlbHi: null });
    for (const q of r.eq16.nonCooperative) csvRows.push({ series: 'non-cooperative', backhaul: r.backhaul, rate: q.rate, crlbA: q.crlbA, L: q.L, N: q.N, pc: q.pc, backhaulUse: q.backhaulUse, tau: null, mcRate: null, mcRateLo: null, mcRateHi: null, mcCrlbMedian: null, mcCrlbLo: null, mcCrlbHi: null });
  }
  for (const c of checks) {
    csvRows.push({
      series: 'mc-check',
      backhaul: c.backhaul,
      rate: c.rate.exact,
      crlbA: c.crlbA.eq16,
      L: c.L,
      N: c.N,
      pc: c.pc,
      backhaulUse: c.rate.exact + p.e * c.N,
      tau: null,
      mcRate: c.rate.mc?.mean ?? null,
      mcRateLo: c.rate.mc?.ci95[0] ?? null,
      mcRateHi: c.rate.mc?.ci95[1] ?? null,
      mcCrlbMedian: c.crlbA.mcMedian,
      mcCrlbLo: c.crlbA.mcMedianCi95?.[0] ?? null,
      mcCrlbHi: c.crlbA.mcMedianCi95?.[1] ?? null,
    });
  }

  // CI bars against the line width, in pixels of the plot (x linear from 0, y log over the domain).
  const pxPerNat = PLOT_WIDTH / xMaxPlot;
  const pxPerDecade = PLOT_HEIGHT / Math.log10(yMax / (yMin / 1.25));
  const ciPixels = {
    lineWidthPx: LINE_WIDTH,
    checks: points.map((q) => ({
      label: q.label,
      C: q.C,
      rateCiWidthPx: (q.rateHi - q.rateLo) * pxPerNat,
      crlbCiWidthPx: Math.log10(q.crlbHi / q.crlbLo) * pxPerDecade,
    })),
  };
  const strip = (r: TradeoffResult) => ({
    pareto: r.pareto,
    timeSharing: r.timeSharing,
    corners: r.corners,
    nonCooperative: r.nonCooperative,
    containment: r.containment,
    weighted: r.weighted ?? null,
    warnings: r.warnings,
    records: r.records,
  });
  const json = {
    figure: 'fig5',
    title: 'Rate–CRLB trade-off vs backhaul capacity',
    params: p,
    models: { rate: 'exact (src/comm/exactRate.ts, κ_c printed)', crlb: ['eq16 (Eq. 16, Lemma 1 κ_s, as printed)', 'mc-median (network simulation, median CRLB_a)'] },
    seed: opts.seed,
    settings: { ...settings, maxL: FIG5_MAX_L, maxN: problemN, rateEvaluations: env.evaluations },
    units: { rate: 'nats/s/Hz', crlbA: 'm²', backhaul: 'nats/s/Hz' },
    regions: regions.map((r) => ({ backhaul: r.backhaul, eq16: strip(r.eq16), mcMedian: r.mc ? strip(r.mc) : null, ...(r.mcError ? { mcMedianError: r.mcError } : {}) })),
    crlbSimulation: mc.rows,
    mcChecks: checks,
    ciVsLineWidth: ciPixels,
  };

  const validation: ValidationRow[] = [];
  for (const c of checks) {
    const setting = `C = ${c.backhaul}, L = ${c.L}, N = ${c.N}, p^c = ${c.pc.toFixed(4)}`;
    const m = c.rate.mc;
    validation.push({
      formula: 'R_c at a Pareto point (Fig. 5)',
      equation: 'Theorem 2 (printed) / exact Eq. (9)',
      setting,
      printed: c.rate.thm2,
      exact: c.rate.exact,
      mc: m ? { mean: m.mean, ci95: m.ci95, trials: m.trials } : null,
      relErrorPrinted: m ? (c.rate.thm2 - m.mean) / m.mean : null,
      relErrorExact: m ? (c.rate.exact - m.mean) / m.mean : null,
    });
    const med = c.crlbA.mcMedian;
    validation.push({
      formula: 'CRLB_a at a Pareto point (Fig. 5)',
      equation: 'Eq. (16) with Lemma 1 κ_s, × 1/p^s',
      setting,
      printed: c.crlbA.eq16,
      exact: null,
      mc: { mean: null, ci95: c.crlbA.mcMedianCi95, median: med, trials: c.crlbA.trials },
      relErrorPrinted: med !== null ? (c.crlbA.eq16 - med) / med : null,
      relErrorExact: null,
      note: 'E[CRLB_a] = ∞ (clusters of ≤ 3 accepted BSs occur): the MC column is the simulated median and its CI',
    });
  }
  const trials = checks.reduce((s, c) => s + (c.rate.mc?.trials ?? 0), 0) + (mc.rows[0]?.trials ?? 0);
  return {
    name: 'fig5',
    title: TITLE,
    seed: opts.seed,
    trials,
    backhauls,
    maxL: FIG5_MAX_L,
    params: { e: p.e, psi: p.psi, mt: p.mt, alpha: p.alpha, beta: p.beta, usersPerBs: usersPerBs(p), targetsPerBs: targetsPerBs(p), zeta2M2FullSensing: zeta2M2(fullSensingPowerParams(p)) },
    layout: { width: PLOT_WIDTH, height: PLOT_HEIGHT, lineWidth: LINE_WIDTH },
    schemes,
    lines,
    targetsOnCurve,
    points,
    checks,
    xMaxPlot,
    yMin,
    yMax,
    sharedTimeSharing,
    validation,
    csvRows,
    json,
  };
}

export const buildFig5: FigureBuilder = async (opts): Promise<FigureResult> => {
  const data = await computeFig5({ quick: opts.quick, seed: opts.seed, params: opts.params, run: (job, onP) => opts.pool.run(job, onP), onProgress: opts.onProgress });
  opts.onProgress?.(0.98, 'rendering');
  const files = await writeFigure(opts.outDir, 'fig5', fig5Spec(data), data.csvRows, opts.provenance ? { ...data.json, provenance: opts.provenance } : data.json, opts.defer);
  opts.onProgress?.(1, 'done');
  return { name: 'fig5', title: data.title, caption: fig5Caption(data), files, validation: data.validation, trials: data.trials, seed: data.seed };
};
