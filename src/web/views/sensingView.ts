/**
 * Sensing view: the expected localization CRLB against the sensing cluster size N.
 *
 * - Fig. 2 analog (κ = 1): Prop. 1 (Eq. 12), Eq. (13), Theorem 1 (Eq. 14) as printed and corrected,
 *   and on demand a Monte Carlo of Eq. (6) over random geometries (kernel `sensing.crlbNested`, the
 *   same job as the CLI's `isacnet sensing`), median and mean with 95% CIs where they exist.
 * - Fig. 3 analog: the CRLB with acceptance, Eq. (16) with Lemma 1's κ_s, against N, with its
 *   minimizing N* marked.
 */
import { crlbScaleM2, zeta2M2, targetsPerBs } from '../../params/derived.ts';
import type { Params } from '../../params/schema.ts';
import type { BrowserPool } from '../mc/browserPool.ts';
import { McControl, type McRequest } from '../mc/mcControl.ts';
import type { TableData } from '../plot/export.ts';
import { PlotView } from '../plot/plotView.ts';
import type { PlotSeries } from '../plot/svgPlot.ts';
import type { AppState } from '../state.ts';
import { sensing, type SensingReport } from '../lib.ts';
import { TIME_BUDGET_MS, renderReadout, section, timingText, type ReadoutRow, type View } from './view.ts';
import type { AnalysisClient } from '../compute/analysisClient.ts';
import type { SensingCurves } from '../compute/sensing.ts';

const C = { prop1: '#1f5fbf', eq13: '#e08a00', thm1: '#7b3fb5', thm1c: '#138a36', median: '#222222', mean: '#d0312d', eq16: '#1f5fbf', thinned: '#138a36', eq16mc: '#e08a00' };

interface McOverlay {
  /** Identity of the normalized results: everything they depend on. */
  key: string;
  report: SensingReport;
  trials: number;
  seed: number;
  windows: number;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

/** Network windows for a number of trials: the CLI's default rule (src/cli/commands/sensing.ts). */
export function defaultWindows(trials: number): number {
  return Math.max(8, Math.min(400, Math.ceil(trials / 1000)));
}

export const SAMPLES_PER_WINDOW = 256;

/**
 * Normalized Monte Carlo results depend on β, ψ and λ_s/λ_b (and the run settings) only; |ζ|² and
 * λ_b enter through the scale factor, applied at drawing time.
 */
export function sensingMcKey(p: Params, nMax: number, trials: number, seed: number): string {
  return JSON.stringify({ beta: p.beta, psi: p.psi, muS: targetsPerBs(p), nMax, trials, seed });
}

/** The CLI command that gives the same numbers (points) as the explorer's Monte Carlo run. */
export function sensingCli(p: Params, nMax: number, trials: number, seed: number): string {
  const extra = [p.beta !== 2 ? ` --beta ${p.beta}` : '', p.psi !== 15 ? ` --psi ${p.psi}` : '', p.lambdaS !== 1 ? ` --lambda-s ${p.lambdaS}` : '', p.lambdaB !== 1 ? ` --lambda-b ${p.lambdaB}` : ''].join('');
  return `npx isacnet sensing --N 1-${nMax} --trials ${trials} --seed ${seed}${extra} --json`;
}


/** What an empty CRLB plot means: with p^s = 0 (p^c = 1) the FIM is zero and every CRLB is infinite. */
function NO_SENSING(p: { pc: number; zeta2: number | null }): string | undefined {
  return p.pc >= 1 && p.zeta2 === null ? 'CRLB = ∞ everywhere: p^c = 1 leaves no sensing power (p^s = 0), the FIM is zero' : undefined;
}

export class SensingView implements View {
  readonly name = 'sensing' as const;
  readonly root: HTMLElement;
  private readonly fig2 = new PlotView({ id: 'crlb-vs-n', aspect: 0.5 });
  private readonly fig3 = new PlotView({ id: 'crlb-accept-vs-n', aspect: 0.5 });
  private readonly readout: HTMLTableElement;
  private readonly mc: McControl<McOverlay>;
  private overlay: McOverlay | null = null;
  private state: AppState | null = null;

  private curves: SensingCurves | null = null;
  /** The state the current curves were computed for. */
  private curvesState: AppState | null = null;
  private requested = 0;

