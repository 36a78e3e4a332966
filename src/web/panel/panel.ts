/**
 * The parameter panel, generated from the schema (`PARAM_SPECS`, `ZETA2_SPEC`) and the explorer's
 * view settings (`SETTING_SPECS`): one labelled row per parameter with a slider and a text box.
 * Values typed in the box are validated by `checkNumber` (the CLI's validator), so a bad value shows
 * the CLI's own message (flag, value, allowed range) and is not applied: the curves keep their last
 * valid state.
 */
import { PARAM_SPECS, ZETA2_SPEC, type ParamKey, type ParamSpec } from '../../params/schema.ts';
import { checkNumber, describeRange, type RangeSpec } from '../../params/validate.ts';
import { SETTING_SPECS, messageOf, type AppState, type SettingKey } from '../state.ts';
import { SLIDER_HINTS, LOG_STEPS, sliderToValue, valueToSlider, type SliderHint } from './sliderHints.ts';

export type FieldKey = ParamKey | 'zeta2' | SettingKey;

export interface PanelCallbacks {
  /** A valid new value (null: |ζ|² derived from the link budget). */
  onChange(field: FieldKey, value: number | null): void;
  /** The field holds an invalid value (message from `checkNumber`), or `null` once fixed. */
  onValidity(field: FieldKey, message: string | null): void;
}

interface FieldDef {
  key: FieldKey;
  flag: string;
  symbol: string;
  label: string;
  unit: string;
  title: string;
  badge?: 'paper' | 'toolkit';
  range: RangeSpec;
  hint: SliderHint;
  /** Empty box allowed (meaning `null`). */
  optional?: boolean;
}

interface Field {
  def: FieldDef;
  slider: HTMLInputElement;
  box: HTMLInputElement;
  err: HTMLElement;
}

/** Panel groups: each schema key appears in exactly one (unknown keys fall into the last). */
const GROUPS: Array<{ title: string; keys: FieldKey[]; open: boolean }> = [
  { title: 'Network and load', keys: ['lambdaB', 'lambdaU', 'lambdaS', 'psi'], open: true },
  { title: 'Communication', keys: ['pc', 'mt', 'alpha'], open: true },
  { title: 'Sensing', keys: ['beta', 'mr', 'ptW', 'rcsM2', 'noisePowerDb', 'zeta2'], open: true },
  { title: 'Backhaul (Eq. 10)', keys: ['backhaul', 'e'], open: true },
  { title: 'Radar link budget (toolkit values)', keys: ['fcHz', 'bandwidthHz', 'gt', 'gr'], open: false },
  // The explorer's curves are the paper's SIR model; these feed `isacnet comm --noise on` only.
  { title: 'Communication noise (CLI --noise on only)', keys: ['noisePsdDbmHz', 'noiseFigureDb', 'commBandwidthHz', 'refDistanceM'], open: false },
];

/** "λ_b" → λ<sub>b</sub>, "p^c" → p<sup>c</sup>. */
export function symbolHtml(symbol: string): string {
  return symbol
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
    .replace(/_([A-Za-z0-9]+)/g, '<sub>$1</sub>')
    .replace(/\^([A-Za-z0-9]+)/g, '<sup>$1</sup>');
}

/** Text-box form of a value: exponent notation for very large/small magnitudes. */
export function formatInput(v: number | null): string {
  if (v === null) return '';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential().replace('e+', 'e');
  return String(v);
}

