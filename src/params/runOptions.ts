/**
 * The run options of the commands (cluster sizes, trials, seed, threads, model choices, output):
 * one typed spec per option and command, like the model parameters of schema.ts, and one resolver
 * `resolveRunOptions(command, config, flags)` that merges defaults ← config file ← flags. The CLI
 * declares its options from these specs (help text included) and gives them no defaults of its
 * own, so a config file value is never hidden by a flag default.
 *
 * Types in a JSON config file (the key is the spec's `key`, as in docs/parameters.md):
 * - integers and numbers are JSON numbers (`"seed": 5`; the string `"5"` is an error),
 * - lists are a JSON array of numbers, a single number, or a string in the flag syntax
 *   (`"1-20"`, `"1,2,5"`, `"2:2:20"`),
 * - booleans are `true`/`false`, paths and model names are strings, `only` is an array of names
 *   or a comma-separated string.
 * A config key that is neither a model parameter nor a run option of any command is an error; a
 * run option of another command is ignored, so one scenario file can serve several commands.
 * Flags are the strings typed on the command line (numbers parsed, lists in the list syntax).
 *
 * Errors are `ArgumentError`s naming the option by its key (`trials`, `maxL`); errors in a config
 * file are `ConfigError`s that also name the file.
 *
 * @example
 * resolveRunOptions('optimize', { file: 'c.json', values: { seed: 5 } }, { maxL: '20' }, { cores: 4 }).seed; // => 5
 * resolveRunOptions('optimize', undefined, { maxL: '20' }, { cores: 4 }).maxL; // => 20
 * resolveRunOptions('sensing', undefined, { trials: '20000' }, { cores: 2 }).windows; // => 20
 * resolveRunOptions('comm', { file: 'c.json', values: { L: '1-3' } }, {}, { cores: 1 }).L; // => [1, 2, 3]
 */
import { ArgumentError, UnknownArgumentError, checkOneOf, describeAllowed, type ArgumentInfo } from '../math/argumentError.ts';
import { PARAM_KEYS, specOf } from './schema.ts';
import { allowedRangeOf, checkNumber, parseList, type RangeSpec } from './validate.ts';

export const RUN_COMMANDS = ['params', 'sensing', 'comm', 'optimize', 'reproduce', 'worker', 'sweep', 'localize'] as const;
export type RunCommand = (typeof RUN_COMMANDS)[number];

/** What a derived default may depend on: the machine's core count and the options resolved before it. */
export interface DefaultContext {
  cores: number;
  values: Readonly<Record<string, unknown>>;
}

interface SpecBase<T> {
  /** camelCase key: config files, the resolved object, commander's option attribute. */
  key: string;
  /** CLI flag without the dashes. */
  flag: string;
  /** Symbol in the paper's notation, shown in messages (`N`, `p^c`). */
  symbol?: string;
  /** Placeholder of the flag's value in the help (`<n>`, `<list>`). */
  valueName?: string;
  description: string;
  /** Default value, or a function of the context; absent: the option is optional (undefined). */
  default?: T | ((ctx: DefaultContext) => T);
  /** How the default reads in the help, when it is not a plain value. */
  defaultText?: string;
}

export type NumberOptionSpec = SpecBase<number> & RangeSpec & { kind: 'integer' | 'number'; key: string };
export type ListOptionSpec = SpecBase<number[]> & RangeSpec & { kind: 'integerList' | 'numberList'; key: string };
export type BooleanOptionSpec = SpecBase<boolean> & { kind: 'boolean' };
export type PathOptionSpec = SpecBase<string> & { kind: 'path' };
/** A URL (checked in full by the library function that uses it: the queue URL by parseQueueUrl of src/parallel/taskQueue.ts). */
export type UrlOptionSpec = SpecBase<string> & { kind: 'url' };
export type EnumOptionSpec = SpecBase<string> & { kind: 'enum'; values: readonly string[] };
export type NameListOptionSpec = SpecBase<string[]> & { kind: 'nameList' };
export type RunOptionSpec = NumberOptionSpec | ListOptionSpec | BooleanOptionSpec | PathOptionSpec | UrlOptionSpec | EnumOptionSpec | NameListOptionSpec;

/** Why localization needs N ≥ 2 (the message of `isacnet localize --N 1`). */
export const LOCALIZE_N1_REASON = 'one BS measures one range, a circle, which fixes no 2-D position (the FIM of Eq. (5) is singular for N = 1)';

