/**
 * Trade-off view (Fig. 5 analog): the achievable rate–CRLB region of the cooperative ISAC scheme
 * under the backhaul constraint Eq. (10), its Pareto boundary with the optimal (L, N, p^c) of every
 * point, the time-sharing line between the two corners and the non-cooperative baseline, computed
 * by src/optimize in the analysis worker (src/web/compute/tradeoff.ts).
 */
import type { AnalysisClient } from '../compute/analysisClient.ts';
import type { TradeoffCurves } from '../compute/tradeoff.ts';
import { PlotView } from '../plot/plotView.ts';
import { formatValue } from '../plot/scale.ts';
import type { PlotPoint, PlotSeries } from '../plot/svgPlot.ts';
import type { AppState } from '../state.ts';
import type { BrowserPool } from '../mc/browserPool.ts';
import { McControl, type McRequest } from '../mc/mcControl.ts';
import { tradeoffMc, type TradeoffMcPoint } from '../lib.ts';
import { TIME_BUDGET_MS, renderReadout, section, type View } from './view.ts';
import { defaultWindows } from './sensingView.ts';

/** Pareto points checked by Monte Carlo. */
export const CHECK_POINTS = 5;

interface McOverlay {
  key: string;
  points: TradeoffMcPoint[];
}

const C = { coop: '#1f5fbf', ts: '#d0312d', noncoop: '#8a8f98', corner: '#138a36' };

export class TradeoffView implements View {
  readonly name = 'tradeoff' as const;
  readonly root: HTMLElement;
  private readonly plot = new PlotView({ id: 'rate-crlb-region', aspect: 0.5 });
  private readonly readout: HTMLTableElement;
  private readonly message: HTMLElement;
  private state: AppState | null = null;
  private curves: TradeoffCurves | null = null;
  private requested = 0;
  private readonly mc: McControl<McOverlay>;
  private overlay: McOverlay | null = null;

  constructor(
    private readonly analysis: AnalysisClient,
    pool: BrowserPool,
  ) {
    this.root = section(
      'tradeoff',
      'Backhaul-limited trade-off: the rate–CRLB region',
      'Every operating point (L, N, p<sup>c</sup>) must fit the backhaul: R<sub>c</sub> + e·N ≤ C<sub>backhaul</sub> (Eq. 10). The blue boundary is the Pareto front of the cooperative scheme (exact on the integers L and N, accurate on p<sup>c</sup>), computed with the exact rate and Eq. (16); red is time-sharing between the communication-only and sensing-only corners, grey the non-cooperative scheme (L = 1, smallest localizing N). Hover a point for its cluster sizes and power split.',
    );
    this.message = document.createElement('div');
    this.message.className = 'banner';
    this.message.hidden = true;
    this.message.setAttribute('role', 'alert');
    this.message.dataset.testid = 'tradeoff-message';
    const rc = document.createElement('div');
    rc.className = 'card';
    const h = document.createElement('h2');
    h.textContent = 'Corners and baselines';
    this.readout = document.createElement('table');
    this.readout.className = 'readout';
    this.readout.id = 'tradeoff-readout';
    rc.append(h, this.readout);
    const cards = document.createElement('div');
    cards.className = 'cards';
    cards.append(this.plot.root, rc);
    this.root.append(this.message, cards);
    this.mc = new McControl(pool, 'tradeoff', `Check ${CHECK_POINTS} points by Monte Carlo`, () => this.mcRequest(), (o) => {
      this.overlay = o;
      this.draw();
    });
    this.plot.root.appendChild(this.mc.root);
  }

  private mcKey(st: AppState): string {
    return JSON.stringify({ p: st.params, lMax: st.settings.lMax, nMax: st.settings.nMax, trials: st.settings.trials, seed: st.settings.seed });
  }

  private mcRequest(): McRequest<McOverlay> | string {
    const st = this.state;
    const c = this.curves;
    if (!st || !c) return 'the region is not computed yet';
    const cands = c.result.pareto.filter((q) => q.L !== null && q.crlbA !== null && q.pc > 0 && q.pc < 1);
    if (cands.length === 0) return 'no interior Pareto point to check';
    const pick = Array.from({ length: Math.min(CHECK_POINTS, cands.length) }, (_, i) => cands[Math.round(((cands.length - 1) * (i + 0.5)) / Math.min(CHECK_POINTS, cands.length))]);
    const key = this.mcKey(st);
    const p = { ...st.params };
    const { trials, seed } = st.settings;
    const windows = defaultWindows(trials);
    return {
      describe: `${pick.length} points: ${trials.toLocaleString('en')} users each and ${windows} network windows`,
      cli: tradeoffMc.cli(p, pick, trials, seed, windows),
      execute: async (run, progress) => ({ key, points: await tradeoffMc.run(p, pick, trials, seed, windows, run, progress) }),
    };
  }

