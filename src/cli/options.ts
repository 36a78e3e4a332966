/**
 * Shared CLI plumbing: the parameter options generated from the schema, `--config` loading, and
 * the mapping of errors to a clear message and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { PARAM_SPECS, ZETA2_SPEC, type Params } from '../params/schema.ts';
import { ParamError, describeRange, resolveParams } from '../params/validate.ts';

/** Adds one `--flag <value>` option per schema parameter, plus `--zeta2` and `--config`. */
export function addParamOptions(cmd: Command): Command {
  cmd.addOption(new Option('--config <file>', 'JSON scenario file (keys as in docs/parameters.md); flags override it'));
  for (const s of PARAM_SPECS) {
    const unit = s.unit ? ` [${s.unit}]` : '';
    const src = s.source === 'paper' ? 'paper, Section V' : 'toolkit default';
    cmd.addOption(new Option(`--${s.flag} <value>`, `${s.symbol}: ${s.description}${unit}; range ${describeRange(s)}; default ${s.default} (${src})`));
  }
  cmd.addOption(new Option(`--${ZETA2_SPEC.flag} <value>`, `${ZETA2_SPEC.symbol}: ${ZETA2_SPEC.description} [${ZETA2_SPEC.unit}]`));
  return cmd;
}

/** Reads `--config` (if any) and the parameter flags into validated Params. */
export function paramsFromOptions(opts: Record<string, unknown>): Params {
  let config: Record<string, unknown> | undefined;
  if (typeof opts.config === 'string') {
    let text: string;
    try {
      text = readFileSync(opts.config, 'utf8');
    } catch (e) {
      throw new ParamError(`--config: cannot read ${JSON.stringify(opts.config)}: ${(e as Error).message}`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('top level must be an object');
      config = parsed as Record<string, unknown>;
    } catch (e) {
      throw new ParamError(`--config: malformed JSON in ${JSON.stringify(opts.config)}: ${(e as Error).message}`);
    }
  }
  const flags: Record<string, unknown> = {};
  for (const s of PARAM_SPECS) {
    const optKey = s.flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (opts[optKey] !== undefined) flags[s.key] = opts[optKey];
  }
  if (opts.zeta2 !== undefined) flags.zeta2 = opts.zeta2;
  // Sweep/run keys in the config (N, L, trials, seed, …) belong to commands, not to Params.
  const paramConfig = config ? Object.fromEntries(Object.entries(config).filter(([k]) => !RUN_KEYS.has(k))) : undefined;
  return resolveParams(paramConfig, flags);
}

/** Config keys that are run settings rather than model parameters. */
export const RUN_KEYS = new Set(['N', 'L', 'trials', 'seed', 'threads', 'json', 'out', 'quick']);

/** Run settings from the config file (if any), for commands that accept them. */
export function runConfig(opts: Record<string, unknown>): Record<string, unknown> {
  if (typeof opts.config !== 'string') return {};
  try {
    const parsed = JSON.parse(readFileSync(opts.config, 'utf8')) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter(([k]) => RUN_KEYS.has(k)));
  } catch {
    return {};
  }
}

/** Print an error the way every command does, returning the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ParamError) {
    process.stderr.write(`isacnet: ${e.message}\n`);
    return 2;
  }
  const err = e as { code?: string; message?: string; exitCode?: number };
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) {
    // commander already printed its message; usage errors (unknown option, missing value) exit 2.
    return 2;
  }
  process.stderr.write(`isacnet: ${err?.message ?? String(e)}\n`);
  return 1;
}
