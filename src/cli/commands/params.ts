import type { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { PARAM_SPECS } from '../../params/schema.ts';
import { crlbScaleM2, zeta2M2 } from '../../params/derived.ts';
import { describeRange } from '../../params/validate.ts';

export function registerParamsCommand(program: Command): void {
  addParamOptions(
    addRunOptions(program.command('params').description('print the parameter schema and the resolved values (with --json: machine-readable)'), 'params'),
  ).action((opts: Record<string, unknown>) => {
    const { params: p, run } = resolveCommand('params', opts);
    const derived = { zeta2M2: zeta2M2(p), crlbScaleM2: crlbScaleM2(p) };
    if (run.json) {
      process.stdout.write(JSON.stringify({ params: p, derived, schema: PARAM_SPECS }, null, 2) + '\n');
      return;
    }
    const row = (cells: string[]): string => `${cells[0].padEnd(16)} ${cells[1].padEnd(12)} ${cells[2].padEnd(10)} ${cells[3].padEnd(18)} ${cells[4].padEnd(28)} ${cells[5]}`.trimEnd() + '\n';
    process.stdout.write(row(['flag', 'symbol', 'value', 'unit', 'allowed range', 'source']));
    process.stdout.write(row(['-'.repeat(16), '-'.repeat(12), '-'.repeat(10), '-'.repeat(18), '-'.repeat(28), '-'.repeat(7)]));
    for (const s of PARAM_SPECS) {
      process.stdout.write(row([`--${s.flag}`, s.symbol, String(p[s.key]), s.unit, describeRange(s), s.source]));
    }
    process.stdout.write(`|ζ|² = ${derived.zeta2M2.toPrecision(6)} m²${p.zeta2 !== null ? ' (override)' : ' (derived, Eq. 5)'}\n`);
  });
}
