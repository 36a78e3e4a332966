/**
 * SVG drawing of a network snapshot (see snapshot.ts): the typical user with its CoMP cluster, the
 * typical target with its sensing cluster, accepted and declined requests, interfering BSs, other
 * users and targets, a scale bar and a legend inside the figure (so SVG/PNG exports are complete).
 */
import { FONT, drawMarker, el } from '../plot/svgPlot.ts';
import type { TableData } from '../plot/export.ts';
import { offset, type Snapshot } from './snapshot.ts';

export const COLORS = {
  comm: '#1f5fbf',
  commDeclined: '#d0312d',
  sensing: '#138a36',
  sensingDeclined: '#e08a00',
  interferer: '#8a8f98',
  user: '#6f9fe0',
  target: '#b0413e',
} as const;

export type BsRole = 'serving' | 'cooperating' | 'declined-comp' | 'interferer';

export interface BsRow {
  bs: number;
  xKm: number;
  yKm: number;
  comm: BsRole;
  sensing: 'accepted' | 'declined' | 'none';
}

/** Roles of every BS for the typical user and target. */
export function bsRoles(s: Snapshot): BsRow[] {
  const commRole = new Map<number, BsRole>();
  s.comm.forEach((r, k) => commRole.set(r.bs, k === 0 ? 'serving' : r.accepted ? 'cooperating' : 'declined-comp'));
  const sensRole = new Map<number, 'accepted' | 'declined'>();
  for (const r of s.sensing) sensRole.set(r.bs, r.accepted ? 'accepted' : 'declined');
  const [x0, y0] = [(s.users[0] + s.targets[0]) / 2, (s.users[1] + s.targets[1]) / 2];
  const rows: BsRow[] = [];
  for (let b = 0; b < s.bs.length / 2; b++) {
    const [dx, dy] = offset(s, s.bs[2 * b], s.bs[2 * b + 1], x0, y0);
    rows.push({ bs: b, xKm: dx, yKm: dy, comm: commRole.get(b) ?? 'interferer', sensing: sensRole.get(b) ?? 'none' });
  }
  return rows;
}

/** Half-width (km) of the square shown: every requested BS plus a margin. */
export function viewHalfWidthKm(s: Snapshot): number {
  const [x0, y0] = [(s.users[0] + s.targets[0]) / 2, (s.users[1] + s.targets[1]) / 2];
  let r = 1.6 / Math.sqrt(s.input.lambdaB);
  for (const req of [...s.comm, ...s.sensing]) {
    const [dx, dy] = offset(s, s.bs[2 * req.bs], s.bs[2 * req.bs + 1], x0, y0);
    r = Math.max(r, Math.abs(dx), Math.abs(dy));
  }
  return Math.min(r * 1.15, s.sideKm / 2);
}

interface LegendItem {
  label: string;
  draw: (g: SVGGElement, x: number, y: number) => void;
}

function legendItems(): LegendItem[] {
  const tri = (color: string, fill: string) => (g: SVGGElement, x: number, y: number) => drawMarker(g, 'triangle', x, y, 5, color, fill);
  const line = (color: string, dash: string) => (g: SVGGElement, x: number, y: number) => {
    el('line', { x1: x - 9, y1: y, x2: x + 9, y2: y, stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }, g);
  };
  return [
    { label: 'typical user', draw: (g, x, y) => drawMarker(g, 'circle', x, y, 5.5, COLORS.comm, '#fff') },
    { label: 'typical target', draw: (g, x, y) => drawMarker(g, 'diamond', x, y, 5, COLORS.target, COLORS.target) },
    { label: 'serving / cooperating BS (CoMP, L)', draw: tri(COLORS.comm, COLORS.comm) },
    { label: 'declined CoMP request (interferes, I₁)', draw: tri(COLORS.commDeclined, '#fff') },
    { label: 'interfering BS (I₂)', draw: tri(COLORS.interferer, '#fff') },
    { label: 'sensing cluster BS (accepted, N)', draw: (g, x, y) => el('circle', { cx: x, cy: y, r: 7, fill: 'none', stroke: COLORS.sensing, 'stroke-width': 2 }, g) },
    { label: 'declined sensing request', draw: (g, x, y) => el('circle', { cx: x, cy: y, r: 7, fill: 'none', stroke: COLORS.sensingDeclined, 'stroke-width': 2, 'stroke-dasharray': '3 2' }, g) },
    { label: 'CoMP link', draw: line(COLORS.comm, 'none') },
    { label: 'declined CoMP link', draw: line(COLORS.commDeclined, '4 3') },
    { label: 'sensing link', draw: line(COLORS.sensing, 'none') },
    { label: 'declined sensing link', draw: line(COLORS.sensingDeclined, '4 3') },
    { label: 'other users', draw: (g, x, y) => el('circle', { cx: x, cy: y, r: 2, fill: COLORS.user }, g) },
    { label: 'other targets', draw: (g, x, y) => drawMarker(g, 'diamond', x, y, 2.2, COLORS.target, '#fff') },
  ];
}

