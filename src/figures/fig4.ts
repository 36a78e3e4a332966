/**
 * Fig. 4 of arXiv:2403.20228: average CoMP rate R_c (nats/s/Hz) versus the cooperative cluster
 * size L = 1…20, for three power shares p^c and three user-to-BS density ratios λ_u/λ_b (one panel
 * each), with ψ, M_t, α from the parameters.
 *
 * Curves: Theorem 2 as printed (dashed; corrected H1), the exact expression (solid,
 * src/comm/exactRate.ts), Monte Carlo with independent acceptance κ_c (points with 95% CI bands;
 * the model both closed forms describe) and, for the middle p^c, the network-level load simulation
 * (src/comm/network.ts: the stated mechanism, no κ_c assumed; diamonds). The optimum L* of the
 * exact expression is marked (ring) and listed with Theorem 2's and the simulations' in the JSON.
 *
 * Budget (2 cores): the full mode simulates 120 000 independent-acceptance users at every L = 1…20,
 * as whole curves (kernel comm.rateCurve: one pass per (λ_u/λ_b, p^c) evaluates every L on the same
 * trials), so that the 95% CI band (half-width ≈ 1.96·2.1/√120 000 ≈ 0.012 nats, i.e. ≤ 0.8 px at
 * 300 px for 4.5 nats) is no wider than the 1.6 px curves. ≈ 12 000 network users per middle-p^c
 * point. Quick mode: 600 users at every L and ≈ 400 network users. The same seed for every point
 * (common random numbers across L and p^c).
 */
import type { FigureBuilder, FigureComputeOptions, FigureResult, ValidationRow } from './types.ts';
import { writeFigure } from './render.ts';
import { fig4Spec } from './fig4Spec.ts';
import type { Fig4Data, Fig4Optimum, Fig4PlotPoint, Fig4Row } from './fig4Data.ts';
import { computeCommReport, type CommPoint } from '../reports/comm.ts';
import { kappaCMechanismPoisson, kappaCPrinted } from '../comm/kappa.ts';
import { RateTableValues, rateTableJob, type RateForm } from '../comm/rateTable.ts';
import { coMPRateParamsAt, usersPerBs } from '../params/derived.ts';

export type { Fig4Data, Fig4Optimum, Fig4PlotPoint, Fig4Row };

const L_MAX = 20;
const PCS = [0.3, 0.6, 0.9];
const MUS = [1, 2, 4];
const PC_NETWORK = 0.6;

function relErr(v: number | null, ref: number | null): number | null {
  return v === null || ref === null || ref === 0 ? null : (v - ref) / ref;
}

function argmaxL(values: Array<{ L: number; v: number | null }>): number | null {
  let best: { L: number; v: number } | null = null;
  for (const x of values) if (x.v !== null && (best === null || x.v > best.v)) best = { L: x.L, v: x.v };
  return best?.L ?? null;
}

const TITLE = 'Fig. 4: average rate R_c vs cooperative cluster size L';