/** Windows of the network-level acceptance simulation for `trials` CRLB trials: trials/1000 within [8, 400]. */
export function defaultSensingWindows(trials: number): number {
  return Math.max(8, Math.min(400, Math.ceil(trials / 1000)));
}

/** The model choices, as the library names them (tests check they match src/comm and src/optimize). */
export const ACCEPTANCE_MODELS = ['independent', 'network'] as const;
export const GAIN_MODEL_NAMES = ['gamma', 'zf'] as const;
export const RATE_MODEL_NAMES = ['exact', 'thm2'] as const;
export const CRLB_MODEL_NAMES = ['eq16', 'mc'] as const;
/** `--noise`: the paper's SIR (off) or the SINR with receiver noise (on; src/comm/noise.ts). */
export const NOISE_MODES = ['off', 'on'] as const;
/** BSs simulated explicitly around the typical user by default (DEFAULT_DISC_BS of src/reports/comm.ts). */
export const DEFAULT_DISC_BS_RUN = 100;

const cores = (ctx: DefaultContext): number => ctx.cores;
/** The most worker threads a command starts (more than a machine's cores only adds memory). */
export const MAX_THREADS = 64;
const threads = (what = ''): NumberOptionSpec => ({
  key: 'threads',
  flag: 'threads',
  kind: 'integer',
  valueName: 'n',
  min: 1,
  max: MAX_THREADS,
  integer: true,
  description: `worker threads${what}; results do not depend on it`,
  default: cores,
  defaultText: 'every core',
});
const seed = (max: number, description: string): NumberOptionSpec => ({ key: 'seed', flag: 'seed', kind: 'integer', valueName: 'n', min: 0, max, integer: true, description, default: 1 });
/**
 * `--disc-bs` of comm and of the comm sweep: at least 4·max(L) BSs (the cluster and its neighbours)
 * by default, so a long --L list needs no --disc-bs and a sweep row equals the sub-command's.
 */
function discBsOption(descriptionPrefix: string): NumberOptionSpec {
  return {
    key: 'discBs',
    flag: 'disc-bs',
    kind: 'integer',
    valueName: 'n',
    min: 20,
    max: 1e6,
    integer: true,
    description: `${descriptionPrefix}BSs simulated explicitly around the user, mean field beyond; at least 4·max(L)`,
    default: (ctx) => Math.max(DEFAULT_DISC_BS_RUN, 4 * Math.max(...(ctx.values.L as number[]))),
    defaultText: `max(${DEFAULT_DISC_BS_RUN}, 4·max(L))`,
  };
}
const json: BooleanOptionSpec = { key: 'json', flag: 'json', kind: 'boolean', description: 'print the JSON contract object', default: false };
/** Output formats of the commands that print points (src/cli/format.ts). */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'jsonl'] as const;
const format: EnumOptionSpec = {
  key: 'format',
  flag: 'format',
  kind: 'enum',
  valueName: 'f',
  values: OUTPUT_FORMATS,
  description: 'output: table (readable), json (the contract, = --json), csv (one row per point, units in the column names) or jsonl',
  default: 'table',
};

/** The Redis URL of a BullMQ task queue (docs/scale-out.md). */
const queue = (description: string): UrlOptionSpec => ({ key: 'queue', flag: 'queue', kind: 'url', valueName: 'url', description });
const QUEUE_SUBMIT = 'run the Monte Carlo chunks on the workers of this Redis queue (redis://[[user]:password@]host[:port][/db], rediss:// for TLS; see docs/scale-out.md) instead of local threads; same numbers';
/** What `isacnet sweep` computes at every grid point (the sub-command of the same name). */
export const SWEEP_MEASURE_NAMES = ['sensing', 'comm', 'optimize', 'localize'] as const;
/** Progress output of `isacnet sweep`: a bar on a terminal, JSON lines on stdout, or nothing. */
export const SWEEP_PROGRESS_MODES = ['bar', 'jsonl', 'none'] as const;

