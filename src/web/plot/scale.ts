/**
 * Scales and tick generation for the explorer's hand-written SVG plots (no plotting library is
 * shipped to the browser). Linear ticks follow the 1-2-5 rule (as d3-scale's `ticks`); log ticks are
 * the decades, with 2 and 5 added when the domain spans fewer than three decades.
 */

export type ScaleKind = 'linear' | 'log';

export interface Scale {
  kind: ScaleKind;
  domain: [number, number];
  range: [number, number];
  /** Data value to pixel. */
  map(v: number): number;
  /** Pixel to data value. */
  invert(px: number): number;
  ticks(): number[];
}

/** 1-2-5 tick step for roughly `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  const nice = f >= 7.5 ? 10 : f >= 3.5 ? 5 : f >= 1.5 ? 2 : 1;
  return nice * power;
}

export function linearTicks(lo: number, hi: number, count = 6): number[] {
  const step = niceStep(lo, hi, count);
  const start = Math.ceil(lo / step - 1e-9);
  const end = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let k = start; k <= end; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo) + 1e-9);
  const b = Math.ceil(Math.log10(hi) - 1e-9);
  const decades = b - a;
  const mult = decades <= 1 ? [1, 2, 3, 5] : decades <= 3 ? [1, 2, 5] : [1];
  const stride = decades > 8 ? Math.ceil(decades / 8) : 1;
  const out: number[] = [];
  for (let e = a; e <= b; e++) {
    if ((e - a) % stride !== 0) continue;
    for (const m of mult) {
      const v = m * Math.pow(10, e);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(Number(v.toPrecision(12)));
    }
  }
  return out;
}

/** Expand a data extent to a pleasant domain (nice bounds, log domains padded to whole ticks). */
export function niceDomain(kind: ScaleKind, lo: number, hi: number): [number, number] {
  if (kind === 'log') {
    if (!(lo > 0)) lo = hi > 0 ? hi / 10 : 1;
    if (!(hi > lo)) hi = lo * 10;
    const span = Math.log10(hi) - Math.log10(lo);
    if (span < 1) {
      const pad = (1 - span) / 2;
      return [Math.pow(10, Math.log10(lo) - pad), Math.pow(10, Math.log10(hi) + pad)];
    }
    const l = Math.pow(10, Math.floor(Math.log10(lo) * 4 + 1e-9) / 4);
    const h = Math.pow(10, Math.ceil(Math.log10(hi) * 4 - 1e-9) / 4);
    return [l, h];
  }
  if (!(hi > lo)) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= d;
    hi += d;
  }
  const step = niceStep(lo, hi, 6);
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

export function makeScale(kind: ScaleKind, domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (kind === 'log') {
    const l0 = Math.log10(d0);
    const l1 = Math.log10(d1);
    return {
      kind,
      domain,
      range,
      map: (v) => r0 + ((Math.log10(v) - l0) / (l1 - l0)) * (r1 - r0),
      invert: (px) => Math.pow(10, l0 + ((px - r0) / (r1 - r0)) * (l1 - l0)),
      ticks: () => logTicks(d0, d1),
    };
  }
  return {
    kind,
    domain,
    range,
    map: (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0),
    invert: (px) => d0 + ((px - r0) / (r1 - r0)) * (d1 - d0),
    ticks: () => linearTicks(d0, d1),
  };
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Tick label: plain for moderate magnitudes, m·10ᵉ otherwise. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(6)));
  const e = Math.floor(Math.log10(a) + 1e-12);
  const m = Number((v / Math.pow(10, e)).toPrecision(3));
  const exp = String(e).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
  return m === 1 ? `10${exp}` : `${m}·10${exp}`;
}

/** A value for a readout: 4 significant digits, exponent form for very small/large values. */
export function formatValue(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(digits)));
  return v.toExponential(digits - 1);
}
