/**
 * Localization by estimators (beyond arXiv:2403.20228): the measurement model whose Fisher
 * information is exactly Eq. (5), and two estimators of the target position from it.
 *
 * Measurement model (derived in docs/sensing.md, "Localization by estimators"): for every ordered
 * transmitter–receiver pair (i, j) of the cluster (i = j monostatic, i ≠ j bistatic, both orders
 * being separate echoes), the fusion centre observes one range sum
 *
 *     r_ij = d_i + d_j + n_ij,   n_ij ~ N(0, σ_ij²) independent,   σ_ij² = d_i^β d_j^β / |ζ|²,
 *
 * with d_i = ‖x − p_i‖ the distance of BS i (at p_i) to the target at x. The variances are known to
 * the fusion centre (as link SNRs, w_ij = 1/σ_ij² = |ζ|² g_i g_j with g_i = d_i^{−β} evaluated at
 * the true geometry) and enter only as weights: position information carried by the echo amplitudes
 * is not part of Eq. (5) and is not used. With ∂(d_i + d_j)/∂x = u_i + u_j (u_i the unit vector from
 * p_i to x) the FIM is Σ_ij w_ij (u_i + u_j)(u_i + u_j)ᵀ, which is Eq. (5) term by term (u_i = −e_i
 * of the bearing θ_i; the sign cancels in the outer product).
 *
 * Estimators (both confined to the search region of `problemRegion`, a box around the cluster):
 * - `localizeMle`: the maximum-likelihood estimate = weighted nonlinear least squares
 *   J(x) = Σ_ij w_ij (r_ij − d_i(x) − d_j(x))², minimized by projected Levenberg–Marquardt from the
 *   best points of a coarse grid over the region and from the LS estimate (global, not local).
 * - `localizeLs`: two-step linearized least squares (closed form): the weighted LS estimate of the
 *   distances d from the range sums (linear in d), then the linearized circle equations
 *   −2 p_iᵀx + R = d̂_i² − ‖p_i‖² with R = ‖x‖² as an extra unknown (3 × 3 weighted LS).
 *
 * Costs: with the product weights w_ij = |ζ|² g_i g_j the cost, its gradient and the Gauss–Newton
 * matrix reduce to O(N) sums after an O(N²) pass over the measurements:
 *   J(x) = K₀ − 2 Σ_i c_i d_i + 2|ζ|² (G Σ_i g_i d_i² + (Σ_i g_i d_i)²),   G = Σ g_i,
 *   c_i = Σ_j (w_ij r_ij + w_ji r_ji),   K₀ = Σ_ij w_ij r_ij²,
 *   Jᵀ W ρ = Σ_i u_i (c_i − 2|ζ|² g_i (G d_i + Σ_j g_j d_j)),   Jᵀ W J = 2|ζ|² (G A + S Sᵀ),
 * A = Σ g_i u_i u_iᵀ, S = Σ g_i u_i (the fast form of src/sensing/fim.ts).
 *
 * For N = 2 the model is not identifiable: the mirror image of x across the line through the two
 * BSs has the same distances, hence the same likelihood; any estimator then errs by the mirror
 * distance half the time and the (local) CRLB is not reachable at any SNR.
 */
import type { Rng } from '../math/rng.ts';
import { ArgumentError, checkInteger, checkReal } from '../math/argumentError.ts';

/** A 2-D point or error vector. */
export interface Point2 {
  x: number;
  y: number;
}