/** The run options of every command, in the order of their help. */
export const RUN_OPTION_SPECS: Readonly<Record<RunCommand, readonly RunOptionSpec[]>> = {
  params: [{ ...json, description: 'print JSON' }],
  sensing: [
    { key: 'N', flag: 'N', symbol: 'N', kind: 'integerList', valueName: 'list', min: 1, max: 100000, integer: true, description: 'cluster sizes, e.g. 1,2,5 or 1-20 or 2:2:20', default: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20], defaultText: '1,2,3,4,5,6,8,10,15,20' },
    { key: 'trials', flag: 'trials', kind: 'integer', valueName: 'n', min: 2, max: 1e9, integer: true, description: 'random geometries for the CRLB Monte Carlo', default: 100000 },
    seed(Number.MAX_SAFE_INTEGER, 'random seed'),
    {
      key: 'windows',
      flag: 'windows',
      kind: 'integer',
      valueName: 'n',
      min: 0,
      max: 1e6,
      integer: true,
      description: 'torus windows of the network-level acceptance simulation, 0 to skip',
      default: (ctx) => defaultSensingWindows(ctx.values.trials as number),
      defaultText: 'trials/1000, within [8, 400]',
    },
    { key: 'samplesPerWindow', flag: 'samples-per-window', kind: 'integer', valueName: 'n', min: 1, max: 1e5, integer: true, description: 'targets per window whose CRLB with acceptance is recorded', default: 256 },
    threads(),
    json,
    format,
    queue(QUEUE_SUBMIT),
  ],
  comm: [
    { key: 'L', flag: 'L', symbol: 'L', kind: 'integerList', valueName: 'list', min: 1, max: 1000, integer: true, description: 'cluster sizes, e.g. 1,2,8 or 1-20', default: [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20], defaultText: '1,2,3,4,5,6,8,10,12,15,20' },
    {
      key: 'pc',
      flag: 'pc',
      symbol: 'p^c',
      kind: 'numberList',
      valueName: 'list',
      min: 0,
      max: 1,
      description: 'communication shares of the transmit power, e.g. 0.5 or 0.1:0.2:0.9 (p^s = 1 − p^c)',
      default: [specOf('pc').default],
    },
    { key: 'trials', flag: 'trials', kind: 'integer', valueName: 'n', min: 2, max: 1e10, integer: true, description: 'Monte Carlo user realizations per point', default: 100000 },
    seed(Number.MAX_SAFE_INTEGER, 'random seed'),
    { key: 'acceptance', flag: 'acceptance', kind: 'enum', valueName: 'model', values: ACCEPTANCE_MODELS, description: 'independent (probability κ_c as printed) or network (load simulation on a torus)', default: 'independent' },
    { key: 'gains', flag: 'gains', kind: 'enum', valueName: 'model', values: GAIN_MODEL_NAMES, description: "gamma (the paper's Gamma laws) or zf (full zero-forcing channel simulation)", default: 'gamma' },
    discBsOption(''),
    { key: 'coverage', flag: 'coverage', kind: 'numberList', valueName: 'list', min: 0, max: 1e12, description: 'SIR thresholds T (linear) for P(SIR > T) by Monte Carlo' },
    { key: 'noise', flag: 'noise', kind: 'enum', valueName: 'on|off', values: NOISE_MODES, description: "off: the paper's interference-limited SIR; on: SINR with the noise N_0·B_c·NF and the path loss (c/(4π f_c d_0))²(d/d_0)^{−α} (not in the paper)", default: 'off' },
    { key: 'coverageDb', flag: 'coverage-db', kind: 'numberList', valueName: 'list', min: -100, max: 100, unit: 'dB', description: 'thresholds T in dB for P(SINR > T) (P(SIR > T) with --noise off): Monte Carlo with a 95% Wilson CI, exact at L = 1' },
    threads(),
    json,
    format,
    queue(QUEUE_SUBMIT),
  ],
  optimize: [
    { key: 'rateModel', flag: 'rate-model', kind: 'enum', valueName: 'name', values: RATE_MODEL_NAMES, description: 'rate model: exact | thm2', default: 'exact' },
    { key: 'crlbModel', flag: 'crlb-model', kind: 'enum', valueName: 'name', values: CRLB_MODEL_NAMES, description: 'CRLB_a model: eq16 (Eq. 16, Lemma 1 κ_s) | mc (simulated median)', default: 'eq16' },
    { key: 'weight', flag: 'weight', symbol: 'w', kind: 'number', valueName: 'w', min: 0, max: 1, description: 'also maximize w·R_c − (1 − w)·ln CRLB_a, w in [0, 1]' },
    { key: 'maxL', flag: 'max-L', kind: 'integer', valueName: 'n', min: 1, max: 1000, integer: true, description: 'largest communication cluster enumerated', default: 30 },
    { key: 'maxN', flag: 'max-N', kind: 'integer', valueName: 'n', min: 2, max: 10000, integer: true, description: 'largest sensing cluster enumerated (Eq. 10 already bounds N ≤ C/e when e > 0)', default: 200 },
    { key: 'levels', flag: 'levels', kind: 'integer', valueName: 'n', min: 2, max: 10000, integer: true, description: 'CRLB levels of the ε-constraint sweep', default: 60 },
    { key: 'decades', flag: 'decades', kind: 'number', valueName: 'd', min: 0, max: 30, minExclusive: true, description: 'the sweep spans CRLB*_sens … CRLB*_sens·10^decades', default: 3 },
    { key: 'windows', flag: 'windows', kind: 'integer', valueName: 'n', min: 2, max: 1e7, integer: true, description: 'network-simulation windows for --crlb-model mc', default: 200 },
    seed(2 ** 53 - 1, 'seed of the --crlb-model mc simulation'),
    threads(' for --crlb-model mc'),
    { ...json, description: 'print the JSON contract' },
    format,
  ],
  sweep: [
    { key: 'measure', flag: 'measure', kind: 'enum', valueName: 'what', values: SWEEP_MEASURE_NAMES, description: 'what every grid point computes: the numbers of isacnet sensing, comm, optimize or localize there', default: 'comm' },
    { key: 'zip', flag: 'zip', kind: 'boolean', description: 'pair the --grid axes value by value instead of their Cartesian product', default: false },
    { key: 'N', flag: 'N', symbol: 'N', kind: 'integerList', valueName: 'list', min: 1, max: 100000, integer: true, description: 'sensing: cluster sizes, e.g. 1,2,5 or 1..20 or 2:2:20', default: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20], defaultText: '1,2,3,4,5,6,8,10,15,20' },
    { key: 'L', flag: 'L', symbol: 'L', kind: 'integerList', valueName: 'list', min: 1, max: 1000, integer: true, description: 'comm: cluster sizes, e.g. 1,2,8 or 1..20', default: [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20], defaultText: '1,2,3,4,5,6,8,10,12,15,20' },
    {
      key: 'pc',
      flag: 'pc',
      symbol: 'p^c',
      kind: 'numberList',
      valueName: 'list',
      min: 0,
      max: 1,
      description: 'comm: communication shares of the transmit power (a list); sensing/optimize: one value, the model parameter',
      default: [specOf('pc').default],
    },
    { key: 'trials', flag: 'trials', kind: 'integer', valueName: 'n', min: 1, max: 1e10, integer: true, description: 'Monte Carlo trials per job (the first batch with --precision)', default: 100000 },
    seed(Number.MAX_SAFE_INTEGER, "base seed; each point's seed is a hash of its parameters and this"),
    { key: 'mc', flag: 'no-mc', kind: 'boolean', description: 'closed forms only (skip the Monte Carlo)', default: true, defaultText: 'Monte Carlo on' },
    { key: 'precision', flag: 'precision', symbol: 'ε', kind: 'number', valueName: 'eps', min: 0, max: 1e300, minExclusive: true, description: 'run each job until its 95% CI half-width is ≤ ε (nats/s/Hz or m²; the median for CRLB with N ≤ 3)' },
    { key: 'relPrecision', flag: 'rel-precision', kind: 'number', valueName: 'eps', min: 0, max: 1, minExclusive: true, description: 'as --precision, relative to the estimate' },
    { key: 'maxTrials', flag: 'max-trials', kind: 'integer', valueName: 'n', min: 1, max: 1e10, integer: true, description: 'cap on the trials of one job under a precision target (reported when hit)', default: 10_000_000 },
    {
      key: 'windows',
      flag: 'windows',
      kind: 'integer',
      valueName: 'n',
      min: 0,
      max: 1e7,
      integer: true,
      description: 'sensing: torus windows of the network-level acceptance simulation (0 skips it); optimize: network-simulation windows of --crlb-model mc (≥ 2)',
      default: (ctx) => (ctx.values.measure === 'optimize' ? 200 : defaultSensingWindows(ctx.values.trials as number)),
      defaultText: 'sensing: trials/1000 within [8, 400]; optimize: 200',
    },
    { key: 'samplesPerWindow', flag: 'samples-per-window', kind: 'integer', valueName: 'n', min: 1, max: 1e5, integer: true, description: 'sensing: targets per window whose CRLB with acceptance is recorded', default: 256 },
    { key: 'gains', flag: 'gains', kind: 'enum', valueName: 'model', values: GAIN_MODEL_NAMES, description: "comm: gamma (the paper's Gamma laws) or zf (full zero-forcing channel simulation)", default: 'gamma' },
    discBsOption('comm: '),
    { key: 'acceptance', flag: 'acceptance', kind: 'enum', valueName: 'model', values: ACCEPTANCE_MODELS, description: 'comm: independent (probability κ_c as printed) or network (load simulation on a torus; no --precision)', default: 'independent' },
    { key: 'coverage', flag: 'coverage', kind: 'numberList', valueName: 'list', min: 0, max: 1e12, description: 'comm: SIR thresholds T (linear) for P(SIR > T) by Monte Carlo (no --precision)' },
    { key: 'noise', flag: 'noise', kind: 'enum', valueName: 'on|off', values: NOISE_MODES, description: "comm: off: the paper's SIR; on: SINR with receiver noise, as isacnet comm --noise on (no --precision)", default: 'off' },
    { key: 'coverageDb', flag: 'coverage-db', kind: 'numberList', valueName: 'list', min: -100, max: 100, unit: 'dB', description: 'comm: thresholds T in dB for P(SINR > T) (P(SIR > T) with --noise off), as isacnet comm (no --precision)' },
    { key: 'rateModel', flag: 'rate-model', kind: 'enum', valueName: 'name', values: RATE_MODEL_NAMES, description: 'optimize: rate model exact | thm2', default: 'exact' },
    { key: 'crlbModel', flag: 'crlb-model', kind: 'enum', valueName: 'name', values: CRLB_MODEL_NAMES, description: "optimize: CRLB_a model eq16 (Eq. 16, Lemma 1 κ_s) | mc (simulated median, --windows windows, the point's seed)", default: 'eq16' },
    { key: 'snrDb', flag: 'snr-db', kind: 'numberList', valueName: 'list', min: -100, max: 200, unit: 'dB', description: "localize: SNR offsets added to the scenario's |ζ|² (0 dB = the scenario's link budget)", default: [-10, 0, 10, 20, 40], defaultText: '-10,0,10,20,40' },
    { key: 'geometries', flag: 'geometries', kind: 'integer', valueName: 'n', min: 1, max: 1e8, integer: true, description: 'localize: random cluster geometries (PPP)', default: 500 },
    { key: 'noiseDraws', flag: 'noise-draws', kind: 'integer', valueName: 'n', min: 1, max: 1e6, integer: true, description: 'localize: noise draws per geometry', default: 20 },
    { key: 'outlierMultiple', flag: 'outlier-multiple', kind: 'number', valueName: 'k', min: 0, max: 1e6, minExclusive: true, description: 'localize: an estimate is an outlier when its error exceeds k·√CRLB of its geometry', default: 5 },
    { key: 'weight', flag: 'weight', symbol: 'w', kind: 'number', valueName: 'w', min: 0, max: 1, description: 'optimize: also the weighted optimum w·R_c − (1 − w)·ln CRLB_a' },
    { key: 'maxL', flag: 'max-L', kind: 'integer', valueName: 'n', min: 1, max: 1000, integer: true, description: 'optimize: largest communication cluster enumerated', default: 30 },
    { key: 'maxN', flag: 'max-N', kind: 'integer', valueName: 'n', min: 2, max: 10000, integer: true, description: 'optimize: largest sensing cluster enumerated', default: 200 },
    { key: 'levels', flag: 'levels', kind: 'integer', valueName: 'n', min: 2, max: 10000, integer: true, description: 'optimize: CRLB levels of the ε-constraint sweep', default: 60 },
    { key: 'decades', flag: 'decades', kind: 'number', valueName: 'd', min: 0, max: 30, minExclusive: true, description: 'optimize: the sweep spans CRLB*_sens … CRLB*_sens·10^decades', default: 3 },
    { key: 'out', flag: 'out', kind: 'path', valueName: 'dir', description: 'output folder: sweep.csv, sweep.json, sweep.svg, sweep.png (and the result store)' },
    { key: 'store', flag: 'store', kind: 'path', valueName: 'dir', description: 'result store of finished chunks (resume, cache)', defaultText: '<out>/store' },
    { key: 'maxPoints', flag: 'max-points', kind: 'integer', valueName: 'n', min: 1, max: 1e9, integer: true, description: 'refuse grids of more points (unless --yes)', default: 10_000 },
    { key: 'yes', flag: 'yes', kind: 'boolean', description: 'confirm a grid of more than --max-points points', default: false },
    { key: 'progress', flag: 'progress', kind: 'enum', valueName: 'mode', values: SWEEP_PROGRESS_MODES, description: 'bar (on a terminal), jsonl (one JSON object per line on stdout) or none', default: 'bar' },
    threads(),
    queue(QUEUE_SUBMIT),
  ],
  localize: [
    {
      key: 'N',
      flag: 'N',
      symbol: 'N',
      kind: 'integerList',
      valueName: 'list',
      min: 2,
      max: 1000,
      integer: true,
      belowMinReason: LOCALIZE_N1_REASON,
      description: 'cluster sizes N ≥ 2, e.g. 4,6,10',
      default: [4, 6, 10],
      defaultText: '4,6,10',
    },
    {
      key: 'snrDb',
      flag: 'snr-db',
      kind: 'numberList',
      valueName: 'list',
      min: -100,
      max: 200,
      unit: 'dB',
      description: "SNR offsets added to the scenario's |ζ|² (0 dB = the scenario's link budget), e.g. -10,0,10,20,40 or -10:5:40",
      default: [-10, 0, 10, 20, 40],
      defaultText: '-10,0,10,20,40',
    },
    { key: 'geometries', flag: 'geometries', kind: 'integer', valueName: 'n', min: 1, max: 1e8, integer: true, description: 'random cluster geometries (PPP)', default: 500 },
    { key: 'noiseDraws', flag: 'noise-draws', kind: 'integer', valueName: 'n', min: 1, max: 1e6, integer: true, description: 'noise draws per geometry', default: 20 },
    seed(Number.MAX_SAFE_INTEGER, 'random seed'),
    { key: 'outlierMultiple', flag: 'outlier-multiple', kind: 'number', valueName: 'k', min: 0, max: 1e6, minExclusive: true, description: 'an estimate is an outlier when its error exceeds k·√CRLB of its geometry', default: 5 },
    threads(),
    json,
    format,
  ],
  reproduce: [
    { key: 'out', flag: 'out', kind: 'path', valueName: 'dir', description: 'output folder', default: 'results' },
    { key: 'quick', flag: 'quick', kind: 'boolean', description: 'fewer Monte Carlo trials for a first look (< 30 s)', default: false },
    threads(),
    seed(2 ** 53 - 1, 'base seed of every figure'),
    { key: 'only', flag: 'only', kind: 'nameList', valueName: 'names', description: 'comma-separated figure names', defaultText: 'all registered' },
  ],
  worker: [
    { ...queue('the Redis URL of the task queue to serve (redis://[[user]:password@]host[:port][/db], rediss:// for TLS; see docs/scale-out.md)'), defaultText: 'the environment variable ISACNET_QUEUE' },
    { ...threads(''), description: 'tasks computed at the same time, each in its own worker thread; results do not depend on it' },
  ],
};

