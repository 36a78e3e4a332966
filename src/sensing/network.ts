/**
 * Network-level Monte Carlo of the sensing request/acceptance mechanism of Section III-B of
 * arXiv:2403.20228, in normalized units (λ_b = 1 per unit area; CRLBs normalized with |ζ|² = 1 and
 * πλ_b = 1, i.e. d_normalized = √π · d).
 *
 * Mechanism simulated (one window = one trial of the kernel):
 *  1. BSs: PPP of density 1, targets: PPP of density μ_s = λ_s/λ_b, on a torus [0, side)²
 *     (src/geometry/torus.ts): every point sees the same law of neighbourhood, so there is no edge
 *     bias; `side` is chosen so that the N_max-th neighbour stays far below side/2 (checked on every
 *     query by `TorusGrid.kNearest`).
 *  2. Every target requests its N nearest BSs.
 *  3. Every BS with more than ψ requests accepts ψ of them uniformly at random (partial
 *     Fisher–Yates, `shuffleAcceptedPrefix` of src/geometry/requestAcceptance.ts: the draws of
 *     `acceptUniformSubset`); a BS with at most ψ requests accepts all.
 *  4. A target's cooperative cluster is the set of accepted BSs among its N nearest; its CRLB is
 *     tr(F⁻¹) of Eq. (5) over that cluster (src/sensing/fim.ts), +∞ when it has ≤ 1 BS or collinear
 *     bearings.
 * Every target of the window counts (the typical target is the Palm average over targets). The
 * N_max nearest BSs of each target are found once and reused for every N; each ψ reuses the same
 * windows with fresh acceptance draws.
 *
 * Kernel `sensing.network`, args { side, muS, Ns (ascending), psis, beta, samplesPerWindow };
 * record per window: for each ψ (outer) and N (inner) a block of `SENSING_NET_FIELDS` counters,
 * then the normalized CRLBs of the first `samplesPerWindow` targets of the window, then their cluster
 * sizes (NaN padding if the window has fewer targets). Targets are iid uniform, so the first K are a
 * uniform sample of the window's targets.
 */
import type { Rng } from '../math/rng.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { checkAscendingIntegers, checkInteger, checkReal } from '../math/argumentError.ts';
import { TorusGrid, samplePppTorus, wrap } from '../geometry/torus.ts';
import { crlbFromStats, type FimStats } from './fim.ts';
import { groupRequestsByBs, shuffleAcceptedPrefix } from '../geometry/requestAcceptance.ts';
import { ArgumentError } from '../math/argumentError.ts';

/** Registry name of the sensing network kernel (record layout in the module comment). */
export const SENSING_NETWORK_KERNEL = 'sensing.network';

/** Counter fields at the start of each (ψ, N) block of a window record. */
export const SENSING_NET_FIELDS = [
  'requests', // Σ over targets of N
  'accepted', // accepted requests
  'targets', // targets in the window
  'nonLocalizable', // targets whose cluster has ≤ 1 BS
  'bsCount', // BSs in the window
  'bsAcceptSum', // Σ over BSs of min(1, ψ/load) (load 0 counts as 1)
  'loadSq', // Σ over BSs of load² (load dispersion)
  'clusterLe3', // targets whose cluster has ≤ 3 BSs (E[CRLB] = ∞ given such a cluster)
] as const;

/** Number of counters per (ψ, N) block of a window record (`SENSING_NET_FIELDS.length`). */
export const NF = SENSING_NET_FIELDS.length;

export interface SensingNetworkArgs {
  side: number;
  muS: number;
  Ns: number[];
  psis: number[];
  beta: number;
  samplesPerWindow: number;
}

/**
 * Record width of one window for the given argument sizes.
 *
 * Formula: not in the paper: nPsis · nNs · (8 counters + 2 · samplesPerWindow).
 * Method: arithmetic.
 * Accuracy: exact.
 * References: src/sensing/network.ts (module comment: record layout).
 *
 * @example
 * import { sensingNetworkRecordWidth } from 'isacnet';
 * sensingNetworkRecordWidth(1, 2, 256); // => 1040
 */
export function sensingNetworkRecordWidth(nPsis: number, nNs: number, samplesPerWindow: number): number {
  return nPsis * nNs * (NF + 2 * samplesPerWindow);
}

/**
 * Torus side (in units of λ_b^{−1/2}) for a simulation with clusters up to nMax: three times the
 * radius of a disc that holds nMax + 7√nMax + 30 BSs on average (P(d_nMax beyond it) < 1e-12), and
 * at least `minSide`.
 *
 * Formula: not in the paper: max(minSide, 3√((nMax + 7√nMax + 30)/π)).
 * Method: direct evaluation.
 * Accuracy: keeps the nMax-th neighbour far inside half the window (checked on every query; and by
 * test/sensing/network.test.ts).
 * References: docs/sensing.md (network-level simulation).
 *
 * @example
 * import { sensingNetworkSide } from 'isacnet';
 * sensingNetworkSide(10); // => 30
 * sensingNetworkSide(200); // => 30.700181
 */
