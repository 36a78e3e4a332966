/**
 * Network view: one seeded snapshot of the PPPs around a typical user and a typical target, with the
 * load mechanism run on the whole snapshot (src/web/network/snapshot.ts), drawn with its CoMP
 * cluster (L), sensing cluster (N), accepted and declined requests and the interfering BSs.
 */
import { usersPerBs, targetsPerBs } from '../../params/derived.ts';
import { exportCsv, exportJson, exportPng, exportSvg } from '../plot/export.ts';
import { drawSnapshot, type Snapshot } from '../network/snapshot.ts';
import { renderNetwork, snapshotTable } from '../network/networkSvg.ts';
import { messageOf, type AppState } from '../state.ts';
import { formatValue } from '../plot/scale.ts';
import { kappaCMechanismPoisson, kappaCPrinted } from '../../comm/kappa.ts';
import { kappaSLemma1, sensing } from '../lib.ts';
import { renderReadout, section, timed, timingText, type View } from './view.ts';
import { ArgumentError } from '../../math/argumentError.ts';

export class NetworkView implements View {
  readonly name = 'network' as const;
  readonly root: HTMLElement;
  private readonly host: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly timing: HTMLElement;
  private readonly seedLabel: HTMLElement;
  private snapshot: Snapshot | null = null;
  private key = '';
  private lastWidth = 0;

  constructor(private readonly onNewSeed: (seed: number) => void) {
    this.root = section(
      'network',
      'Network snapshot',
      'One random realization of the BS, user and target point processes (densities λ<sub>b</sub>, λ<sub>u</sub>, λ<sub>s</sub>) around a typical user and a typical target. Every user asks its L nearest BSs for CoMP service and every target its N nearest BSs for sensing; a BS serves at most ψ of them (own users first), the rest are declined. The whole snapshot lives on a torus, so there is no window edge.',
    );
    const layout = document.createElement('div');
    layout.className = 'net-layout';
    const mapCard = document.createElement('figure');
    mapCard.className = 'card';
    mapCard.id = 'network-map';
    const head = document.createElement('div');
    head.className = 'plot-head';
    const left = document.createElement('div');
    left.className = 'plot-tools';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'primary';
    btn.id = 'new-snapshot';
    btn.textContent = 'New snapshot';
    btn.addEventListener('click', () => {
      const buf = new Uint32Array(1);
      crypto.getRandomValues(buf);
      this.onNewSeed(buf[0] % 1_000_000);
    });
    this.seedLabel = document.createElement('span');
    this.seedLabel.className = 'timing';
    this.seedLabel.dataset.testid = 'snapshot-seed';
    left.append(btn, this.seedLabel);
    const tools = document.createElement('div');
    tools.className = 'plot-tools';
    for (const fmt of ['SVG', 'PNG', 'CSV', 'JSON']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = fmt;
      b.dataset.export = fmt.toLowerCase();
      b.title = `Download the snapshot ${fmt === 'SVG' || fmt === 'PNG' ? 'figure' : 'BS table'} as ${fmt}`;
      b.addEventListener('click', () => this.export(fmt));
      tools.appendChild(b);
    }
    head.append(left, tools);
    this.host = document.createElement('div');
    this.host.className = 'net-host';
    this.timing = document.createElement('figcaption');
    this.timing.className = 'plot-note';
    mapCard.append(head, this.host, this.timing);
    const info = document.createElement('div');
    info.className = 'card';
    const h = document.createElement('h2');
    h.textContent = 'Clusters in this snapshot';
    this.table = document.createElement('table');
    this.table.className = 'readout';
    this.table.id = 'network-readout';
    info.append(h, this.table);
    layout.append(mapCard, info);
    this.root.appendChild(layout);
    new ResizeObserver(() => {
      const w = this.host.clientWidth;
      if (this.snapshot && w > 0 && Math.abs(w - this.lastWidth) > 2) this.draw();
    }).observe(this.host);
  }