/** An axis-aligned box [xMin, xMax] × [yMin, yMax]. */
export interface Box2 {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * One localization problem: the cluster's BS positions, the N × N range sums and the link weights.
 * Entry (i, j) of `ranges` (transmitter i, receiver j) is at i·stride + j, so the first N × N block of
 * a larger matrix is a sub-problem.
 */
export interface RangeSumProblem {
  /** Cluster size N ≥ 2. */
  n: number;
  bsX: ArrayLike<number>;
  bsY: ArrayLike<number>;
  /** Range sums r_ij (same length unit as the positions). */
  ranges: ArrayLike<number>;
  /** Row stride of `ranges` (default n). */
  stride?: number;
  /** Per-BS gains g_i = d_i^{−β} (known link SNRs: w_ij = zeta2 · g_i g_j = 1/σ_ij²). */
  gains: ArrayLike<number>;
  /** |ζ|² of Eq. (5) in the problem's units (normalized: the SNR η). */
  zeta2: number;
}

/** Options of `localizeMle`. */
export interface MleOptions {
  /** Grid points per axis of the coarse start search (default 16). */
  grid?: number;
  /** Grid local minima refined by Levenberg–Marquardt (default 3), besides the LS estimate. */
  starts?: number;
  /** Levenberg–Marquardt iterations per start (default 60). */
  maxIterations?: number;
  /** Search region (default `problemRegion` of the problem). */
  region?: Box2;
}

/** An estimate with its weighted least-squares cost J. */
export interface LocalizationEstimate extends Point2 {
  cost: number;
}

/** Margin of the search region around the cluster's bounding box, in units of its larger side. */
export const SEARCH_REGION_MARGIN = 1;

/** Margin of the search region in units of the smallest monostatic range estimate min_i r_ii/2. */
export const SEARCH_REGION_RANGE_MARGIN = 1.5;

/**
 * The estimators' search region: the bounding box of the cluster's BSs widened on every side by the
 * larger of SEARCH_REGION_MARGIN times its larger side and SEARCH_REGION_RANGE_MARGIN times
 * `nearestRange` (the smallest monostatic range estimate min_i r_ii/2; the target lies within d_i of
 * every BS, so a margin ≥ min_i d_i keeps it inside).
 *
 * Formula: not in the paper (an estimator design choice; the paper has no estimator).
 * Method: min/max of the coordinates, then the margin.
 * Accuracy: exact. Without the range term the target of a PPP cluster falls outside for 17% of N = 2,
 * 1.9% of N = 3 and 0.2% of N = 4 geometries; with it (noise-free ranges) never
 * (test/sensing/localization.test.ts).
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { searchRegion } from 'isacnet';
 * searchRegion([0, 1, 0], [0, 0, 2], 3); // => {"xMin": -2, "xMax": 3, "yMin": -2, "yMax": 4}
 * searchRegion([0, 1, 0], [0, 0, 2], 3, 2); // => {"xMin": -3, "xMax": 4, "yMin": -3, "yMax": 5}
 */
export function searchRegion(bsX: ArrayLike<number>, bsY: ArrayLike<number>, n = bsX.length, nearestRange = 0): Box2 {
  checkInteger('n', n, 1, Math.min(bsX.length, bsY.length));
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    xMin = Math.min(xMin, bsX[i]);
    xMax = Math.max(xMax, bsX[i]);
    yMin = Math.min(yMin, bsY[i]);
    yMax = Math.max(yMax, bsY[i]);
  }
  const range = Number.isFinite(nearestRange) && nearestRange > 0 ? nearestRange : 0;
  const m = Math.max(SEARCH_REGION_MARGIN * Math.max(xMax - xMin, yMax - yMin), SEARCH_REGION_RANGE_MARGIN * range, Number.MIN_VALUE);
  return { xMin: xMin - m, xMax: xMax + m, yMin: yMin - m, yMax: yMax + m };
}

/**
 * The search region of a problem: `searchRegion` of its BSs with the smallest monostatic range
 * estimate min_i r_ii/2 (negative estimates count as 0).
 *
 * Formula: not in the paper (see `searchRegion`).
 * Method: one pass over the diagonal of the range sums.
 * Accuracy: exact.
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { problemRegion } from 'isacnet';
 * problemRegion({ n: 2, bsX: [0, 1], bsY: [0, 0], ranges: [4, 0, 0, 6], gains: [1, 1], zeta2: 1 }); // => {"xMin": -3, "xMax": 4, "yMin": -3, "yMax": 3}
 */
