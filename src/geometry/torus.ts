/**
 * Poisson point processes on a square torus and k-nearest-neighbour queries with periodic
 * distances.
 *
 * Network-level simulations (load, acceptance) run on a torus [0, side)² so that every point sees a
 * statistically identical neighbourhood: there is no window edge and hence no edge bias, provided
 * the distances of interest stay below side/2 (checked by `kNearest`). Coordinates are in
 * whatever length unit the density uses (e.g. km with densities in /km²).
 *
 * Method: a uniform grid of cells (about `pointsPerCell` points each); a query scans square rings
 * of cells outwards until the k-th best distance is below the ring's inner radius. Cost per query is
 * O(k + cells scanned); exact (no approximation).
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
 * k-nearest-neighbour queries with periodic distances among fixed points on the torus [0, side)².
 *
 * Formula: not in the paper (the N nearest BSs of a target and the L nearest BSs of a user, Sections
 * III-B and IV of arXiv:2403.20228, found in a window without edge).
 * Method: a uniform cell grid (≈ `pointsPerCell` points per cell); a query scans square rings of cells
 * outwards until the k-th best distance is below the ring's inner radius; it throws if the k-th
 * neighbour reaches side/2 (the torus would alias the neighbourhood).
 * Accuracy: exact; equals brute force on the torus, across the seam too (test/geometry/torus.test.ts).
 * References: docs/sensing.md (network-level simulation).
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

  constructor(
    readonly xy: Float64Array,
    readonly side: number,
    pointsPerCell = 2,
  ) {
    const n = xy.length / 2;
    this.cellsPerSide = Math.max(1, Math.floor(Math.sqrt(n / pointsPerCell)));
    this.cellSize = side / this.cellsPerSide;
    const m = this.cellsPerSide;
    const counts = new Int32Array(m * m + 1);
    const cellOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const cx = Math.min(m - 1, Math.floor(xy[2 * i] / this.cellSize));
      const cy = Math.min(m - 1, Math.floor(xy[2 * i + 1] / this.cellSize));
      cellOf[i] = cy * m + cx;
      counts[cellOf[i] + 1]++;
    }
    for (let c = 0; c < m * m; c++) counts[c + 1] += counts[c];
    this.cellStart = counts;
    this.cellItems = new Int32Array(n);
    const fill = counts.slice(0, m * m);
    for (let i = 0; i < n; i++) this.cellItems[fill[cellOf[i]]++] = i;
  }

  get size(): number {
    return this.xy.length / 2;
  }

  /**
   * The k nearest points to (x, y), nearest first: indices into `outIdx`, squared periodic
   * distances into `outDist2`. Throws if fewer than k points exist or the k-th distance reaches
   * side/2 (the torus would then alias the neighbourhood).
   */
  kNearest(x: number, y: number, k: number, outIdx: Int32Array, outDist2: Float64Array): void {
    if (k > this.size) throw new RangeError(`kNearest: asked for ${k} neighbours among ${this.size} points; enlarge the window`);
    const m = this.cellsPerSide;
    const cs = this.cellSize;
    const cx0 = Math.min(m - 1, Math.floor(x / cs));
    const cy0 = Math.min(m - 1, Math.floor(y / cs));
    let found = 0;
    // Sorted insertion into the first k slots (k is small).
    const consider = (j: number): void => {
      const dx = wrap(this.xy[2 * j] - x, this.side);
      const dy = wrap(this.xy[2 * j + 1] - y, this.side);
      const d2 = dx * dx + dy * dy;
      if (found === k && d2 >= outDist2[k - 1]) return;
      let pos = found < k ? found++ : k - 1;
      while (pos > 0 && outDist2[pos - 1] > d2) {
        outDist2[pos] = outDist2[pos - 1];
        outIdx[pos] = outIdx[pos - 1];
        pos--;
      }
      outDist2[pos] = d2;
      outIdx[pos] = j;
    };
    const maxRing = Math.floor(m / 2);
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every point outside the rings scanned so far is at least (ring − 1)·cs + (distance to the
      // cell border) away; (ring − 1)·cs is a safe lower bound.
      if (found === k && ring >= 1 && outDist2[k - 1] <= ((ring - 1) * cs) ** 2) break;
      for (let dy = -ring; dy <= ring; dy++) {
        const onEdgeRow = dy === -ring || dy === ring;
        for (let dx = -ring; dx <= ring; dx += onEdgeRow ? 1 : 2 * ring) {
          const cx = (((cx0 + dx) % m) + m) % m;
          const cy = (((cy0 + dy) % m) + m) % m;
          // On small grids a ring can wrap onto cells already scanned; skip duplicates.
          if (ring > 0 && 2 * ring + 1 > m && seenWrapped(cx0, cy0, dx, dy, m, ring)) continue;
          const c = cy * m + cx;
          for (let t = this.cellStart[c]; t < this.cellStart[c + 1]; t++) consider(this.cellItems[t]);
          if (ring === 0) break;
        }
      }
    }
    if (found < k) throw new RangeError(`kNearest: found ${found} < ${k} neighbours`);
    if (outDist2[k - 1] >= (this.side / 2) ** 2) {
      throw new RangeError(`kNearest: the ${k}-th neighbour is farther than half the torus side (${this.side / 2}); enlarge the window`);
    }
  }

  /**
   * The k nearest points of every query point (xy pairs), nearest first, as flat tables:
   * row q of `idx`/`dist2` (entries q·k … q·k + k − 1) belongs to query q.
   */
  kNearestAll(queries: Float64Array, k: number): { idx: Int32Array; dist2: Float64Array } {
    const n = queries.length / 2;
    const idx = new Int32Array(n * k);
    const dist2 = new Float64Array(n * k);
    for (let q = 0; q < n; q++) {
      this.kNearest(queries[2 * q], queries[2 * q + 1], k, idx.subarray(q * k, (q + 1) * k), dist2.subarray(q * k, (q + 1) * k));
    }
    return { idx, dist2 };
  }
}

/** True if cell offset (dx, dy) maps to a cell that an offset of smaller ring index already hit. */
function seenWrapped(cx0: number, cy0: number, dx: number, dy: number, m: number, ring: number): boolean {
  const tx = (((cx0 + dx) % m) + m) % m;
  const ty = (((cy0 + dy) % m) + m) % m;
  for (let r = 0; r < ring; r++) {
    for (let ey = -r; ey <= r; ey++) {
      for (let ex = -r; ex <= r; ex++) {
        if (Math.max(Math.abs(ex), Math.abs(ey)) !== r) continue;
        if ((((cx0 + ex) % m) + m) % m === tx && (((cy0 + ey) % m) + m) % m === ty) return true;
      }
    }
  }
  // Same ring, earlier in scan order.
  for (let ey = -ring; ey <= dy; ey++) {
    for (let ex = -ring; ex <= ring; ex++) {
      if (ey === dy && ex >= dx) break;
      if (Math.max(Math.abs(ex), Math.abs(ey)) !== ring) continue;
      if ((((cx0 + ex) % m) + m) % m === tx && (((cy0 + ey) % m) + m) % m === ty) return true;
    }
  }
  return false;
}
