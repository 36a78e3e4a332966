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
 *     (ψ − own users > 0), cooperation requests chosen uniformly at random (partial Fisher–Yates,
 *     `acceptUniformSubset` of src/geometry/requestAcceptance.ts);
 *     the other requests are declined. (A BS's own users beyond ψ are not modelled: the paper's
 *     nearest BS always serves its user.)
 *  4. Each user's SIR: desired power from its own BS and the BSs that accepted its requests,
 *     interference from every other BS within the disc of radius R_I = side/2 around it (periodic
 *     distances), plus the mean field 2π R_I^{2−α}/(α − 2) of the plane beyond (same truncation as
 *     the typical-user kernel, with U = π R_I² BSs on average).
 * Gains: `gamma` (paper's laws) or `zf` (full ZF simulation), fresh for every (user, BS) pair.
 *
 * Record per window (width 10 + (L − 1) + 2K, K = samplesPerWindow):
 *   [users, requests, accepted, bsCount, Σ n_req, Σ n_req², Σ n_own, Σ n_own², Σ rate, Σ rate²,
 *    accepted by rank 2…L (L − 1 counters), then K × (rate, SIR) of the first K users (NaN padding)],
 * n_req and n_own being per-BS counts of cooperation requests and own users, rate = ln(1 + SIR).
 * Users are iid uniform, so the first K are a uniform sample of the window's users.
 */
import type { Rng } from '../math/rng.ts';
import { TorusGrid, samplePppTorus, wrap } from '../geometry/torus.ts';
import { gainSampler, type GainModel } from './gains.ts';
import { acceptUniformSubset, groupRequestsByBs } from '../geometry/requestAcceptance.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { checkInteger, checkOneOf, checkReal } from '../math/argumentError.ts';

/** Registry name of the CoMP network kernel (record layout in the module comment). */
export const COMM_NETWORK_KERNEL = 'comm.network';
/** Counter fields at the start of each window record (read them with `RecordReader`). */
export const COMM_NET_FIELDS = ['users', 'requests', 'accepted', 'bsCount', 'reqSum', 'reqSq', 'ownSum', 'ownSq', 'rateSum', 'rateSq'] as const;
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
}

/**
 * Record width of one window of the CoMP network kernel.
 *
 * Formula: not in the paper: 10 counters + (L − 1) accepted-by-rank counters + 2 · samplesPerWindow.
 * Method: arithmetic.
 * Accuracy: exact.
 * References: src/comm/network.ts (module comment: record layout).
 *
 * @example
 * import { networkRecordWidth } from 'isacnet';
 * networkRecordWidth(3, 0); // => 12
 * networkRecordWidth(5, 100); // => 214
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
 * Method: PPPs on a torus, k-nearest tables, per-BS grouping and partial Fisher–Yates acceptance
 * (src/geometry/requestAcceptance.ts), interference within side/2 plus the mean field beyond.
 * Accuracy: exact in distribution for the stated mechanism; with ψ large every request is accepted
 * and the rate equals the exact rate with κ_c = 1 within 4 SE; record counters are consistent
 * (test/comm/network.test.ts). The printed κ_c overestimates its accepted fraction by up to 0.15
 * (docs/errata.md C7).
 * References: arXiv:2403.20228, Section IV; docs/communication.md (κ_c); docs/errata.md C7.
 *
 * @example
 * import { simulateNetworkCoMP, networkSideForDisc, networkRecordWidth, RecordReader, COMM_NET_FIELDS, Rng } from 'isacnet';
 * const args = { L: 3, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 1, gains: 'gamma' as const, side: networkSideForDisc(100), samplesPerWindow: 0 };
 * const r = new RecordReader(simulateNetworkCoMP(args, new Rng(1), 2), networkRecordWidth(3, 0), COMM_NET_FIELDS);
 * // two windows, seed 1: every user sends L − 1 = 2 requests; none is declined at this load
 * [r.sum('users'), r.sum('requests'), r.sum('accepted')]; // => [257, 514, 514]
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
 * Method: PPPs on a torus, k-nearest tables, per-BS request grouping and partial Fisher–Yates
 * acceptance, interference within side/2 plus the mean field beyond (module comment).
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
  rec.fill(NaN, CNF + (L - 1));
  const bs = samplePppTorus(rng, 1, side);
  const us = samplePppTorus(rng, muC, side);
  const nBs = bs.length / 2;
  const nU = us.length / 2;
  const grid = new TorusGrid(bs, side);
  const nbr = grid.kNearestAll(us, L).idx;
  // Own users per BS, and cooperation requests (ranks 1 … L − 1, id = user·L + rank) grouped by BS.
  const own = new Int32Array(nBs);
  for (let t = 0; t < nU; t++) own[nbr[t * L]]++;
  const { load: req, start, ids: reqs } = groupRequestsByBs(nbr, L, nU, 1, L, nBs);
  const accepted = new Uint8Array(nU * L);
  let nAccepted = 0;
  let reqSum = 0;
  let reqSq = 0;
  let ownSum = 0;
  let ownSq = 0;
  for (let b = 0; b < nBs; b++) {
    const n = req[b];
    reqSum += n;
    reqSq += n * n;
    ownSum += own[b];
    ownSq += own[b] * own[b];
    nAccepted += acceptUniformSubset(reqs, start[b], n, Math.max(0, psi - own[b]), rng, accepted);
  }
  // SIR of every user.
  const sampler = gainSampler(a.gains, mt, pc);
  const halfAlpha = alpha / 2;
  const rI2 = (side / 2) * (side / 2);
  const tail = (2 * Math.PI * Math.pow(side / 2, 2 - alpha)) / (alpha - 2);
  const serving = new Uint8Array(nBs);
  let rateSum = 0;
  let rateSq = 0;
  const byRank = new Float64Array(L - 1);
  for (let t = 0; t < nU; t++) {
    serving[nbr[t * L]] = 1;
    for (let r = 1; r < L; r++) {
      if (accepted[t * L + r]) {
        serving[nbr[t * L + r]] = 1;
        byRank[r - 1]++;
      }
    }
    const x = us[2 * t];
    const y = us[2 * t + 1];
    let signal = 0;
    let interference = tail;
    for (let b = 0; b < nBs; b++) {
      const dx = wrap(bs[2 * b] - x, side);
      const dy = wrap(bs[2 * b + 1] - y, side);
      const d2 = dx * dx + dy * dy;
      if (serving[b]) {
        signal += sampler.desired(rng) * Math.pow(d2, -halfAlpha);
      } else if (d2 <= rI2) {
        interference += sampler.interference(rng) * Math.pow(d2, -halfAlpha);
      }
    }
    for (let r = 0; r < L; r++) serving[nbr[t * L + r]] = 0;
    const sir = signal / interference;
    const rate = Math.log1p(sir);
    rateSum += rate;
    rateSq += rate * rate;
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
  for (let r = 0; r < L - 1; r++) rec[CNF + r] = byRank[r];
}