export function problemRegion(p: RangeSumProblem): Box2 {
  const stride = p.stride ?? p.n;
  let nearest = Infinity;
  for (let i = 0; i < p.n; i++) nearest = Math.min(nearest, Math.max(0, p.ranges[i * stride + i] / 2));
  return searchRegion(p.bsX, p.bsY, p.n, nearest);
}

/**
 * Noise variance σ_ij² of the range sum of the pair (i, j) in the model whose FIM is Eq. (5).
 *
 * Formula: σ_ij² = d_i^β d_j^β / |ζ|², so that 1/σ_ij² is the weight |ζ|² d_i^{−β} d_j^{−β} of the pair
 * in Eq. (5) of arXiv:2403.20228 (the model is derived in docs/sensing.md, not in the paper).
 * Method: direct evaluation.
 * Accuracy: double precision.
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { rangeSumNoiseVariance } from 'isacnet';
 * rangeSumNoiseVariance(1, 2, 2, 4); // => 1
 */
export function rangeSumNoiseVariance(di: number, dj: number, beta: number, zeta2: number): number {
  checkReal('di', di, 0, Infinity, { minExclusive: true });
  checkReal('dj', dj, 0, Infinity, { minExclusive: true });
  checkReal('beta', beta, 0, 64);
  checkReal('zeta2', zeta2, 0, Infinity, { minExclusive: true });
  return Math.pow(di * dj, beta) / zeta2;
}

/**
 * Draw the N × N range sums of a target at `target` seen by the BSs at (bsX, bsY).
 *
 * Formula: r_ij = d_i + d_j + σ_ij z_ij, z_ij iid N(0, 1), σ_ij² = d_i^β d_j^β/|ζ|²: the model whose FIM
 * is Eq. (5) of arXiv:2403.20228 (derived in docs/sensing.md, not in the paper).
 * Method: z_ij drawn row by row (i, then j) with `rng.normal()`.
 * Accuracy: exact in distribution; the score covariance of simulated draws equals Eq. (5)
 * (test/sensing/localization.test.ts).
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { simulateRangeSums, Rng } from 'isacnet';
 * const r = simulateRangeSums(new Rng(1), [3, 0], [0, 4], { x: 0, y: 0 }, 2, 1e12);
 * [r.length, Math.round(r[1])]; // => [4, 7]
 */
export function simulateRangeSums(rng: Rng, bsX: ArrayLike<number>, bsY: ArrayLike<number>, target: Point2, beta: number, zeta2: number, n = bsX.length): Float64Array {
  checkInteger('n', n, 1, Math.min(bsX.length, bsY.length));
  checkReal('zeta2', zeta2, 0, Infinity, { minExclusive: true });
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = Math.hypot(target.x - bsX[i], target.y - bsY[i]);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = d[i] + d[j] + Math.sqrt(Math.pow(d[i] * d[j], beta) / zeta2) * rng.normal();
  return out;
}

/**
 * FIM of the range-sum measurement model at the target position, from its Jacobian.
 *
 * Formula: F = Σ_ij σ_ij⁻² (u_i + u_j)(u_i + u_j)ᵀ, u_i = (x − p_i)/d_i, σ_ij² = d_i^β d_j^β/|ζ|²; equal to
 * Eq. (5) of arXiv:2403.20228 (the model and the identity are derived in docs/sensing.md).
 * Method: the literal O(N²) sum over ordered pairs.
 * Accuracy: equals `fimEq5` to 1e-12 relative for random geometries, and the covariance of the
 * simulated score within Monte Carlo error (test/sensing/localization.test.ts).
 * References: arXiv:2403.20228, Eq. (5); docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { rangeSumFim } from 'isacnet';
 * const F = rangeSumFim([1, -0.5, -0.5], [0, 0.8660254037844386, -0.8660254037844386], { x: 0, y: 0 }, 2, 1);
 * [F.xx, Math.abs(F.xy) < 1e-12, F.yy]; // => [9.0000000000, true, 9.0000000000]
 */