export function sensingNetworkSide(nMax: number, minSide = 30): number {
  const q = nMax + 7 * Math.sqrt(nMax) + 30;
  return Math.max(minSide, 3 * Math.sqrt(q / Math.PI));
}

function parseArgs(args: KernelArgs): SensingNetworkArgs {
  const psis = args.psis;
  if (!Array.isArray(psis) || psis.length === 0) throw new ArgumentError('psis', psis, 'a non-empty array of integers ≥ 1');
  psis.forEach((p: unknown, i) => checkInteger(`psis[${i}]`, p, 1));
  return {
    side: checkReal('side', args.side, 0, Infinity, { minExclusive: true }),
    muS: checkReal('muS', args.muS, 0, Infinity, { minExclusive: true }),
    Ns: checkAscendingIntegers('Ns', args.Ns, 1),
    psis: psis as number[],
    beta: checkReal('beta', args.beta, 2, 64),
    samplesPerWindow: checkInteger('samplesPerWindow', args.samplesPerWindow, 0),
  };
}

/**
 * Simulate `count` independent windows; see the module comment for the record layout.
 *
 * Formula: the request/acceptance mechanism of Section III-B of arXiv:2403.20228 (each target requests
 * its N nearest BSs, a BS with more than ψ requests accepts ψ at random) and the CRLB of Eqs. (5)–(6)
 * over each target's accepted cluster; the simulated counterpart of Lemma 1 (Eq. (15)) and Eq. (16).
 * Method: PPPs on a torus (no edge), k-nearest tables, per-BS grouping and partial Fisher–Yates
 * acceptance (src/geometry/requestAcceptance.ts), O(N) CRLB per sampled target.
 * Accuracy: exact in distribution for the stated mechanism; with ψ so large that nothing is declined it
 * reproduces the geometry Monte Carlo (median CRLB for N = 4, 10 within the CIs), and its κ_s agrees
 * with Lemma 1 to 1e-3 where requests are rarely declined (test/sensing/network.test.ts).
 * References: arXiv:2403.20228, Section III-B and Fig. 3; docs/sensing.md; docs/errata.md S5–S6.
 *
 * @example
 * import { simulateSensingNetwork, RecordReader, SENSING_NET_FIELDS, Rng } from 'isacnet';
 * const rec = simulateSensingNetwork({ side: 30, muS: 1, Ns: [10], psis: [15], beta: 2, samplesPerWindow: 4 }, new Rng(1), 1);
 * const r = new RecordReader(rec, 16, SENSING_NET_FIELDS);
 * r.get(0, 'requests') / r.get(0, 'targets'); // => 10
 * // one window, seed 1: accepted fraction of the requests
 * r.get(0, 'accepted') / r.get(0, 'requests'); // => 0.98443
 */
export function simulateSensingNetwork(a: SensingNetworkArgs, rng: Rng, count: number): Float64Array {
  const width = sensingNetworkRecordWidth(a.psis.length, a.Ns.length, a.samplesPerWindow);
  const out = new Float64Array(count * width);
  for (let w = 0; w < count; w++) simulateWindow(a, rng, out.subarray(w * width, (w + 1) * width));
  return out;
}

/** Kernel `sensing.network` (record layout in the module comment). */
export const sensingNetworkKernel = defineKernel<SensingNetworkArgs>({ name: SENSING_NETWORK_KERNEL, parseArgs, simulate: simulateSensingNetwork });

/**
 * One window written into `rec` (length = record width); `simulateSensingNetwork` calls it once per window.
 *
 * Formula: the request/acceptance mechanism of Section III-B of arXiv:2403.20228 and the CRLB of
 * Eqs. (5)–(6) over each target's accepted cluster (see `simulateSensingNetwork`).
 * Method: PPPs on a torus, k-nearest tables, per-BS grouping and partial Fisher–Yates acceptance
 * (module comment).
 * Accuracy: as `simulateSensingNetwork` (test/sensing/network.test.ts); the example's values are
 * seeded (seed 1) and equal the record of `simulateSensingNetwork` with the same generator.
 * References: arXiv:2403.20228, Section III-B; docs/sensing.md.
 *
 * @example
 * import { simulateWindow, simulateSensingNetwork, sensingNetworkRecordWidth } from 'isacnet/sensing';
 * import { Rng } from 'isacnet/math';
 * const args = { side: 30, muS: 1, Ns: [10], psis: [15], beta: 2, samplesPerWindow: 4 };
 * const rec = new Float64Array(sensingNetworkRecordWidth(1, 1, 4));
 * simulateWindow(args, new Rng(1), rec);
 * // seed 1: requests, accepted, targets of the window
 * Array.from(rec.slice(0, 3)); // => [8800, 8663, 880]
 * rec.every((v, i) => Object.is(v, simulateSensingNetwork(args, new Rng(1), 1)[i])); // => true
 */
