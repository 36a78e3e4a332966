/**
 * `isacnet comm`: the average rate R_c (nats/s/Hz) of CoMP joint transmission versus the cluster
 * size L and the power share p^c: Theorem 2, the exact expression and Monte Carlo with a 95% CI,
 * κ_c as printed (and simulated with `--acceptance network`). With --json it prints the contract
 * object of issue 3 ({ params, points }, plus a `run` object with the thread count and timing, kept
 * outside `points` so that the same seed gives byte-identical points for any --threads).
 * With --gains zf (independent acceptance, noise off) each point also carries `rate.zfControlVariate`:
 * the ZF rate estimated with the closed-form model as control variate (comm.zfRateCurve).
 */
import { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { ParamError } from '../../params/validate.ts';
import { runWithPool } from '../runWithPool.ts';
import { chosenFormat, writeOutput } from '../format.ts';
import { provenance } from '../../params/provenance.ts';

import type { CommPoint, CommReport } from '../../reports/comm.ts';

/** Fields of `rate` without a unit. */
const UNITLESS_RATE_FIELDS = new Set(['trials', 'noiseGap', 'vrf', 'coefficient']);

/** CSV units: rates in nats/s/Hz (the relative noise gap, the VRF and the control coefficient have none). */
function commUnit(path: readonly string[]): string {
  // network control variate: rates are the estimate, its CI and the control's means; vrf, κ and coefficients have none
  if (path[1] === 'mcNetworkCv') return ['mean', 'ci95', 'mc', 'exact'].includes(path[path.length - 1]!) || path[2] === 'ci95' ? 'nats_per_s_hz' : '';
  return path[0] === 'rate' && !UNITLESS_RATE_FIELDS.has(path[path.length - 1]!) ? 'nats_per_s_hz' : '';
}

/** A threshold in dB as a CSV column fragment: -5 → "m5dB", 2.5 → "2.5dB". */
function dbKey(db: number): string {
  return `${db < 0 ? 'm' : ''}${Math.abs(db)}dB`;
}

/** The points for CSV: `coverageDb` as one column group per threshold (`coverageDb_m5dB_mc_p`, …). */
export function commCsvPoints(points: readonly CommPoint[]): unknown[] {
  return points.map((pt) => {
    if (!pt.coverageDb) return pt;
    const { coverageDb, ...rest } = pt;
    return { ...rest, coverageDb: Object.fromEntries(coverageDb.map((c) => [dbKey(c.Tdb), { mc: c.mc ?? { p: null, ci95: null }, exact: c.exact }])) };
  });
}

export const DEFAULT_COMM_L = '1,2,3,4,5,6,8,10,12,15,20';

function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toFixed(digits);
}

/** Network acceptance: the control-variate estimate, its 95% CI and the variance-reduction factor (— without one). */
function networkCvCells(pt: CommPoint): string[] {
  const cv = pt.rate.mcNetworkCv;
  if (!cv) return ['—', '—', '—'];
  return [fmt(cv.mean), `${fmt(cv.ci95[0])}–${fmt(cv.ci95[1])}`, cv.vrf === null ? '∞' : cv.vrf.toFixed(1)];
}

/** Readable table of a report. */
export function formatCommTable(r: CommReport): string {
  const network = r.params.acceptance === 'network';
  const noise = r.params.noise === 'on';
  const zfCv = r.params.zfControlVariate === true;
  const head = ['L', 'p^c', 'κ_c printed', ...(network ? ['κ_c MC'] : []), 'Thm 2', 'exact', 'MC mean', '95% CI', ...(network ? ['exact@κMC', 'MC+CV', '95% CI (CV)', 'VRF'] : []), ...(noise ? ['exact SIR', 'SIR gap'] : []), ...(zfCv ? ZF_CV_HEAD : [])];
  const rows = r.points.map((pt) => [
    String(pt.L),
    String(pt.pc),
    fmt(pt.kappaC.formula),
    ...(network ? [fmt(pt.kappaC.mc)] : []),
    fmt(pt.rate.thm2),
    fmt(pt.rate.exact),
    fmt(pt.rate.mc?.mean),
    pt.rate.mc ? `${fmt(pt.rate.mc.ci95[0])}–${fmt(pt.rate.mc.ci95[1])}` : '—',
    ...(network ? [fmt(pt.rate.exactAtMcKappa), ...networkCvCells(pt)] : []),
    ...(noise ? [fmt(pt.rate.exactNoNoise), pt.rate.noiseGap === undefined ? '—' : `${(100 * pt.rate.noiseGap).toFixed(2)}%`] : []),
    ...(zfCv ? zfCvCells(pt) : []),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => c.padStart(widths[j])).join('  ');
  const p = r.params;
  const noiseLine = noise
    ? [`SINR: noise ${Number(p.noisePowerDbm).toFixed(1)} dBm, path gain at d_0 ${Number(p.refPathGainDb).toFixed(1)} dB, normalized noise ν = ${Number(p.normalizedNoise).toPrecision(4)} (λ_b = ${p.lambdaB} /km²); SIR gap = (exact SIR − exact)/exact`]
    : [];
  const zfLine = zfCv
    ? ['ZF control variate (comm.zfRateCurve, same seed): ZF plain = plain mean of its ZF records, ZF CV = controlled estimate (closed-form model as control), VRF = Var(plain)/Var(residual); MC mean = comm.typicalUser (independent stream)']
    : [];
  return (
    [
      `R_c in nats/s/Hz; λ_u/λ_b = ${Number(p.muC).toPrecision(4)}, ψ = ${p.psi}, M_t = ${p.mt}, α = ${p.alpha}, acceptance ${p.acceptance}, gains ${p.gains}`,
      ...noiseLine,
      ...zfLine,
      line(head),
      line(head.map((_, j) => '-'.repeat(widths[j]))),
      ...rows.map(line),
    ].join('\n') +
    '\n' +
    formatCoverageTable(r)
  );
}

// --- ZF control variate columns (gains zf) ---
const ZF_CV_HEAD = ['ZF plain', 'ZF CV', 'ZF CV 95% CI', 'VRF'];

function zfCvCells(pt: CommPoint): string[] {
  const z = pt.rate.zfControlVariate;
  if (!z) return ['—', '—', '—', '—'];
  return [fmt(z.plain.mean), fmt(z.controlled.mean), `${fmt(z.controlled.ci95[0])}–${fmt(z.controlled.ci95[1])}`, z.vrf.toFixed(0)];
}

/** The `--coverage-db` table (empty without thresholds): MC with its 95% CI and the exact L = 1 value. */
export function formatCoverageTable(r: CommReport): string {
  const rows = r.points.flatMap((pt) =>
    (pt.coverageDb ?? []).map((c) => [
      String(pt.L),
      String(pt.pc),
      String(c.Tdb),
      fmt(c.mc?.p),
      c.mc?.ci95 ? `${fmt(c.mc.ci95[0])}–${fmt(c.mc.ci95[1])}` : '—',
      fmt(c.exact),
    ]),
  );
  if (rows.length === 0) return '';
  const head = ['L', 'p^c', 'T [dB]', 'MC', '95% CI', 'exact (L = 1)'];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => c.padStart(widths[j])).join('  ');
  const what = r.params.noise === 'on' ? 'P(SINR > T)' : 'P(SIR > T)';
  return ['', `${what}:`, line(head), line(head.map((_, j) => '-'.repeat(widths[j]))), ...rows.map(line)].join('\n') + '\n';
}

