/**
 * `isacnet plot FILE.csv --x psi --y rate_mc_mean`: redraw any column pair of a tidy table (the
 * sweep.csv of `isacnet sweep`, or a `--format csv` output) as SVG and PNG through the figures'
 * Vega-Lite path: one line per combination of the series columns (by default the parameter columns
 * before `seed`, other than x), a 95% CI band when the table has the matching `…_ci95_lo/hi` columns.
 * A column may be named without its unit suffix (`rate_mc_mean` for `rate_mc_mean_nats_per_s_hz`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ParamError } from '../../params/validate.ts';
import type { TableRow } from '../../figures/sweepSpec.ts';

/** Parse CSV text (RFC 4180 quotes) into a header and rows of strings. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (rec.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rec.push(field);
      field = '';
      if (rec.length > 1 || rec[0] !== '') records.push(rec);
      rec = [];
    } else field += ch;
  }
  if (field !== '' || rec.length > 0) (rec.push(field), records.push(rec));
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** Typed rows: numbers where a cell reads as one, booleans for true/false, null for empty. */
export function typedRows(header: readonly string[], rows: readonly string[][]): TableRow[] {
  return rows.map((r) =>
    Object.fromEntries(
      header.map((h, j) => {
        const v = r[j] ?? '';
        if (v === '') return [h, null];
        if (v === 'true' || v === 'false') return [h, v === 'true'];
        const n = Number(v);
        return [h, Number.isFinite(n) && /^[-+0-9.eE]+$/.test(v) ? n : v];
      }),
    ),
  );
}

export function registerPlotCommand(program: Command): void {
  const cmd = new Command('plot')
    .description('redraw a column pair of a tidy CSV (e.g. sweep.csv) as SVG + PNG: one line per other parameter combination, CI bands')
    .argument('<csv>', 'the table, e.g. runs/psi-mu/sweep.csv')
    .addOption(new Option('--x <column>', 'x column (e.g. psi)').makeOptionMandatory())
    .addOption(new Option('--y <column>', 'y column; the unit suffix may be left out (rate_mc_mean)').makeOptionMandatory())
    .addOption(new Option('--by <columns>', 'comma-separated series columns (default: the columns before `seed`, other than x)'))
    .addOption(new Option('--log-y', 'logarithmic y axis'))
    .addOption(new Option('--out <file>', 'output .svg (a .png is written beside it); default <csv folder>/plot-<x>-<y>.svg'));
  cmd.action(async (csvFile: string, opts: { x: string; y: string; by?: string; logY?: boolean; out?: string }) => {
    const { resolveColumn, bandColumns, sweepPlotSpec } = await import('../../figures/sweepSpec.ts');
    let text: string;
    try {
      text = readFileSync(csvFile, 'utf8');
    } catch (e) {
      throw new ParamError(`plot: cannot read ${JSON.stringify(csvFile)}: ${(e as Error).message}`);
    }
    const { header, rows } = parseCsv(text);
    if (header.length === 0 || rows.length === 0) throw new ParamError(`plot: ${JSON.stringify(csvFile)} holds no table (a header and at least one row)`);
    const col = (flag: string, name: string): string => {
      const c = resolveColumn(header, name);
      if (!c) throw new ParamError(`--${flag}: no column ${JSON.stringify(name)} in ${csvFile}; columns: ${header.join(', ')}`);
      return c;
    };
    const x = col('x', opts.x);
    const y = col('y', opts.y);
    const seedAt = header.indexOf('seed');
    const series = opts.by !== undefined ? opts.by.split(',').map((s) => col('by', s.trim())).filter(Boolean) : (seedAt > 0 ? header.slice(0, seedAt) : []).filter((c) => c !== x && c !== y);
    const table = typedRows(header, rows);
    if (!table.some((r) => typeof r[x] === 'number' && typeof r[y] === 'number')) throw new ParamError(`plot: no row has numbers in both ${x} and ${y}`);
    const band = bandColumns(header, y);
    const spec = sweepPlotSpec(table, { x, y, series, ...(band ? { band } : {}), title: `${y} vs ${x}`, subtitle: [path.basename(csvFile)], logY: opts.logY === true });
    const { renderSvg, svgToPng } = await import('../../figures/render.ts');
    const { writeFileAtomic } = await import('../../figures/io.ts');
    const svgFile = opts.out ?? path.join(path.dirname(csvFile), `plot-${x}-${y}.svg`);
    if (!svgFile.endsWith('.svg')) throw new ParamError(`--out: ${JSON.stringify(svgFile)} must end in .svg (a .png is written beside it)`);
    const svg = await renderSvg(spec);
    writeFileAtomic(svgFile, svg);
    writeFileAtomic(svgFile.replace(/\.svg$/, '.png'), svgToPng(svg));
    process.stderr.write(`isacnet plot: ${svgFile} (+ .png)\n`);
  });
  program.addCommand(cmd);
}
