/**
 * Poisson point processes on a square torus and k-nearest-neighbour queries with periodic
 * distances.
 *
 * Network-level simulations (load, acceptance) run on a torus [0, side)² so that every point sees a
 * statistically identical neighbourhood: there is no window edge and hence no edge bias, provided
 * the distances of interest stay below side/2 (checked by `kNearest`). Coordinates are in
 * whatever length unit the density uses (e.g. km with densities in /km²).
 *
 * Method: a uniform grid of cells (about `pointsPerCell` points each); a query visits cells in the
 * order of a lower bound on their distance and stops once the bound reaches the k-th best squared
 * distance. Cost per query is O(k · candidates + cells visited); exact (no approximation).
 */
import type { Rng } from '../math/rng.ts';

/**
 * A homogeneous PPP of density `density` on [0, side)²: Poisson count, uniform positions, as a flat
 * [x0, y0, x1, y1, …] array.
 *
 * Formula: not in the paper (the PPPs Φ_b, Φ_u, Φ_s of Section II of arXiv:2403.20228 on a torus window).
 * Method: a Poisson(density·side²) count (inversion or PTRS), then iid uniform coordinates.
 * Accuracy: exact in distribution; the count has mean λ·area within 5σ over 2000 windows
 * (test/geometry/torus.test.ts).
 * References: arXiv:2403.20228, Section II; docs/sensing.md (network-level simulation).
 *
 * @example
 * import { samplePppTorus, Rng } from 'isacnet';
 * samplePppTorus(new Rng(3), 1, 10).length / 2; // => 88
 */
export function samplePppTorus(rng: Rng, density: number, side: number): Float64Array {
  const n = rng.poisson(density * side * side);
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) xy[i] = rng.uniform() * side;
  return xy;
}

/**
 * Periodic displacement component in (−side/2, side/2].
 *
 * Formula: not in the paper (the torus metric).
 * Method: one shift by ±side.
 * Accuracy: exact up to one rounding.
 * References: docs/sensing.md (network-level simulation).
 *
 * @example
 * import { wrap } from 'isacnet';
 * wrap(0.9, 1); // => -0.1 (±1e-12)
 * wrap(-0.5, 1); // => 0.5
 */
export function wrap(d: number, side: number): number {
  if (d > side / 2) return d - side;
  if (d <= -side / 2) return d + side;
  return d;
}

/**
 * Cell offsets (i, j) of a grid of m × m cells, one per distinct cell of the torus (i, j in
 * [−⌊(m − 1)/2⌋, ⌊m/2⌋]), sorted by the lower bound ((|i| − 1)₊² + (|j| − 1)₊²) on the squared
 * distance, in cell units, between a point of the centre cell and a point of the offset cell.
 * Cached per m (the grids of one simulation share m).
 */
interface CellOffsets {
  dx: Int32Array;
  dy: Int32Array;
  /** Lower bound on the squared distance in units of cellSize². */
  lb: Float64Array;
}

const OFFSETS = new Map<number, CellOffsets>();

function cellOffsets(m: number): CellOffsets {
  const hit = OFFSETS.get(m);
  if (hit) return hit;
  const lo = -Math.floor((m - 1) / 2);
  const hi = Math.floor(m / 2);
  const list: [number, number, number][] = [];
  const gap = (i: number): number => Math.max(0, Math.abs(i) - 1);
  for (let j = lo; j <= hi; j++) for (let i = lo; i <= hi; i++) list.push([i, j, gap(i) ** 2 + gap(j) ** 2]);
  // Ties: nearer rows and columns first (a fixed, deterministic order).
  list.sort((a, b) => a[2] - b[2] || Math.abs(a[0]) + Math.abs(a[1]) - (Math.abs(b[0]) + Math.abs(b[1])) || a[1] - b[1] || a[0] - b[0]);
  const out: CellOffsets = { dx: Int32Array.from(list, (e) => e[0]), dy: Int32Array.from(list, (e) => e[1]), lb: Float64Array.from(list, (e) => e[2]) };
  OFFSETS.set(m, out);
  return out;
}

/**
 * Relative safety margin of the cell distance bounds: a point's cell comes from a rounded
 * division, so it may lie a few ulp outside its cell; bounds are shrunk by this fraction of the cell
 * size (far above the ≈ 1e-15 rounding, far below any gap that matters).
 */
