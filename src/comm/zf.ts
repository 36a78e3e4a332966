/**
 * Zero-forcing transmit beamforming of Eq. (2) of arXiv:2403.20228 with complex Gaussian channels.
 *
 * Each BS serves one user (channel h ~ CN(0, I_{M_t})) and illuminates one target (steering row
 * a^H(θ) = [1, e^{jπ cos θ}, …, e^{jπ(M_t−1) cos θ}]; the paper writes M_r entries, but a^H(θ)
 * multiplies the M_t-entry transmit beamformer, so it has M_t entries: docs/errata.md). With
 * H = [h^H; a^H] (2 × M_t), W = H^H (H H^H)^{−1} satisfies H W = I: the communication column w^c
 * leaks nothing to the target (a^H w^c = 0) and the sensing column w^s nothing to the user
 * (h^H w^s = 0). Columns are normalized to unit norm (the powers p^c, p^s of Eq. (1) scale them).
 *
 * Consequences checked by simulation (test/comm/zf.test.ts):
 * - desired gain p^c|h^H w^c|² = p^c‖P⊥_a h‖² ~ Gamma(M_t − 1, p^c) (projection of an isotropic
 *   Gaussian vector on the (M_t−1)-dimensional complement of a);
 * - gain at an unintended user with channel g ~ CN(0, I) independent of W:
 *   p^c|g^H w^c|² + p^s|g^H w^s|² = λ1 E1 + λ2 E2 (E_i ~ Exp(1) independent), with λ1 + λ2 = 1 and
 *   λ1 λ2 = p^c p^s (1 − |ρ|²), ρ = (w^c)^H w^s, |ρ|² = |â^H ĥ|² ~ Beta(1, M_t − 1). It is Exp(1)
 *   (the paper's moment-matched Γ(1, 1)) only when p^c ∈ {0, 1}.
 *
 * Complex vectors are interleaved Float64Arrays [re0, im0, re1, im1, …].
 */
import type { Rng } from '../math/rng.ts';

const SQRT_HALF = Math.SQRT1_2;
const GRAM_SCRATCH = new Float64Array(2);

/**
 * A channel h ~ CN(0, I_m) into `out` (length 2m, interleaved re/im): real and imaginary parts N(0, 1/2).
 *
 * Formula: the Rayleigh channels h of Eqs. (2) and (7) of arXiv:2403.20228, E‖h‖² = m.
 * Method: 2m Marsaglia-polar normals from `rng`, scaled by 1/√2.
 * Accuracy: exact in distribution; test/comm/zf.test.ts checks the gain laws built on it (KS).
 * References: arXiv:2403.20228, Section II-A; docs/communication.md (zero forcing).
 *
 * @example
 * import { complexGaussian, Rng } from 'isacnet';
 * const rng = new Rng(2);
 * const h = new Float64Array(8);
 * let e2 = 0;
 * for (let t = 0; t < 10000; t++) { complexGaussian(rng, 4, h); for (const x of h) e2 += x * x; }
 * e2 / 10000; // => 3.99 (±0.01)
 */
export function complexGaussian(rng: Rng, m: number, out: Float64Array): Float64Array {
  for (let i = 0; i < 2 * m; i++) out[i] = SQRT_HALF * rng.normal();
  return out;
}

/**
 * The steering row a^H(θ) as a vector of its entries e^{jπk cos θ}, k = 0…m−1 (half-wavelength ULA),
 * interleaved re/im into `out` (length 2m).
 *
 * Formula: a^H(θ) = [1, …, e^{jπ(M−1)cos θ}] below Eq. (4) of arXiv:2403.20228, with M = M_t entries
 * (the paper writes M_r; a^H multiplies the M_t-entry beamformer: docs/errata.md, C1).
 * Method: one complex rotation per entry (recurrence on e^{jπ cos θ}).
 * Accuracy: ≈ k ulp in entry k (the recurrence accumulates one rounding per step).
 * References: arXiv:2403.20228, Eqs. (2) and (4); docs/errata.md C1.
 *
 * @example
 * import { steeringRow } from 'isacnet';
 * // θ = π/3: cos θ = 1/2, entries e^{jπk/2} = 1, j, −1
 * Array.from(steeringRow(Math.PI / 3, 3, new Float64Array(6)), (x) => Math.round(x * 1e12) / 1e12); // => [1, 0, 0, 1, -1, 0]
 */
export function steeringRow(theta: number, m: number, out: Float64Array): Float64Array {
  const phase = Math.PI * Math.cos(theta);
  const c = Math.cos(phase);
  const s = Math.sin(phase);
  let re = 1;
  let im = 0;
  for (let k = 0; k < m; k++) {
    out[2 * k] = re;
    out[2 * k + 1] = im;
    const nre = re * c - im * s;
    im = re * s + im * c;
    re = nre;
  }
  return out;
}