/** The resolved run options of each command. */
export interface RunOptionValues {
  params: { json: boolean };
  sensing: { N: number[]; trials: number; seed: number; windows: number; samplesPerWindow: number; threads: number; json: boolean; format: (typeof OUTPUT_FORMATS)[number]; queue?: string };
  comm: {
    L: number[];
    pc: number[];
    trials: number;
    seed: number;
    acceptance: (typeof ACCEPTANCE_MODELS)[number];
    gains: (typeof GAIN_MODEL_NAMES)[number];
    discBs: number;
    coverage?: number[];
    noise: (typeof NOISE_MODES)[number];
    coverageDb?: number[];
    threads: number;
    json: boolean;
    format: (typeof OUTPUT_FORMATS)[number];
    queue?: string;
  };
  optimize: {
    rateModel: (typeof RATE_MODEL_NAMES)[number];
    crlbModel: (typeof CRLB_MODEL_NAMES)[number];
    weight?: number;
    maxL: number;
    maxN: number;
    levels: number;
    decades: number;
    windows: number;
    seed: number;
    threads: number;
    json: boolean;
    format: (typeof OUTPUT_FORMATS)[number];
  };
  reproduce: { out: string; quick: boolean; threads: number; seed: number; only?: string[] };
  worker: { queue?: string; threads: number };
  sweep: {
    measure: (typeof SWEEP_MEASURE_NAMES)[number];
    zip: boolean;
    N: number[];
    L: number[];
    pc: number[];
    trials: number;
    seed: number;
    mc: boolean;
    precision?: number;
    relPrecision?: number;
    maxTrials: number;
    windows: number;
    samplesPerWindow: number;
    gains: (typeof GAIN_MODEL_NAMES)[number];
    discBs: number;
    acceptance: (typeof ACCEPTANCE_MODELS)[number];
    coverage?: number[];
    noise: (typeof NOISE_MODES)[number];
    coverageDb?: number[];
    rateModel: (typeof RATE_MODEL_NAMES)[number];
    crlbModel: (typeof CRLB_MODEL_NAMES)[number];
    snrDb: number[];
    geometries: number;
    noiseDraws: number;
    outlierMultiple: number;
    weight?: number;
    maxL: number;
    maxN: number;
    levels: number;
    decades: number;
    out?: string;
    store?: string;
    maxPoints: number;
    yes: boolean;
    progress: (typeof SWEEP_PROGRESS_MODES)[number];
    threads: number;
    queue?: string;
  };
  localize: { N: number[]; snrDb: number[]; geometries: number; noiseDraws: number; seed: number; outlierMultiple: number; threads: number; json: boolean; format: (typeof OUTPUT_FORMATS)[number] };
}