const MARGIN = 1e-9;

/**
 * k-nearest-neighbour queries with periodic distances among fixed points on the torus [0, side)².
 *
 * Formula: not in the paper (the N nearest BSs of a target and the L nearest BSs of a user, Sections
 * III-B and IV of arXiv:2403.20228, found in a window without edge).
 * Method: a uniform cell grid (≈ `pointsPerCell` points per cell) with the points stored cell by cell;
 * a query visits the torus's cells in the order of a lower bound on their distance (cached per grid
 * size), skips a cell whose exact rectangle distance is not below the current k-th best squared
 * distance, and stops at the first cell whose lower bound is not below it; candidates go into a
 * sorted array of k slots (insertion; no allocation per query). It throws if the k-th neighbour
 * reaches side/2 (the torus would alias the neighbourhood).
 * Accuracy: exact; equals brute force on the torus, across the seam too (test/geometry/torus.test.ts).
 * The squared distances are computed exactly as `wrap(x_j − x)² + wrap(y_j − y)²`. Candidates at
 * exactly equal squared distances keep the order in which they were visited (bit-equal distances of
 * distinct uniform points: probability ≈ 1e-12 per window of the sensing network).
 * References: docs/sensing.md (network-level simulation); docs/performance.md (the search).
 *
 * @example
 * import { TorusGrid } from 'isacnet';
 * const grid = new TorusGrid(Float64Array.of(0.1, 0.1, 0.9, 0.1, 0.5, 0.5), 1);
 * const q = grid.kNearestAll(Float64Array.of(0.05, 0.1), 2);
 * // point 1 at x = 0.9 is 0.15 away across the seam
 * Array.from(q.idx); // => [0, 1]
 * Array.from(q.dist2); // => [0.0025, 0.0225]
 */
export class TorusGrid {
  readonly cellsPerSide: number;
  readonly cellSize: number;
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  /** Coordinates in cell order (entry t is point cellItems[t]). */
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  private readonly offsets: CellOffsets;

