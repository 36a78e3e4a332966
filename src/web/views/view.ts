/**
 * What every view of the explorer provides, and small DOM helpers shared by the views.
 */
import type { AppState, ViewName } from '../state.ts';
import { formatValue } from '../plot/scale.ts';

export interface View {
  readonly name: ViewName;
  readonly root: HTMLElement;
  /** Recompute and redraw for a (valid) state. */
  update(state: AppState): void;
}

export interface ReadoutRow {
  /** Label (HTML). */
  label: string;
  value: number | null | string;
  /** Unit text shown after the value. */
  unit?: string;
  /** data-testid of the value cell (the tests read `data-value`). */
  id?: string;
  note?: string;
}

/** A two-column table of named values; numeric cells carry their full-precision value. */
export function renderReadout(table: HTMLTableElement, rows: ReadoutRow[]): void {
  const body = document.createElement('tbody');
  for (const r of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.innerHTML = r.note ? `${r.label}<br><small class="muted">${r.note}</small>` : r.label;
    const td = document.createElement('td');
    td.className = 'num';
    if (typeof r.value === 'string') td.textContent = r.value;
    else {
      td.textContent = `${formatValue(r.value)}${r.unit && r.value !== null ? ` ${r.unit}` : ''}`;
      td.dataset.value = r.value === null ? 'null' : String(r.value);
    }
    if (r.id) td.dataset.testid = r.id;
    tr.append(th, td);
    body.appendChild(tr);
  }
  table.replaceChildren(body);
}

export function section(name: ViewName, title: string, intro: string): HTMLElement {
  const s = document.createElement('section');
  s.className = 'view';
  s.id = `view-${name}`;
  s.setAttribute('role', 'tabpanel');
  s.setAttribute('aria-labelledby', `tab-${name}`);
  s.tabIndex = -1;
  const h = document.createElement('h2');
  h.textContent = title;
  const p = document.createElement('p');
  p.className = 'view-intro';
  p.innerHTML = intro;
  s.append(h, p);
  return s;
}

/** Run `fn` and return its result with the elapsed wall time in ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export const TIME_BUDGET_MS = 100;

export function timingText(ms: number, what = 'computed'): string {
  return `${what} in ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
}