  constructor(
    private readonly analysis: AnalysisClient,
    pool: BrowserPool,
  ) {
    this.root = section(
      'sensing',
      'Cooperative sensing: CRLB against the cluster size N',
      'Expected CRLB of the target position (m²) when the N nearest BSs localize the typical target. Left: all requests accepted (κ<sub>s</sub> = 1, Fig. 2 of the paper). Right: with Lemma 1’s acceptance probability κ<sub>s</sub> (Eq. 16, Fig. 3). Hover a curve for its values; the Monte Carlo button overlays a simulation of Eq. (6) run in Web Workers.',
    );
    this.mc = new McControl(pool, 'sensing', 'Run Monte Carlo', () => this.mcRequest(), (o) => {
      this.overlay = o;
      this.draw();
    });
    const cards = document.createElement('div');
    cards.className = 'cards';
    cards.append(this.fig2.root, this.fig3.root);
    this.fig2.root.appendChild(this.mc.root);
    const rc = document.createElement('div');
    rc.className = 'card';
    const h = document.createElement('h2');
    h.id = 'sensing-readout-title';
    this.readout = document.createElement('table');
    this.readout.className = 'readout';
    this.readout.id = 'sensing-readout';
    rc.append(h, this.readout);
    this.root.append(cards, rc);
  }

  private mcRequest(): McRequest<McOverlay> | string {
    const st = this.state;
    if (!st) return 'no state yet';
    const { nMax, trials, seed } = st.settings;
    const p = { ...st.params };
    const windows = defaultWindows(trials);
    const key = sensingMcKey(p, nMax, trials, seed);
    return {
      describe: `${trials.toLocaleString('en')} geometries per N and ${windows} network windows`,
      cli: sensingCli(p, nMax, trials, seed),
      execute: async (run, progress) => {
        const report = await sensing.computeSensingReport(p, { Ns: range(1, nMax), trials, seed, windows, samplesPerWindow: SAMPLES_PER_WINDOW }, run, progress);
        return { key, report, trials, seed, windows };
      },
    };
  }

  update(state: AppState): void {
    this.state = state;
    const id = ++this.requested;
    this.root.dataset.busy = 'true';
    this.analysis.request<SensingCurves>('sensing', state.params, state.settings).then(
      (curves) => {
        if (curves === null || id !== this.requested) return;
        this.curves = curves;
        this.curvesState = state;
        this.root.dataset.busy = 'false';
        this.draw();
      },
      (e: Error) => {
        if (id !== this.requested) return;
        this.root.dataset.busy = 'false';
        this.fig2.setTiming(`not updated: ${e.message}`, true);
        this.fig3.setTiming('not updated', true);
      },
    );
  }