/** x^H y for interleaved complex vectors of length m; result into out[0], out[1]. */
function innerH(x: Float64Array, y: Float64Array, m: number, out: Float64Array): void {
  let re = 0;
  let im = 0;
  for (let k = 0; k < m; k++) {
    const xr = x[2 * k];
    const xi = -x[2 * k + 1];
    const yr = y[2 * k];
    const yi = y[2 * k + 1];
    re += xr * yr - xi * yi;
    im += xr * yi + xi * yr;
  }
  out[0] = re;
  out[1] = im;
}

export interface ZfBeams {
  /** Unit-norm communication beam w^c (interleaved complex, length 2m). */
  wc: Float64Array;
  /** Unit-norm sensing beam w^s. */
  ws: Float64Array;
}

/**
 * Normalized ZF beams for user channel h (as the column h, so the row is h^H) and target row a^H
 * given by its entries `aRow` (so the column is a = conj(aRow)). Writes into `beams`.
 *
 * Formula: Eq. (2) of arXiv:2403.20228 corrected to W = H^H(H H^H)^{−1} with H = [h^H; a^H] (2 × M_t;
 * the printed H(H^H H)^{−1} does not exist: docs/errata.md, C2), so H W = I (a^H w^c = 0, h^H w^s = 0);
 * the columns are then normalized to unit norm (Eq. (1) scales them by √p^c, √p^s).
 * Method: the 2 × 2 Gram matrix G = H H^H inverted in closed form; w = [h, a] G^{−1} column by column.
 * Accuracy: |a^H w^c|², |h^H w^s|² < 1e-24 over 2000 draws for M_t = 2, 4, 16 (test/comm/zf.test.ts).
 * References: arXiv:2403.20228, Eq. (2); docs/errata.md C1–C2; docs/communication.md.
 *
 * @example
 * import { complexGaussian, steeringRow, zeroForcingBeams, absInnerSquared, Rng } from 'isacnet';
 * const m = 4;
 * const h = complexGaussian(new Rng(7), m, new Float64Array(2 * m));
 * const aRow = steeringRow(1.0, m, new Float64Array(2 * m));
 * const { wc, ws } = zeroForcingBeams(h, aRow, m, { wc: new Float64Array(2 * m), ws: new Float64Array(2 * m) });
 * const a = aRow.map((v, i) => (i % 2 === 1 ? -v : v)); // the column a = conj(a^H)
 * absInnerSquared(a, wc, m) < 1e-24; // => true
 * absInnerSquared(h, ws, m) < 1e-24; // => true
 * absInnerSquared(wc, wc, m); // => 1 (±1e-12)
 */
export function zeroForcingBeams(h: Float64Array, aRow: Float64Array, m: number, beams: ZfBeams, scratch: Float64Array = new Float64Array(2 * m)): ZfBeams {
  // a = conj(aRow) as a column.
  const a = scratch;
  for (let k = 0; k < m; k++) {
    a[2 * k] = aRow[2 * k];
    a[2 * k + 1] = -aRow[2 * k + 1];
  }
  // Gram matrix G = H H^H = [[h^H h, h^H a], [a^H h, a^H a]].
  const t = GRAM_SCRATCH;
  innerH(h, h, m, t);
  const g11 = t[0];
  innerH(a, a, m, t);
  const g22 = t[0];
  innerH(h, a, m, t);
  const g12r = t[0];
  const g12i = t[1];
  // G^{-1} = [[g22, −g12], [−g21, g11]]/det, g21 = conj(g12), det = g11 g22 − |g12|² (real > 0).
  const det = g11 * g22 - (g12r * g12r + g12i * g12i);
  // W = [h, a] G^{-1}: w^c = (g22 h − g21 a)/det, w^s = (−g12 h + g11 a)/det (the 1/det cancels
  // in the normalization).
  const { wc, ws } = beams;
  let nc = 0;
  let ns = 0;
  for (let k = 0; k < m; k++) {
    const hr = h[2 * k];
    const hi = h[2 * k + 1];
    const ar = a[2 * k];
    const ai = a[2 * k + 1];
    // g21 = conj(g12) = g12r − j g12i; g21·a:
    const g21aR = g12r * ar + g12i * ai;
    const g21aI = g12r * ai - g12i * ar;
    const cr = g22 * hr - g21aR;
    const ci = g22 * hi - g21aI;
    // g12·h:
    const g12hR = g12r * hr - g12i * hi;
    const g12hI = g12r * hi + g12i * hr;
    const sr = g11 * ar - g12hR;
    const si = g11 * ai - g12hI;
    wc[2 * k] = cr;
    wc[2 * k + 1] = ci;
    ws[2 * k] = sr;
    ws[2 * k + 1] = si;
    nc += cr * cr + ci * ci;
    ns += sr * sr + si * si;
  }
  void det;
  const ic = 1 / Math.sqrt(nc);
  const is = 1 / Math.sqrt(ns);
  for (let i = 0; i < 2 * m; i++) {
    wc[i] *= ic;
    ws[i] *= is;
  }
  return beams;
}

