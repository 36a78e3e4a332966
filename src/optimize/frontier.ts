/**
 * The rate–CRLB region of the cooperative ISAC scheme under the backhaul constraint Eq. (10) of
 * arXiv:2403.20228 (Sections II-D and V), and its Pareto boundary.
 *
 * Problem: choose L ∈ {1 … L_max}, N ∈ {1 … N̄} and p^c ∈ [0, 1] (p^s = 1 − p^c) to trade
 *   R_c(L, p^c)  (max)   against   CRLB_a(N, p^s) = CRLB_a(N, 1)/(1 − p^c)  (min)
 * subject to R_c(L, p^c) + e·N ≤ C_backhaul.
 *
 * Separation (the key to exactness): L and p^c act only through the rate, N only through
 * CRLB_a(N, 1) and the backhaul room C − e·N. Hence the least CRLB at rate R is
 *
 *   F(R) = S(⌊(C − R)/e⌋) / (1 − P(R)),   S(n) = min_{N ≤ n} CRLB_a(N, 1),
 *
 * with P(R) the least power share reaching R over all L (`RateEnvelope`). F is non-decreasing, with
 * upward jumps where the backhaul forces a smaller sensing record (R = C − e·N for a record N), and
 * every (R, F(R)) is Pareto-optimal. The ε-constraint form (max R_c s.t. CRLB_a ≤ c) is
 *
 *   R*(c) = max_{records N, CRLB_a(N,1) ≤ c} min( G(1 − CRLB_a(N, 1)/c), C − e·N ),
 *
 * and its solution point is (R*(c), F(R*(c))). Both are exact on the integers (every L and every
 * record N is considered; non-records are provably dominated, see `SensingTable`) and accurate to
 * the root finder's 1e-12 on p^c. No relaxation is rounded.
 */
import { maxSensingCluster, rateRoom, type BackhaulProblem } from './model.ts';
import type { RateEnvelope } from './rateEnvelope.ts';
import type { SensingTable } from './sensingTable.ts';
import { ArgumentError } from '../math/argumentError.ts';

/** One operating point of the network. */
export interface OperatingPoint {
  /** Average rate R_c, nats/s/Hz. */
  rate: number;
  /** CRLB_a in m² (null: infinite, i.e. no sensing power or no sensing cluster). */
  crlbA: number | null;
  /** Communication cluster size (null when p^c = 0: no communication). */
  L: number | null;
  /** Sensing cluster size (0: no sensing). */
  N: number;
  /** Power share of communication p^c (p^s = 1 − p^c). */
  pc: number;
  /** Backhaul use R_c + e·N of Eq. (10), nats/s/Hz. */
  backhaulUse: number;
}

export interface ParetoOptions {
  /** Number of CRLB levels c in the ε-constraint sweep (log-spaced). */
  levels?: number;
  /** The sweep spans [CRLB_min, CRLB_min·10^decades] (or up to the largest finite CRLB). */
  decades?: number;
  /**
   * Least number of extra points inside each continuous piece of the boundary (between two
   * backhaul breakpoints), evenly spaced in √p^c; long pieces get one per ~0.25 nats of rate.
   */
  segmentSamples?: number;
}

/**
 * The rate–CRLB region under Eq. (10) and its Pareto boundary (see the module comment).
 *
 * Formula: F(R) = S(⌊(C − R)/e⌋)/(1 − P(R)), S(n) = min_{N ≤ n} CRLB_a(N, 1), and the ε-constraint form
 * R*(c) = max_{records N, CRLB_a(N,1) ≤ c} min(G(1 − CRLB_a(N, 1)/c), C − e·N), both under Eq. (10) of
 * arXiv:2403.20228 (derived here, not in the paper).
 * Method: `minCrlbAtRate`, `maxRateAtCrlb` (records visited from the largest N down with certified
 * bounds), `pareto` (log-spaced CRLB levels + exact backhaul breakpoints + samples of each smooth
 * piece), `boundary` (drawable polyline).
 * Accuracy: exact on the integers, 1e-12 in p^c; `maxRateAtCrlb` equals exhaustive search over every
 * (L, N) in rate, N, L and p^c (test/optimize/frontier.test.ts).
 * References: arXiv:2403.20228, Eq. (10) and Fig. 5; docs/optimization.md.
 *
 * @example
 * import { Frontier, RateEnvelope, SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const f = new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, problem), problem);
 * // R*(0.5) = max over N of min(1.2 ln(1 + 10(1 − 2/(N − 1))), 4 − N/2) (scripts/doc-example-references.py)
 * f.maxRateAtCrlb(0.5)?.rate; // => 1.75960448
 * // F(1) = (1/5)/(1 − P(1)) with N = 6
 * f.minCrlbAtRate(1)?.crlbA; // => 0.229910847
 */
