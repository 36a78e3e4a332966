/**
 * Localization view (beyond the paper, issue 12): do estimators reach the CRLB? RMS localization
 * error against the SNR offset (dB added to the scenario's |ζ|²; 0 dB = the current link budget) at
 * the selected cluster size N.
 *
 * - Always drawn: √ of Prop. 1 (Eq. 12) as the reference of the bound (it scales as 10^{−SNR/20}).
 * - On demand (Web Workers, the CLI's `computeLocalizeReport`, kernel `sensing.localize`): the MLE's
 *   and the linearized LS estimate's RMSE, √ of the simulated mean CRLB over the same geometries,
 *   and the threshold SNR from which on the MLE stays within 1 dB of the CRLB.
 */
import { crlbScaleM2 } from '../../params/derived.ts';
import type { Params } from '../../params/schema.ts';
import type { BrowserPool } from '../mc/browserPool.ts';
import { McControl, type McRequest } from '../mc/mcControl.ts';
import { PlotView } from '../plot/plotView.ts';
import type { PlotSeries, VLine } from '../plot/svgPlot.ts';
import type { AppState } from '../state.ts';
import { localize, sensing, type LocalizeReport } from '../lib.ts';
import { renderReadout, section, timed, timingText, TIME_BUDGET_MS, type View } from './view.ts';

const C = { prop1: '#1f5fbf', crlb: '#222222', mle: '#d0312d', ls: '#138a36' };

/** SNR offsets of the view (dB): −10…50 in steps of 5, as the figure of `npm start`. */
export const LOCALIZE_SNR_DB: readonly number[] = Array.from({ length: 13 }, (_, i) => -10 + 5 * i);
/** Noise draws per geometry of the view's Monte Carlo. */
export const LOCALIZE_DRAWS = 5;

/** Geometries of a run for the panel's "Monte Carlo trials" (one MLE costs ≈ 250 trials of the CRLB kernel). */
export function localizeGeometries(trials: number): number {
  return Math.max(16, Math.min(4000, Math.round(trials / 250)));
}

/** The CLI command that gives the same numbers (points) as the view's Monte Carlo run. */
export function localizeCli(p: Params, N: number, geometries: number, seed: number): string {
  const extra = [p.beta !== 2 ? ` --beta ${p.beta}` : '', p.lambdaB !== 1 ? ` --lambda-b ${p.lambdaB}` : '', p.zeta2 !== null ? ` --zeta2 ${p.zeta2}` : '', p.pc !== 0.5 ? ` --pc ${p.pc}` : ''].join('');
  return `npx isacnet localize --N ${N} --snr-db -10:5:50 --geometries ${geometries} --noise-draws ${LOCALIZE_DRAWS} --seed ${seed}${extra} --json`;
}

interface Overlay {
  key: string;
  report: LocalizeReport;
  geometries: number;
  seed: number;
}

/** Everything a run's numbers depend on (the m² scale included: the report is in m²). */
function overlayKey(p: Params, N: number, geometries: number, seed: number): string {
  return JSON.stringify({ p, N, geometries, seed });
}

export class LocalizeView implements View {
  readonly name = 'localize' as const;
  readonly root: HTMLElement;
  private readonly plot = new PlotView({ id: 'rmse-vs-snr', aspect: 0.5 });
  private readonly readout: HTMLTableElement;
  private readonly mc: McControl<Overlay>;
  private overlay: Overlay | null = null;
  private state: AppState | null = null;

