/**
 * The explorer's state and its URL form. Every model parameter is read from and written to the
 * query string under its CLI flag (`?lambda-b=2&psi=10`), validated by the same `checkNumber` as
 * the CLI; the view settings (active view, snapshot seed, cluster sizes shown, plot ranges, Monte
 * Carlo trials) live there too. Only values that differ from their defaults are written, so the
 * default view has a bare URL and a shared link reproduces the view exactly.
 */
import { PARAM_SPECS, ZETA2_SPEC, defaultParams, type Params } from '../params/schema.ts';
import { ParamError, checkNumber, describeRange, type RangeSpec } from '../params/validate.ts';
import { ArgumentError, UnknownArgumentError, checkOneOf, formatValue } from '../math/argumentError.ts';
import { InfeasibleBackhaulError } from '../optimize/model.ts';

export const VIEWS = ['network', 'sensing', 'comm', 'tradeoff', 'localize'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_TITLES: Record<ViewName, string> = {
  network: 'Network',
  sensing: 'Sensing',
  comm: 'Communication',
  tradeoff: 'Trade-off',
  localize: 'Localization',
};

/** View settings: URL key, range (checked with `checkNumber`) and default. */
export interface SettingSpec extends RangeSpec {
  key: SettingKey;
  label: string;
  default: number;
  description: string;
}

export type SettingKey = 'seed' | 'n' | 'l' | 'nMax' | 'lMax' | 'trials';

export const SETTING_SPECS: readonly SettingSpec[] = [
  { key: 'n', flag: 'N', symbol: 'N', label: 'sensing cluster size shown', min: 1, max: 50, integer: true, default: 10, description: 'N of the network snapshot and of the sensing read-out' },
  { key: 'l', flag: 'L', symbol: 'L', label: 'CoMP cluster size shown', min: 1, max: 20, integer: true, default: 3, description: 'L of the network snapshot and of the communication read-out' },
  { key: 'nMax', flag: 'n-max', symbol: 'N_max', label: 'largest N plotted', min: 2, max: 50, integer: true, default: 30, description: 'CRLB curves run over N = 1…N_max' },
  { key: 'lMax', flag: 'l-max', symbol: 'L_max', label: 'largest L plotted', min: 2, max: 20, integer: true, default: 12, description: 'rate curves run over L = 1…L_max' },
  { key: 'trials', flag: 'trials', symbol: 'trials', label: 'Monte Carlo trials per point', min: 256, max: 1_000_000, integer: true, default: 20_000, description: 'trials per plotted point of an on-demand Monte Carlo run' },
  { key: 'seed', flag: 'seed', symbol: 'seed', label: 'seed (snapshot and Monte Carlo)', min: 0, max: 2 ** 31 - 1, integer: true, default: 7, description: 'seed of the network snapshot and of the Monte Carlo runs (same seed, same numbers as the CLI)' },
];

export type Settings = Record<SettingKey, number>;

/** Model choices of the Monte Carlo runs, under the CLI's flag names (`isacnet comm --acceptance … --gains …`). */
export const CHOICE_SPECS = [
  { key: 'acceptance', flag: 'acceptance', values: ['independent', 'network'], default: 'independent' },
  { key: 'gains', flag: 'gains', values: ['gamma', 'zf'], default: 'gamma' },
] as const;
export type ChoiceKey = (typeof CHOICE_SPECS)[number]['key'];
export interface Choices {
  acceptance: 'independent' | 'network';
  gains: 'gamma' | 'zf';
}

export interface AppState {
  params: Params;
  settings: Settings;
  choices: Choices;
  view: ViewName;
}

export function defaultSettings(): Settings {
  const s = {} as Settings;
  for (const spec of SETTING_SPECS) s[spec.key] = spec.default;
  return s;
}

export function defaultState(): AppState {
  return { params: defaultParams(), settings: defaultSettings(), choices: defaultChoices(), view: 'network' };
}

export function defaultChoices(): Choices {
  return { acceptance: 'independent', gains: 'gamma' };
}

/** Check one choice value; the message has the CLI's form (flag, value, allowed values). */
export function checkChoice(key: ChoiceKey, value: string): Choices[ChoiceKey] {
  const spec = CHOICE_SPECS.find((c) => c.key === key);
  if (!spec) throw new ParamError(`unknown choice ${key}`);
  return checkOneOf(spec.key, value, spec.values) as Choices[ChoiceKey];
}

export interface ParsedState {
  state: AppState;
  /** One message per rejected query value (that value keeps its default). */
  errors: string[];
}

/** Read the state from a query string; invalid values are reported and replaced by defaults. */
export function stateFromQuery(query: string): ParsedState {
  const q = new URLSearchParams(query);
  const state = defaultState();
  const errors: string[] = [];
  const known = new Set<string>(['view', ZETA2_SPEC.flag]);
  for (const spec of PARAM_SPECS) {
    known.add(spec.flag);
    const raw = q.get(spec.flag);
    if (raw === null) continue;
    try {
      state.params[spec.key] = checkNumber(raw, spec);
    } catch (e) {
      errors.push(urlMessageOf(e, spec));
    }
  }
  const z = q.get(ZETA2_SPEC.flag);
  if (z !== null && z !== '') {
    try {
      state.params.zeta2 = checkNumber(z, ZETA2_SPEC);
    } catch (e) {
      errors.push(urlMessageOf(e, ZETA2_SPEC));
    }
  }
  for (const spec of SETTING_SPECS) {
    known.add(spec.flag);
    const raw = q.get(spec.flag);
    if (raw === null) continue;
    try {
      state.settings[spec.key] = checkNumber(raw, spec);
    } catch (e) {
      errors.push(urlMessageOf(e, spec));
    }
  }
  for (const spec of CHOICE_SPECS) {
    known.add(spec.flag);
    const raw = q.get(spec.flag);
    if (raw === null) continue;
    try {
      setChoice(state.choices, spec.key, checkChoice(spec.key, raw));
    } catch (e) {
      errors.push(urlMessageOf(e, spec));
    }
  }
  const view = q.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as ViewName;
    else errors.push(`view: unknown view ${JSON.stringify(view)} (known: ${VIEWS.join(', ')})`);
  }
  for (const k of q.keys()) if (!known.has(k)) errors.push(`unknown URL parameter "${k}" ignored`);
  return { state, errors };
}