/** A config file's content with its name (for messages). */
export interface ConfigLayer {
  file: string;
  values: Readonly<Record<string, unknown>>;
}

/** An error in a config file: the ArgumentError of the offending key, with the file named. */
export class ConfigError extends ArgumentError {
  constructor(
    readonly file: string,
    readonly cause: ArgumentError,
  ) {
    super(cause.argument, cause.value, cause.allowed, cause.detail, { ...(cause.range ? { range: cause.range } : {}), ...(cause.values ? { values: cause.values } : {}) });
    this.name = 'ConfigError';
    this.message = `${file}: ${cause.message}`;
  }
}

/** The spec of one run option of a command, if it has it. */
export function runOptionSpec(command: RunCommand, key: string): RunOptionSpec | undefined {
  return RUN_OPTION_SPECS[command].find((s) => s.key === key);
}

/** A run option's spec by its key in any command (keys, flags and symbols agree across commands). */
export function anyRunOptionSpec(key: string): RunOptionSpec | undefined {
  for (const c of RUN_COMMANDS) {
    const s = runOptionSpec(c, key);
    if (s) return s;
  }
  return undefined;
}

/** Every key a config file may hold: model parameters, `zeta2` and every command's run options. */
export function knownConfigKeys(): string[] {
  const keys = new Set<string>([...PARAM_KEYS, 'zeta2']);
  for (const c of RUN_COMMANDS) for (const s of RUN_OPTION_SPECS[c]) keys.add(s.key);
  return [...keys];
}

