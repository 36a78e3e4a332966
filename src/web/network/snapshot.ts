/**
 * One seeded random snapshot of the cooperative ISAC network for the explorer's network view:
 * BSs, users and targets as independent PPPs on a torus (src/geometry/torus.ts: no window edge),
 * plus a typical user and a typical target added to their processes (Slivnyak), and the load
 * mechanism of the paper run on every user and target of the snapshot:
 *
 * - sensing (Section III-B): every target requests its N nearest BSs; a BS with more than ψ
 *   requests accepts ψ of them chosen uniformly at random. The typical target's sensing cluster is
 *   the accepting BSs among its N nearest.
 * - communication (Sections II-C and IV): every user is served by its nearest BS and asks its next
 *   L − 1 nearest BSs to cooperate; a BS serves its own users first and spends its remaining
 *   resource blocks (ψ minus its own users, if positive) on cooperation requests chosen uniformly at
 *   random. The typical user's CoMP cluster is its serving BS plus the accepting BSs; every other BS
 *   interferes (declined requests: I₁ of Eq. 18; beyond the request cluster: I₂).
 *
 * Distances are in km with densities in /km². Randomness: `Rng(seed, stream)` with fixed streams per
 * role (BSs, users, targets, sensing draw, communication draw), so a seed fixes the snapshot.
 */
import { Rng } from '../../math/rng.ts';
import { TorusGrid, samplePppTorus, wrap } from '../../geometry/torus.ts';
import { acceptUniformSubset, groupRequestsByBs } from '../../geometry/requestAcceptance.ts';

export interface SnapshotInput {
  lambdaB: number;
  lambdaU: number;
  lambdaS: number;
  psi: number;
  /** Sensing cluster size N (requests per target). */
  n: number;
  /** CoMP cluster size L (requests per user, the serving BS included). */
  l: number;
  seed: number;
}

export interface ClusterRequest {
  /** BS index. */
  bs: number;
  /** Distance to the typical user/target in km. */
  distanceKm: number;
  accepted: boolean;
}

export interface Snapshot {
  input: SnapshotInput;
  sideKm: number;
  /** Flat [x0, y0, x1, y1, …] in km on [0, side)². */
  bs: Float64Array;
  users: Float64Array;
  targets: Float64Array;
  /** Index of the typical user in `users` and of the typical target in `targets` (both 0). */
  typicalUser: number;
  typicalTarget: number;
  /** Typical user's requests, nearest first; entry 0 is the serving BS (always accepted). */
  comm: ClusterRequest[];
  /** Typical target's requests, nearest first. */
  sensing: ClusterRequest[];
  /** Requests received per BS. */
  sensingRequestsPerBs: Int32Array;
  commRequestsPerBs: Int32Array;
  /** Network-wide fractions of accepted requests in this snapshot (empirical κ_s, κ_c). */
  kappaSSnapshot: number | null;
  kappaCSnapshot: number | null;
}

/** Torus side (km) large enough for the requested neighbourhoods and a stable load picture. */
export function snapshotSideKm(input: SnapshotInput): number {
  const k = Math.max(input.n, input.l);
  // ≥ 400 BSs on average, and the k-th neighbour (radius ≈ √(k/πλ_b)) well inside half the side.
  const c = Math.max(20, 4 * Math.sqrt((k + 10) / Math.PI));
  return c / Math.sqrt(input.lambdaB);
}

function withTypical(rng: Rng, density: number, side: number, x: number, y: number): Float64Array {
  const ppp = samplePppTorus(rng, density, side);
  const out = new Float64Array(ppp.length + 2);
  out[0] = x;
  out[1] = y;
  out.set(ppp, 2);
  return out;
}

/** Largest expected number of users or of targets drawn in one snapshot (keeps the page responsive). */
export const MAX_SNAPSHOT_POINTS = 100_000;