export function renderNetwork(s: Snapshot, width: number): SVGSVGElement {
  const narrow = width < 520;
  const mapSize = width;
  const items = legendItems();
  // Columns as wide as the longest label (estimated at 0.62 em per character, a little more than
  // DejaVu Sans needs), so that no label overlaps the next column or runs out of the figure.
  const fontSize = narrow ? 10 : 11;
  const need = 14 + 14 + Math.max(...items.map((it) => it.label.length)) * fontSize * 0.62 + 10;
  const perRow = Math.max(1, Math.min(3, Math.floor((width - 14) / need)));
  const colW = (width - 14) / perRow;
  const legendRows = Math.ceil(items.length / perRow);
  const legendH = legendRows * 18 + 14;
  const height = mapSize + legendH;
  const svg = el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Network snapshot' });
  el('title', {}, svg).textContent = `Network snapshot (seed ${s.input.seed}, N = ${s.input.n}, L = ${s.input.l})`;
  el('rect', { x: 0, y: 0, width, height, fill: '#fff' }, svg);

  const half = viewHalfWidthKm(s);
  const pad = 8;
  const scale = (mapSize - 2 * pad) / (2 * half);
  const [x0, y0] = [(s.users[0] + s.targets[0]) / 2, (s.users[1] + s.targets[1]) / 2];
  const toPx = (x: number, y: number): [number, number] => {
    const [dx, dy] = offset(s, x, y, x0, y0);
    return [pad + (dx + half) * scale, pad + (half - dy) * scale];
  };
  const inView = (px: number, py: number): boolean => px >= 0 && px <= mapSize && py >= 0 && py <= mapSize;
  el('rect', { x: 0.5, y: 0.5, width: mapSize - 1, height: mapSize - 1, fill: '#fbfcfd', stroke: '#c9ced6' }, svg);

  const clipId = `netclip-${Math.random().toString(36).slice(2, 9)}`;
  const clip = el('clipPath', { id: clipId }, el('defs', {}, svg));
  el('rect', { x: 0, y: 0, width: mapSize, height: mapSize }, clip);
  const map = el('g', { 'clip-path': `url(#${clipId})` }, svg);

  const [ux, uy] = toPx(s.users[0], s.users[1]);
  const [tx, ty] = toPx(s.targets[0], s.targets[1]);
  // Links.
  s.comm.forEach((r) => {
    const [bx, by] = toPx(s.bs[2 * r.bs], s.bs[2 * r.bs + 1]);
    el('line', { x1: ux, y1: uy, x2: bx, y2: by, stroke: r.accepted ? COLORS.comm : COLORS.commDeclined, 'stroke-width': r.accepted ? 2 : 1.6, 'stroke-dasharray': r.accepted ? 'none' : '5 4', 'data-link': r.accepted ? 'comm' : 'comm-declined' }, map);
  });
  s.sensing.forEach((r) => {
    const [bx, by] = toPx(s.bs[2 * r.bs], s.bs[2 * r.bs + 1]);
    el('line', { x1: tx, y1: ty, x2: bx, y2: by, stroke: r.accepted ? COLORS.sensing : COLORS.sensingDeclined, 'stroke-width': r.accepted ? 1.6 : 1.4, 'stroke-dasharray': r.accepted ? 'none' : '5 4', 'stroke-opacity': 0.85, 'data-link': r.accepted ? 'sensing' : 'sensing-declined' }, map);
  });
  // Other users and targets.
  for (let u = 1; u < s.users.length / 2; u++) {
    const [px, py] = toPx(s.users[2 * u], s.users[2 * u + 1]);
    if (inView(px, py)) el('circle', { cx: px, cy: py, r: 2, fill: COLORS.user }, map);
  }
  for (let t = 1; t < s.targets.length / 2; t++) {
    const [px, py] = toPx(s.targets[2 * t], s.targets[2 * t + 1]);
    if (inView(px, py)) drawMarker(map, 'diamond', px, py, 2.2, COLORS.target, '#fff');
  }
  // BSs.
  for (const row of bsRoles(s)) {
    const [px, py] = toPx(s.bs[2 * row.bs], s.bs[2 * row.bs + 1]);
    if (!inView(px, py)) continue;
    const g = el('g', { 'data-bs': row.bs, 'data-comm': row.comm, 'data-sensing': row.sensing }, map);
    if (row.sensing === 'accepted') el('circle', { cx: px, cy: py, r: 9, fill: 'none', stroke: COLORS.sensing, 'stroke-width': 2 }, g);
    if (row.sensing === 'declined') el('circle', { cx: px, cy: py, r: 9, fill: 'none', stroke: COLORS.sensingDeclined, 'stroke-width': 2, 'stroke-dasharray': '3 2' }, g);
    const color = row.comm === 'serving' || row.comm === 'cooperating' ? COLORS.comm : row.comm === 'declined-comp' ? COLORS.commDeclined : COLORS.interferer;
    const fill = row.comm === 'serving' || row.comm === 'cooperating' ? COLORS.comm : '#fff';
    drawMarker(g, 'triangle', px, py, row.comm === 'interferer' ? 4.5 : 5.5, color, fill);
    if (row.comm === 'serving') el('circle', { cx: px, cy: py, r: 12, fill: 'none', stroke: COLORS.comm, 'stroke-width': 1, 'stroke-dasharray': '2 2' }, g);
  }
  // Typical user and target on top.
  drawMarker(map, 'circle', ux, uy, 6.5, COLORS.comm, '#fff');
  el('circle', { cx: ux, cy: uy, r: 2.5, fill: COLORS.comm }, map);
  drawMarker(map, 'diamond', tx, ty, 6, COLORS.target, COLORS.target);

  // Scale bar.
  const barKm = niceKm(half / 2);
  const barPx = barKm * scale;
  const by = mapSize - 14;
  el('rect', { x: 6, y: by - 19, width: barPx + 12, height: 26, fill: '#ffffff', 'fill-opacity': 0.85, rx: 3 }, svg);
  el('line', { x1: 12, y1: by, x2: 12 + barPx, y2: by, stroke: '#333', 'stroke-width': 2 }, svg);
  const lab = el('text', { x: 12 + barPx / 2, y: by - 5, 'text-anchor': 'middle', 'font-family': FONT, 'font-size': 11, fill: '#333' }, svg);
  lab.textContent = `${barKm} km`;

  // Legend.
  const lg = el('g', {}, svg);
  items.forEach((it, i) => {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const x = 14 + col * colW;
    const y = mapSize + 16 + row * 18;
    it.draw(lg, x, y - 4);
    const t = el('text', { x: x + 14, y, 'font-family': FONT, 'font-size': fontSize, fill: '#222' }, lg);
    t.textContent = it.label;
  });
  return svg;
}

