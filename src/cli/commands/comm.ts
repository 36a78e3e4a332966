/**
 * `isacnet comm`: the average rate R_c (nats/s/Hz) of CoMP joint transmission versus the cluster
 * size L and the power share p^c: Theorem 2, the exact expression and Monte Carlo with a 95% CI,
 * κ_c as printed (and simulated with `--acceptance network`). With --json it prints the contract
 * object of issue 3 ({ params, points }, plus a `run` object with the thread count and timing, kept
 * outside `points` so that the same seed gives byte-identical points for any --threads).
 */
import { Command } from 'commander';
import { addParamOptions, paramsFromOptions, runConfig } from '../options.ts';
import { ParamError, checkNumber, parseList } from '../../params/validate.ts';
import { defaultThreads } from '../../registry/nodePool.ts';
import { runWithPool } from '../runWithPool.ts';
import { DEFAULT_DISC_BS, computeCommReport, type AcceptanceModel, type CommReport } from '../../reports/comm.ts';
import { parseGainModel } from '../../comm/gains.ts';

export const DEFAULT_COMM_L = '1,2,3,4,5,6,8,10,12,15,20';

function parseAcceptance(v: unknown): AcceptanceModel {
  if (v === 'independent' || v === 'network') return v;
  throw new ParamError(`--acceptance: invalid value ${JSON.stringify(v)}; allowed values are independent, network`);
}

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

export function registerCommCommand(program: Command): void {
  const cmd = new Command('comm')
    .description('average CoMP rate R_c vs cluster size L: Theorem 2, exact expression and Monte Carlo; κ_c as printed vs simulated')
    .option('--L <list>', `cluster sizes, e.g. 1,2,8 or 1-20 (default ${DEFAULT_COMM_L})`)
    .option('--trials <n>', 'Monte Carlo user realizations per point (default 100000)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--acceptance <model>', 'independent (probability κ_c as printed) or network (load simulation on a torus) (default independent)')
    .option('--gains <model>', 'gamma (the paper\'s Gamma laws) or zf (full zero-forcing channel simulation) (default gamma)')
    .option('--disc-bs <n>', `BSs simulated explicitly around the user, mean field beyond (default ${DEFAULT_DISC_BS})`)
    .option('--coverage <list>', 'SIR thresholds T (linear) for P(SIR > T) by Monte Carlo')
    .option('--threads <n>', 'worker threads (default: all cores; results do not depend on it)')
    .option('--json', 'print the JSON contract object');
  addParamOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const rc = runConfig(opts);
    // --pc may be a list: take it out of the scalar parameter set, validate each value.
    const pcRaw = opts.pc;
    const p = paramsFromOptions({ ...opts, pc: undefined });
    const pcs = parseList(pcRaw ?? p.pc, { flag: 'pc', symbol: 'p^c', min: 0, max: 1 });
    const Ls = parseList(opts.L ?? rc.L ?? DEFAULT_COMM_L, { flag: 'L', symbol: 'L', min: 1, max: 1000, integer: true });
    const trials = checkNumber(opts.trials ?? rc.trials ?? 100000, { flag: 'trials', min: 1, max: 1e10, integer: true });
    const seed = checkNumber(opts.seed ?? rc.seed ?? 1, { flag: 'seed', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
    const threads = checkNumber(opts.threads ?? rc.threads ?? defaultThreads(), { flag: 'threads', min: 1, max: 256, integer: true });
    const discBs = checkNumber(opts.discBs ?? DEFAULT_DISC_BS, { flag: 'disc-bs', min: 20, max: 1e6 });
    const acceptance = parseAcceptance(opts.acceptance ?? 'independent');
    const gains = parseGainModel(opts.gains ?? 'gamma');
    const coverageThresholds = opts.coverage === undefined ? undefined : parseList(opts.coverage, { flag: 'coverage', min: 0, max: 1e12 });
    if (Ls.some((L) => 4 * L > discBs)) throw new ParamError(`--disc-bs: invalid value ${discBs}; must be at least 4·max(L) = ${4 * Math.max(...Ls)}`);
    const json = Boolean(opts.json ?? rc.json);
    const { result: report, elapsedSeconds } = await runWithPool('comm', threads, (run, onProgress) =>
      computeCommReport(p, { Ls, pcs, trials, seed, acceptance, gains, discBs, coverageThresholds }, run, onProgress),
    );
    if (json) {
      process.stdout.write(JSON.stringify({ params: report.params, points: report.points, run: { threads, elapsedSeconds } }, null, 2) + '\n');
    } else {
      process.stdout.write(formatCommTable(report));
      process.stdout.write(`(${trials} trials per point, seed ${seed}, ${threads} thread${threads > 1 ? 's' : ''}, ${elapsedSeconds.toFixed(1)} s)\n`);
    }
  });
  program.addCommand(cmd);
}

export { ParamError };
