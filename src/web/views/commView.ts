/**
 * Communication view (Fig. 4 analog): the average rate R_c of the typical user against the CoMP
 * cluster size L at the current power split p^c, from Theorem 2 (printed and corrected H1) and from
 * the toolkit's exact expression, computed in the analysis worker (src/web/compute/comm.ts); a Monte
 * Carlo of Eqs. (7)–(9) on demand.
 */
import { usersPerBs } from '../../params/derived.ts';
import type { AnalysisClient } from '../compute/analysisClient.ts';
import type { CommCurves } from '../compute/comm.ts';
import type { BrowserPool } from '../mc/browserPool.ts';
import { McControl, type McRequest } from '../mc/mcControl.ts';
import { PlotView } from '../plot/plotView.ts';
import type { PlotSeries } from '../plot/svgPlot.ts';
import type { AppState, ChoiceKey } from '../state.ts';
import { commMc, type CommAcceptance, type CommGains, type CommMcResult } from '../lib.ts';
import { TIME_BUDGET_MS, renderReadout, section, type View } from './view.ts';

const C = { thm2p: '#7b3fb5', thm2: '#e08a00', exact: '#1f5fbf', mc: '#222222' };

interface McOverlay {
  key: string;
  result: CommMcResult;
}

export class CommView implements View {
  readonly name = 'comm' as const;
  readonly root: HTMLElement;
  private readonly plot = new PlotView({ id: 'rate-vs-l', aspect: 0.45 });
  private readonly readout: HTMLTableElement;
  private readonly mc: McControl<McOverlay>;
  private overlay: McOverlay | null = null;
  private state: AppState | null = null;
  private curves: CommCurves | null = null;
  private requested = 0;
  private readonly acceptance: HTMLSelectElement;
  private readonly gains: HTMLSelectElement;

  constructor(
    private readonly analysis: AnalysisClient,
    pool: BrowserPool,
    /** Called when the user picks a Monte Carlo model (the app keeps it in the URL). */
    private readonly onChoice: (key: ChoiceKey, value: string) => void = () => {},
  ) {
    this.root = section(
      'comm',
      'Cooperative communication: rate against the CoMP cluster size L',
      'Average rate R<sub>c</sub> = E[ln(1 + SIR)] (nats/s/Hz) of the typical user served by its nearest BS and the accepting ones among its next L − 1 (non-coherent joint transmission, zero-forcing beams, interference from all other BSs). Theorem 2 of the paper (with its printed H<sub>1</sub> and with the corrected one) against the toolkit’s exact expression; κ<sub>c</sub> as printed in Section IV. Computed in a Web Worker as the sliders move.',
    );
    this.mc = new McControl(pool, 'comm', 'Run Monte Carlo', () => this.mcRequest(), (o) => {
      this.overlay = o;
      this.draw();
    });
    const opts = document.createElement('div');
    opts.className = 'mc-options';
    this.acceptance = select('comm-acceptance', 'acceptance', [
      ['independent', 'independent (probability κ_c)'],
      ['network', 'network load simulation'],
    ]);
    this.gains = select('comm-gains', 'gains', [
      ['gamma', 'Gamma laws (paper)'],
      ['zf', 'zero-forcing channels'],
    ]);
    this.acceptance.addEventListener('change', () => this.onChoice('acceptance', this.acceptance.value));
    this.gains.addEventListener('change', () => this.onChoice('gains', this.gains.value));
    opts.append(this.acceptance.parentElement as HTMLElement, this.gains.parentElement as HTMLElement);
    this.plot.root.append(opts, this.mc.root);
    const rc = document.createElement('div');
    rc.className = 'card';
    const h = document.createElement('h2');
    h.id = 'comm-readout-title';
    this.readout = document.createElement('table');
    this.readout.className = 'readout';
    this.readout.id = 'comm-readout';
    rc.append(h, this.readout);
    const cards = document.createElement('div');
    cards.className = 'cards';
    cards.append(this.plot.root, rc);
    this.root.appendChild(cards);
  }