export function rangeSumFim(bsX: ArrayLike<number>, bsY: ArrayLike<number>, target: Point2, beta: number, zeta2: number, n = bsX.length): { xx: number; xy: number; yy: number } {
  checkInteger('n', n, 1, Math.min(bsX.length, bsY.length));
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const di = Math.hypot(target.x - bsX[i], target.y - bsY[i]);
    for (let j = 0; j < n; j++) {
      const dj = Math.hypot(target.x - bsX[j], target.y - bsY[j]);
      const gx = (target.x - bsX[i]) / di + (target.x - bsX[j]) / dj;
      const gy = (target.y - bsY[i]) / di + (target.y - bsY[j]) / dj;
      const w = zeta2 / Math.pow(di * dj, beta);
      xx += w * gx * gx;
      xy += w * gx * gy;
      yy += w * gy * gy;
    }
  }
  return { xx, xy, yy };
}

/** The O(N²) pass over the measurements: c_i, K₀ and G (see the module comment). */
interface Prepared {
  n: number;
  px: ArrayLike<number>;
  py: ArrayLike<number>;
  g: ArrayLike<number>;
  zeta2: number;
  c: Float64Array;
  k0: number;
  gSum: number;
}

function checkProblem(p: RangeSumProblem): number {
  const n = checkInteger('n', p.n, 2);
  const stride = p.stride ?? n;
  if (p.bsX.length < n || p.bsY.length < n) throw new ArgumentError('bsX.length', Math.min(p.bsX.length, p.bsY.length), `≥ n = ${n}`);
  if (p.gains.length < n) throw new ArgumentError('gains.length', p.gains.length, `≥ n = ${n}`);
  if (!(stride >= n) || p.ranges.length < (n - 1) * stride + n) throw new ArgumentError('ranges.length', p.ranges.length, `≥ (n − 1)·stride + n = ${(n - 1) * stride + n}`);
  checkReal('zeta2', p.zeta2, 0, Infinity, { minExclusive: true });
  return stride;
}

function prepare(p: RangeSumProblem, stride: number): Prepared {
  const n = p.n;
  const c = new Float64Array(n);
  let k0 = 0;
  let gSum = 0;
  for (let i = 0; i < n; i++) {
    gSum += p.gains[i];
    for (let j = 0; j < n; j++) {
      const w = p.zeta2 * p.gains[i] * p.gains[j];
      const r = p.ranges[i * stride + j];
      c[i] += w * r;
      c[j] += w * r;
      k0 += w * r * r;
    }
  }
  return { n, px: p.bsX, py: p.bsY, g: p.gains, zeta2: p.zeta2, c, k0, gSum };
}