export function drawSnapshot(input: SnapshotInput): Snapshot {
  const side = snapshotSideKm(input);
  for (const [name, density] of [['users (λ_u)', input.lambdaU], ['targets (λ_s)', input.lambdaS]] as const) {
    const expected = density * side * side;
    if (expected > MAX_SNAPSHOT_POINTS) {
      throw new RangeError(
        `the snapshot would hold about ${expected.toExponential(1)} ${name} (${(density / input.lambdaB).toPrecision(3)} per BS on a torus of ${(side * side * input.lambdaB).toFixed(0)} BSs); the network view draws at most ${MAX_SNAPSHOT_POINTS.toLocaleString('en')}: lower the density ratio to see a snapshot`,
      );
    }
  }
  const spacing = 1 / Math.sqrt(input.lambdaB);
  const cx = side / 2;
  const cy = side / 2;
  const bs = samplePppTorus(new Rng(input.seed, 0), input.lambdaB, side);
  const users = withTypical(new Rng(input.seed, 1), input.lambdaU, side, cx - 0.7 * spacing, cy + 0.15 * spacing);
  const targets = withTypical(new Rng(input.seed, 2), input.lambdaS, side, cx + 0.7 * spacing, cy - 0.15 * spacing);
  const nBs = bs.length / 2;
  const need = Math.max(input.n, input.l);
  if (nBs < need) throw new RangeError(`snapshot has ${nBs} BSs, fewer than the ${need} requested; raise λ_b or lower N/L`);
  const grid = new TorusGrid(bs, side);

  // Sensing: every target requests its N nearest BSs; a BS accepts at most ψ (request id t·N + k).
  const N = input.n;
  const nTargets = targets.length / 2;
  const sensNbr = grid.kNearestAll(targets, N);
  const sensing = groupRequestsByBs(sensNbr.idx, N, nTargets, 0, N, nBs);
  const sensAccepted = new Uint8Array(nTargets * N);
  const sensRng = new Rng(input.seed, 3);
  let sensAcc = 0;
  for (let b = 0; b < nBs; b++) sensAcc += acceptUniformSubset(sensing.ids, sensing.start[b], sensing.load[b], input.psi, sensRng, sensAccepted);
  const sensReq = nTargets * N;

  // Communication: every user is served by its nearest BS and asks its next L − 1 to cooperate; a
  // BS spends ψ minus its own users on cooperation requests (request id u·L + k).
  const L = input.l;
  const nUsers = users.length / 2;
  const commNbr = grid.kNearestAll(users, L);
  const own = new Int32Array(nBs);
  for (let u = 0; u < nUsers; u++) own[commNbr.idx[u * L]]++;
  const coop = groupRequestsByBs(commNbr.idx, L, nUsers, 1, L, nBs);
  const coopAccepted = new Uint8Array(nUsers * L);
  const commRng = new Rng(input.seed, 4);
  let coopAcc = 0;
  for (let b = 0; b < nBs; b++) coopAcc += acceptUniformSubset(coop.ids, coop.start[b], coop.load[b], Math.max(0, input.psi - own[b]), commRng, coopAccepted);
  const coopReq = nUsers * (L - 1);

  const sensingRequestsPerBs = sensing.load;
  const commRequestsPerBs = Int32Array.from(coop.load, (r, b) => r + own[b]);
  const typical = (nbr: { idx: Int32Array; dist2: Float64Array }, k: number, acc: Uint8Array, first: boolean): ClusterRequest[] =>
    Array.from({ length: k }, (_, r) => ({ bs: nbr.idx[r], distanceKm: Math.sqrt(nbr.dist2[r]), accepted: (first && r === 0) || acc[r] === 1 }));
  return {
    input,
    sideKm: side,
    bs,
    users,
    targets,
    typicalUser: 0,
    typicalTarget: 0,
    comm: typical(commNbr, L, coopAccepted, true),
    sensing: typical(sensNbr, N, sensAccepted, false),
    sensingRequestsPerBs,
    commRequestsPerBs,
    kappaSSnapshot: sensReq > 0 ? sensAcc / sensReq : null,
    kappaCSnapshot: coopReq > 0 ? coopAcc / coopReq : null,
  };
}

/** Periodic offset of point (x, y) from (x0, y0) on the snapshot's torus. */
export function offset(s: Snapshot, x: number, y: number, x0: number, y0: number): [number, number] {
  return [wrap(x - x0, s.sideKm), wrap(y - y0, s.sideKm)];
}