  private draw(): void {
    const state = this.curvesState;
    const cv = this.curves;
    if (!state || !cv) return;
    const p = state.params;
    const { nMax, n } = state.settings;
    const Ns = range(1, nMax);
    const scale = crlbScaleM2(p);
    const overlay = this.overlay && this.overlay.key === sensingMcKey(p, nMax, this.overlay.trials, this.overlay.seed) ? this.overlay : null;
    if (this.overlay && !overlay) {
      this.overlay = null;
      this.mc.setStatus('parameters changed (β, ψ, λ_s/λ_b or the N range): Monte Carlo overlay cleared');
    }
    const pts = overlay?.report.points ?? [];

    // Fig. 2 analog.
    const t2 = { ms: cv.timings.fig2 };
    const c2 = cv;
    const series2: PlotSeries[] = [
      { id: 'prop1', label: 'Prop. 1 (Eq. 12)', color: C.prop1, points: Ns.map((N, i) => ({ x: N, y: c2.prop1[i] })) },
      { id: 'eq13', label: 'Eq. (13)', color: C.eq13, dash: '6 3', points: Ns.map((N, i) => ({ x: N, y: c2.eq13[i] })) },
    ];
    if (p.beta === 2) {
      series2.push({ id: 'thm1', label: 'Thm 1 printed (Eq. 14)', color: C.thm1, dash: '2 3', points: Ns.map((N, i) => ({ x: N, y: c2.thm1[i] })) });
      series2.push({ id: 'thm1c', label: 'Thm 1 corrected (2/ln²N)', color: C.thm1c, dash: '8 3 2 3', width: 1.6, points: Ns.map((N, i) => ({ x: N, y: c2.thm1c[i] })) });
    }
    if (overlay) {
      series2.push({
        id: 'mc-median',
        label: 'Monte Carlo median (95% CI)',
        color: C.median,
        line: false,
        marker: 'circle',
        interval: 'bars',
        points: pts.map((pt) => {
          const s = pt.crlbNormalized.mc;
          return { x: pt.N, y: s.median === null ? null : s.median * scale, lo: s.medianCi95 ? s.medianCi95[0] * scale : null, hi: s.medianCi95 ? s.medianCi95[1] * scale : null };
        }),
      });
      series2.push({
        id: 'mc-mean',
        label: 'Monte Carlo mean (95% CI, N ≥ 4)',
        color: C.mean,
        line: false,
        marker: 'square',
        interval: 'bars',
        points: pts.map((pt) => {
          const s = pt.crlbNormalized.mc;
          return { x: pt.N, y: s.mean === null ? null : s.mean * scale, lo: s.ci95 ? s.ci95[0] * scale : null, hi: s.ci95 ? s.ci95[1] * scale : null };
        }),
      });
    }
    this.fig2.update(
      { title: 'CRLB vs N, all requests accepted (Fig. 2 analog)', xLabel: 'sensing cluster size N', yLabel: 'CRLB (m²)', xScale: 'linear', yScale: 'log', xInteger: true, hover: 'x', series: series2, vlines: [{ x: n, label: `N = ${n}`, color: '#888' }], emptyMessage: NO_SENSING(p) },
      this.table2(state, Ns, c2, overlay, scale),
    );
    this.fig2.setTiming(timingText(t2.ms), t2.ms > TIME_BUDGET_MS);
    this.fig2.setNote(`N = 1 has no finite CRLB (singular FIM). The mean of the simulated CRLB is infinite for N ≤ 3 (nearly collinear bearings), so the median is shown there.${p.beta !== 2 ? ' Theorem 1 holds for β = 2 only.' : ''}${overlay ? ` Monte Carlo: ${overlay.trials.toLocaleString('en')} geometries per N, seed ${overlay.seed}.` : ''}`);

    // Fig. 3 analog.
    const muS = targetsPerBs(p);
    const t3 = { ms: cv.timings.fig3 };
    const c3 = cv;
    const series3: PlotSeries[] = [];
    if (p.beta === 2) series3.push({ id: 'eq16', label: 'Eq. (16) with Lemma 1 κ_s (printed)', color: C.eq16, points: Ns.map((N, i) => ({ x: N, y: c3.eq16[i] })) });
    series3.push({ id: 'thinned', label: 'Prop. 1 thinned by corrected κ_s', color: C.thinned, dash: '6 3', points: Ns.map((N, i) => ({ x: N, y: c3.thinned[i] })) });
    const net = overlay && overlay.report.params.network ? pts : [];
    if (net.length) {
      series3.push({
        id: 'mc-accept-median',
        label: 'network simulation: median (95% CI)',
        color: C.median,
        line: false,
        marker: 'circle',
        interval: 'bars',
        points: net.map((pt) => {
          const m = pt.crlbAcceptNormalized.mc;
          return { x: pt.N, y: m?.median != null ? m.median * scale : null, lo: m?.medianCi95 ? m.medianCi95[0] * scale : null, hi: m?.medianCi95 ? m.medianCi95[1] * scale : null };
        }),
      });
      if (p.beta === 2) series3.push({ id: 'eq16-mc-kappa', label: 'Eq. (16) with simulated κ_s', color: C.eq16mc, dash: '2 3', points: net.map((pt) => ({ x: pt.N, y: scaled(pt.crlbAcceptNormalized.eq16McKappa, scale) })) });
    }
    const best16 = argminFinite(c3.eq16);
    const bestTh = argminFinite(c3.thinned);
    const vlines3 = [];
    if (best16 !== null) vlines3.push({ x: Ns[best16], label: `N* = ${Ns[best16]} (Eq. 16)`, color: C.eq16 });
    if (bestTh !== null && bestTh !== best16) vlines3.push({ x: Ns[bestTh], label: `N* = ${Ns[bestTh]}`, color: C.thinned });
    this.fig3.update(
      { title: `CRLB with acceptance vs N, ψ = ${p.psi} (Fig. 3 analog)`, xLabel: 'sensing cluster size N', yLabel: 'CRLB_a (m²)', xScale: 'linear', yScale: 'log', xInteger: true, hover: 'x', series: series3, vlines: vlines3, emptyMessage: NO_SENSING(p) },
      {
        title: 'CRLB with acceptance vs N (m²)',
        columns: ['N', 'kappa_s_lemma1', 'crlb_a_eq16', 'kappa_s_corrected', 'crlb_a_thinned_prop1', 'kappa_s_mc', 'mc_median', 'mc_median_ci_lo', 'mc_median_ci_hi', 'mc_nonlocalizable_fraction', 'model_nonlocalizable_fraction'],
        rows: Ns.map((N, i) => {
          const pt = net.find((q) => q.N === N);
          const m = pt?.crlbAcceptNormalized.mc ?? null;
          return [N, c3.kappa[i], c3.eq16[i], c3.kappaNb[i], c3.thinned[i], pt?.kappaS.mc ?? null, scaled(m?.median ?? null, scale), scaled(m?.medianCi95?.[0] ?? null, scale), scaled(m?.medianCi95?.[1] ?? null, scale), m?.nonLocalizableFraction ?? null, c3.nonLoc[i] ?? null];
        }),
        meta: { params: p, optimalN: { eq16: best16 === null ? null : Ns[best16], thinned: bestTh === null ? null : Ns[bestTh] }, monteCarlo: overlay ? overlay.report.params.network : null },
      },
    );
    this.fig3.hoverInfo = (id, pt) => {
      const i = Ns.indexOf(pt.x);
      if (i < 0) return null;
      if (id === 'eq16') return `κ_s = ${fmt(c3.kappa[i])}`;
      if (id === 'thinned') return `κ_s = ${fmt(c3.kappaNb[i])}`;
      const q = net.find((r) => r.N === pt.x);
      return q && q.kappaS.mc !== null ? `κ_s sim. = ${fmt(q.kappaS.mc)}` : null;
    };
    this.fig3.setTiming(timingText(t3.ms), t3.ms > TIME_BUDGET_MS);
    this.fig3.setNote(`Eq. (16) as printed: 1/(κ<sub>s</sub>² |ζ|² λ<sub>b</sub>² π² ln² N) with Lemma 1’s κ<sub>s</sub> (β = 2 only); the corrected approximation thins Prop. 1 by the per-request acceptance of a negative-binomial load. Vertical lines: the minimizing N*. The simulated mean of CRLB<sub>a</sub> is infinite (clusters of ≤ 3 accepted BSs occur), so the network simulation shows the median.`);

    // Read-out at the selected N.
    const i = n - 1;
    const head = this.root.querySelector('#sensing-readout-title') as HTMLElement;
    head.textContent = `Values at N = ${n}`;
    const mcPt = pts.find((q) => q.N === n) ?? null;
    const mcS = mcPt ? mcPt.crlbNormalized.mc : null;
    renderReadout(this.readout, [
      { label: 'Prop. 1 (Eq. 12)', value: c2.prop1[i] ?? null, unit: 'm²', id: 'readout-prop1' },
      { label: 'Eq. (13)', value: c2.eq13[i] ?? null, unit: 'm²', id: 'readout-eq13' },
      { label: 'Theorem 1 as printed (Eq. 14)', value: c2.thm1[i] ?? null, unit: 'm²', id: 'readout-thm1' },
      { label: 'Theorem 1 corrected', value: c2.thm1c[i] ?? null, unit: 'm²', id: 'readout-thm1c' },
      { label: 'Monte Carlo median', value: mcS?.median != null ? mcS.median * scale : null, unit: 'm²', id: 'readout-mc-median', note: mcS ? `${mcS.trials.toLocaleString('en')} geometries, seed ${overlay?.seed}` : 'run Monte Carlo' },
      { label: 'Monte Carlo mean', value: mcS?.mean != null ? mcS.mean * scale : null, unit: 'm²', id: 'readout-mc-mean', note: mcS?.warning ?? '' },
      { label: 'κ<sub>s</sub>, Lemma 1 (Eq. 15)', value: c3.kappa[i] ?? null, id: 'readout-kappa-s' },
      { label: 'κ<sub>s</sub>, corrected (negative-binomial load)', value: c3.kappaNb[i] ?? null, id: 'readout-kappa-s-nb' },
      { label: 'κ<sub>s</sub>, network simulation', value: mcPt?.kappaS.mc ?? null, id: 'readout-kappa-s-mc' },
      { label: 'CRLB<sub>a</sub>, Eq. (16)', value: c3.eq16[i] ?? null, unit: 'm²', id: 'readout-eq16' },
      { label: 'CRLB<sub>a</sub>, network simulation median', value: scaled(mcPt?.crlbAcceptNormalized.mc?.median ?? null, scale), unit: 'm²', id: 'readout-mc-accept-median' },
      nonLocReadout(mcPt?.crlbAccept.nonLocalizable ?? null, c3.nonLoc[i] ?? null),
      { label: '|ζ|² (Eq. 5)', value: zeta2M2(p), unit: 'm²', id: 'readout-zeta2', note: p.zeta2 === null ? 'derived from the link budget' : 'override' },
    ]);
  }