  constructor(pool: BrowserPool) {
    this.root = section(
      'localize',
      'Beyond the paper: do estimators reach the CRLB?',
      'RMS error of the target position (m) against the SNR offset added to |ζ|² (0 dB = the current link budget), at the sensing cluster size N of the panel. The line is √CRLB by Prop. 1 (Eq. 12); the Monte Carlo button runs the maximum-likelihood estimate and a linearized least-squares estimate on the range-sum measurements whose Fisher information is Eq. (5), in Web Workers, and marks the threshold SNR. Not in the paper.',
    );
    this.mc = new McControl(pool, 'localize', 'Run Monte Carlo', () => this.mcRequest(), (o) => {
      this.overlay = o;
      if (this.state) this.draw(this.state);
    });
    const cards = document.createElement('div');
    cards.className = 'cards';
    cards.append(this.plot.root);
    this.plot.root.appendChild(this.mc.root);
    const rc = document.createElement('div');
    rc.className = 'card';
    const h = document.createElement('h2');
    h.id = 'localize-readout-title';
    this.readout = document.createElement('table');
    this.readout.className = 'readout';
    this.readout.id = 'localize-readout';
    rc.append(h, this.readout);
    this.root.append(cards, rc);
  }

  private mcRequest(): McRequest<Overlay> | string {
    const st = this.state;
    if (!st) return 'no state yet';
    const N = st.settings.n;
    if (N < 2) return `N = 1: ${localize.N1_REASON}; choose N ≥ 2`;
    const { trials, seed } = st.settings;
    const geometries = localizeGeometries(trials);
    const p = { ...st.params };
    const key = overlayKey(p, N, geometries, seed);
    return {
      describe: `${geometries.toLocaleString('en')} geometries × ${LOCALIZE_DRAWS} noise draws at ${LOCALIZE_SNR_DB.length} SNRs`,
      cli: localizeCli(p, N, geometries, seed),
      execute: async (run, progress) => {
        const report = await localize.computeLocalizeReport(p, { Ns: [N], snrDb: [...LOCALIZE_SNR_DB], geometries, noiseDraws: LOCALIZE_DRAWS, seed }, run, progress);
        return { key, report, geometries, seed };
      },
    };
  }

  update(state: AppState): void {
    this.state = state;
    this.draw(state);
  }