export function simulateWindow(a: SensingNetworkArgs, rng: Rng, rec: Float64Array): void {
  const { side, muS, Ns, psis, beta, samplesPerWindow: K } = a;
  // Local aliases: under a CommonJS transform (tsx) every call of an imported binding reads a getter.
  const shuffle = shuffleAcceptedPrefix;
  const crlb = crlbFromStats;
  const nMax = Ns[Ns.length - 1];
  const bs = samplePppTorus(rng, 1, side);
  const tg = samplePppTorus(rng, muS, side);
  const nBs = bs.length / 2;
  const nT = tg.length / 2;
  const nReq = nT * nMax;
  const ws = workspace(nBs, nT, nMax, Math.min(K, nT));
  const grid = new TorusGrid(bs, side);
  // Nearest nMax BSs of every target, nearest first (rows of nMax in ws.nbr / ws.d2).
  const { idx: nbr, dist2: d2 } = grid.kNearestAll(tg, nMax, { idx: ws.nbr, dist2: ws.d2 });
  // Normalized weights and unit vectors (target → BS) of the sampled targets.
  const kS = Math.min(K, nT);
  const { wS, cS, sS } = ws;
  for (let t = 0; t < kS; t++) {
    for (let r = 0; r < nMax; r++) {
      const b = nbr[t * nMax + r];
      const dx = wrap(bs[2 * b] - tg[2 * t], side);
      const dy = wrap(bs[2 * b + 1] - tg[2 * t + 1], side);
      const dist = Math.hypot(dx, dy);
      const area = Math.PI * d2[t * nMax + r]; // normalized Γ = πλ_b d²
      wS[t * nMax + r] = beta === 2 ? 1 / area : Math.pow(area, -beta / 2);
      cS[t * nMax + r] = dx / dist;
      sS[t * nMax + r] = dy / dist;
    }
  }
  // All requests (ranks < nMax) grouped by BS, ids t·nMax + rank ascending within a BS. The grouping
  // for N keeps the ids of rank < N in the same order: exactly what groupRequestsByBs(…, 0, N, …)
  // returns (a target requests a BS at most once, so the ids of a BS ascend with t), found by one
  // sequential pass per N instead of a regrouping.
  const all = groupRequestsByBs(nbr, nMax, nT, 0, nMax, nBs, { load: ws.allLoad, start: ws.allStart, ids: ws.allIds });
  const allIds = all.ids;
  const allStart = all.start;
  const allRank = ws.allRank;
  for (let i = 0; i < nReq; i++) allRank[i] = allIds[i] % nMax;
  const { load, start, ids, stamp, declined } = ws;
  // Stamps of earlier windows are below this window's first pass number (ws.pass grows).
  let pass = ws.pass;
  const blockWidth = NF + 2 * K;
  const st: FimStats = { w: 0, sx: 0, sy: 0, c2: 0, d2: 0 };
  for (let ni = 0; ni < Ns.length; ni++) {
    const N = Ns[ni];
    // Request ids t·nMax + rank (rank < N), grouped by BS.
    let at = 0;
    let loadSq = 0;
    for (let b = 0; b < nBs; b++) {
      start[b] = at;
      const end = allStart[b + 1];
      for (let i = allStart[b]; i < end; i++) {
        ids[at] = allIds[i];
        at += (allRank[i] - N) >>> 31; // 1 when rank < N
      }
      const n = at - start[b];
      load[b] = n;
      loadSq += n * n;
    }
    start[nBs] = at;
    for (let pi = 0; pi < psis.length; pi++) {
      const psi = psis[pi];
      const take = psi > 0 ? psi : 0; // as acceptUniformSubset (parseArgs requires ψ ≥ 1)
      // Acceptance: a BS with n ≤ ψ requests accepts all (no draw); one with n > ψ moves a uniform
      // ψ-subset to the front of its slice (the draws of acceptUniformSubset) and its declined
      // requests are stamped with this pass's number and counted per target. A request is accepted
      // in this pass iff its stamp differs (no per-request flag to write or reset).
      ws.pass = ++pass;
      let bsAcceptSum = 0;
      let acc = 0;
      for (let b = 0; b < nBs; b++) {
        const n = load[b];
        if (n <= psi) {
          acc += n;
          bsAcceptSum += 1;
          continue;
        }
        const begin = start[b];
        shuffle(ids, begin, n, take, rng);
        for (let q = begin + take; q < begin + n; q++) {
          const id = ids[q];
          stamp[id] = pass;
          declined[(id / nMax) | 0]++; // the target t of id = t·nMax + rank
        }
        acc += take;
        bsAcceptSum += psi / n;
      }
      let nonLoc = 0;
      let le3 = 0;
      const block = rec.subarray((pi * Ns.length + ni) * blockWidth, (pi * Ns.length + ni + 1) * blockWidth);
      for (let t = 0; t < nT; t++) {
        const c = N - declined[t];
        declined[t] = 0;
        if (c <= 1) nonLoc++;
        if (c <= 3) le3++;
        if (t < kS) {
          // The FIM statistics of Eq. (5) over the accepted BSs, summed in rank order.
          const row = t * nMax;
          let w = 0;
          let sx = 0;
          let sy = 0;
          let c2 = 0;
          let dd = 0;
          for (let r = 0; r < N; r++) {
            const id = row + r;
            if (stamp[id] === pass) continue;
            const wv = wS[id];
            const cc = cS[id];
            const ss = sS[id];
            w += wv;
            sx += wv * cc;
            sy += wv * ss;
            c2 += wv * (cc * cc - ss * ss);
            dd += wv * 2 * ss * cc;
          }
          st.w = w;
          st.sx = sx;
          st.sy = sy;
          st.c2 = c2;
          st.d2 = dd;
          block[NF + t] = c <= 1 ? Infinity : crlb(st, 1);
          block[NF + K + t] = c;
        }
      }
      for (let t = kS; t < K; t++) {
        block[NF + t] = NaN;
        block[NF + K + t] = NaN;
      }
      block[0] = nT * N;
      block[1] = acc;
      block[2] = nT;
      block[3] = nonLoc;
      block[4] = nBs;
      block[5] = bsAcceptSum;
      block[6] = loadSq;
      block[7] = le3;
    }
  }
}

