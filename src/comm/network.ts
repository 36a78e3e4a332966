/**
 * Network-level Monte Carlo of the CoMP cooperation mechanism of Section IV of arXiv:2403.20228,
 * with the SIR of Eq. (8) for every user, in normalized units (λ_b = 1 per unit area).
 *
 * One trial of the kernel = one window (a torus realization, src/geometry/torus.ts, so no window
 * edge biases loads or interference):
 *  1. BSs: PPP of density 1; users: PPP of density μ_c = λ_u/λ_b, on the torus [0, side)².
 *  2. Every user is served by its nearest BS (its "own" BS) and sends a cooperation request to each
 *     of its next L − 1 nearest BSs.
 *  3. A BS serves at most ψ users: its own users first, then, while resource blocks remain
 *     (s = ψ − own users > 0), s cooperation requests chosen uniformly at random; the other requests
 *     are declined. (A BS's own users beyond ψ are not modelled: the paper's nearest BS always serves
 *     its user.) The random subset is drawn through one 32-bit coin per request: the BS accepts the s
 *     requests with the smallest coins (iid coins make every s-subset equally likely; two equal coins
 *     at one BS, probability < n²·2^−33, go to the earlier request).
 *  4. Each user's SIR: desired power from its own BS and the BSs that accepted its requests,
 *     interference from every other BS within the disc of radius R_I = side/2 around it (periodic
 *     distances), plus the mean field 2π R_I^{2−α}/(α − 2) of the plane beyond (same truncation as
 *     the typical-user kernel, with U = π R_I² BSs on average).
 * Gains: `gamma` (paper's laws) or `zf` (full ZF simulation), fresh for every (user, BS) pair.
 *
 * Control variate (gains `gamma`): on the same geometry, gains and coins every user's rate is also
 * evaluated under INDEPENDENT acceptance, the closed-form model of `rateExact`: own BS serves, each of
 * ranks 2…L serves iff its coin < κ·2³² (κ = `kappaControl`, default the printed κ_c, `kappaCPrinted`). A BS
 * among the user's L nearest draws a desired gain if it serves in either model and an interference
 * gain if it interferes in either (independent draws, each model uses one of them), every other BS in
 * the disc one interference gain shared by both; so each model has exactly its own law, and the two
 * rates are strongly correlated. The control's Palm mean is the typical-user rate with independent
 * acceptance, `rateExact({ L, pc, kappaC: κ, alpha, mt })` up to the mean-field tail (far below the
 * Monte Carlo error). `summarizeNetworkRecords` (src/reports/comm.ts) forms the controlled estimate.
 *
 * Speed: no per-window allocation (module buffers), brute-force L-nearest search during one pass
 * over the window's BSs (the SIR loop visits all of them anyway), α = 4 path gain 1/d⁴, ziggurat
 * exponentials (`exponentialZiggurat`), Gamma(M_t − 1) for M_t ≤ 9 as p^c × a sum of exponentials.
 *
 * Record per window (width 12 + (L − 1) + 2K, K = samplesPerWindow):
 *   [users, requests, accepted, bsCount, Σ n_req, Σ n_req², Σ n_own, Σ n_own², Σ rate, Σ rate²,
 *    Σ rate_ctl, Σ rate_ctl² (NaN for gains `zf`),
 *    accepted by rank 2…L (L − 1 counters), then K × (rate, SIR) of the first K users (NaN padding)],
 * n_req and n_own being per-BS counts of cooperation requests and own users, rate = ln(1 + SIR),
 * rate_ctl the control's rate of the same user.
 * Users are iid uniform, so the first K are a uniform sample of the window's users.
 */
import type { Rng } from '../math/rng.ts';
import type { GainModel } from './gains.ts';
import { ZfGainSampler } from './zf.ts';
import { exponentialZiggurat } from './rateCurve.ts';
import { kappaCPrinted } from './kappa.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { checkInteger, checkOneOf, checkReal } from '../math/argumentError.ts';

