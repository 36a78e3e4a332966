/**
 * The explorer's controller: holds the state (mirrored in the URL), the parameter panel, the tabs
 * and the views; recomputes the active view once per animation frame after a change.
 */
import { ParamPanel, type FieldKey } from './panel/panel.ts';
import { VIEWS, VIEW_TITLES, checkChoice, cloneState, defaultState, messageOf, setChoice, stateFromQuery, stateToQuery, type AppState, type ChoiceKey, type SettingKey, type ViewName } from './state.ts';
import { ArgumentError } from '../math/argumentError.ts';
import type { ParamKey } from '../params/schema.ts';
import type { View } from './views/view.ts';

export class App {
  state: AppState;
  private readonly panel: ParamPanel;
  private readonly views = new Map<ViewName, View>();
  private readonly dirty = new Set<ViewName>();
  private readonly invalid = new Map<FieldKey, string>();
  private urlErrors: string[] = [];
  private computeError: string | null = null;
  private frame = 0;
  private readonly banner: HTMLElement;
  private readonly tabs: HTMLElement;

  constructor(views: (app: App) => View[]) {
    const parsed = stateFromQuery(location.search);
    this.state = parsed.state;
    this.urlErrors = parsed.errors;
    this.banner = document.getElementById('banner') as HTMLElement;
    this.tabs = document.getElementById('tabs') as HTMLElement;
    this.panel = new ParamPanel(document.getElementById('panel-fields') as HTMLElement, {
      onChange: (field, value) => this.setField(field, value),
      onValidity: (field, message) => {
        if (message) this.invalid.set(field, message);
        else this.invalid.delete(field);
        this.showBanner();
      },
    });
    const host = document.getElementById('views') as HTMLElement;
    for (const v of views(this)) {
      this.views.set(v.name, v);
      host.appendChild(v.root);
    }
    this.buildTabs();
    this.panel.sync(this.state);
    this.wireChrome();
    this.showBanner();
    this.selectView(this.state.view, false);
    // A rejected URL value does not stay in the address bar (the banner says what was ignored).
    if (this.urlErrors.length) this.writeUrl();
  }

  private buildTabs(): void {
    for (const name of VIEWS) {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.id = `tab-${name}`;
      b.setAttribute('aria-controls', `view-${name}`);
      b.textContent = VIEW_TITLES[name];
      b.addEventListener('click', () => this.selectView(name, true));
      b.addEventListener('keydown', (ev) => {
        const i = VIEWS.indexOf(name);
        let j = -1;
        if (ev.key === 'ArrowRight') j = (i + 1) % VIEWS.length;
        else if (ev.key === 'ArrowLeft') j = (i + VIEWS.length - 1) % VIEWS.length;
        else if (ev.key === 'Home') j = 0;
        else if (ev.key === 'End') j = VIEWS.length - 1;
        if (j >= 0) {
          ev.preventDefault();
          this.selectView(VIEWS[j], true);
          (document.getElementById(`tab-${VIEWS[j]}`) as HTMLElement).focus();
        }
      });
      this.tabs.appendChild(b);
    }
  }

  private wireChrome(): void {
    const toggle = document.getElementById('toggle-panel') as HTMLButtonElement;
    const panel = document.getElementById('panel') as HTMLElement;
    toggle.addEventListener('click', () => {
      const open = !panel.classList.contains('open');
      panel.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', String(open));
    });
    (document.getElementById('reset') as HTMLButtonElement).addEventListener('click', () => {
      const view = this.state.view;
      this.state = defaultState();
      this.state.view = view;
      this.invalid.clear();
      this.urlErrors = [];
      this.panel.sync(this.state);
      this.changed();
    });
    const copy = document.getElementById('copy-link') as HTMLButtonElement;
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(location.href).then(
        () => {
          copy.textContent = 'Link copied';
          setTimeout(() => (copy.textContent = 'Copy link'), 1500);
        },
        () => undefined,
      );
    });
  }

  selectView(name: ViewName, updateUrl: boolean): void {
    this.state.view = name;
    for (const [n, v] of this.views) v.root.classList.toggle('active', n === name);
    for (const b of this.tabs.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const on = b.id === `tab-${name}`;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    if (updateUrl) this.writeUrl();
    this.dirty.add(name);
    this.schedule();
  }

  /** Apply one valid value from the panel. */
  setField(field: FieldKey, value: number | null): void {
    if (field === 'zeta2') this.state.params.zeta2 = value;
    else if (field in this.state.settings) this.state.settings[field as SettingKey] = value as number;
    else this.state.params[field as ParamKey] = value as number;
    this.changed();
  }

  /** Set a view setting from inside a view (e.g. a new snapshot seed) and show it in the panel. */
  setSetting(key: SettingKey, value: number): void {
    this.state.settings[key] = value;
    this.panel.show(key, value);
    this.changed();
  }

  /** Set a Monte Carlo model choice from inside a view; kept in the URL (curves do not depend on it). */
  setChoice(key: ChoiceKey, value: string): void {
    try {
      setChoice(this.state.choices, key, checkChoice(key, value));
    } catch (e) {
      // Only reachable with a hand-edited <select>: say so, keep the previous choice.
      this.computeError = e instanceof ArgumentError ? messageOf(e) : e instanceof Error ? e.message : String(e);
      this.showBanner();
      return;
    }
    this.writeUrl();
  }

  private changed(): void {
    for (const n of VIEWS) this.dirty.add(n);
    this.writeUrl();
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const name = this.state.view;
      if (!this.dirty.has(name)) return;
      this.dirty.delete(name);
      try {
        this.views.get(name)?.update(cloneState(this.state));
        this.computeError = null;
      } catch (e) {
        // A library function refused this setting (e.g. a ParamError): say so, keep the last curves.
        this.computeError = `${VIEW_TITLES[name]}: ${e instanceof ArgumentError ? messageOf(e) : e instanceof Error ? e.message : String(e)}`;
      }
      this.showBanner();
    });
  }

  private writeUrl(): void {
    const q = stateToQuery(this.state);
    const url = `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }

  private showBanner(): void {
    const msgs: string[] = [];
    if (this.invalid.size) {
      msgs.push(`Invalid input, not applied (the curves show the last valid values): ${[...this.invalid.values()].join('; ')}`);
    }
    if (this.computeError) msgs.push(`Not recomputed (the plots show the last valid values): ${this.computeError}`);
    if (this.urlErrors.length) msgs.push(`Ignored in the URL (defaults used): ${this.urlErrors.join('; ')}`);
    this.banner.hidden = msgs.length === 0;
    this.banner.textContent = msgs.join(' — ');
  }

  get panelView(): ParamPanel {
    return this.panel;
  }
}