  update(state: AppState): void {
    const p = state.params;
    const s = state.settings;
    const input = { lambdaB: p.lambdaB, lambdaU: p.lambdaU, lambdaS: p.lambdaS, psi: p.psi, n: s.n, l: s.l, seed: s.seed };
    const key = JSON.stringify(input);
    this.seedLabel.textContent = `seed ${s.seed}`;
    if (key === this.key && this.snapshot) return;
    let drawn: { value: Snapshot; ms: number };
    try {
      drawn = timed(() => drawSnapshot(input));
    } catch (e) {
      this.key = key;
      this.timing.textContent = `No new snapshot: ${e instanceof ArgumentError ? messageOf(e) : e instanceof Error ? e.message : String(e)}${this.snapshot ? '. The previous snapshot is still shown.' : ''}`;
      this.timing.classList.add('warn');
      return;
    }
    this.timing.classList.remove('warn');
    const { value, ms } = drawn;
    this.snapshot = value;
    this.key = key;
    this.draw();
    const sn = value;
    const users = sn.users.length / 2;
    const targets = sn.targets.length / 2;
    const bss = sn.bs.length / 2;
    this.timing.textContent = `${bss} BSs, ${users} users, ${targets} targets on a ${formatValue(sn.sideKm)} km torus; load mechanism run on all of them: ${timingText(ms, 'drawn')}`;
    const accComm = sn.comm.slice(1).filter((r) => r.accepted).length;
    const accSens = sn.sensing.filter((r) => r.accepted).length;
    const safe = (f: () => number): number | null => {
      try {
        return f();
      } catch {
        return null;
      }
    };
    const muS = targetsPerBs(p);
    const muC = usersPerBs(p);
    const ks = safe(() => kappaSLemma1(p.psi, muS, s.n));
    const ksNb = safe(() => sensing.kappaSNegBinomial(p.psi, muS, s.n));
    const kc = safe(() => kappaCPrinted(p.psi, muC, s.l));
    const kcMech = safe(() => kappaCMechanismPoisson(p.psi, muC, s.l));
    renderReadout(this.table, [
      { label: 'CoMP cluster: requests sent (L − 1)', value: String(s.l - 1) },
      { label: 'cooperation requests accepted', value: String(accComm), id: 'comp-accepted' },
      { label: 'serving-BS distance r<sub>1</sub>', value: sn.comm[0].distanceKm, unit: 'km' },
      { label: 'sensing cluster: requests sent (N)', value: String(s.n) },
      { label: 'sensing requests accepted', value: String(accSens), id: 'sensing-accepted' },
      { label: 'nearest sensing BS distance d<sub>1</sub>', value: sn.sensing[0].distanceKm, unit: 'km' },
      { label: 'interfering BSs for the typical user', value: String(bss - 1 - accComm), note: 'all BSs outside its CoMP cluster' },
      { label: 'κ<sub>s</sub> in this snapshot (accepted / requested, all targets)', value: sn.kappaSSnapshot, id: 'kappa-s-snapshot' },
      { label: 'κ<sub>s</sub>, Lemma 1 (Eq. 15)', value: ks, id: 'kappa-s-lemma1' },
      { label: 'κ<sub>s</sub>, corrected (negative-binomial load)', value: ksNb, id: 'kappa-s-corrected' },
      { label: 'κ<sub>c</sub> in this snapshot (accepted / requested, all users)', value: sn.kappaCSnapshot, id: 'kappa-c-snapshot' },
      { label: 'κ<sub>c</sub>, printed (Section IV)', value: kc, id: 'kappa-c-printed' },
      { label: 'κ<sub>c</sub>, own users first (Poisson counts)', value: kcMech, id: 'kappa-c-mechanism' },
    ]);
  }

  private draw(): void {
    if (!this.snapshot) return;
    const width = Math.max(280, Math.min(760, Math.floor(this.host.clientWidth || 600)));
    this.lastWidth = this.host.clientWidth;
    this.host.replaceChildren(renderNetwork(this.snapshot, width));
  }

  private export(fmt: string): void {
    const svg = this.host.querySelector('svg');
    if (!this.snapshot || !svg) return;
    const stem = `network-seed${this.snapshot.input.seed}`;
    if (fmt === 'SVG') exportSvg(svg, stem);
    else if (fmt === 'PNG') void exportPng(svg, stem);
    else if (fmt === 'CSV') exportCsv(snapshotTable(this.snapshot), stem);
    else exportJson(snapshotTable(this.snapshot), stem);
  }
}