/** Registry name of the CoMP network kernel (record layout in the module comment). */
export const COMM_NETWORK_KERNEL = 'comm.network';
/** Counter fields at the start of each window record (read them with `RecordReader`). */
export const COMM_NET_FIELDS = ['users', 'requests', 'accepted', 'bsCount', 'reqSum', 'reqSq', 'ownSum', 'ownSq', 'rateSum', 'rateSq', 'ctlSum', 'ctlSq'] as const;
/** Number of counter fields at the start of a window record (`COMM_NET_FIELDS.length`). */
export const CNF = COMM_NET_FIELDS.length;

export interface NetworkCoMPArgs {
  L: number;
  pc: number;
  alpha: number;
  mt: number;
  psi: number;
  /** μ_c = λ_u/λ_b. */
  muC: number;
  gains: GainModel;
  /** Torus side in units of λ_b^{−1/2}; the interference disc has radius side/2. */
  side: number;
  samplesPerWindow: number;
  /** κ of the control (independent acceptance; gains `gamma`); default `kappaCPrinted(psi, muC, L)`. */
  kappaControl?: number;
}

/**
 * Record width of one window of the CoMP network kernel.
 *
 * Formula: not in the paper: 12 counters + (L − 1) accepted-by-rank counters + 2 · samplesPerWindow.
 * Method: arithmetic.
 * Accuracy: exact.
 * References: src/comm/network.ts (module comment: record layout).
 *
 * @example
 * import { networkRecordWidth } from 'isacnet';
 * networkRecordWidth(3, 0); // => 14
 * networkRecordWidth(5, 100); // => 216
 */
export function networkRecordWidth(L: number, samplesPerWindow: number): number {
  return CNF + (L - 1) + 2 * samplesPerWindow;
}

/**
 * Torus side holding on average `discBs` BSs in the inscribed disc (π(side/2)² = discBs).
 *
 * Formula: not in the paper: side = 2√(discBs/π) in units of λ_b^{−1/2}.
 * Method: closed form.
 * Accuracy: exact.
 * References: docs/communication.md (acceptance models).
 *
 * @example
 * import { networkSideForDisc } from 'isacnet';
 * networkSideForDisc(100); // => 11.2837917
 */
export function networkSideForDisc(discBs: number): number {
  return 2 * Math.sqrt(discBs / Math.PI);
}

/**
 * Simulate `count` independent windows (record layout in the module comment).
 *
 * Formula: the CoMP cooperation mechanism of Section IV of arXiv:2403.20228 (nearest BS serves, L − 1
 * requests, a BS serves its own users first and then accepts requests at random while its ψ resource
 * blocks last) with the SIR of Eq. (8) for every user; the simulated counterpart of κ_c and of R_c
 * (Eq. (9)) under the stated mechanism.
 * Method: PPPs on a torus, brute-force L-nearest search, per-BS grouping, acceptance of the s
 * smallest of the requests' 32-bit coins, interference within side/2 plus the mean field beyond; on
 * the same draws the control rate under independent acceptance (module comment).
 * Accuracy: exact in distribution for the stated mechanism; with ψ large every request is accepted
 * and the rate equals the exact rate with κ_c = 1 within 4 SE; the control column's mean agrees with
 * `rateExact` at κ = `kappaControl` within 4 SE; record counters are consistent
 * (test/comm/network.test.ts). The printed κ_c overestimates its accepted fraction by up to 0.15
 * (docs/errata.md C7).
 * References: arXiv:2403.20228, Section IV; docs/communication.md (κ_c); docs/errata.md C7.
 *
 * @example
 * import { simulateNetworkCoMP, networkSideForDisc, networkRecordWidth, RecordReader, COMM_NET_FIELDS, Rng } from 'isacnet';
 * const args = { L: 3, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 1, gains: 'gamma' as const, side: networkSideForDisc(100), samplesPerWindow: 0 };
 * const r = new RecordReader(simulateNetworkCoMP(args, new Rng(1), 2), networkRecordWidth(3, 0), COMM_NET_FIELDS);
 * // two windows, seed 1: every user sends L − 1 = 2 requests; none is declined at this load
 * [r.sum('users'), r.sum('requests'), r.sum('accepted')]; // => [271, 542, 542]
 */
