/**
 * `isacnet sensing`: expected CRLB (Eq. 6) by Monte Carlo beside Prop. 1, Eq. (13) and Theorem 1,
 * κ_s by Lemma 1 beside the network-level simulation, and the CRLB with acceptance (Eq. 16) beside
 * the simulated one, for a list of cluster sizes N. With --json it prints the contract object of
 * issue 2 ({ params, points }, plus a `run` object with the thread count and timing, kept outside
 * `points` so that the same seed gives byte-identical points for any --threads).
 */
import { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { defaultSensingWindows } from '../../params/runOptions.ts';
import { runWithPool } from '../runWithPool.ts';
import { chosenFormat, writeOutput } from '../format.ts';
import { provenance } from '../../params/provenance.ts';
import { DEFAULT_CHUNK_SIZE } from '../../parallel/job.ts';

/** CSV units: CRLB values in m² (the normalized blocks are dimensionless by name). */
const SENSING_VALUES = new Set(['mean', 'median', 'ci95', 'medianCi95', 'prop1', 'eq13', 'thm1', 'thm1Corrected', 'eq16', 'eq16McKappa', 'thinnedProp1']);
// nonLocalizable.* are fractions (no unit).
function sensingUnit(path: readonly string[]): string {
  return (path[0] === 'crlb' || path[0] === 'crlbAccept') && SENSING_VALUES.has(path[path.length - 1]) ? 'm2' : '';
}
import type { SensingPoint, SensingReport } from '../../reports/sensing.ts';

export const DEFAULT_SENSING_N = '1,2,3,4,5,6,8,10,15,20';

/** trials × max N of the README's example (`--N 1,2,5,10,20 --trials 200000`). */
const README_SENSING_WORK = 200_000 * 20;
/** Above 5× that, a warning up front. */
const LARGE_SENSING_WORK = 5 * README_SENSING_WORK;

/** Default number of torus windows for a given number of CRLB trials. */
export function defaultWindows(trials: number): number {
  return defaultSensingWindows(trials);
}

function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return '—';
  if (v === Infinity) return '∞';
  return Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

/** The non-localizable fraction beside CRLB_a: simulated (with `!` when it reaches ½), else the independent-acceptance model in brackets. */
function nonLocCell(pt: SensingPoint): string {
  const n = pt.crlbAccept.nonLocalizable;
  if (n.mc !== null) return `${(100 * (n.mc + (n.singular ?? 0))).toFixed(1)}%${n.minority ? '!' : ''}`;
  return `(${(100 * n.independentModel).toFixed(1)}%)`;
}

/** Readable table (m²) of a report. */
export function formatSensingTable(r: SensingReport): string {
  const head = ['N', 'MC mean', '95% CI', 'MC median', 'Prop.1', 'Eq.13', 'Thm 1', 'κ_s L1', 'κ_s MC', 'κ_s NB', 'Eq.16', 'MC_a median', 'non-loc'];
  const rows: string[][] = r.points.map((pt: SensingPoint) => [
    String(pt.N),
    fmt(pt.crlb.mc.mean),
    pt.crlb.mc.ci95 ? (pt.crlb.mc.ci95[0] === Infinity ? '∞' : `${fmt(pt.crlb.mc.ci95[0], 3)}–${fmt(pt.crlb.mc.ci95[1], 3)}${pt.crlb.mc.ci95Reliable === false ? '*' : ''}`) : '—',
    fmt(pt.crlb.mc.median),
    fmt(pt.crlb.prop1),
    fmt(pt.crlb.eq13),
    fmt(pt.crlb.thm1),
    fmt(pt.kappaS.lemma1),
    fmt(pt.kappaS.mc),
    fmt(pt.kappaS.negBinomial),
    fmt(pt.crlbAccept.eq16),
    fmt(pt.crlbAccept.mc?.median),
    nonLocCell(pt),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => c.padStart(widths[j])).join('  ');
  const out = [
    `CRLB in m² (|ζ|² = ${fmt(r.params.zeta2M2 as number)} m², λ_b = ${r.params.lambdaB} /km², β = ${r.params.beta}, ψ = ${r.params.psi}, λ_s/λ_b = ${fmt(r.params.muS as number, 3)}); normalized values with --json`,
    line(head),
    line(head.map((h, j) => '-'.repeat(widths[j]))),
    ...rows.map(line),
  ];
  const noSensing = r.params.zeta2M2 === 0;
  // With p^s = 0 the FIM is zero: the moment warnings (finite or infinite mean) do not apply.
  const warnings = noSensing
    ? [`  p^c = ${r.params.pc}: no sensing power (p^s = 0), so |ζ|² = 0, the FIM is zero (singular) and every CRLB in m² is infinite (∞); lower --pc`]
    : r.points.filter((pt) => pt.crlb.mc.warning).map((pt) => `  ${pt.crlb.mc.warning}`);
  if (warnings.length > 0) out.push('', 'warnings:', ...warnings);
  if (r.points.some((pt) => pt.crlb.mc.ci95Reliable === false)) out.push('', '*: normal-theory CI of the mean, unreliable here (a Hill tail index ≤ 2): use the median and its CI.');
  const minority = r.points.filter((pt) => pt.crlbAccept.nonLocalizable.minority).map((pt) => pt.N);
  if (minority.length > 0) out.push('', `N = ${minority.join(', ')}: most targets cannot be localized (non-loc ≥ 50%, marked !): the median CRLB_a is ∞ and Eq. (16) describes a minority of targets (docs/errata.md S7).`);
  out.push('', 'MC_a: CRLB with acceptance from the network simulation; its mean is infinite (clusters of ≤ 3 BSs occur), see docs/sensing.md.');
  out.push('non-loc: targets that cannot be localized (≤ 1 accepted BS or a singular FIM), left out of every CRLB_a; in brackets: independent-acceptance model (no network simulation).');
  return out.join('\n') + '\n';
}

/**
 * Why a value of a sensing point is missing (JSON `<field>Reason`): no sensing power or a single BS
 * (the FIM is singular, the CRLB infinite), a mean that does not exist (N ≤ 3, or with acceptance),
 * too few trials for an interval or a tail index, a simulation that was not run.
 */
export function sensingReason(path: readonly string[], point: unknown, ctx: { zeta2M2: number; trials: number; windows: number; lambdaS: number }): string | undefined {
  const N = (point as { N?: number }).N ?? 0;
  const key = path[path.length - 1];
  const block = path[0];
  if (path.includes('conditionalMean4') && ctx.zeta2M2 !== 0 && N > 1) return undefined;
  const normalized = block === 'crlbNormalized' || block === 'crlbAcceptNormalized';
  if ((block === 'kappaS' && (key === 'mc' || key.startsWith('mc'))) || ((block === 'crlbAccept' || block === 'crlbAcceptNormalized') && path[1] === 'mc')) {
    if (ctx.lambdaS === 0) return 'no targets';
    if (ctx.windows === 0) return 'not simulated';
  }
  if (!normalized && (block === 'crlb' || block === 'crlbAccept') && ctx.zeta2M2 === 0) return 'singular FIM';
  if (N <= 1 && (block === 'crlb' || block === 'crlbNormalized' || block === 'crlbAccept' || block === 'crlbAcceptNormalized')) return 'singular FIM';
  if (key === 'mean' || key === 'ci95') {
    if (block === 'crlbAccept' || block === 'crlbAcceptNormalized') return 'mean does not exist';
    if (N <= 3) return 'mean does not exist';
    if (ctx.trials < 2) return 'too few trials';
    if (key === 'ci95' && (N === 4 || N === 5)) return 'variance does not exist';
  }
  if (key === 'hill') return 'too few trials';
  return undefined;
}

export function registerSensingCommand(program: Command): void {
  const cmd = new Command('sensing')
    .description('expected CRLB vs cluster size N: Monte Carlo vs Prop. 1, Eq. (13), Theorem 1; κ_s (Lemma 1) and CRLB with acceptance (Eq. 16) vs network simulation');
  addRunOptions(cmd, 'sensing');
  addParamOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const { computeSensingReport } = await import('../../reports/sensing.ts');
    const { SENSING_NETWORK_CHUNK } = await import('../../sensing/networkSummary.ts');
    const { params: p, run } = resolveCommand('sensing', opts);
    const { queue, ...runShown } = run;
    const { N: Ns, trials, seed, windows, samplesPerWindow, threads } = runShown;
    const format = chosenFormat(run);
    // Warn up front about runs that take minutes (the CRLB Monte Carlo costs ∝ trials × max N).
    const work = trials * Math.max(...Ns);
    if (work > LARGE_SENSING_WORK) process.stderr.write(`isacnet: large run (trials × max N = ${work.toExponential(1)}, about ${Math.round(work / README_SENSING_WORK)}× the README's example): expect minutes; progress follows on stderr; lower --trials or --N for a first look\n`);
    if (p.pc === 1 && p.zeta2 === null) process.stderr.write('isacnet: --pc 1 leaves no sensing power (p^s = 0): every CRLB is infinite (the FIM is zero)\n');
    if (p.lambdaS === 0 && windows > 0) process.stderr.write('isacnet: λ_s = 0: no targets, the network simulation is skipped (κ_s MC = null)\n');
    const { result: report, elapsedSeconds, queue: queueShown } = await runWithPool(
      'sensing',
      threads,
      (run, onProgress) => computeSensingReport(p, { Ns, trials, seed, windows, samplesPerWindow }, run, onProgress),
      queue,
    );
    // The queue URL (it may hold a password) never enters the provenance: where chunks ran changes no number.
    const prov = provenance('sensing', p, runShown, { crlbNested: DEFAULT_CHUNK_SIZE, network: SENSING_NETWORK_CHUNK });
    const where = queueShown ? `queue ${queueShown}` : `${threads} thread${threads > 1 ? 's' : ''}`;
    writeOutput(format, { params: report.params, points: report.points, run: { threads, elapsedSeconds, ...(queueShown ? { queue: queueShown } : {}) }, provenance: prov }, report.points, sensingUnit, () =>
      formatSensingTable(report) + `(${trials} geometries, ${windows} network windows, seed ${seed}, ${where}, ${elapsedSeconds.toFixed(1)} s)\n`,
      (path, point) => sensingReason(path, point, { zeta2M2: report.params.zeta2M2 as number, trials, windows, lambdaS: p.lambdaS }),
    );
  });
  program.addCommand(cmd);
}