/** J(x) in O(N). */
function cost(q: Prepared, x: number, y: number): number {
  let lin = 0;
  let sq = 0;
  let gd = 0;
  for (let i = 0; i < q.n; i++) {
    const dx = x - q.px[i];
    const dy = y - q.py[i];
    const d = Math.sqrt(dx * dx + dy * dy);
    lin += q.c[i] * d;
    sq += q.g[i] * d * d;
    gd += q.g[i] * d;
  }
  return q.k0 - 2 * lin + 2 * q.zeta2 * (q.gSum * sq + gd * gd);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

const MIN_DISTANCE = 1e-300;

/** Projected Levenberg–Marquardt from (x0, y0): the O(N) normal equations of the module comment. */
function levenbergMarquardt(q: Prepared, x0: number, y0: number, box: Box2, maxIterations: number): LocalizationEstimate {
  let x = clamp(x0, box.xMin, box.xMax);
  let y = clamp(y0, box.yMin, box.yMax);
  let j = cost(q, x, y);
  let mu = 1e-3;
  const scale = Math.max(box.xMax - box.xMin, box.yMax - box.yMin);
  const n = q.n;
  const d = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    let gd = 0;
    for (let i = 0; i < n; i++) {
      const ex = x - q.px[i];
      const ey = y - q.py[i];
      d[i] = Math.max(Math.sqrt(ex * ex + ey * ey), MIN_DISTANCE);
      gd += q.g[i] * d[i];
    }
    let bx = 0;
    let by = 0;
    let axx = 0;
    let axy = 0;
    let ayy = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      const ux = (x - q.px[i]) / d[i];
      const uy = (y - q.py[i]) / d[i];
      const h = q.c[i] - 2 * q.zeta2 * q.g[i] * (q.gSum * d[i] + gd);
      bx += ux * h;
      by += uy * h;
      const gi = q.g[i];
      axx += gi * ux * ux;
      axy += gi * ux * uy;
      ayy += gi * uy * uy;
      sx += gi * ux;
      sy += gi * uy;
    }
    const f = 2 * q.zeta2;
    const hxx = f * (q.gSum * axx + sx * sx);
    const hxy = f * (q.gSum * axy + sx * sy);
    const hyy = f * (q.gSum * ayy + sy * sy);
    let improved = false;
    let step = 0;
    for (let tries = 0; tries < 12; tries++) {
      const mxx = hxx * (1 + mu);
      const myy = hyy * (1 + mu);
      const det = mxx * myy - hxy * hxy;
      if (!(det > 0)) {
        mu *= 10;
        continue;
      }
      const dx = (myy * bx - hxy * by) / det;
      const dy = (mxx * by - hxy * bx) / det;
      const nx = clamp(x + dx, box.xMin, box.xMax);
      const ny = clamp(y + dy, box.yMin, box.yMax);
      const nj = cost(q, nx, ny);
      if (nj < j) {
        step = Math.hypot(nx - x, ny - y);
        x = nx;
        y = ny;
        const rel = (j - nj) / Math.max(Math.abs(j), Number.MIN_VALUE);
        j = nj;
        mu = Math.max(mu / 10, 1e-12);
        improved = rel > 1e-15;
        break;
      }
      mu *= 10;
    }
    if (!improved || step <= 1e-13 * scale) break;
  }
  return { x, y, cost: j };
}

/**
 * Two-step linearized least-squares estimate of the target position (closed form).
 *
 * Formula: not in the paper (an estimator for the model of Eq. (5) of arXiv:2403.20228): (1) d̂ =
 * argmin Σ_ij w_ij (r_ij − d_i − d_j)², linear in d, with normal matrix 2|ζ|²(G diag(g) + g gᵀ)
 * (solved by Sherman–Morrison); (2) the linearized circle equations −2 p_iᵀx + R = d̂_i² − ‖p_i‖²
 * (R = ‖x‖² a free unknown), weighted by 1/(4 d̂_i² Var d̂_i), a 3 × 3 least-squares solve. N = 2 (or
 * collinear BSs): the point of the BS baseline on the radical axis of the two range circles.
 * Method: O(N²) pass over the measurements, then O(N); the result is projected onto the region.
 * Accuracy: consistent (exact for noise-free range sums); not efficient: its MSE stays above the
 * CRLB at high SNR (ratio reported by `isacnet localize`, docs/sensing.md).
 * References: docs/sensing.md (Localization by estimators); Y. T. Chan, K. C. Ho, IEEE Trans. Signal
 * Process. 42 (1994) 1905–1915 (linearization with R = ‖x‖²).
 *
 * @example
 * import { localizeLs } from 'isacnet';
 * const bsX = [1, -1, 0, 2], bsY = [0, 0.5, -2, 2];
 * const d = bsX.map((x, i) => Math.hypot(0.3 - x, 0.2 - bsY[i])); // target at (0.3, 0.2)
 * const ranges = d.flatMap((di) => d.map((dj) => di + dj)); // noise-free range sums
 * const e = localizeLs({ n: 4, bsX, bsY, ranges, gains: d.map((x) => x ** -2), zeta2: 1 });
 * [e.x, e.y]; // => [0.300000000, 0.200000000]
 */