export function simulateNetworkCoMP(args: NetworkCoMPArgs, rng: Rng, count: number): Float64Array {
  const width = networkRecordWidth(args.L, args.samplesPerWindow);
  const out = new Float64Array(count * width);
  for (let w = 0; w < count; w++) simulateWindow(args, rng, out.subarray(w * width, (w + 1) * width));
  return out;
}

function parseArgs(a: KernelArgs): NetworkCoMPArgs {
  return {
    L: checkInteger('L', a.L, 1, 1e4),
    pc: checkReal('pc', a.pc, 0, 1),
    alpha: checkReal('alpha', a.alpha, 2, 64, { minExclusive: true }),
    mt: checkInteger('mt', a.mt, 2, 1024),
    psi: checkInteger('psi', a.psi, 1),
    muC: checkReal('muC', a.muC, 0, Infinity),
    gains: checkOneOf('gains', a.gains, ['gamma', 'zf'] as const),
    side: checkReal('side', a.side, 0, Infinity, { minExclusive: true }),
    samplesPerWindow: checkInteger('samplesPerWindow', a.samplesPerWindow, 0),
    ...(a.kappaControl === undefined ? {} : { kappaControl: checkReal('kappaControl', a.kappaControl, 0, 1) }),
  };
}

/** Kernel `comm.network` (record layout in the module comment). */
export const commNetworkKernel = defineKernel<NetworkCoMPArgs>({ name: COMM_NETWORK_KERNEL, parseArgs, simulate: simulateNetworkCoMP });

/**
 * One window of the CoMP network simulation written into `rec` (length `networkRecordWidth(L, K)`);
 * `simulateNetworkCoMP` calls it once per window.
 *
 * Formula: the CoMP cooperation mechanism of Section IV of arXiv:2403.20228 with the SIR of Eq. (8)
 * for every user (see `simulateNetworkCoMP`).
 * Method: PPPs on a torus, brute-force L-nearest search, per-BS request grouping, acceptance of the
 * s smallest coins, interference within side/2 plus the mean field beyond, and the control rate under
 * independent acceptance on the same draws (module comment).
 * Accuracy: as `simulateNetworkCoMP` (test/comm/network.test.ts); the example's values are seeded
 * (seed 1) and equal the first record of `simulateNetworkCoMP` with the same generator.
 * References: arXiv:2403.20228, Section IV; docs/communication.md (κ_c).
 *
 * @example
 * import { simulateWindow, simulateNetworkCoMP, networkSideForDisc, networkRecordWidth } from 'isacnet/comm';
 * import { Rng } from 'isacnet/math';
 * const args = { L: 3, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 1, gains: 'gamma' as const, side: networkSideForDisc(100), samplesPerWindow: 0 };
 * const rec = new Float64Array(networkRecordWidth(3, 0));
 * simulateWindow(args, new Rng(1), rec);
 * // seed 1: users, requests, accepted, BSs of the window
 * Array.from(rec.slice(0, 4)); // => [143, 286, 286, 142]
 * rec.every((v, i) => Object.is(v, simulateNetworkCoMP(args, new Rng(1), 1)[i])); // => true
 */