export class Frontier {
  constructor(
    readonly envelope: RateEnvelope,
    readonly sensing: SensingTable,
    readonly problem: BackhaulProblem,
  ) {
    if (envelope.maxL !== problem.maxL) throw new ArgumentError('envelope.maxL', envelope.maxL, `equal to problem.maxL = ${problem.maxL}`);
  }

  private point(rate: number, N: number, crlbFull: number, pc: number, L: number | null): OperatingPoint {
    const crlb = pc < 1 ? crlbFull / (1 - pc) : Infinity;
    return {
      rate,
      crlbA: Number.isFinite(crlb) ? crlb : null,
      L: pc > 0 ? L : null,
      N,
      pc,
      backhaulUse: rate + this.problem.e * N,
    };
  }

  /**
   * F(R): the point of least CRLB_a with rate R (the best sensing record the backhaul leaves room
   * for, with the least power share P(R)); null if R is not achievable with a localizing cluster.
   */
  minCrlbAtRate(R: number, hint?: { rate: number; L: number; pc: number }): OperatingPoint | null {
    if (!(R >= 0)) return null;
    const rec = this.sensing.bestUpTo(maxSensingCluster(this.problem, R));
    if (!rec) return null;
    const inv = this.envelope.inverse(R, hint);
    if (!inv) return null;
    return this.point(R, rec.N, rec.crlbFull, inv.pc, inv.L);
  }

  /**
   * R*(c) and its point: the largest rate with CRLB_a ≤ c (null if no point has CRLB_a ≤ c).
   *
   * Records are visited from the largest N down (lowest CRLB first, so the power share
   * q_N = 1 − CRLB_a(N, 1)/c decreases and the room C − e·N increases). A record whose rate is
   * limited by the backhaul gives its room (certified from the band's lower bound without an
   * evaluation when possible); the first record limited by power gives G(q_N), and every later
   * record has rate ≤ G(q_later) ≤ G(q_N) by monotonicity, so the scan stops there.
   */
  maxRateAtCrlb(c: number): OperatingPoint | null {
    const recs = this.sensing.records;
    let bestRate = -Infinity;
    let hint: { rate: number; L: number; pc: number } | undefined;
    for (let i = recs.length - 1; i >= 0; i--) {
      const rec = recs[i];
      if (!(rec.crlbFull <= c)) break; // earlier records have larger CRLBs still
      const room = rateRoom(this.problem, rec.N);
      if (room < 0) continue;
      const q = Math.min(1, Math.max(0, 1 - rec.crlbFull / c));
      const [bandLo, bandHi] = q > 0 ? this.envelope.bounds(q) : [0, 0];
      // Nothing from here on can beat the best: rate_j ≤ G(q_j) ≤ G(q_i) ≤ bandHi for later j.
      if (bandHi <= bestRate) break;
      if (q > 0 && bandLo >= room) {
        // Certainly backhaul-limited.
        if (room > bestRate) {
          bestRate = room;
          hint = undefined;
        }
        continue;
      }
      const g = q === 0 ? { rate: 0, L: this.envelope.gridArg[1] } : this.envelope.value(q);
      if (g.rate > room) {
        if (room > bestRate) {
          bestRate = room;
          hint = undefined;
        }
        continue;
      }
      if (g.rate > bestRate) {
        bestRate = g.rate;
        hint = { rate: g.rate, L: g.L, pc: q };
      }
      break;
    }
    if (bestRate === -Infinity) return null;
    return this.minCrlbAtRate(bestRate, hint);
  }