  constructor(
    readonly xy: Float64Array,
    readonly side: number,
    pointsPerCell = 2,
  ) {
    const n = xy.length / 2;
    this.cellsPerSide = Math.max(1, Math.floor(Math.sqrt(n / pointsPerCell)));
    this.cellSize = side / this.cellsPerSide;
    const m = this.cellsPerSide;
    const cs = this.cellSize;
    const counts = new Int32Array(m * m + 1);
    const cellOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const cx = Math.min(m - 1, Math.floor(xy[2 * i] / cs));
      const cy = Math.min(m - 1, Math.floor(xy[2 * i + 1] / cs));
      cellOf[i] = cy * m + cx;
      counts[cellOf[i] + 1]++;
    }
    for (let c = 0; c < m * m; c++) counts[c + 1] += counts[c];
    this.cellStart = counts;
    this.cellItems = new Int32Array(n);
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    const fill = counts.slice(0, m * m);
    for (let i = 0; i < n; i++) {
      const t = fill[cellOf[i]]++;
      this.cellItems[t] = i;
      this.px[t] = xy[2 * i];
      this.py[t] = xy[2 * i + 1];
    }
    this.offsets = cellOffsets(m);
  }

  get size(): number {
    return this.xy.length / 2;
  }

  /**
   * The k nearest points to (x, y), nearest first: indices into `outIdx`, squared periodic
   * distances into `outDist2` (their first k entries). Throws if fewer than k points exist or the
   * k-th distance reaches side/2 (the torus would then alias the neighbourhood).
   */
  kNearest(x: number, y: number, k: number, outIdx: Int32Array, outDist2: Float64Array): void {
    this.kNearestAt(x, y, k, outIdx, outDist2, 0);
  }

  /** `kNearest` writing entries at..at + k − 1 of the output arrays (no subarray per query). */
  private kNearestAt(x: number, y: number, k: number, outIdx: Int32Array, outDist2: Float64Array, at: number): void {
    const n = this.xy.length / 2;
    if (k > n) throw new RangeError(`kNearest: asked for ${k} neighbours among ${n} points; enlarge the window`);
    const m = this.cellsPerSide;
    const cs = this.cellSize;
    const side = this.side;
    const half = side / 2;
    const px = this.px;
    const py = this.py;
    const items = this.cellItems;
    const cellStart = this.cellStart;
    const offX = this.offsets.dx;
    const offY = this.offsets.dy;
    const offLb = this.offsets.lb;
    const nOff = offLb.length;
    const cs2 = cs * cs * (1 - 4 * MARGIN);
    const margin = MARGIN * cs;
    // The aliased offset ⌊m/2⌋ of an even grid is also −m/2: its distance is the nearer of the two.
    const alias = m % 2 === 0 ? m / 2 : 0;
    const cx0 = Math.min(m - 1, Math.floor(x / cs));
    const cy0 = Math.min(m - 1, Math.floor(y / cs));
    // Offsets of the query inside its cell, for the exact distance to a cell rectangle.
    const fx = x - cx0 * cs;
    const fy = y - cy0 * cs;
    const last = at + k - 1;
    let found = 0;
    let kth = Infinity;
    for (let o = 0; o < nOff; o++) {
      if (offLb[o] * cs2 >= kth) break; // kth is finite only once k candidates are in
      const i = offX[o];
      const j = offY[o];
      let gx = i > 0 ? i * cs - fx : i < 0 ? fx - (i + 1) * cs : 0;
      if (i !== 0 && i === alias) gx = Math.min(gx, fx - (1 - i) * cs);
      let gy = j > 0 ? j * cs - fy : j < 0 ? fy - (j + 1) * cs : 0;
      if (j !== 0 && j === alias) gy = Math.min(gy, fy - (1 - j) * cs);
      gx = gx > margin ? gx - margin : 0;
      gy = gy > margin ? gy - margin : 0;
      if (gx * gx + gy * gy >= kth) continue;
      let cx = cx0 + i;
      if (cx >= m) cx -= m;
      else if (cx < 0) cx += m;
      let cy = cy0 + j;
      if (cy >= m) cy -= m;
      else if (cy < 0) cy += m;
      const c = cy * m + cx;
      const end = cellStart[c + 1];
      for (let t = cellStart[c]; t < end; t++) {
        // wrap(·, side), written out (the same operations).
        let dx = px[t] - x;
        if (dx > half) dx -= side;
        else if (dx <= -half) dx += side;
        let dy = py[t] - y;
        if (dy > half) dy -= side;
        else if (dy <= -half) dy += side;
        const d2 = dx * dx + dy * dy;
        if (d2 >= kth) continue;
        // Sorted insertion into the k slots; when they are full the k-th is dropped.
        let pos = found < k ? at + found++ : last;
        while (pos > at && outDist2[pos - 1] > d2) {
          outDist2[pos] = outDist2[pos - 1];
          outIdx[pos] = outIdx[pos - 1];
          pos--;
        }
        outDist2[pos] = d2;
        outIdx[pos] = items[t];
        if (found === k) kth = outDist2[last];
      }
    }
    if (found < k) throw new RangeError(`kNearest: found ${found} < ${k} neighbours`);
    if (outDist2[last] >= half * half) {
      throw new RangeError(`kNearest: the ${k}-th neighbour is farther than half the torus side (${half}); enlarge the window`);
    }
  }

  /**
   * The k nearest points of every query point (xy pairs), nearest first, as flat tables:
   * row q of `idx`/`dist2` (entries q·k … q·k + k − 1) belongs to query q. `out` (tables of at
   * least n·k entries) is filled and returned instead of new tables when given.
   */
  kNearestAll(queries: Float64Array, k: number, out?: { idx: Int32Array; dist2: Float64Array }): { idx: Int32Array; dist2: Float64Array } {
    const n = queries.length / 2;
    if (out && (out.idx.length < n * k || out.dist2.length < n * k)) throw new RangeError(`kNearestAll: output tables hold fewer than ${n} × ${k} entries`);
    const idx = out ? out.idx : new Int32Array(n * k);
    const dist2 = out ? out.dist2 : new Float64Array(n * k);
    for (let q = 0; q < n; q++) this.kNearestAt(queries[2 * q], queries[2 * q + 1], k, idx, dist2, q * k);
    return { idx, dist2 };
  }
}