export function simulateWindow(a: NetworkCoMPArgs, rng: Rng, rec: Float64Array): void {
  const { L, pc, alpha, mt, psi, muC, side, samplesPerWindow: K } = a;
  const zf = a.gains === 'zf';
  const kappaCtl = a.kappaControl ?? kappaCPrinted(psi, muC, L);
  rec.fill(NaN, CNF + (L - 1));
  // 1. PPPs (same draws as samplePppTorus: a Poisson count, then 53-bit uniform coordinates), into reused buffers.
  const nBs = rng.poisson(side * side);
  ensureBs(nBs);
  const bx = bsX;
  const by = bsY;
  for (let b = 0; b < nBs; b++) {
    bx[b] = rng.uniform() * side;
    by[b] = rng.uniform() * side;
  }
  const nU = rng.poisson(muC * side * side);
  ensureUsers(nU, L);
  const ux = usX;
  const uy = usY;
  for (let t = 0; t < nU; t++) {
    ux[t] = rng.uniform() * side;
    uy[t] = rng.uniform() * side;
  }
  const half = side / 2;
  // 2. The L nearest BSs of every user (brute force over the window: the SIR loop below visits every BS anyway).
  const nbr = nbrBuf;
  const nd2 = nd2Buf;
  if (nU > 0 && L > nBs) throw new RangeError(`kNearest: asked for ${L} neighbours among ${nBs} points; enlarge the window`);
  for (let t = 0; t < nU; t++) {
    const x = ux[t];
    const y = uy[t];
    const o = t * L;
    let found = 0;
    for (let b = 0; b < nBs; b++) {
      let dx = bx[b] - x;
      if (dx > half) dx -= side;
      else if (dx <= -half) dx += side;
      let dy = by[b] - y;
      if (dy > half) dy -= side;
      else if (dy <= -half) dy += side;
      const d2 = dx * dx + dy * dy;
      if (found === L && d2 >= nd2[o + L - 1]) continue;
      let pos = found < L ? found++ : L - 1;
      while (pos > 0 && nd2[o + pos - 1] > d2) {
        nd2[o + pos] = nd2[o + pos - 1];
        nbr[o + pos] = nbr[o + pos - 1];
        pos--;
      }
      nd2[o + pos] = d2;
      nbr[o + pos] = b;
    }
    if (nd2[o + L - 1] >= half * half) throw new RangeError(`kNearest: the ${L}-th neighbour is farther than half the torus side (${half}); enlarge the window`);
  }
  // 3. Own users per BS, cooperation requests (id = user·L + rank, rank ≥ 1) grouped by BS (counting sort,
  //    increasing id within a BS), one 32-bit coin per request.
  const own = ownBuf;
  const load = loadBuf;
  const start = startBuf;
  const fill = fillBuf;
  own.fill(0, 0, nBs);
  load.fill(0, 0, nBs);
  for (let t = 0; t < nU; t++) {
    own[nbr[t * L]]++;
    for (let r = 1; r < L; r++) load[nbr[t * L + r]]++;
  }
  start[0] = 0;
  for (let b = 0; b < nBs; b++) {
    start[b + 1] = start[b] + load[b];
    fill[b] = start[b];
  }
  const ids = idsBuf;
  const coin = coinBuf;
  for (let t = 0; t < nU; t++) {
    for (let r = 1; r < L; r++) {
      const id = t * L + r;
      ids[fill[nbr[id]]++] = id;
      coin[id] = rng.nextUint32();
    }
  }
  // 4. Acceptance, coupled through the coins: a BS with n requests and s = max(0, ψ − own) free blocks accepts
  //    all if n ≤ s, else the s requests with the smallest coins (a uniform s-subset: the coins are iid);
  //    the control (independent acceptance, the closed-form model) accepts a request iff coin < κ·2³².
  const accNet = accNetBuf;
  const accInd = accIndBuf;
  const ctlThreshold = kappaCtl * 4294967296;
  const keys = keyBuf;
  let nAccepted = 0;
  let reqSum = 0;
  let reqSq = 0;
  let ownSum = 0;
  let ownSq = 0;
  for (let b = 0; b < nBs; b++) {
    const n = load[b];
    const ob = own[b];
    reqSum += n;
    reqSq += n * n;
    ownSum += ob;
    ownSq += ob * ob;
    const s = psi - ob > 0 ? psi - ob : 0;
    const b0 = start[b];
    if (n <= s) {
      for (let q = 0; q < n; q++) accNet[ids[b0 + q]] = 1;
      nAccepted += n;
    } else {
      if (n >= 2097152) throw new RangeError(`comm.network: ${n} requests at one BS (at most 2^21 supported); lower muC or L`);
      // key = coin·2²¹ + position within the BS's slice (exact in a double; ties of two coins go to the lower id)
      for (let q = 0; q < n; q++) {
        accNet[ids[b0 + q]] = 0;
        keys[q] = coin[ids[b0 + q]] * 2097152 + q;
      }
      const kk = keys.subarray(0, n);
      kk.sort();
      for (let q = 0; q < s; q++) accNet[ids[b0 + (kk[q] % 2097152)]] = 1;
      nAccepted += s;
    }
    for (let q = 0; q < n; q++) {
      const id = ids[b0 + q];
      accInd[id] = coin[id] < ctlThreshold ? 1 : 0;
    }
  }
  // 5. SIR of every user, network and control on the same geometry and gains: a BS among the user's L nearest
  //    draws a desired gain if it serves in either model and an interference gain if it interferes in either
  //    (independent draws, each model uses one, so each model's gains have the paper's laws); every other BS
  //    in the disc draws one interference gain shared by both models.
  const alpha4 = alpha === 4;
  const halfAlpha = alpha / 2;
  const rI2 = half * half;
  const tail = (2 * Math.PI * Math.pow(half, 2 - alpha)) / (alpha - 2);
  const shape = mt - 1;
  const zs = zf ? zfSampler(mt, pc) : null;
  const mark = markBuf;
  let rateSum = 0;
  let rateSq = 0;
  let ctlSum = 0;
  let ctlSq = 0;
  const byRank = byRankBuf;
  byRank.fill(0, 0, L);
  for (let t = 0; t < nU; t++) {
    const o = t * L;
    // mark: bit 0 = serves (network), bit 1 = serves (control), bit 2 = among the L nearest
    mark[nbr[o]] = 7;
    for (let r = 1; r < L; r++) {
      const id = o + r;
      const an = accNet[id];
      const m = 4 | an | ((zs ? an : accInd[id]) << 1); // ZF: no control, so no extra gain draws
      mark[nbr[id]] = m;
      if (m & 1) byRank[r - 1]++;
    }
    const x = ux[t];
    const y = uy[t];
    let sigNet = 0;
    let sigCtl = 0;
    let intCommon = tail;
    let intNet = 0;
    let intCtl = 0;
    for (let b = 0; b < nBs; b++) {
      let dx = bx[b] - x;
      if (dx > half) dx -= side;
      else if (dx <= -half) dx += side;
      let dy = by[b] - y;
      if (dy > half) dy -= side;
      else if (dy <= -half) dy += side;
      const d2 = dx * dx + dy * dy;
      const m = mark[b];
      if (m === 0) {
        if (d2 <= rI2) {
          const pg = alpha4 ? 1 / (d2 * d2) : Math.pow(d2, -halfAlpha);
          intCommon += (zs ? zs.interference(rng) : exponentialZiggurat(rng)) * pg;
        }
        continue;
      }
      const pg = alpha4 ? 1 / (d2 * d2) : Math.pow(d2, -halfAlpha);
      if ((m & 3) !== 0) {
        let g: number;
        if (zs) g = zs.desired(rng);
        else if (pc === 0) g = 0;
        else if (shape <= 8) {
          let e = 0;
          for (let k = 0; k < shape; k++) e += exponentialZiggurat(rng);
          g = pc * e;
        } else g = rng.gamma(shape, pc);
        if (m & 1) sigNet += g * pg;
        if (m & 2) sigCtl += g * pg;
      }
      if ((m & 3) !== 3) {
        const h = (zs ? zs.interference(rng) : exponentialZiggurat(rng)) * pg;
        if ((m & 1) === 0) intNet += h;
        if ((m & 2) === 0) intCtl += h;
      }
    }
    for (let r = 0; r < L; r++) mark[nbr[o + r]] = 0;
    const sir = sigNet / (intCommon + intNet);
    const rate = Math.log1p(sir);
    rateSum += rate;
    rateSq += rate * rate;
    if (!zs) {
      const ctl = Math.log1p(sigCtl / (intCommon + intCtl));
      ctlSum += ctl;
      ctlSq += ctl * ctl;
    }
    if (t < K) {
      rec[CNF + (L - 1) + 2 * t] = rate;
      rec[CNF + (L - 1) + 2 * t + 1] = sir;
    }
  }
  rec[0] = nU;
  rec[1] = nU * (L - 1);
  rec[2] = nAccepted;
  rec[3] = nBs;
  rec[4] = reqSum;
  rec[5] = reqSq;
  rec[6] = ownSum;
  rec[7] = ownSq;
  rec[8] = rateSum;
  rec[9] = rateSq;
  rec[10] = zs ? NaN : ctlSum;
  rec[11] = zs ? NaN : ctlSq;
  for (let r = 0; r < L - 1; r++) rec[CNF + r] = byRank[r];
}