function niceKm(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  const f = x / p;
  return Number(((f >= 5 ? 5 : f >= 2 ? 2 : 1) * p).toPrecision(3));
}

/** The snapshot's BS table (positions relative to the view centre, roles) for CSV/JSON export. */
export function snapshotTable(s: Snapshot): TableData {
  const rows = bsRoles(s)
    .filter((r) => r.comm !== 'interferer' || r.sensing !== 'none' || Math.hypot(r.xKm, r.yKm) < viewHalfWidthKm(s) * 1.5)
    .map((r) => [r.bs, Number(r.xKm.toFixed(6)), Number(r.yKm.toFixed(6)), r.comm, r.sensing, s.sensingRequestsPerBs[r.bs], s.commRequestsPerBs[r.bs]] as Array<number | string | null>);
  const [x0, y0] = [(s.users[0] + s.targets[0]) / 2, (s.users[1] + s.targets[1]) / 2];
  const [ux, uy] = offset(s, s.users[0], s.users[1], x0, y0);
  const [tx, ty] = offset(s, s.targets[0], s.targets[1], x0, y0);
  return {
    title: 'Network snapshot: BSs near the typical user and target',
    columns: ['bs', 'x_km', 'y_km', 'comp_role', 'sensing_role', 'sensing_requests', 'comm_requests'],
    rows,
    meta: {
      input: s.input,
      torusSideKm: s.sideKm,
      typicalUserKm: [ux, uy],
      typicalTargetKm: [tx, ty],
      kappaSSnapshot: s.kappaSSnapshot,
      kappaCSnapshot: s.kappaCSnapshot,
      counts: { bs: s.bs.length / 2, users: s.users.length / 2, targets: s.targets.length / 2 },
    },
  };
}