  private table2(state: AppState, Ns: number[], c: { prop1: Array<number | null>; eq13: Array<number | null>; thm1: Array<number | null>; thm1c: Array<number | null> }, o: McOverlay | null, scale: number): TableData {
    const s = (i: number): CrlbMcSummary | null => o?.report.points.find((q) => q.N === Ns[i])?.crlbNormalized.mc ?? null;
    const m = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v * scale);
    return {
      title: 'CRLB vs N with all requests accepted (m²)',
      columns: ['N', 'prop1_eq12', 'eq13', 'thm1_printed_eq14', 'thm1_corrected', 'mc_median', 'mc_median_ci_lo', 'mc_median_ci_hi', 'mc_mean', 'mc_mean_ci_lo', 'mc_mean_ci_hi', 'mc_trials'],
      rows: Ns.map((N, i) => [N, c.prop1[i], c.eq13[i], c.thm1[i], c.thm1c[i], m(s(i)?.median), m(s(i)?.medianCi95?.[0]), m(s(i)?.medianCi95?.[1]), m(s(i)?.mean), m(s(i)?.ci95?.[0]), m(s(i)?.ci95?.[1]), s(i)?.trials ?? null]),
      meta: { params: state.params, crlbScaleM2: scale, monteCarlo: o ? { trials: o.trials, seed: o.seed, kernel: 'sensing.crlbNested', cli: sensingCli(state.params, state.settings.nMax, o.trials, o.seed) } : null },
    };
  }
}