// Buffers reused across windows and calls (one kernel call runs on one thread; they never escape).
let bsCap = 0;
let bsX = new Float64Array(0);
let bsY = new Float64Array(0);
let ownBuf = new Int32Array(0);
let loadBuf = new Int32Array(0);
let startBuf = new Int32Array(1);
let fillBuf = new Int32Array(0);
let markBuf = new Uint8Array(0);
let uCap = 0;
let usX = new Float64Array(0);
let usY = new Float64Array(0);
let rCap = 0;
let nbrBuf = new Int32Array(0);
let nd2Buf = new Float64Array(0);
let idsBuf = new Int32Array(0);
let coinBuf = new Float64Array(0);
let accNetBuf = new Uint8Array(0);
let accIndBuf = new Uint8Array(0);
let keyBuf = new Float64Array(0);
let byRankBuf = new Float64Array(0);

function ensureBs(n: number): void {
  if (n <= bsCap) return;
  bsCap = Math.max(n, 2 * bsCap, 256);
  bsX = new Float64Array(bsCap);
  bsY = new Float64Array(bsCap);
  ownBuf = new Int32Array(bsCap);
  loadBuf = new Int32Array(bsCap);
  startBuf = new Int32Array(bsCap + 1);
  fillBuf = new Int32Array(bsCap);
  markBuf = new Uint8Array(bsCap);
}

function ensureUsers(n: number, L: number): void {
  if (n > uCap) {
    uCap = Math.max(n, 2 * uCap, 256);
    usX = new Float64Array(uCap);
    usY = new Float64Array(uCap);
  }
  const m = n * L;
  if (m > rCap) {
    rCap = Math.max(m, 2 * rCap, 1024);
    nbrBuf = new Int32Array(rCap);
    nd2Buf = new Float64Array(rCap);
    idsBuf = new Int32Array(rCap);
    coinBuf = new Float64Array(rCap);
    accNetBuf = new Uint8Array(rCap);
    accIndBuf = new Uint8Array(rCap);
    keyBuf = new Float64Array(rCap);
  }
  if (byRankBuf.length < L) byRankBuf = new Float64Array(L);
}

let zfCache: ZfGainSampler | null = null;
function zfSampler(mt: number, pc: number): ZfGainSampler {
  if (!zfCache || zfCache.mt !== mt || zfCache.pc !== pc) zfCache = new ZfGainSampler(mt, pc);
  return zfCache;
}