/**
 * |x^H y|² for interleaved complex vectors of length m.
 *
 * Formula: |Σ_k conj(x_k) y_k|², the gains |h^H w|² of Eqs. (7)–(8) of arXiv:2403.20228.
 * Method: one pass over the entries.
 * Accuracy: double precision (m roundings).
 * References: arXiv:2403.20228, Eq. (8).
 *
 * @example
 * import { absInnerSquared } from 'isacnet';
 * // x = (1, j): x^H x = 2
 * absInnerSquared(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 0, 0, 1), 2); // => 4
 * // y = (j, 1): x^H y = j − j = 0
 * absInnerSquared(Float64Array.of(1, 0, 0, 1), Float64Array.of(0, 1, 1, 0), 2); // => 0
 */
export function absInnerSquared(x: Float64Array, y: Float64Array, m: number): number {
  let re = 0;
  let im = 0;
  for (let k = 0; k < m; k++) {
    const xr = x[2 * k];
    const xi = x[2 * k + 1];
    const yr = y[2 * k];
    const yi = y[2 * k + 1];
    re += xr * yr + xi * yi;
    im += xr * yi - xi * yr;
  }
  return re * re + im * im;
}

/**
 * Draws ZF gains for one BS: a fresh own-user channel and target bearing θ ~ U[0, 2π), and returns
 * the gain at a user with channel `g` (interleaved). Reusable scratch state avoids allocations.
 *
 * Formula: desired gain p^c|h^H w^c|² ~ Gamma(M_t − 1, p^c) and interference gain
 * p^c|g^H w^c|² + p^s|g^H w^s|² = λ1E1 + λ2E2 (mean 1) with the beams of Eq. (2) of arXiv:2403.20228;
 * the paper's moment-matched law below Eq. (18) is Γ(1, 1), exact only for p^c ∈ {0, 1}.
 * Method: full simulation: CN(0, I) channels, a uniform target bearing, `zeroForcingBeams`.
 * Accuracy: exact in distribution; KS tests against Gamma(M_t − 1, p^c) and the hypoexponential mixture
 * pass at significance 0.001 with 20 000 samples (test/comm/zf.test.ts).
 * References: arXiv:2403.20228, Eq. (2) and below Eq. (18); docs/errata.md C8; docs/communication.md.
 *
 * @example
 * import { ZfGainSampler, Rng } from 'isacnet';
 * const s = new ZfGainSampler(4, 0.5);
 * const rng = new Rng(1);
 * let d = 0;
 * let g = 0;
 * for (let t = 0; t < 20000; t++) { d += s.desired(rng); g += s.interference(rng); }
 * // Monte Carlo, seed 1: E[desired] = (M_t − 1)p^c = 1.5, E[interference] = 1
 * d / 20000; // => 1.496
 * g / 20000; // => 1.009
 */
export class ZfGainSampler {
  private readonly h: Float64Array;
  private readonly aRow: Float64Array;
  private readonly g: Float64Array;
  private readonly scratch: Float64Array;
  private readonly beams: ZfBeams;

  constructor(
    readonly mt: number,
    readonly pc: number,
  ) {
    this.h = new Float64Array(2 * mt);
    this.aRow = new Float64Array(2 * mt);
    this.g = new Float64Array(2 * mt);
    this.scratch = new Float64Array(2 * mt);
    this.beams = { wc: new Float64Array(2 * mt), ws: new Float64Array(2 * mt) };
  }

  /** Desired gain p^c|h^H w^c|² of a BS whose beam serves this user (h drawn here). */
  desired(rng: Rng): number {
    complexGaussian(rng, this.mt, this.h);
    steeringRow(2 * Math.PI * rng.uniform32(), this.mt, this.aRow);
    zeroForcingBeams(this.h, this.aRow, this.mt, this.beams, this.scratch);
    return this.pc * absInnerSquared(this.h, this.beams.wc, this.mt);
  }

  /** Interference gain p^c|g^H w^c|² + p^s|g^H w^s|² at a user that the BS does not serve. */
  interference(rng: Rng): number {
    complexGaussian(rng, this.mt, this.h);
    steeringRow(2 * Math.PI * rng.uniform32(), this.mt, this.aRow);
    zeroForcingBeams(this.h, this.aRow, this.mt, this.beams, this.scratch);
    complexGaussian(rng, this.mt, this.g);
    return this.pc * absInnerSquared(this.g, this.beams.wc, this.mt) + (1 - this.pc) * absInnerSquared(this.g, this.beams.ws, this.mt);
  }

  /** Sensing-beam leakage |h^H w^s|² to the BS's own user (zero up to rounding). */
  ownUserLeakage(rng: Rng): number {
    complexGaussian(rng, this.mt, this.h);
    steeringRow(2 * Math.PI * rng.uniform32(), this.mt, this.aRow);
    zeroForcingBeams(this.h, this.aRow, this.mt, this.beams, this.scratch);
    return absInnerSquared(this.h, this.beams.ws, this.mt);
  }
}