/** Why a value of a comm point is missing (JSON `<field>Reason`). */
export function commReason(path: readonly string[]): string | undefined {
  const key = path[path.length - 1];
  if (key === 'ci95' || key === 'kappaCi95' || key === 'mcCi95') return 'too few trials';
  if (key === 'mc' || key === 'exactAtMcKappa' || key === 'zfControlVariate') return 'not simulated';
  if (key === 'mcNetworkCv') return 'no control variate (gains zf, no Monte Carlo, or fewer than 5 windows)';
  if (key === 'vrf') return 'the control reproduces the rate exactly (residual variance 0)';
  return undefined;
}

export function registerCommCommand(program: Command): void {
  const cmd = new Command('comm')
    .description('average CoMP rate R_c vs cluster size L: Theorem 2, exact expression and Monte Carlo; κ_c as printed vs simulated');
  // --pc is a list here (a run option), not the scalar model parameter.
  addRunOptions(cmd, 'comm');
  addParamOptions(cmd, { except: ['pc'] });
  cmd.action(async (opts: Record<string, unknown>) => {
    const { computeCommReport, TYPICAL_USER_CHUNK, NETWORK_CHUNK, ZF_CURVE_CHUNK, RATE_CURVE_CHUNK } = await import('../../reports/comm.ts');
    const { params: p, run } = resolveCommand('comm', opts);
    const { queue, ...runShown } = run;
    const { L: Ls, pc: pcs, trials, seed, threads, discBs, acceptance, gains, coverage: coverageThresholds, noise, coverageDb } = runShown;
    const format = chosenFormat(run);
    if (Ls.some((L) => 4 * L > discBs)) throw new ParamError(`--disc-bs: invalid value ${discBs}; must be at least 4·max(--L) = ${4 * Math.max(...Ls)} (--L goes up to ${Math.max(...Ls)}; leave --disc-bs out to get that default)`);
    if (noise === 'on' && acceptance === 'network') throw new ParamError('--noise: invalid value "on" with --acceptance network; the network simulation has no noise term (use --acceptance independent)');
    const { result: report, elapsedSeconds, queue: queueShown } = await runWithPool(
      'comm',
      threads,
      (run, onProgress) =>
        computeCommReport(p, { Ls, pcs, trials, seed, acceptance, gains, discBs, coverageThresholds, zfControlVariate: gains === 'zf', ...(noise === 'on' ? { noise } : {}), ...(coverageDb ? { coverageDb } : {}) }, run, onProgress),
      queue,
    );
    // The queue URL (it may hold a password) never enters the provenance: where chunks ran changes no number.
    const prov = provenance('comm', p, runShown, { typicalUser: TYPICAL_USER_CHUNK, network: NETWORK_CHUNK, ...(report.params.monteCarloKernel === 'comm.rateCurve' ? { rateCurve: RATE_CURVE_CHUNK } : {}), ...(report.params.zfControlVariate === true ? { zfRateCurve: ZF_CURVE_CHUNK } : {}) });
    const where = queueShown ? `queue ${queueShown}` : `${threads} thread${threads > 1 ? 's' : ''}`;
    writeOutput(format, { params: report.params, points: report.points, run: { threads, elapsedSeconds, ...(queueShown ? { queue: queueShown } : {}) }, provenance: prov }, format === 'csv' ? commCsvPoints(report.points) : report.points, commUnit, () =>
      formatCommTable(report) + `(${trials} trials per point, seed ${seed}, ${where}, ${elapsedSeconds.toFixed(1)} s)\n`,
      (path) => commReason(path),
    );
  });
  program.addCommand(cmd);
}

export { ParamError };