/** Fig. 4's data: the Monte Carlo and network simulations (through `opts.run`), the closed forms, L*, the validation rows. Pure (no file I/O). */
export async function computeFig4(opts: FigureComputeOptions): Promise<Fig4Data> {
  const p = opts.params;
  const trials = opts.quick ? 600 : 120_000;
  const networkUsers = opts.quick ? 400 : 12_000;
  const Ls = Array.from({ length: L_MAX }, (_, i) => i + 1);
  const indep: Array<{ mu: number; points: CommPoint[] }> = [];
  const network: Array<{ mu: number; points: CommPoint[] }> = [];
  // Every closed form of the figure (Theorem 2 and the exact rate at each λ_u/λ_b, L and p^c) in one
  // comm.rateTable job on the worker pool, instead of one after the other on the main thread; the
  // reports below take their values from it (the same numbers). PC_NETWORK is one of PCS, so the
  // network-load reports find theirs too.
  const tableModels = MUS.flatMap((mu) => {
    const pm = { ...p, lambdaU: mu * p.lambdaB };
    return Ls.flatMap((L) => PCS.map((pc) => coMPRateParamsAt(pm, L, pc, kappaCPrinted(pm.psi, usersPerBs(pm), L))));
  });
  const tableForms: RateForm[] = ['thm2', 'exact'];
  const closedForms = new RateTableValues(tableModels, tableForms, await opts.run(rateTableJob(tableModels, tableForms), (d, t) => opts.onProgress?.((0.05 * d) / t, 'closed forms')));
  // The six reports (independent acceptance and network load at each λ_u/λ_b) run concurrently on
  // the pool: the network reports are chains of small jobs, one per L, that would otherwise wait for
  // each other. Each report has its own seed, so the numbers are those of running them in turn.
  const reports = MUS.length * 2;
  const fractions = new Array<number>(reports).fill(0);
  const labels = new Array<string>(reports).fill('');
  const report = (k: number, f: number, label: string): void => {
    fractions[k] = f;
    labels[k] = label;
    const done = fractions.reduce((x, y) => x + y, 0) / reports;
    opts.onProgress?.(0.05 + done * 0.9, labels.filter((l, i) => l && fractions[i]! < 1)[0] ?? label);
  };
  const results = await Promise.all(
    MUS.flatMap((mu, i) => {
      const pm = { ...p, lambdaU: mu * p.lambdaB };
      const label = `λ_u/λ_b = ${mu}`;
      return [
        computeCommReport(pm, { Ls, pcs: PCS, trials, seed: opts.seed, acceptance: 'independent', gains: 'gamma', printedH1: false }, opts.run, (f) => report(2 * i, f, `${label}: Monte Carlo`), closedForms),
        computeCommReport(pm, { Ls, pcs: [PC_NETWORK], trials: networkUsers, seed: opts.seed + 1, acceptance: 'network', gains: 'gamma', printedH1: false }, opts.run, (f) => report(2 * i + 1, f, `${label}: network load simulation`), closedForms),
      ];
    }),
  );
  MUS.forEach((mu, i) => {
    indep.push({ mu, points: [...results[2 * i]!.points].sort((a, b) => a.L - b.L || a.pc - b.pc) });
    network.push({ mu, points: results[2 * i + 1]!.points });
  });

  // Wide rows (CSV) and the L* summary.
  const rows: Fig4Row[] = [];
  const optima: Fig4Optimum[] = [];
  for (const { mu, points } of indep) {
    const net = network.find((n) => n.mu === mu)?.points ?? [];
    for (const pc of PCS) {
      const pts = points.filter((q) => q.pc === pc);
      const lStarExact = argmaxL(pts.map((q) => ({ L: q.L, v: q.rate.exact })));
      const lStarThm2 = argmaxL(pts.map((q) => ({ L: q.L, v: q.rate.thm2 })));
      const lStarMc = argmaxL(pts.map((q) => ({ L: q.L, v: q.rate.mc?.mean ?? null })));
      const netPts = pc === PC_NETWORK ? net : [];
      const lStarNet = netPts.length > 0 ? argmaxL(netPts.map((q) => ({ L: q.L, v: q.rate.mc?.mean ?? null }))) : null;
      optima.push({ mu, pc, lStarExact, lStarThm2, lStarMcIndependent: lStarMc, lStarMcNetwork: lStarNet });
      for (const q of pts) {
        const n = netPts.find((x) => x.L === q.L);
        rows.push({
          muC: mu,
          pc,
          L: q.L,
          kappaPrinted: q.kappaC.formula,
          kappaMechanismPoisson: kappaCMechanismPoisson(p.psi, mu, q.L),
          kappaMcNetwork: n?.kappaC.mc ?? null,
          thm2: q.rate.thm2,
          exact: q.rate.exact,
          mcMean: q.rate.mc?.mean ?? null,
          mcCiLo: q.rate.mc?.ci95[0] ?? null,
          mcCiHi: q.rate.mc?.ci95[1] ?? null,
          mcTrials: q.rate.mc?.trials ?? null,
          networkMean: n?.rate.mc?.mean ?? null,
          networkCiLo: n?.rate.mc?.ci95[0] ?? null,
          networkCiHi: n?.rate.mc?.ci95[1] ?? null,
          networkUsers: n?.rate.mc?.trials ?? null,
          exactAtNetworkKappa: n?.rate.exactAtMcKappa ?? null,
          lStarExact: q.L === lStarExact ? 1 : 0,
        });
      }
    }
  }

  // Long-format plot data.
  const pcLabel = (pc: number): string => `p^c = ${pc}`;
  const lines: Fig4PlotPoint[] = [];
  const mcPts: Fig4PlotPoint[] = [];
  const stars: Fig4PlotPoint[] = [];
  for (const r of rows) {
    const base = { mu: `λ_u/λ_b = ${r.muC}`, L: r.L as number, pc: pcLabel(r.pc as number) };
    lines.push({ ...base, method: 'exact', value: r.exact as number });
    lines.push({ ...base, method: 'Theorem 2', value: r.thm2 as number });
    if (r.mcMean !== null) mcPts.push({ ...base, model: 'MC, independent κ_c', mean: r.mcMean, lo: r.mcCiLo as number, hi: r.mcCiHi as number });
    if (r.networkMean !== null) mcPts.push({ ...base, model: 'MC, network load', mean: r.networkMean, lo: r.networkCiLo as number, hi: r.networkCiHi as number });
    if (r.lStarExact === 1) stars.push({ ...base, value: r.exact as number, text: `L* = ${r.L}` });
  }
  // Validation rows.
  const validation: ValidationRow[] = [];
  for (const { mu, points } of indep) {
    for (const q of points.filter((x) => x.pc === PC_NETWORK && [1, 2, 3, 4, 8, 12, 20].includes(x.L))) {
      const mc = q.rate.mc;
      validation.push({
        formula: 'Theorem 2',
        equation: 'Theorem 2 (exact: src/comm/exactRate.ts)',
        setting: `L = ${q.L}, p^c = ${q.pc}, λ_u/λ_b = ${mu}, ψ = ${p.psi}, M_t = ${p.mt}, α = ${p.alpha}, κ_c = ${q.kappaC.formula.toFixed(4)}`,
        printed: q.rate.thm2,
        exact: q.rate.exact,
        mc: mc ? { mean: mc.mean, ci95: mc.ci95, trials: mc.trials } : null,
        relErrorPrinted: relErr(q.rate.thm2, mc?.mean ?? null),
        relErrorExact: relErr(q.rate.exact, mc?.mean ?? null),
        note: 'nats/s/Hz; MC with independent acceptance (the model of both closed forms)',
      });
    }
  }
  for (const { mu, points } of network) {
    for (const q of points.filter((x) => [2, 5, 10, 15, 20].includes(x.L))) {
      const k = q.kappaC.mc ?? null;
      validation.push({
        formula: 'κ_c',
        equation: 'Section IV (κ_c)',
        setting: `L = ${q.L}, λ_u/λ_b = ${mu}, ψ = ${p.psi}; exact column: own-users-first mechanism with Poisson counts`,
        printed: q.kappaC.formula,
        exact: kappaCMechanismPoisson(p.psi, mu, q.L),
        mc: k === null ? null : { mean: k, ci95: null, trials: q.rate.mc?.trials ?? 0 },
        relErrorPrinted: relErr(q.kappaC.formula, k),
        relErrorExact: relErr(kappaCMechanismPoisson(p.psi, mu, q.L), k),
        note: 'MC: fraction of cooperation requests accepted in the network-level simulation (torus)',
      });
    }
  }
  for (const o of optima) {
    validation.push({
      formula: 'L*',
      equation: 'argmax_L R_c',
      setting: `p^c = ${o.pc}, λ_u/λ_b = ${o.mu}`,
      printed: o.lStarThm2,
      exact: o.lStarExact,
      mc: o.lStarMcIndependent === null ? null : { mean: o.lStarMcIndependent, ci95: null, trials },
      relErrorPrinted: null,
      relErrorExact: null,
      note: `MC column: argmax of the independent-acceptance MC means${o.lStarMcNetwork !== null ? `; network load simulation: L* = ${o.lStarMcNetwork}` : ''}`,
    });
  }

  const json = {
    figure: 'fig4',
    title: 'Average rate R_c vs cluster size L',
    params: p,
    seed: opts.seed,
    trials,
    networkUsersPerPoint: networkUsers,
    units: { rate: 'nats/s/Hz' },
    pcs: PCS,
    muCs: MUS,
    optima,
    points: rows,
  };
  return {
    name: 'fig4',
    title: TITLE,
    seed: opts.seed,
    trials,
    quick: opts.quick,
    networkUsers,
    lMax: L_MAX,
    pcs: PCS,
    muCs: MUS,
    pcNetwork: PC_NETWORK,
    psi: p.psi,
    mt: p.mt,
    alpha: p.alpha,
    rows,
    lines,
    mcPoints: mcPts,
    stars,
    optima,
    validation,
    csvRows: rows,
    json,
  };
}

export const buildFig4: FigureBuilder = async (opts): Promise<FigureResult> => {
  const data = await computeFig4({ quick: opts.quick, seed: opts.seed, params: opts.params, run: (job, onP) => opts.pool.run(job, onP), onProgress: opts.onProgress });
  opts.onProgress?.(0.96, 'rendering');
  const files = await writeFigure(opts.outDir, 'fig4', fig4Spec(data), data.csvRows, opts.provenance ? { ...data.json, provenance: opts.provenance } : data.json, opts.defer);
  opts.onProgress?.(1, 'done');
  return { name: 'fig4', title: data.title, files, validation: data.validation, trials: data.trials, seed: data.seed };
};