/** The default as the help shows it. */
export function defaultText(s: RunOptionSpec): string | undefined {
  if (s.defaultText !== undefined) return s.defaultText;
  if (s.default === undefined || s.default === false || typeof s.default === 'function') return undefined;
  return Array.isArray(s.default) ? s.default.join(',') : String(s.default);
}

function typeError(s: RunOptionSpec, value: unknown, allowed: string, info: ArgumentInfo = {}): ArgumentError {
  return new ArgumentError(s.key, value, allowed, undefined, info);
}

function describeKind(s: NumberOptionSpec | ListOptionSpec): string {
  return describeAllowed(allowedRangeOf(s));
}

/** A config-file value of option `s` (typed JSON, see the module comment). */
function fromConfig(s: RunOptionSpec, v: unknown): unknown {
  switch (s.kind) {
    case 'integer':
    case 'number':
      if (typeof v !== 'number') throw typeError(s, v, `a JSON number, ${describeKind(s)}`);
      return checkNumber(v, s);
    case 'integerList':
    case 'numberList':
      if (typeof v === 'number') return [checkNumber(v, s)];
      if (typeof v === 'string') return parseList(v, s);
      if (Array.isArray(v) && v.length > 0) {
        v.forEach((x, i) => {
          if (typeof x !== 'number') throw new ArgumentError(`${s.key}[${i}]`, x, `a JSON number, ${describeKind(s)}`);
        });
        return parseList(v, s);
      }
      throw typeError(s, v, `a non-empty JSON array of numbers ${describeKind(s)}, one number, or a list string such as "1-5"`);
    case 'boolean':
      if (typeof v !== 'boolean') throw typeError(s, v, 'true or false (a JSON boolean)');
      return v;
    case 'path':
      if (typeof v !== 'string' || v === '') throw typeError(s, v, 'a non-empty string (a path)');
      return v;
    case 'url':
      if (typeof v !== 'string' || v.trim() === '') throw typeError(s, v, 'a non-empty string (a URL)');
      return v.trim();
    case 'enum':
      if (typeof v !== 'string') throw typeError(s, v, `one of ${s.values.join(', ')} (a JSON string)`, { values: s.values });
      return checkOneOf(s.key, v, s.values);
    case 'nameList':
      if (typeof v === 'string') return splitNames(s, v);
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '')) return v.map((x: string) => x.trim());
      throw typeError(s, v, 'a non-empty JSON array of names or a comma-separated string');
  }
}