/** Typed arrays of one window, reused by the next (grown when a window needs more). */
interface Workspace {
  nbr: Int32Array;
  d2: Float64Array;
  wS: Float64Array;
  cS: Float64Array;
  sS: Float64Array;
  allLoad: Int32Array;
  allStart: Int32Array;
  allIds: Int32Array;
  allRank: Int32Array;
  load: Int32Array;
  start: Int32Array;
  ids: Int32Array;
  /** Per request: the number of the last acceptance pass that declined it. */
  stamp: Int32Array;
  /** Per target: declined requests in the current pass (reset to 0 as it is read). */
  declined: Int32Array;
  /** The last pass number used (stamps of this workspace are ≤ pass). */
  pass: number;
}

let WS: Workspace | null = null;

/**
 * The workspace for a window of nBs BSs and nT targets with nMax requests each and kS sampled
 * targets. Every entry a window reads is written by that window first (the tables of the k-nearest
 * search and of the grouping in full), is reset as it is read (`declined`), or is compared with a
 * pass number no earlier window used (`stamp`), so stale values of an earlier window never matter.
 */
function workspace(nBs: number, nT: number, nMax: number, kS: number): Workspace {
  const nReq = nT * nMax;
  const nS = kS * nMax;
  const w = WS;
  if (w && w.nbr.length >= nReq && w.load.length >= nBs && w.wS.length >= nS && w.declined.length >= nT) {
    // Stamps are compared with pass numbers; restart them long before Int32 would overflow.
    if (w.pass > 2 ** 30) {
      w.stamp.fill(0);
      w.pass = 0;
    }
    return w;
  }
  // 25% headroom: window sizes are Poisson and fluctuate by a few per cent.
  const req = Math.ceil(1.25 * Math.max(nReq, w ? w.nbr.length : 0));
  const bsN = Math.ceil(1.25 * Math.max(nBs, w ? w.load.length : 0));
  const sN = Math.max(nS, w ? w.wS.length : 0);
  WS = {
    nbr: new Int32Array(req),
    d2: new Float64Array(req),
    wS: new Float64Array(sN),
    cS: new Float64Array(sN),
    sS: new Float64Array(sN),
    allLoad: new Int32Array(bsN),
    allStart: new Int32Array(bsN + 1),
    allIds: new Int32Array(req),
    allRank: new Int32Array(req),
    load: new Int32Array(bsN),
    start: new Int32Array(bsN + 1),
    ids: new Int32Array(req),
    stamp: new Int32Array(req),
    declined: new Int32Array(Math.ceil(1.25 * Math.max(nT, w ? w.declined.length : 0))),
    pass: 0,
  };
  return WS;
}