  private draw(state: AppState): void {
    const p = state.params;
    const N = state.settings.n;
    const { value: prop1, ms } = timed(() => {
      const c = N >= 2 ? sensing.crlbProp1Normalized(N, p.beta) : null;
      const scale = crlbScaleM2(p);
      return LOCALIZE_SNR_DB.map((s) => (c === null ? null : Math.sqrt(c * scale * Math.pow(10, -s / 10))));
    });
    const overlay = this.overlay && this.overlay.key === overlayKey(p, N, this.overlay.geometries, this.overlay.seed) ? this.overlay : null;
    if (this.overlay && !overlay) {
      this.overlay = null;
      this.mc.setStatus('parameters or N changed: Monte Carlo overlay cleared');
    }
    const pts = overlay?.report.points ?? [];
    const series: PlotSeries[] = [{ id: 'prop1', label: '√CRLB, Prop. 1 (Eq. 12)', color: C.prop1, dash: '6 3', points: LOCALIZE_SNR_DB.map((s, i) => ({ x: s, y: prop1[i] })) }];
    const vlines: VLine[] = [{ x: 0, label: 'link budget', color: '#888' }];
    const threshold = overlay?.report.thresholds[0]?.mleSnrDb ?? null;
    if (overlay) {
      series.push({ id: 'mc-crlb', label: '√CRLB, mean over the simulated geometries', color: C.crlb, points: pts.map((q) => ({ x: q.snrDb, y: Math.sqrt(q.crlb.mean) })) });
      series.push({ id: 'mle', label: 'MLE RMSE', color: C.mle, marker: 'circle', width: 1.8, points: pts.map((q) => ({ x: q.snrDb, y: q.mle.rmse })) });
      series.push({ id: 'ls', label: 'linearized LS RMSE', color: C.ls, marker: 'square', dash: '2 3', points: pts.map((q) => ({ x: q.snrDb, y: q.ls.rmse })) });
      if (threshold !== null) vlines.push({ x: threshold, label: `threshold ${threshold} dB`, color: C.mle });
    }
    this.plot.update(
      { title: `RMS localization error vs SNR, N = ${N} (beyond the paper)`, xLabel: "SNR offset from the link budget's |ζ|² (dB)", yLabel: 'RMS error (m)', xScale: 'linear', yScale: 'log', hover: 'x', series, vlines },
      {
        title: `Localization RMSE vs SNR, N = ${N} (m)`,
        columns: ['snr_db', 'sqrt_crlb_prop1', 'sqrt_crlb_mc_mean', 'mle_rmse', 'mle_ratio_mean', 'mle_ratio_median', 'mle_outlier_fraction', 'mle_bias_rms', 'ls_rmse', 'ls_ratio_mean'],
        rows: LOCALIZE_SNR_DB.map((s, i) => {
          const q = pts.find((r) => r.snrDb === s);
          return [s, prop1[i], q ? Math.sqrt(q.crlb.mean) : null, q?.mle.rmse ?? null, q?.mle.ratioMean ?? null, q?.mle.ratioMedian ?? null, q?.mle.outlierFraction ?? null, q?.mle.biasRms ?? null, q?.ls.rmse ?? null, q?.ls.ratioMean ?? null];
        }),
        meta: { params: p, N, monteCarlo: overlay ? { geometries: overlay.geometries, noiseDraws: LOCALIZE_DRAWS, seed: overlay.seed, kernel: 'sensing.localize', cli: localizeCli(p, N, overlay.geometries, overlay.seed), thresholds: overlay.report.thresholds } : null },
      },
    );
    this.plot.hoverInfo = (id, pt) => {
      const q = pts.find((r) => r.snrDb === pt.x);
      if (!q) return null;
      if (id === 'mle') return `MSE/CRLB = ${q.mle.ratioMean.toPrecision(3)}`;
      if (id === 'ls') return `MSE/CRLB = ${q.ls.ratioMean.toPrecision(3)}`;
      return null;
    };
    this.plot.setTiming(timingText(ms), ms > TIME_BUDGET_MS);
    this.plot.setNote(
      `${N < 2 ? `N = 1 cannot localize: ${localize.N1_REASON}. ` : ''}Below the threshold both estimates are confined to a box around the cluster and biased, so their error can fall below the CRLB, which bounds unbiased estimators only. For N = 2 the position is ambiguous (mirror image across the BS baseline): the bound is never reached.${overlay ? ` Monte Carlo: ${overlay.geometries.toLocaleString('en')} geometries × ${LOCALIZE_DRAWS} draws, seed ${overlay.seed}.` : ''}`,
    );
    const head = this.root.querySelector('#localize-readout-title') as HTMLElement;
    head.textContent = `Values at the link budget (0 dB), N = ${N}`;
    const at0 = pts.find((q) => q.snrDb === 0) ?? null;
    renderReadout(this.readout, [
      { label: '√CRLB, Prop. 1 (Eq. 12)', value: prop1[LOCALIZE_SNR_DB.indexOf(0)] ?? null, unit: 'm', id: 'localize-prop1' },
      { label: '√CRLB, simulated mean', value: at0 ? Math.sqrt(at0.crlb.mean) : null, unit: 'm', id: 'localize-crlb', note: at0 ? '' : 'run Monte Carlo' },
      { label: 'MLE RMSE', value: at0?.mle.rmse ?? null, unit: 'm', id: 'localize-mle-rmse' },
      { label: 'MLE mean MSE/CRLB', value: at0?.mle.ratioMean ?? null, id: 'localize-mle-ratio', note: at0 && at0.mle.ratioMean < 1 ? 'below the bound: biased (confined) estimate' : '' },
      { label: 'MLE RMS bias', value: at0?.mle.biasRms ?? null, unit: 'm', id: 'localize-mle-bias' },
      { label: 'linearized LS RMSE', value: at0?.ls.rmse ?? null, unit: 'm', id: 'localize-ls-rmse' },
      { label: 'threshold SNR (MLE within 1 dB of the CRLB)', value: overlay ? (threshold ?? 'not reached') : null, unit: 'dB', id: 'localize-threshold' },
    ]);
  }
}