export function localizeLs(problem: RangeSumProblem, region?: Box2): LocalizationEstimate {
  const stride = checkProblem(problem);
  const q = prepare(problem, stride);
  const box = region ?? problemRegion(problem);
  const e = lsEstimate(q);
  const x = clamp(e.x, box.xMin, box.xMax);
  const y = clamp(e.y, box.yMin, box.yMax);
  return { x, y, cost: cost(q, x, y) };
}

function lsEstimate(q: Prepared): Point2 {
  const n = q.n;
  const f = 2 * q.zeta2;
  // M = D + v vᵀ, D = f G diag(g), v = √f g; M⁻¹ = D⁻¹ − D⁻¹ v vᵀ D⁻¹ / (1 + vᵀ D⁻¹ v).
  let vDv = 0;
  let vDc = 0;
  for (let i = 0; i < n; i++) {
    const dInv = 1 / (f * q.gSum * q.g[i]);
    vDv += f * q.g[i] * q.g[i] * dInv;
    vDc += Math.sqrt(f) * q.g[i] * dInv * q.c[i];
  }
  const dh = new Float64Array(n);
  const wt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dInv = 1 / (f * q.gSum * q.g[i]);
    const vi = Math.sqrt(f) * q.g[i];
    dh[i] = dInv * q.c[i] - (dInv * vi * vDc) / (1 + vDv);
    const varI = dInv - (dInv * vi) ** 2 / (1 + vDv);
    const di = Math.max(dh[i], 1e-9 * Math.sqrt(dInv));
    dh[i] = Math.max(dh[i], 0);
    wt[i] = 1 / (4 * di * di * varI);
  }
  if (n >= 3) {
    // Weighted normal equations of [−2p_x, −2p_y, 1] [x, y, R]ᵀ = d̂² − ‖p‖².
    const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const b = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const a = [-2 * q.px[i], -2 * q.py[i], 1];
      const rhs = dh[i] * dh[i] - q.px[i] * q.px[i] - q.py[i] * q.py[i];
      for (let r = 0; r < 3; r++) {
        b[r] += wt[i] * a[r] * rhs;
        for (let s = 0; s < 3; s++) m[r * 3 + s] += wt[i] * a[r] * a[s];
      }
    }
    const sol = solve3(m, b);
    if (sol) return { x: sol[0], y: sol[1] };
  }
  // N = 2 (or collinear): baseline point on the radical axis of the circles of the two nearest-weighted BSs.
  let i1 = 0;
  let i2 = 1;
  for (let i = 0; i < n; i++) if (q.g[i] > q.g[i1]) i1 = i;
  if (i2 === i1) i2 = 0;
  for (let i = 0; i < n; i++) if (i !== i1 && q.g[i] > q.g[i2]) i2 = i;
  const ex = q.px[i2] - q.px[i1];
  const ey = q.py[i2] - q.py[i1];
  const base = Math.hypot(ex, ey);
  const t = (base * base + dh[i1] * dh[i1] - dh[i2] * dh[i2]) / (2 * base);
  return { x: q.px[i1] + (t * ex) / base, y: q.py[i1] + (t * ey) / base };
}