  private mcKey(st: AppState): string {
    const p = st.params;
    return JSON.stringify({ pc: p.pc, alpha: p.alpha, mt: p.mt, psi: p.psi, mu: usersPerBs(p), lMax: st.settings.lMax, trials: st.settings.trials, seed: st.settings.seed });
  }

  private mcOptions(): { acceptance: CommAcceptance; gains: CommGains } {
    return { acceptance: this.acceptance.value as CommAcceptance, gains: this.gains.value as CommGains };
  }

  private mcRequest(): McRequest<McOverlay> | string {
    const st = this.state;
    if (!st) return 'no state yet';
    const key = this.mcKey(st);
    const p = { ...st.params };
    const { lMax, trials, seed } = st.settings;
    const { acceptance, gains } = this.mcOptions();
    return {
      describe: `${trials.toLocaleString('en')} user realizations per L (${acceptance} acceptance, ${gains} gains)`,
      cli: commMc.cli(p, lMax, trials, seed, acceptance, gains),
      execute: async (run, progress) => ({ key, result: await commMc.run(p, lMax, trials, seed, acceptance, gains, run, progress) }),
    };
  }

  update(state: AppState): void {
    this.state = state;
    this.acceptance.value = state.choices.acceptance;
    this.gains.value = state.choices.gains;
    if (this.overlay && this.overlay.key !== this.mcKey(state)) {
      this.overlay = null;
      this.mc.setStatus('parameters changed: Monte Carlo overlay cleared');
    }
    const id = ++this.requested;
    this.plot.setTiming('computing…');
    this.root.dataset.busy = 'true';
    this.analysis.request<CommCurves>('comm', state.params, state.settings).then(
      (curves) => {
        if (curves === null || id !== this.requested) return;
        this.curves = curves;
        this.root.dataset.busy = 'false';
        this.draw();
      },
      (e: Error) => {
        if (id !== this.requested) return;
        this.root.dataset.busy = 'false';
        this.plot.setTiming(`not updated: ${e.message}`, true);
      },
    );
  }