function paramDef(s: ParamSpec): FieldDef {
  const hint = SLIDER_HINTS[s.key] ?? { min: s.min, max: Math.min(s.max, s.min + 100), step: s.integer ? 1 : (s.max - s.min) / 100 };
  const short = s.description.split(/[(;]/)[0].trim();
  return {
    key: s.key,
    flag: s.flag,
    symbol: s.symbol,
    label: short,
    unit: s.unit,
    title: `${s.description}. Used in ${s.usedIn}. Allowed: ${describeRange(s)}. Default ${s.default} (${s.source === 'paper' ? 'paper, Section V' : 'toolkit default'}). CLI: --${s.flag}`,
    badge: s.source,
    range: s,
    hint: s.integer ? { ...hint, step: 1 } : hint,
  };
}

function zeta2Def(): FieldDef {
  return {
    key: 'zeta2',
    flag: ZETA2_SPEC.flag,
    symbol: ZETA2_SPEC.symbol,
    label: 'sensing gain override (empty: derived)',
    unit: ZETA2_SPEC.unit,
    title: `${ZETA2_SPEC.description}. Leave empty to derive it. CLI: --zeta2`,
    range: ZETA2_SPEC,
    hint: { min: 1e-2, max: 1e10, log: true },
    optional: true,
  };
}

function settingDefs(): FieldDef[] {
  return SETTING_SPECS.map((s) => ({
    key: s.key,
    flag: s.flag,
    symbol: s.symbol ?? s.flag,
    label: s.label,
    unit: '',
    title: `${s.description}. Allowed: ${describeRange(s)}. URL key: ${s.flag}`,
    range: s,
    hint: s.key === 'trials' ? { min: 1000, max: 1_000_000, log: true } : s.key === 'seed' ? { min: 0, max: 999, step: 1 } : { min: s.min, max: s.max, step: 1 },
  }));
}

export class ParamPanel {
  private readonly fields = new Map<FieldKey, Field>();

  constructor(
    readonly root: HTMLElement,
    private readonly callbacks: PanelCallbacks,
  ) {
    const defs = new Map<FieldKey, FieldDef>();
    for (const s of PARAM_SPECS) defs.set(s.key, paramDef(s));
    defs.set('zeta2', zeta2Def());
    const placed = new Set<FieldKey>();
    const groups = GROUPS.map((g) => ({ ...g, keys: g.keys.filter((k) => defs.has(k)) }));
    for (const g of groups) g.keys.forEach((k) => placed.add(k));
    const rest = [...defs.keys()].filter((k) => !placed.has(k));
    if (rest.length) groups.push({ title: 'Other parameters', keys: rest, open: true });
    for (const g of groups) this.addGroup(g.title, g.keys.map((k) => defs.get(k) as FieldDef), g.open);
    this.addGroup('View and Monte Carlo', settingDefs(), true);
  }

  private addGroup(title: string, defs: FieldDef[], open: boolean): void {
    const details = document.createElement('details');
    details.className = 'group';
    details.open = open;
    const summary = document.createElement('summary');
    summary.textContent = title;
    details.appendChild(summary);
    for (const d of defs) details.appendChild(this.makeField(d));
    this.root.appendChild(details);
  }

  private makeField(def: FieldDef): HTMLElement {
    const id = `p-${def.flag}`;
    const row = document.createElement('div');
    row.className = 'param';
    row.dataset.key = def.key;
    row.title = def.title;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.id = `${id}-label`;
    label.innerHTML = `<span class="sym">${symbolHtml(def.symbol)}</span> <span class="desc">${def.label}</span>${def.unit ? ` <span class="unit">[${def.unit}]</span>` : ''}${def.badge ? ` <span class="badge ${def.badge}">${def.badge}</span>` : ''}`;
    const ctl = document.createElement('div');
    ctl.className = 'ctl';
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.id = `${id}-slider`;
    slider.setAttribute('aria-labelledby', label.id);
    slider.setAttribute('aria-describedby', `${id}-err`);
    if (def.hint.log) {
      slider.min = '0';
      slider.max = String(LOG_STEPS);
      slider.step = '1';
    } else {
      slider.min = String(def.hint.min);
      slider.max = String(def.hint.max);
      slider.step = String(def.hint.step ?? 'any');
    }
    const box = document.createElement('input');
    box.type = 'text';
    box.id = id;
    box.name = def.flag;
    box.inputMode = 'decimal';
    box.autocomplete = 'off';
    box.spellcheck = false;
    box.setAttribute('aria-describedby', `${id}-err`);
    if (def.optional) box.placeholder = 'derived';
    const err = document.createElement('div');
    err.className = 'err';
    err.id = `${id}-err`;
    err.setAttribute('aria-live', 'polite');
    ctl.append(slider, box);
    row.append(label, ctl, err);
    const field: Field = { def, slider, box, err };
    this.fields.set(def.key, field);

    slider.addEventListener('input', () => {
      const v = sliderToValue(def.hint, Number(slider.value));
      let value: number;
      try {
        value = checkNumber(v, def.range);
      } catch {
        // A slider end can sit on an open bound (e.g. α → 2): step inside it.
        value = checkNumber(def.range.integer ? Math.round(v) : Number((v + (def.hint.step ?? 0.01)).toPrecision(6)), def.range);
      }
      box.value = formatInput(value);
      this.setError(field, null);
      this.callbacks.onChange(def.key, value);
    });
    box.addEventListener('input', () => this.fromBox(field));
    box.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
        ev.preventDefault();
        const cur = Number(box.value);
        if (!Number.isFinite(cur)) return;
        const step = def.hint.log ? Math.max(Math.abs(cur) * 0.1, 1e-12) : (def.hint.step ?? 1);
        box.value = formatInput(Number((cur + (ev.key === 'ArrowUp' ? step : -step)).toPrecision(10)));
        this.fromBox(field);
      }
    });
    return row;
  }

  private fromBox(field: Field): void {
    const raw = field.box.value;
    if (field.def.optional && raw.trim() === '') {
      this.setError(field, null);
      this.callbacks.onChange(field.def.key, null);
      return;
    }
    try {
      const value = checkNumber(raw.trim(), field.def.range);
      field.slider.value = String(valueToSlider(field.def.hint, value));
      this.setError(field, null);
      this.callbacks.onChange(field.def.key, value);
    } catch (e) {
      this.setError(field, messageOf(e));
    }
  }

  private setError(field: Field, message: string | null): void {
    const had = field.err.textContent !== '';
    field.err.textContent = message ?? '';
    field.box.setAttribute('aria-invalid', message ? 'true' : 'false');
    field.box.closest('.param')?.classList.toggle('invalid', !!message);
    if (message || had) this.callbacks.onValidity(field.def.key, message);
  }

  /** Show a state's values in every control (clears error marks). */
  sync(state: AppState): void {
    for (const [key, f] of this.fields) {
      const v = key === 'zeta2' ? state.params.zeta2 : key in state.settings ? state.settings[key as SettingKey] : state.params[key as ParamKey];
      f.box.value = formatInput(v);
      f.slider.value = String(v === null ? 0 : valueToSlider(f.def.hint, v));
      if (f.err.textContent) this.setError(f, null);
    }
  }

  /** Update one control's shown value (e.g. seed changed by the "new snapshot" button). */
  show(key: FieldKey, value: number | null): void {
    const f = this.fields.get(key);
    if (!f) return;
    f.box.value = formatInput(value);
    f.slider.value = String(value === null ? 0 : valueToSlider(f.def.hint, value));
  }

  /** Placeholder text of the |ζ|² box: the derived value. */
  setDerivedZeta2(text: string): void {
    const f = this.fields.get('zeta2');
    if (f) f.box.placeholder = text;
  }
}
