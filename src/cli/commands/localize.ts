/**
 * `isacnet localize` (issue 12, beyond the paper): the MLE and the linearized LS estimate of the
 * target position against the per-geometry CRLB, per cluster size N and SNR offset (dB added to the
 * scenario's |ζ|²). With --json it prints { params, points, thresholds, run, provenance }; `run`
 * (threads, wall time) is kept outside `points`, which are byte-identical for any --threads.
 */
import { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { runWithPool } from '../runWithPool.ts';
import { chosenFormat, writeOutput } from '../format.ts';
import { provenance } from '../../params/provenance.ts';
import type { LocalizeReport } from '../../reports/localize.ts';

/** CSV units: m² for the CRLB and MSE columns, m for RMSE and bias, dB for the SNR. */
function localizeUnit(path: readonly string[]): string {
  const last = path[path.length - 1];
  if (last === 'snrDb') return 'dB';
  if (last === 'mse' || path[0] === 'crlb') return 'm2';
  if (last === 'rmse' || last === 'biasRms') return 'm';
  return '';
}

function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

/** Readable table of a report (RMSE in m). */
export function formatLocalizeTable(r: LocalizeReport): string {
  const head = ['N', 'SNR dB', '√CRLB mean', 'MLE RMSE', 'MLE ratio', 'MLE med', 'MLE out', 'MLE bias', 'LS RMSE', 'LS ratio', 'LS out'];
  const rows = r.points.map((pt) => [
    String(pt.N),
    String(pt.snrDb),
    fmt(Math.sqrt(pt.crlb.mean)),
    fmt(pt.mle.rmse),
    fmt(pt.mle.ratioMean),
    fmt(pt.mle.ratioMedian),
    fmt(pt.mle.outlierFraction),
    fmt(pt.mle.biasRms),
    fmt(pt.ls.rmse),
    fmt(pt.ls.ratioMean),
    fmt(pt.ls.outlierFraction),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => c.padStart(widths[j])).join('  ');
  const p = r.params;
  const out = [
    `Localization vs CRLB (beyond the paper): SNR offsets from the scenario's |ζ|² = ${fmt(p.zeta2M2 as number, 4)} m² (normalized SNR ${fmt(p.normalizedSnrDb as number, 3)} dB), λ_b = ${p.lambdaB} /km², β = ${p.beta}; lengths in m`,
    line(head),
    line(head.map((_h, j) => '-'.repeat(widths[j]))),
    ...rows.map(line),
    '',
    `ratio = mean over geometries of MSE/CRLB (med: median); out = fraction of errors > ${p.outlierMultiple}·√CRLB; estimates confined to a box around the cluster, so below threshold they are biased and can beat the (unbiased) CRLB.`,
    'threshold SNR (MLE within 1 dB of the CRLB from there on): ' + r.thresholds.map((t) => `N = ${t.N}: ${t.mleSnrDb === null ? 'not reached' : `${t.mleSnrDb} dB`}`).join(', '),
  ];
  return out.join('\n') + '\n';
}

export function registerLocalizeCommand(program: Command): void {
  const cmd = new Command('localize').description('beyond the paper: MLE and linearized LS localization vs the per-geometry CRLB, per cluster size N and SNR offset');
  addRunOptions(cmd, 'localize');
  addParamOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const { computeLocalizeReport } = await import('../../reports/localize.ts');
    const { LOCALIZE_CHUNK } = await import('../../sensing/localizeMonteCarlo.ts');
    const { params: p, run } = resolveCommand('localize', opts);
    const { N: Ns, snrDb, geometries, noiseDraws, seed, outlierMultiple, threads } = run;
    const format = chosenFormat(run);
    const { result: report, elapsedSeconds } = await runWithPool('localize', threads, (runner, onProgress) =>
      computeLocalizeReport(p, { Ns, snrDb, geometries, noiseDraws, seed, outlierMultiple }, runner, onProgress),
    );
    const prov = provenance('localize', p, run, { localize: LOCALIZE_CHUNK });
    writeOutput(format, { params: report.params, points: report.points, thresholds: report.thresholds, run: { threads, elapsedSeconds }, provenance: prov }, report.points, localizeUnit, () =>
      formatLocalizeTable(report) + `(${geometries} geometries × ${noiseDraws} noise draws, seed ${seed}, ${threads} thread${threads > 1 ? 's' : ''}, ${elapsedSeconds.toFixed(1)} s)\n`,
    );
  });
  program.addCommand(cmd);
}
