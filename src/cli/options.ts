/**
 * Shared CLI plumbing: the parameter options generated from the schema, `--config` loading, and
 * the mapping of errors to a clear message and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { ArgumentError, describeAllowed } from '../math/argumentError.ts';
import { PARAM_KEYS, PARAM_SPECS, ZETA2_SPEC, type Params } from '../params/schema.ts';
import { ParamError, allowedRangeOf, describeRange, resolveParams } from '../params/validate.ts';
import { ConfigError, RUN_COMMANDS, RUN_OPTION_SPECS, defaultText, resolveRunOptions, type ConfigLayer, type RunCommand, type RunOptionValues } from '../params/runOptions.ts';
import { defaultThreads } from '../parallel/nodePool.ts';
import { cliError } from './errors.ts';

/** Adds one `--flag <value>` option per schema parameter, plus `--zeta2` and `--config`. */
export function addParamOptions(cmd: Command, options: { except?: readonly string[]; configHelp?: string } = {}): Command {
  // `except`: parameters the command declares itself, as run options (comm's `--pc` list).
  const except = new Set(options.except ?? []);
  cmd.addOption(new Option('--config <file>', options.configHelp ?? 'JSON scenario file (keys as in docs/parameters.md); flags override it'));
  for (const s of PARAM_SPECS) {
    if (except.has(s.key)) continue;
    const unit = s.unit ? ` [${s.unit}]` : '';
    const src = s.source === 'paper' ? 'paper, Section V' : 'toolkit default';
    cmd.addOption(new Option(`--${s.flag} <value>`, `${s.symbol}: ${s.description}${unit}; range ${describeRange(s)}; default ${s.default} (${src})`));
  }
  cmd.addOption(new Option(`--${ZETA2_SPEC.flag} <value>`, `${ZETA2_SPEC.symbol}: ${ZETA2_SPEC.description} [${ZETA2_SPEC.unit}]`));
  return cmd;
}

/**
 * Adds the run options of `command` from the run-option schema (src/params/runOptions.ts). They
 * get no commander default: the default comes from the schema when neither the flag nor the
 * config file sets the option (the help still shows it).
 */
export function addRunOptions(cmd: Command, command: RunCommand): Command {
  for (const s of RUN_OPTION_SPECS[command]) {
    const d = defaultText(s);
    const opt = new Option(`--${s.flag}${s.kind === 'boolean' ? '' : ` <${s.valueName ?? 'value'}>`}`, `${s.description}${d !== undefined ? ` (default ${d})` : ''}`);
    if (opt.attributeName() !== s.key) throw new Error(`run option ${s.key}: commander calls --${s.flag} "${opt.attributeName()}"`);
    cmd.addOption(opt);
  }
  return cmd;
}

/** Reads the `--config` file (if any): its parsed object, named by the path as given. */
export function loadConfig(opts: Record<string, unknown>): ConfigLayer | undefined {
  if (typeof opts.config !== 'string') return undefined;
  let text: string;
  try {
    text = readFileSync(opts.config, 'utf8');
  } catch (e) {
    throw new ParamError(`--config: cannot read ${JSON.stringify(opts.config)}: ${(e as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('top level must be an object');
    return { file: opts.config, values: parsed as Record<string, unknown> };
  } catch (e) {
    throw new ParamError(`--config: malformed JSON in ${JSON.stringify(opts.config)}: ${(e as Error).message}`);
  }
}

/** Every run option key of every command that is not also a model parameter. */
const RUN_ONLY_KEYS: ReadonlySet<string> = new Set(RUN_COMMANDS.flatMap((c) => RUN_OPTION_SPECS[c].map((s) => s.key)).filter((k) => !(PARAM_KEYS as readonly string[]).includes(k)));

/** Reads `--config` (if any) and the parameter flags into validated Params. */
export function paramsFromOptions(opts: Record<string, unknown>, config: ConfigLayer | undefined = loadConfig(opts), except: readonly string[] = []): Params {
  // Defaults ← config ← flags; `except`: parameters the command resolves as run options instead
  // (comm's `pc`). A bad value in the file is a ConfigError naming the file and the key.
  const skip = new Set(except);
  const flags: Record<string, unknown> = {};
  for (const s of PARAM_SPECS) {
    if (skip.has(s.key)) continue;
    const optKey = s.flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (opts[optKey] !== undefined) flags[s.key] = opts[optKey];
  }
  if (opts.zeta2 !== undefined) flags.zeta2 = opts.zeta2;
  // Run options in the config (N, L, trials, seed, …) belong to resolveRunOptions, not to Params.
  const paramConfig = config ? Object.fromEntries(Object.entries(config.values).filter(([k]) => !RUN_ONLY_KEYS.has(k) && !skip.has(k))) : undefined;
  if (config) {
    try {
      // In a file, numbers are JSON numbers (the flags' strings are parsed; a file's "10" is not).
      for (const [k, v] of Object.entries(paramConfig ?? {})) {
        const spec = k === ZETA2_SPEC.key ? ZETA2_SPEC : PARAM_SPECS.find((p) => p.key === k);
        if (spec && typeof v !== 'number' && !(k === ZETA2_SPEC.key && v === null)) {
          const range = allowedRangeOf(spec);
          throw new ArgumentError(k, v, `a JSON number, ${describeAllowed(range)}`, undefined, { range });
        }
      }
      resolveParams(paramConfig);
    } catch (e) {
      throw e instanceof ArgumentError ? new ConfigError(config.file, e) : e;
    }
  }
  return resolveParams(paramConfig, flags);
}

/** Model parameters and run options of one command, from `--config` and the flags (defaults ← config ← flags). */
export function resolveCommand<C extends RunCommand>(command: C, opts: Record<string, unknown>): { params: Params; run: RunOptionValues[C] } {
  const config = loadConfig(opts);
  const runKeys = RUN_OPTION_SPECS[command].map((s) => s.key);
  const params = paramsFromOptions(opts, config, runKeys.filter((k) => (PARAM_KEYS as readonly string[]).includes(k)));
  const flags = Object.fromEntries(runKeys.map((k) => [k, opts[k]]));
  const run = resolveRunOptions(command, config, flags, { cores: defaultThreads() });
  return { params, run };
}

/** Print an error the way every command does, returning the exit code. */
export function reportError(e: unknown): number {
  const { message, code } = cliError(e);
  if (message !== null) process.stderr.write(`isacnet: ${message}\n`);
  return code;
}
