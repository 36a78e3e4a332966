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
    for (const s of PARAM_SPECS) {
      process.stdout.write(`${s.flag.padEnd(16)} ${s.symbol.padEnd(12)} ${String(p[s.key]).padEnd(10)} ${s.unit.padEnd(18)} ${describeRange(s).padEnd(28)} ${s.source}\n`);
    }
    process.stdout.write(`|ζ|² = ${derived.zeta2M2.toPrecision(6)} m²${p.zeta2 !== null ? ' (override)' : ' (derived, Eq. 5)'}\n`);
  });
}