type CrlbMcSummary = SensingReport['points'][number]['crlbNormalized']['mc'];

function scaled(v: number | null | undefined, scale: number): number | null {
  return v === null || v === undefined ? null : v * scale;
}

function argminFinite(v: Array<number | null>): number | null {
  let best: number | null = null;
  v.forEach((x, i) => {
    if (x !== null && Number.isFinite(x) && (best === null || x < (v[best] as number))) best = i;
  });
  return best;
}

function fmt(x: number | null): string {
  return x === null ? '—' : String(Number(x.toPrecision(4)));
}

/** The fraction of targets left out of every CRLB_a (≤ 1 accepted BS or a singular FIM): simulated when the network simulation ran, else the independent-acceptance model. */
function nonLocReadout(mc: { mc: number | null; singular: number | null; minority: boolean } | null, model: number | null): ReadoutRow {
  const sim = mc && mc.mc !== null ? mc.mc + (mc.singular ?? 0) : null;
  const note =
    sim !== null
      ? `network simulation${mc?.minority ? ': most targets cannot be localized, the median CRLB_a is ∞ and Eq. (16) describes a minority' : ''}; independent-acceptance model ${fmt(model)}`
      : 'independent-acceptance model with the corrected κ_s (run Monte Carlo for the simulated fraction)';
  return { label: 'targets that cannot be localized (left out of CRLB<sub>a</sub>)', value: sim ?? model, id: 'readout-nonloc', note };
}