  private draw(): void {
    const c = this.curves;
    const st = this.state;
    if (!c || !st) return;
    const Ls = c.Ls;
    const series: PlotSeries[] = [
      { id: 'thm2-printed', label: 'Theorem 2, printed H₁', color: C.thm2p, dash: '2 3', points: Ls.map((L, i) => ({ x: L, y: c.thm2Printed[i] })) },
      { id: 'thm2', label: 'Theorem 2, corrected H₁', color: C.thm2, dash: '6 3', points: Ls.map((L, i) => ({ x: L, y: c.thm2[i] })) },
      { id: 'exact', label: 'exact (toolkit)', color: C.exact, marker: 'circle', points: Ls.map((L, i) => ({ x: L, y: c.exact[i] })) },
    ];
    const o = this.overlay;
    if (o) {
      series.push({
        id: 'mc',
        label: `Monte Carlo mean (95% CI, ${String(o.result.meta.acceptance)})`,
        color: C.mc,
        line: false,
        marker: 'square',
        interval: 'bars',
        points: o.result.points.map((q) => ({ x: q.L, y: q.mean, lo: q.ci95?.[0] ?? null, hi: q.ci95?.[1] ?? null })),
      });
    }
    // An optimum at the last plotted L may lie beyond it: say so (as the Trade-off view does).
    const atEdge = c.bestL.exact !== null && c.bestL.exact === Ls[Ls.length - 1];
    const vlines = c.bestL.exact !== null ? [{ x: c.bestL.exact, label: atEdge ? `L* ≥ ${c.bestL.exact} (edge)` : `L* = ${c.bestL.exact}`, color: C.exact }] : [];
    this.plot.update(
      { title: `R_c vs L at p^c = ${c.pc} (Fig. 4 analog)`, xLabel: 'CoMP cluster size L', yLabel: 'R_c (nats/s/Hz)', xScale: 'linear', yScale: 'linear', xInteger: true, hover: 'x', series, vlines },
      {
        title: 'Average rate vs CoMP cluster size (nats/s/Hz)',
        columns: ['L', 'kappa_c_printed', 'thm2_printed_h1', 'thm2_corrected_h1', 'exact', 'mc_mean', 'mc_ci_lo', 'mc_ci_hi', 'mc_trials'],
        rows: Ls.map((L, i) => {
          const m = o?.result.points.find((q) => q.L === L);
          return [L, c.kappaC[i], c.thm2Printed[i], c.thm2[i], c.exact[i], m?.mean ?? null, m?.ci95?.[0] ?? null, m?.ci95?.[1] ?? null, m?.trials ?? null];
        }),
        meta: { params: st.params, pc: c.pc, relTol: c.relTol, optimalL: c.bestL, monteCarlo: o ? o.result.meta : null },
      },
    );
    this.plot.hoverInfo = (id, pt) => {
      const i = Ls.indexOf(pt.x);
      if (id === 'mc') {
        const k = o?.result.points.find((q) => q.L === pt.x)?.kappaMc;
        return k != null ? `κ_c sim. = ${Number(k.toPrecision(4))}` : null;
      }
      return i >= 0 ? `κ_c = ${Number(c.kappaC[i].toPrecision(4))}` : null;
    };
    const t = c.timings;
    const worst = Math.max(t.thm2Printed, t.thm2, t.exact);
    this.plot.setTiming(`per curve: Thm 2 (printed H₁) ${t.thm2Printed.toFixed(0)} ms · Thm 2 ${t.thm2.toFixed(0)} ms · exact ${t.exact.toFixed(0)} ms`, worst > TIME_BUDGET_MS);
    this.plot.setNote(`Each curve is ${Ls.length} double integrals (relative tolerance ${c.relTol}) evaluated in a Web Worker; times are wall-clock per curve. The vertical line marks the L maximizing the exact rate.${atEdge ? ` <span class="warn" data-edge-warning="1">The best L = ${c.bestL.exact} is the largest L plotted: the true optimum may lie beyond it; raise L_max.</span>` : ''}${o ? ` Monte Carlo: ${String(o.result.meta.acceptance)} acceptance, ${String(o.result.meta.gains)} gains, ${Number(o.result.meta.trials).toLocaleString('en')} trials per L, seed ${String(o.result.meta.seed)}.` : ''}`);
    const L = Math.min(st.settings.l, Ls.length);
    const i = L - 1;
    (this.root.querySelector('#comm-readout-title') as HTMLElement).textContent = `Values at L = ${L}, p^c = ${c.pc}`;
    const m = o?.result.points.find((q) => q.L === L);
    renderReadout(this.readout, [
      { label: 'κ<sub>c</sub> (Section IV, printed)', value: c.kappaC[i], id: 'readout-kappa-c' },
      { label: 'Theorem 2, printed H<sub>1</sub>', value: c.thm2Printed[i], unit: 'nats/s/Hz', id: 'readout-thm2-printed' },
      { label: 'Theorem 2, corrected H<sub>1</sub>', value: c.thm2[i], unit: 'nats/s/Hz', id: 'readout-thm2' },
      { label: 'exact', value: c.exact[i], unit: 'nats/s/Hz', id: 'readout-exact' },
      { label: 'Monte Carlo mean', value: m?.mean ?? null, unit: 'nats/s/Hz', id: 'readout-comm-mc', note: m ? `95% CI [${m.ci95?.[0]?.toPrecision(4)}, ${m.ci95?.[1]?.toPrecision(4)}], ${m.trials.toLocaleString('en')} trials` : 'run Monte Carlo' },
      { label: 'κ<sub>c</sub>, network simulation', value: m?.kappaMc ?? null, id: 'readout-kappa-c-mc', note: 'Monte Carlo with network acceptance' },
      { label: 'best L (exact / Theorem 2)', value: `${c.bestL.exact ?? '—'} / ${c.bestL.thm2 ?? '—'}` },
    ]);
  }
}

function select(id: string, label: string, options: Array<[string, string]>): HTMLSelectElement {
  const wrap = document.createElement('label');
  wrap.htmlFor = id;
  wrap.textContent = `${label} `;
  const sel = document.createElement('select');
  sel.id = id;
  for (const [value, text] of options) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    sel.appendChild(o);
  }
  wrap.appendChild(sel);
  return sel;
}