function splitNames(s: RunOptionSpec, v: string): string[] {
  const names = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (names.length === 0) throw typeError(s, v, 'a non-empty comma-separated list of names');
  return names;
}

/** A flag value of option `s` (a string as typed; `true` for a boolean flag). */
function fromFlag(s: RunOptionSpec, v: unknown): unknown {
  switch (s.kind) {
    case 'integer':
    case 'number':
      return checkNumber(v, s);
    case 'integerList':
    case 'numberList':
      return parseList(v, s);
    case 'boolean':
      if (typeof v !== 'boolean') throw typeError(s, v, 'given without a value');
      return v;
    case 'path':
      if (typeof v !== 'string' || v === '') throw typeError(s, v, 'a non-empty path');
      return v;
    case 'url':
      if (typeof v !== 'string' || v.trim() === '') throw typeError(s, v, 'a non-empty URL');
      return v.trim();
    case 'enum':
      return checkOneOf(s.key, v, s.values);
    case 'nameList':
      if (typeof v !== 'string') throw typeError(s, v, 'a comma-separated list of names');
      return splitNames(s, v);
  }
}

/**
 * The run options of `command`: each option's default, replaced by the config file's value, replaced
 * by the flag's value. `flags` maps option keys to what the command line gave (undefined: not
 * given). Config keys that are model parameters are left to `resolveParams`; run options of other
 * commands are ignored; any other config key is an error. `ctx.cores` is the default thread count
 * (1 when not given).
 * Derived defaults (sensing `windows` from `trials`) use the resolved values of earlier options.
 */