  /** A certified lower bound on R*(c) from the rate bands (no model evaluation); −∞ if none. */
  maxRateLowerBound(c: number): number {
    let lb = -Infinity;
    for (const rec of this.sensing.records) {
      if (!(rec.crlbFull <= c)) continue;
      const room = rateRoom(this.problem, rec.N);
      if (room < 0) continue;
      const q = Math.min(1, Math.max(0, 1 - rec.crlbFull / c));
      lb = Math.max(lb, Math.min(q > 0 ? this.envelope.bounds(q)[0] : 0, room));
    }
    return lb;
  }

  /** The largest rate reachable with a localizing cluster, and whether its CRLB is finite. */
  maxRate(): { rate: number; bounded: boolean } {
    const first = this.sensing.firstLocalizing;
    if (!first) return { rate: -Infinity, bounded: false };
    const room = rateRoom(this.problem, first.N);
    const g1 = this.envelope.maxRate;
    return room < g1 ? { rate: room, bounded: true } : { rate: g1, bounded: false };
  }

  /** The sweep's CRLB levels: log-spaced from the least CRLB to the cap. */
  crlbLevels(opts: ParetoOptions = {}): number[] {
    const levels = opts.levels ?? 60;
    const decades = opts.decades ?? 3;
    const sens = this.sensing.records[this.sensing.records.length - 1];
    if (!sens) return [];
    const lo = sens.crlbFull;
    let hi = lo * Math.pow(10, decades);
    const top = this.maxRate();
    if (top.bounded) {
      const end = this.minCrlbAtRate(top.rate);
      if (end && end.crlbA !== null) hi = Math.min(hi, end.crlbA);
    }
    if (!(hi > lo)) return [lo];
    return Array.from({ length: levels }, (_, i) => lo * Math.pow(hi / lo, i / (levels - 1)));
  }

  /**
   * The Pareto boundary: the ε-constraint sweep over the CRLB levels plus the exact corner points
   * where the backhaul binds (R = C − e·N for each record N), sorted by rate, deduplicated and
   * filtered to the non-dominated set.
   */
  pareto(opts: ParetoOptions = {}): OperatingPoint[] {
    const levels = this.crlbLevels(opts);
    if (levels.length === 0) return [];
    const cap = levels[levels.length - 1];
    const pts: OperatingPoint[] = [];
    for (const c of levels) {
      const p = this.maxRateAtCrlb(c);
      if (p) pts.push(p);
    }
    // Interior points of each continuous piece, sampled in p^c (exact points at the cost of a G
    // evaluation each, no root search): record i is the best sensing cluster on the rates
    // (C − e·N_{i+1}, C − e·N_i], i.e. on p^c ∈ (P(C − e·N_{i+1}), P(C − e·N_i)].
    const pcCap = pts.reduce((m, p) => Math.max(m, p.pc), 0);
    const recs = this.sensing.records;
    const inner = opts.segmentSamples ?? 2;
    const pcAtRoom = (N: number | undefined): number => {
      if (N === undefined) return 0;
      const room = rateRoom(this.problem, N);
      if (room <= 0) return 0;
      const inv = this.envelope.inverse(room);
      return inv ? inv.pc : 1;
    };
    for (let i = 0; i < recs.length && inner > 0; i++) {
      const hi = Math.min(pcAtRoom(recs[i].N), pcCap);
      const lo = pcAtRoom(recs[i + 1]?.N);
      if (!(hi > lo)) continue;
      // Evenly in √p^c (R_c grows like √p^c near 0), and at least one point per ~0.25 nats of the
      // piece's rate span (estimated from the certified bands, no evaluation).
      const span = this.envelope.bounds(hi)[1] - (lo > 0 ? this.envelope.bounds(lo)[0] : 0);
      const n = Math.min(200, Math.max(inner, Math.ceil(span / 0.25)));
      const [sLo, sHi] = [Math.sqrt(lo), Math.sqrt(hi)];
      for (let j = 1; j <= n; j++) {
        const q = (sLo + ((sHi - sLo) * j) / (n + 1)) ** 2;
        const g = this.envelope.value(q);
        const crlb = recs[i].crlbFull / (1 - q);
        if (crlb <= cap * (1 + 1e-12)) pts.push(this.point(g.rate, recs[i].N, recs[i].crlbFull, q, g.L));
      }
    }
    return nonDominated(pts);
  }

