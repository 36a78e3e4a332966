/**
 * `isacnet comm`: the average rate R_c (nats/s/Hz) of CoMP joint transmission versus the cluster
 * size L and the power share p^c: Theorem 2, the exact expression and Monte Carlo with a 95% CI,
 * κ_c as printed (and simulated with `--acceptance network`). With --json it prints the contract
 * object of issue 3 ({ params, points }, plus a `run` object with the thread count and timing, kept
 * outside `points` so that the same seed gives byte-identical points for any --threads).
 */
import { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { ParamError } from '../../params/validate.ts';
import { runWithPool } from '../runWithPool.ts';
import { chosenFormat, writeOutput } from '../format.ts';
import { provenance } from '../../params/provenance.ts';

/** CSV units: rates in nats/s/Hz. */
function commUnit(path: readonly string[]): string {
  return path[0] === 'rate' && path[path.length - 1] !== 'trials' ? 'nats_per_s_hz' : '';
}
import type { CommReport } from '../../reports/comm.ts';

export const DEFAULT_COMM_L = '1,2,3,4,5,6,8,10,12,15,20';

function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toFixed(digits);
}

/** Readable table of a report. */
export function formatCommTable(r: CommReport): string {
  const network = r.params.acceptance === 'network';
  const head = ['L', 'p^c', 'κ_c printed', ...(network ? ['κ_c MC'] : []), 'Thm 2', 'exact', 'MC mean', '95% CI', ...(network ? ['exact@κMC'] : [])];
  const rows = r.points.map((pt) => [
    String(pt.L),
    String(pt.pc),
    fmt(pt.kappaC.formula),
    ...(network ? [fmt(pt.kappaC.mc)] : []),
    fmt(pt.rate.thm2),
    fmt(pt.rate.exact),
    fmt(pt.rate.mc?.mean),
    pt.rate.mc ? `${fmt(pt.rate.mc.ci95[0])}–${fmt(pt.rate.mc.ci95[1])}` : '—',
    ...(network ? [fmt(pt.rate.exactAtMcKappa)] : []),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => c.padStart(widths[j])).join('  ');
  const p = r.params;
  return (
    [
      `R_c in nats/s/Hz; λ_u/λ_b = ${Number(p.muC).toPrecision(4)}, ψ = ${p.psi}, M_t = ${p.mt}, α = ${p.alpha}, acceptance ${p.acceptance}, gains ${p.gains}`,
      line(head),
      line(head.map((_, j) => '-'.repeat(widths[j]))),
      ...rows.map(line),
    ].join('\n') + '\n'
  );
}

/** Why a value of a comm point is missing (JSON `<field>Reason`). */
export function commReason(path: readonly string[]): string | undefined {
  const key = path[path.length - 1];
  if (key === 'ci95' || key === 'kappaCi95' || key === 'mcCi95') return 'too few trials';
  if (key === 'mc' || key === 'exactAtMcKappa') return 'not simulated';
  return undefined;
}

export function registerCommCommand(program: Command): void {
  const cmd = new Command('comm')
    .description('average CoMP rate R_c vs cluster size L: Theorem 2, exact expression and Monte Carlo; κ_c as printed vs simulated');
  // --pc is a list here (a run option), not the scalar model parameter.
  addRunOptions(cmd, 'comm');
  addParamOptions(cmd, { except: ['pc'] });
  cmd.action(async (opts: Record<string, unknown>) => {
    const { computeCommReport, TYPICAL_USER_CHUNK, NETWORK_CHUNK } = await import('../../reports/comm.ts');
    const { params: p, run } = resolveCommand('comm', opts);
    const { L: Ls, pc: pcs, trials, seed, threads, discBs, acceptance, gains, coverage: coverageThresholds } = run;
    const format = chosenFormat(run);
    if (Ls.some((L) => 4 * L > discBs)) throw new ParamError(`--disc-bs: invalid value ${discBs}; must be at least 4·max(--L) = ${4 * Math.max(...Ls)} (--L goes up to ${Math.max(...Ls)}; leave --disc-bs out to get that default)`);
    const { result: report, elapsedSeconds } = await runWithPool('comm', threads, (run, onProgress) =>
      computeCommReport(p, { Ls, pcs, trials, seed, acceptance, gains, discBs, coverageThresholds }, run, onProgress),
    );
    const prov = provenance('comm', p, run, { typicalUser: TYPICAL_USER_CHUNK, network: NETWORK_CHUNK });
    writeOutput(format, { params: report.params, points: report.points, run: { threads, elapsedSeconds }, provenance: prov }, report.points, commUnit, () =>
      formatCommTable(report) + `(${trials} trials per point, seed ${seed}, ${threads} thread${threads > 1 ? 's' : ''}, ${elapsedSeconds.toFixed(1)} s)\n`,
      (path) => commReason(path),
    );
  });
  program.addCommand(cmd);
}

export { ParamError };