/** The query string of a state (without '?'); defaults are omitted. */
export function stateToQuery(state: AppState): string {
  const q = new URLSearchParams();
  if (state.view !== 'network') q.set('view', state.view);
  for (const spec of PARAM_SPECS) {
    const v = state.params[spec.key];
    if (v !== spec.default) q.set(spec.flag, String(v));
  }
  if (state.params.zeta2 !== null) q.set(ZETA2_SPEC.flag, String(state.params.zeta2));
  for (const spec of SETTING_SPECS) {
    const v = state.settings[spec.key];
    if (v !== spec.default) q.set(spec.flag, String(v));
  }
  for (const spec of CHOICE_SPECS) {
    const v = state.choices[spec.key];
    if (v !== spec.default) q.set(spec.flag, v);
  }
  return q.toString();
}

/** Set one choice (typed per key). */
export function setChoice(choices: Choices, key: ChoiceKey, value: Choices[ChoiceKey]): void {
  if (key === 'acceptance') choices.acceptance = value as Choices['acceptance'];
  else choices.gains = value as Choices['gains'];
}

/** Library names of the explorer's quantities that are neither schema keys nor setting keys. */
const FIELD_ALIASES: Readonly<Record<string, string>> = { N: 'N', Ns: 'N', L: 'L', Ls: 'L', maxL: 'L_max', maxN: 'N_max', crlbModel: 'CRLB model', rateModel: 'rate model', w: 'w' };

/** The panel's name (the schema's symbol) of a library argument, if the explorer shows it. */
export function fieldLabel(argument: string): string | undefined {
  const base = argument.replace(/^args\./, '').replace(/(\[\d+\])+$/, '');
  const p = PARAM_SPECS.find((s) => s.key === base);
  if (p) return p.symbol;
  if (base === ZETA2_SPEC.key) return ZETA2_SPEC.symbol;
  const setting = SETTING_SPECS.find((s) => s.key === base);
  if (setting) return setting.symbol ?? setting.label;
  const choice = CHOICE_SPECS.find((c) => c.key === base);
  if (choice) return choice.key;
  return FIELD_ALIASES[base];
}

/**
 * An ArgumentError in the explorer's words: the field's symbol, the value and what is allowed
 * (`λ_b: invalid value "-1"; allowed range is (0, 10000] /km²`). `labelOf` names the argument
 * itself (default: its panel symbol); other arguments the message mentions get their symbol.
 */
export function fieldMessage(e: ArgumentError, labelOf: (argument: string) => string | undefined = fieldLabel): string {
  const ref = (a: string): string => fieldLabel(a) ?? a;
  if (e instanceof UnknownArgumentError) return e.message;
  if (e instanceof InfeasibleBackhaulError) {
    return `${labelOf('backhaul') ?? 'backhaul'}: infeasible value ${e.backhaul} nats/s/Hz with ${ref('e')} = ${e.e}: ${e.need}; ${e.requirement} (Eq. 10: R_c + e·N ≤ C_backhaul)`;
  }
  const label = labelOf(e.argument);
  if (label === undefined) return e.message;
  const head = `${label}: invalid value ${formatValue(e.value)}`;
  const detail = e.detailWith(ref);
  const tail = detail ? `; ${detail}` : '';
  if (e.range) return `${head}; allowed range is ${describeRange(e.range)}${tail}`;
  if (e.values) return `${head}; allowed values are ${e.values.join(', ')}${tail}`;
  return `${head}; must be ${e.allowedWith(ref)}${tail}`;
}

/** A rejected URL value, named by its URL key and symbol (`lambda-b (λ_b): invalid value …`). */
function urlMessageOf(e: unknown, spec: { key: string; flag: string; symbol?: string }): string {
  if (!(e instanceof ArgumentError)) return messageOf(e);
  const label = spec.symbol && spec.symbol !== spec.flag ? `${spec.flag} (${spec.symbol})` : spec.flag;
  return fieldMessage(e, (a) => (a === spec.key ? label : fieldLabel(a)));
}

export function messageOf(e: unknown): string {
  if (e instanceof ArgumentError) return fieldMessage(e);
  if (e instanceof ParamError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export function cloneState(s: AppState): AppState {
  return { params: { ...s.params }, settings: { ...s.settings }, choices: { ...s.choices }, view: s.view };
}