/** Solve a symmetric 3 × 3 system by Gaussian elimination with partial pivoting; null if singular. */
function solve3(m: number[], b: number[]): number[] | null {
  const a = [
    [m[0], m[1], m[2], b[0]],
    [m[3], m[4], m[5], b[1]],
    [m[6], m[7], m[8], b[2]],
  ];
  const norm = Math.max(...m.map(Math.abs));
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
    if (!(Math.abs(a[piv][col]) > 1e-13 * norm)) return null;
    [a[col], a[piv]] = [a[piv], a[col]];
    for (let r = col + 1; r < 3; r++) {
      const fct = a[r][col] / a[col][col];
      for (let k = col; k < 4; k++) a[r][k] -= fct * a[col][k];
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = a[r][3];
    for (let k = r + 1; k < 3; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return x;
}

/**
 * Maximum-likelihood estimate of the target position from the range sums (global over the region).
 *
 * Formula: not in the paper (an estimator for the model of Eq. (5) of arXiv:2403.20228):
 * x̂ = argmin_{x ∈ region} Σ_ij w_ij (r_ij − ‖x − p_i‖ − ‖x − p_j‖)², the MLE of the Gaussian model with
 * known variances 1/w_ij (docs/sensing.md).
 * Method: the cost on a grid × grid lattice over the region (O(N) per point, module comment); projected
 * Levenberg–Marquardt from the `starts` lowest grid local minima and from `localizeLs`; the lowest cost wins.
 * Accuracy: at high SNR its MSE equals the per-geometry CRLB within Monte Carlo error (N = 4, 6, 10;
 * test/sensing/localization.test.ts); agrees with scipy's least_squares from the true position on
 * fixed problems (test/sensing/fixtures/gen_localization.py). Confined to the region, so at low SNR it
 * is biased and its MSE can fall below the CRLB (docs/sensing.md).
 * References: docs/sensing.md (Localization by estimators); K. Levenberg (1944), D. Marquardt (1963);
 * H. Godrich, A. M. Haimovich, R. S. Blum, IEEE Trans. Inf. Theory 56 (2010) 2783–2803 (the MLE and
 * CRLB of distributed MIMO radar localization).
 *
 * @example
 * import { localizeMle } from 'isacnet';
 * const bsX = [1, -1, 0, 2], bsY = [0, 0.5, -2, 2];
 * const d = bsX.map((x, i) => Math.hypot(0.3 - x, 0.2 - bsY[i])); // target at (0.3, 0.2)
 * const ranges = d.flatMap((di) => d.map((dj) => di + dj)); // noise-free range sums
 * const e = localizeMle({ n: 4, bsX, bsY, ranges, gains: d.map((x) => x ** -2), zeta2: 1 });
 * [e.x, e.y]; // => [0.300000000, 0.200000000]
 */
export function localizeMle(problem: RangeSumProblem, options: MleOptions = {}): LocalizationEstimate {
  const stride = checkProblem(problem);
  const grid = checkInteger('grid', options.grid ?? 12, 2, 4096);
  const starts = checkInteger('starts', options.starts ?? 2, 0, grid * grid);
  const maxIterations = checkInteger('maxIterations', options.maxIterations ?? 60, 1, 1e6);
  const box = options.region ?? problemRegion(problem);
  const q = prepare(problem, stride);
  const vals = new Float64Array(grid * grid);
  const gx = (k: number): number => box.xMin + ((k + 0.5) * (box.xMax - box.xMin)) / grid;
  const gy = (k: number): number => box.yMin + ((k + 0.5) * (box.yMax - box.yMin)) / grid;
  for (let a = 0; a < grid; a++) for (let b = 0; b < grid; b++) vals[a * grid + b] = cost(q, gx(a), gy(b));
  // Grid local minima (≤ each of the 8 neighbours), lowest first.
  const minima: number[] = [];
  for (let a = 0; a < grid; a++) {
    for (let b = 0; b < grid; b++) {
      const v = vals[a * grid + b];
      let isMin = true;
      for (let da = -1; da <= 1 && isMin; da++) {
        for (let db = -1; db <= 1; db++) {
          const aa = a + da;
          const bb = b + db;
          if ((da !== 0 || db !== 0) && aa >= 0 && aa < grid && bb >= 0 && bb < grid && vals[aa * grid + bb] < v) {
            isMin = false;
            break;
          }
        }
      }
      if (isMin) minima.push(a * grid + b);
    }
  }
  minima.sort((s, t) => vals[s] - vals[t]);
  const ls = lsEstimate(q);
  let best = levenbergMarquardt(q, Number.isFinite(ls.x) ? ls.x : gx(0), Number.isFinite(ls.y) ? ls.y : gy(0), box, maxIterations);
  for (let k = 0; k < Math.min(starts, minima.length); k++) {
    const idx = minima[k];
    const e = levenbergMarquardt(q, gx(Math.floor(idx / grid)), gy(idx % grid), box, maxIterations);
    if (e.cost < best.cost) best = e;
  }
  return best;
}