export function resolveRunOptions<C extends RunCommand>(command: C, config?: ConfigLayer, flags: Readonly<Record<string, unknown>> = {}, ctx: { cores?: number } = {}): RunOptionValues[C] {
  const specs = RUN_OPTION_SPECS[command];
  if (config) {
    const known = knownConfigKeys();
    for (const [k, v] of Object.entries(config.values)) {
      if (!known.includes(k)) throw new ConfigError(config.file, new UnknownArgumentError(k, v, [...PARAM_KEYS, 'zeta2', ...specs.map((s) => s.key)], 'parameter'));
    }
  }
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    let value: unknown;
    const fromFile = config?.values[s.key];
    const fromCli = flags[s.key];
    // The file is checked even where a flag overrides it: a broken file is reported, not hidden.
    if (fromFile !== undefined) {
      try {
        value = fromConfig(s, fromFile);
      } catch (e) {
        throw e instanceof ArgumentError && config ? new ConfigError(config.file, e) : e;
      }
    }
    if (fromCli !== undefined) value = fromFlag(s, fromCli);
    if (fromFile === undefined && fromCli === undefined) value = typeof s.default === 'function' ? s.default({ cores: ctx.cores ?? 1, values: out }) : s.default;
    if (value !== undefined) out[s.key] = value;
  }
  return out as RunOptionValues[C];
}