  /**
   * The boundary of the region as a drawable polyline: the Pareto points plus, at each backhaul
   * breakpoint R = C − e·N, the top of the vertical jump (R, F(R+)) where the next smaller sensing
   * record takes over. The extra vertices are marked `pareto: false` (they are dominated).
   */
  boundary(pareto: OperatingPoint[]): Array<OperatingPoint & { pareto: boolean }> {
    const out: Array<OperatingPoint & { pareto: boolean }> = [];
    for (let i = 0; i < pareto.length; i++) {
      const p = pareto[i];
      out.push({ ...p, pareto: true });
      const next = pareto[i + 1];
      if (!next || next.N === p.N || p.crlbA === null) continue;
      if (Math.abs(p.rate - rateRoom(this.problem, p.N)) > 1e-9 * Math.max(1, p.rate)) continue;
      // Jump at the right end of p's segment: same rate, the record that still fits just above it.
      const prevRec = this.sensing.bestUpTo(p.N - 1);
      if (!prevRec) continue;
      const crlb = p.pc < 1 ? prevRec.crlbFull / (1 - p.pc) : Infinity;
      if (Number.isFinite(crlb) && (next.crlbA === null || crlb < next.crlbA)) {
        out.push({ ...p, N: prevRec.N, crlbA: crlb, backhaulUse: p.rate + this.problem.e * prevRec.N, pareto: false });
      }
    }
    return out;
  }
}

/**
 * Sort by rate and keep the non-dominated points (strictly increasing rate and CRLB).
 *
 * Formula: not in the paper: the Pareto filter (max rate, min CRLB_a) of the points of the region
 * of Fig. 5 of arXiv:2403.20228.
 * Method: sort by rate, scan from the highest rate down keeping strict CRLB improvements (ties in
 * rate to 1e-12 keep the lower CRLB).
 * Accuracy: exact.
 * References: docs/optimization.md.
 *
 * @example
 * import { nonDominated } from 'isacnet';
 * const pt = (rate: number, crlbA: number) => ({ rate, crlbA, L: 1, N: 2, pc: 0.5, backhaulUse: rate + 1 });
 * nonDominated([pt(1, 2), pt(1, 3), pt(2, 1)]).map((q) => [q.rate, q.crlbA]); // => [[2, 1]]
 * nonDominated([pt(1, 1), pt(2, 3)]).length; // => 2
 */
export function nonDominated(points: OperatingPoint[]): OperatingPoint[] {
  const crlb = (p: OperatingPoint): number => p.crlbA ?? Infinity;
  const sorted = [...points].sort((a, b) => a.rate - b.rate || crlb(a) - crlb(b));
  const out: OperatingPoint[] = [];
  // Scan from the highest rate down, keeping a point only if its CRLB beats every faster point.
  let bestCrlb = Infinity;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.rate - p.rate) <= 1e-12 * Math.max(1, p.rate)) {
      // Same rate: keep the lower CRLB (already kept if it came later in the sort order).
      if (crlb(p) < crlb(prev)) {
        out[out.length - 1] = p;
        bestCrlb = crlb(p);
      }
      continue;
    }
    if (crlb(p) < bestCrlb) {
      out.push(p);
      bestCrlb = crlb(p);
    }
  }
  return out.reverse();
}