  update(state: AppState): void {
    this.state = state;
    const id = ++this.requested;
    this.plot.setTiming('computing…');
    this.root.dataset.busy = 'true';
    this.analysis.request<TradeoffCurves>('tradeoff', state.params, state.settings).then(
      (curves) => {
        if (curves === null || id !== this.requested) return;
        this.curves = curves;
        this.root.dataset.busy = 'false';
        this.message.hidden = true;
        this.draw();
      },
      (e: Error) => {
        if (id !== this.requested) return;
        this.root.dataset.busy = 'false';
        this.message.hidden = false;
        this.message.textContent = `${e.message}${this.curves ? ' — the plot still shows the last feasible setting.' : ''}`;
        this.plot.setTiming('not updated', true);
      },
    );
  }

  private draw(): void {
    const c = this.curves;
    const st = this.state;
    if (!c || !st) return;
    const r = c.result;
    const info = new Map<PlotPoint, string>();
    const pt = (o: { rate: number; crlbA: number | null; L: number | null; N: number; pc: number; backhaulUse: number }): PlotPoint => {
      const p: PlotPoint = { x: o.rate, y: o.crlbA };
      info.set(p, `L = ${o.L ?? '—'}, N = ${o.N}, p^c = ${o.pc.toFixed(4)}, backhaul ${o.backhaulUse.toFixed(3)} of ${c.backhaul}`);
      return p;
    };
    const ts = r.timeSharing.map((q) => {
      const p: PlotPoint = { x: q.rate, y: q.crlbA };
      info.set(p, `time-sharing τ = ${q.tau.toFixed(3)}`);
      return p;
    });
    const series: PlotSeries[] = [
      { id: 'coop', label: `cooperative, C_backhaul = ${c.backhaul}`, color: C.coop, width: 2.4, points: r.boundary.map(pt) },
      ...c.comparisons.map((cmp, i) => ({ id: `coop-${i}`, label: `cooperative, C_backhaul = ${cmp.backhaul}`, color: i === 0 ? '#8fb3e8' : '#0b3a82', width: 1.4, dash: i === 0 ? '4 2' : 'none', points: cmp.boundary.map(pt) })),
      { id: 'ts', label: 'time-sharing', color: C.ts, dash: '6 4', points: ts },
      { id: 'noncoop', label: 'non-cooperative (L = 1)', color: C.noncoop, dash: '2 3', points: r.nonCooperative.map(pt) },
      { id: 'sens-corner', label: 'sensing corner', color: C.corner, line: false, marker: 'diamond', points: [pt(r.corners.sens)] },
    ];
    const o = this.overlay && this.state && this.overlay.key === this.mcKey(this.state) ? this.overlay : null;
    if (this.overlay && !o) {
      this.overlay = null;
      this.mc.setStatus('parameters changed: Monte Carlo checks cleared');
    }
    if (o) {
      series.push({
        id: 'mc-check',
        label: 'Monte Carlo at optimal points (median CRLB_a)',
        color: '#222222',
        line: false,
        marker: 'square',
        interval: 'bars',
        points: o.points.map((q) => {
          const p: PlotPoint = { x: q.rateMc ?? NaN, y: q.crlbMedian, lo: q.crlbMedianCi95?.[0] ?? null, hi: q.crlbMedianCi95?.[1] ?? null };
          info.set(p, `L = ${q.L}, N = ${q.N}, p^c = ${q.pc.toFixed(4)}; rate CI [${formatValue(q.rateCi95?.[0])}, ${formatValue(q.rateCi95?.[1])}] vs model ${formatValue(q.rateModel)}; CRLB_a model ${formatValue(q.crlbModel)}; not localizable ${q.nonLocalizableFraction === null ? '—' : `${(100 * q.nonLocalizableFraction).toFixed(1)}%`}${q.localizableMinority ? ' (a majority: CRLB_a describes a minority of targets)' : ''}`);
          return p;
        }),
      });
    }
    const vlines = [{ x: r.corners.comm.rate, label: `R*comm (L = ${r.corners.comm.L})`, color: C.corner }];
    this.plot.hoverInfo = (_id, p) => info.get(p) ?? null;
    this.plot.update(
      { title: `Rate–CRLB region, C_backhaul = ${c.backhaul}, e = ${c.e} (Fig. 5 analog)`, xLabel: 'R_c (nats/s/Hz)', yLabel: 'CRLB_a (m²)', xScale: 'linear', yScale: 'log', hover: 'nearest', series, vlines },
      {
        title: 'Pareto boundary of the cooperative scheme and baselines',
        columns: ['curve', 'rate', 'crlb_a_m2', 'L', 'N', 'pc', 'backhaul_use', 'tau', 'pareto'],
        rows: [
          ...r.boundary.map((q) => ['cooperative', q.rate, q.crlbA, q.L, q.N, q.pc, q.backhaulUse, null, q.pareto ? 1 : 0] as Array<number | string | null>),
          ...c.comparisons.flatMap((cmp) => cmp.boundary.map((q) => [`cooperative C=${cmp.backhaul}`, q.rate, q.crlbA, q.L, q.N, q.pc, q.backhaulUse, null, q.pareto ? 1 : 0] as Array<number | string | null>)),
          ...r.timeSharing.map((q) => ['time-sharing', q.rate, q.crlbA, null, null, null, null, q.tau, null] as Array<number | string | null>),
          ...r.nonCooperative.map((q) => ['non-cooperative', q.rate, q.crlbA, q.L, q.N, q.pc, q.backhaulUse, null, null] as Array<number | string | null>),
        ],
        meta: { params: st.params, models: c.models, corners: r.corners, containment: r.containment, warnings: r.warnings, maxL: st.settings.lMax, maxN: st.settings.nMax, monteCarloChecks: o ? o.points : null },
      },
    );
    const t = c.timings;
    const worst = Math.max(t.frontier, ...c.comparisons.map((q) => q.ms));
    this.plot.setTiming(`region ${t.frontier.toFixed(0)} ms${c.comparisons.map((q) => ` · C = ${q.backhaul}: ${q.ms.toFixed(0)} ms`).join('')} · rate ${c.tableDegree !== null ? 'table' : 'envelope'} ${c.tableCached ? 'reused' : `${t.table.toFixed(0)} ms`}`, worst > TIME_BUDGET_MS);
    this.plot.setNote(
      `Models: ${c.models.rate}; ${c.models.crlb}. ${c.tableDegree !== null ? `The optimizer reads R<sub>c</sub>(L, p<sup>c</sup>) from a table of exact rate integrals (Chebyshev of degree ${c.tableDegree} in (p<sup>c</sup>)<sup>1/(2α)</sup>, ${c.tableEvaluations} integrals; largest relative deviation from fresh exact values: ${c.tableMaxRelError.toExponential(1)})` : `The rate table did not reach 1e-6 here, so the optimizer evaluates the exact rate directly (${c.tableEvaluations} integrals so far)`}, rebuilt only when α, M<sub>t</sub>, ψ, λ<sub>u</sub>/λ<sub>b</sub> or L<sub>max</sub> change.${r.warnings.length ? ` <span class="warn">${r.warnings.map((w) => w.replace(/--max-L/g, 'L_max').replace(/--max-N/g, 'N_max')).join(' ')}</span>` : ''}`,
    );
    const cm = r.containment;
    renderReadout(this.readout, [
      { label: 'communication corner: rate R*<sub>comm</sub>', value: r.corners.comm.rate, unit: 'nats/s/Hz', id: 'readout-comm-corner', note: `L = ${r.corners.comm.L}, p<sup>c</sup> = ${formatValue(r.corners.comm.pc)}${r.corners.comm.backhaulBound ? ', capped by the backhaul' : ''}` },
      { label: 'sensing corner: CRLB*<sub>sens</sub>', value: r.corners.sens.crlbA, unit: 'm²', id: 'readout-sens-corner', note: `N = ${r.corners.sens.N}, backhaul e·N = ${formatValue(r.corners.sens.backhaulUse)}` },
      { label: 'Pareto points', value: String(r.pareto.length) },
      { label: 'time-sharing inside the cooperative region', value: cm.contained ? 'yes' : 'no', id: 'readout-contained', note: cm.uncoveredTau ? `time-sharing is better for τ in [${formatValue(cm.uncoveredTau[0])}, ${formatValue(cm.uncoveredTau[1])}]` : `checked at ${cm.samples} time-sharing points` },
    ]);
  }
}
