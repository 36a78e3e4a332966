/**
 * Monte Carlo of the CoMP rate curve L ↦ R_c(L) (Eqs. (7)–(9) of arXiv:2403.20228) under the FULL
 * zero-forcing channel simulation (beams of Eq. (2), complex Gaussian channels, random target
 * bearings), paired trial by trial with a CONTROL: the paper's closed-form model (Gamma desired gains,
 * Exp(1) interference gains, independent acceptance; exact rate `rateExact`) simulated on the same
 * geometry, the same acceptance coins and the same channel draws. One trial evaluates every requested
 * L (common random numbers across L, as src/comm/rateCurve.ts).
 *
 * Per trial, with u_1 < u_2 < … the BSs of a unit-rate Poisson process in u = πλ_b r² inside u ≤ U
 * (`discBs`, mean field U^{1−α/2}/(α/2 − 1) beyond, the same for both models since E[g] = 1 in both):
 * - BS k ≤ max L: the typical user's channel h_k ~ CN(0, I_{M_t}) and a target bearing θ_k ~ U[0, 2π);
 *   if it serves the user, its ZF beam w^c ∝ P⊥_a h_k gives the desired gain
 *   D_k = p^c|h_k^H w^c|² = p^c‖P⊥_a h_k‖², exactly Gamma(M_t − 1, p^c): the control uses the SAME D_k.
 *   One acceptance uniform a_k (32 bits).
 * - BS k ≥ 2: its own user's channel h'_k, its target bearing θ'_k and the typical user's channel g_k
 *   (all independent CN(0, I) / uniform); the ZF interference gain G_k = p^c|g^H w^c|² + p^s|g^H w^s|².
 *   Given b_k = 1 − |ρ_k|² (ρ = (w^c)^H w^s, a function of h'_k, θ'_k only), G_k is hypoexponential
 *   λ1E1 + λ2E2, λ1,2 = (1 ± √(1 − 4p^c p^s b_k))/2 (src/comm/zf.ts), with survival function S_b.
 *   The control's interference gain is the conditional quantile transform E_k = −ln S_{b_k}(G_k):
 *   given b_k it is Exp(1) (probability integral transform of a continuous law), so it is Exp(1)
 *   independent of b_k, and independent across BSs and of the geometry, the coins and the D_k: the
 *   control's record has EXACTLY the law of the closed-form model. Among all Exp(1) couplings with
 *   G_k given b_k it is the comonotone one (maximal correlation); E_k = G_k when p^c ∈ {0, 1}.
 * - for each requested L (with its own κ_c(L)): BS 1 serves, BS k ∈ 2…L serves iff a_k < κ_c(L),
 *   every other BS interferes; Y = ln(1 + Σ_serve D_k u_k^{−α/2} / (Σ_interf G_k u_k^{−α/2} + tail)),
 *   X = the same with E_k in place of G_k.
 * Each Y column's mean is the ZF rate (what comm.typicalUser with gains 'zf' estimates, independent
 * acceptance); each X column's mean is rateExact({ L, κ_c(L), … }) up to the mean-field tail (the
 * same ≈1e-5 bias as comm.typicalUser's). `controlVariateEstimate` (src/comm/controlVariate.ts)
 * combines them.
 *
 * Speed: monomorphic loops over reused typed arrays (no allocation per trial); α = 4 path gain 1/u²;
 * ziggurat exponentials for the geometry; complex normals by the polar method, one pair per complex
 * entry; the ZF gains from three inner products per BS in closed form (no beam vectors formed):
 * with α_ = a^H h', H = ‖h'‖², β = g^H h', γ = g^H a (M = M_t = ‖a‖²):
 * ‖P⊥_a h'‖² = H b, ‖P⊥_{h'} a‖² = M b, b = 1 − |α_|²/(M H),
 * |g^H w^c|² = |β − γα_/M|²/(H b), |g^H w^s|² = |γ − β conj(α_)/H|²/(M b) (identical to
 * `zeroForcingBeams` + `absInnerSquared` up to rounding: test/comm/zfRateCurve.test.ts).
 *
 * Record per trial (width 2 × number of L values): [Y(Ls[0]), X(Ls[0]), Y(Ls[1]), X(Ls[1]), …].
 */
import type { Rng } from '../math/rng.ts';
import { meanFieldTail } from './typicalUser.ts';
import { exponentialZiggurat, parseRateCurveBaseArgs, type RateCurveBaseArgs } from './rateCurve.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';

/** Arguments of `comm.zfRateCurve`: the rate-curve kernels' shared arguments (Ls, kappaC, pc, alpha, mt, discBs). */
export type ZfRateCurveArgs = RateCurveBaseArgs;

/** Registry name of the ZF rate-curve kernel (with its closed-form control). */
export const ZF_RATE_CURVE_KERNEL = 'comm.zfRateCurve';

function parseZfRateCurveArgs(a: KernelArgs): ZfRateCurveArgs {
  return parseRateCurveBaseArgs(a);
}

/**
 * −ln S(G) for the hypoexponential λ1E1 + λ2E2 with λ1,2 = (1 ± √(1 − 4cb))/2 (λ1 + λ2 = 1,
 * λ1λ2 = cb): S(G) = (λ1e^{−G/λ1} − λ2e^{−G/λ2})/(λ1 − λ2), written as
 * e^{−G/λ1}(1 + (G/λ1)·φ(q)), q = G(1/λ2 − 1/λ1), φ(q) = (1 − e^{−q})/q (no cancellation when λ1 ≈ λ2).
 *
 * Formula: not in the paper: the probability integral transform of the ZF interference gain given b
 * (src/comm/zf.ts), mapping it to Exp(1); the paper's law below Eq. (18) of arXiv:2403.20228 is Exp(1).
 * Method: closed form with expm1/log1p; cb = 0 (p^c ∈ {0, 1} or b = 0) returns G (then G ~ Exp(1)).
 * Accuracy: a few ulp relative (no subtraction of nearly equal terms); the transformed ZF gains pass
 * a KS test against Exp(1) (test/comm/zfRateCurve.test.ts).
 * References: src/comm/zfRateCurve.ts (module comment); docs/communication.md (ZF control variate).
 *
 * @example
 * import { hypoexpExpQuantile } from 'isacnet/comm';
 * hypoexpExpQuantile(0.7, 0); // => 0.7
 * // c·b = 0.25: λ1 = λ2 = 1/2, Gamma(2, 1/2): S(1) = 3e^{−2}, −ln S = 2 − ln 3
 * hypoexpExpQuantile(1, 0.25); // => 0.901387711
 */
export function hypoexpExpQuantile(g: number, cb: number): number {
  if (!(cb > 0)) return g;
  const disc = Math.sqrt(Math.max(0, 1 - 4 * cb));
  const l1 = 0.5 * (1 + disc);
  const l2 = cb / l1;
  const r = g / l1;
  const q = g / l2 - r;
  const phi = q > 1e-12 ? -Math.expm1(-q) / q : 1 - 0.5 * q;
  return r - Math.log1p(r * phi);
}

/** Buffers reused across calls (one kernel call runs on one thread; they never escape). */
let bufCap = 0;
let pathBuf = new Float64Array(0);
let desBuf = new Float64Array(0);
let intBuf = new Float64Array(0);
let ctlBuf = new Float64Array(0);
let accBuf = new Float64Array(0);
let vecCap = 0;
let hBuf = new Float64Array(0);
let gBuf = new Float64Array(0);
let aBuf = new Float64Array(0);

function ensure(n: number): void {
  if (n <= bufCap) return;
  bufCap = Math.max(n, 2 * bufCap, 256);
  pathBuf = new Float64Array(bufCap);
  desBuf = new Float64Array(bufCap);
  intBuf = new Float64Array(bufCap);
  ctlBuf = new Float64Array(bufCap);
  accBuf = new Float64Array(bufCap);
}

function ensureVec(m: number): void {
  if (2 * m <= vecCap) return;
  vecCap = 2 * m;
  hBuf = new Float64Array(vecCap);
  gBuf = new Float64Array(vecCap);
  aBuf = new Float64Array(vecCap);
}

/** m entries of CN(0, 1) into v (interleaved): polar method, one (u, v) pair per complex entry. */
function fillComplexGaussian(rng: Rng, v: Float64Array, m: number): void {
  for (let k = 0; k < m; k++) {
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * rng.uniform() - 1;
      y = 2 * rng.uniform() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    // real and imaginary parts N(0, 1/2): the standard polar factor √(−2 ln s/s) times √½
    const f = Math.sqrt(-Math.log(s) / s);
    v[2 * k] = x * f;
    v[2 * k + 1] = y * f;
  }
}

/** The steering row a^H(θ) entries e^{jπk cos θ}, θ = 2π·(32-bit uniform), into v (as zf.ts `steeringRow`). */
function fillSteeringRow(rng: Rng, v: Float64Array, m: number): void {
  const phase = Math.PI * Math.cos(2 * Math.PI * rng.uniform32());
  const c = Math.cos(phase);
  const s = Math.sin(phase);
  let re = 1;
  let im = 0;
  for (let k = 0; k < m; k++) {
    v[2 * k] = re;
    v[2 * k + 1] = im;
    const nre = re * c - im * s;
    im = re * s + im * c;
    re = nre;
  }
}

/** Scratch of `zfInterferenceGain` inside the kernel. */
const gainOut = new Float64Array(2);

/**
 * The ZF interference gain at an unintended user and the coefficient b = 1 − |ρ|², from the BS's own
 * user's channel h, its target's steering row a^H (entries, as `steeringRow`) and the unintended user's
 * channel g (interleaved complex, length 2m each), without forming the beams: out[0] = gain, out[1] = b.
 *
 * Formula: G = p^c|g^H w^c|² + p^s|g^H w^s|² with the normalized ZF beams of Eq. (2) of
 * arXiv:2403.20228 (w^c ∝ P⊥_a h, w^s ∝ P⊥_h a); with α_ = a^H h, H = ‖h‖², β = g^H h, γ = g^H a:
 * b = 1 − |α_|²/(mH), |g^H w^c|² = |β − γα_/m|²/(Hb), |g^H w^s|² = |γ − β conj(α_)/H|²/(mb).
 * Method: one pass over the entries (three inner products and a norm).
 * Accuracy: equals `zeroForcingBeams` + `absInnerSquared` to 1e-12 relative, and b equals
 * 1 − |(w^c)^H w^s|², over 2000 draws (test/comm/zfRateCurve.test.ts).
 * References: src/comm/zf.ts (beams and the gain law); src/comm/zfRateCurve.ts (module comment).
 *
 * @example
 * import { zfInterferenceGain, complexGaussian, steeringRow } from 'isacnet/comm';
 * import { Rng } from 'isacnet';
 * const rng = new Rng(4);
 * const m = 4;
 * const out = new Float64Array(2);
 * zfInterferenceGain(complexGaussian(rng, m, new Float64Array(8)), steeringRow(0.3, m, new Float64Array(8)), complexGaussian(rng, m, new Float64Array(8)), m, 1, out);
 * // p^c = 1: the gain is |g^H w^c|² (an Exp(1) draw); b lies in (0, 1]
 * out[0] > 0 && out[1] > 0 && out[1] <= 1; // => true
 */
export function zfInterferenceGain(h: Float64Array, a: Float64Array, g: Float64Array, m: number, pc: number, out: Float64Array): Float64Array {
  let hh = 0;
  let alr = 0; // α_ = a^H h
  let ali = 0;
  let br = 0; // β = g^H h
  let bi = 0;
  let gr = 0; // γ = g^H a = Σ conj(g_k) conj((a^H)_k)
  let gi = 0;
  for (let k = 0; k < m; k++) {
    const hr = h[2 * k]!;
    const hi = h[2 * k + 1]!;
    const xr = a[2 * k]!;
    const xi = a[2 * k + 1]!;
    const yr = g[2 * k]!;
    const yi = g[2 * k + 1]!;
    hh += hr * hr + hi * hi;
    alr += xr * hr - xi * hi;
    ali += xr * hi + xi * hr;
    br += yr * hr + yi * hi;
    bi += yr * hi - yi * hr;
    gr += yr * xr - yi * xi;
    gi -= yr * xi + yi * xr;
  }
  const invM = 1 / m;
  const b = 1 - (alr * alr + ali * ali) / (m * hh);
  // g^H P⊥_a h = β − γα_/m
  const c1r = br - (gr * alr - gi * ali) * invM;
  const c1i = bi - (gr * ali + gi * alr) * invM;
  // g^H P⊥_h a = γ − β conj(α_)/H
  const ih = 1 / hh;
  const c2r = gr - (br * alr + bi * ali) * ih;
  const c2i = gi - (bi * alr - br * ali) * ih;
  out[0] = (pc * (c1r * c1r + c1i * c1i) * ih + (1 - pc) * (c2r * c2r + c2i * c2i) * invM) / b;
  out[1] = b;
  return out;
}

/**
 * `count` independent trials of the ZF rate curve and its closed-form control; see the module comment
 * for the record layout.
 *
 * Formula: per L, Y = ln(1 + SIR_c(L)) of Eq. (8) of arXiv:2403.20228 with the ZF gains of the Eq. (2)
 * beams, and X = ln(1 + SIR_c(L)) of the same trial with the interference gains mapped to Exp(1) by
 * their conditional quantile transform (desired gains, geometry and acceptance shared); E[X] is the
 * exact rate of the paper's model (`rateExact`).
 * Method: BSs in u = πλ_b r² as a unit-rate Poisson process inside u ≤ U, mean field beyond; complex
 * Gaussian channels and uniform bearings per BS; ZF gains in closed form from three inner products.
 * Accuracy: exact in distribution per column up to the mean-field tail (≈1e-5); the Y columns agree
 * with comm.typicalUser (gains 'zf') and the X columns with rateExact within 4 standard errors
 * (test/comm/zfRateCurve.test.ts).
 * References: arXiv:2403.20228, Eqs. (2), (7)–(9), Fig. 4; src/comm/zf.ts; docs/communication.md.
 *
 * @example
 * import { simulateZfRateCurve, Rng } from 'isacnet';
 * const rec = simulateZfRateCurve({ Ls: [1, 4], kappaC: [1, 1], pc: 0.5, alpha: 4, mt: 4, discBs: 100 }, new Rng(1), 2);
 * rec.length; // => 8
 * // at p^c = 1 the ZF interference gain is Exp(1) and the control equals the ZF rate
 * const one = simulateZfRateCurve({ Ls: [2], kappaC: [0.5], pc: 1, alpha: 4, mt: 4, discBs: 100 }, new Rng(1), 1);
 * one[0] === one[1]; // => true
 */
export function simulateZfRateCurve(args: ZfRateCurveArgs, rng: Rng, count: number): Float64Array {
  const { Ls, kappaC, pc, alpha, mt, discBs } = args;
  const nL = Ls.length;
  const width = 2 * nL;
  const lMax = Ls[nL - 1]!;
  const out = new Float64Array(count * width);
  const tail = meanFieldTail(discBs, alpha);
  const halfAlpha = alpha / 2;
  const alpha4 = alpha === 4;
  const c = pc * (1 - pc);
  const invM = 1 / mt;
  const lsArr = Int32Array.from(Ls);
  const kArr = Float64Array.from(kappaC);
  ensure(Math.ceil(discBs + 20 * Math.sqrt(discBs) + 64));
  ensureVec(mt);
  let pathB = pathBuf;
  let desB = desBuf;
  let intB = intBuf;
  let ctlB = ctlBuf;
  let accB = accBuf;
  let cap = bufCap;
  const h = hBuf;
  const g = gBuf;
  const a = aBuf; // the row a^H(θ): entries e^{jπk cos θ}
  for (let t = 0; t < count; t++) {
    let u = 0;
    let n = 0;
    let totalZ = 0; // Σ_{k ≥ 2} G_k u_k^{−α/2}
    let totalC = 0; // Σ_{k ≥ 2} E_k u_k^{−α/2}
    for (;;) {
      u += exponentialZiggurat(rng);
      if (u > discBs) break;
      if (n >= cap) {
        bufCap = 0;
        ensure(2 * n);
        pathBuf.set(pathB); desBuf.set(desB); intBuf.set(intB); ctlBuf.set(ctlB); accBuf.set(accB);
        pathB = pathBuf; desB = desBuf; intB = intBuf; ctlB = ctlBuf; accB = accBuf; cap = bufCap;
      }
      const pg = alpha4 ? 1 / (u * u) : Math.pow(u, -halfAlpha);
      pathB[n] = pg;
      if (n < lMax) {
        // desired gain if this BS serves: p^c‖P⊥_a h‖² = p^c(‖h‖² − |a^H h|²/M)
        fillComplexGaussian(rng, h, mt);
        fillSteeringRow(rng, a, mt);
        let hh = 0;
        let ar = 0;
        let ai = 0;
        for (let k = 0; k < mt; k++) {
          const hr = h[2 * k]!;
          const hi = h[2 * k + 1]!;
          const xr = a[2 * k]!;
          const xi = a[2 * k + 1]!;
          hh += hr * hr + hi * hi;
          // a^H h = Σ (a^H)_k h_k (the row entries times h)
          ar += xr * hr - xi * hi;
          ai += xr * hi + xi * hr;
        }
        const proj = hh - (ar * ar + ai * ai) * invM;
        desB[n] = pc * (proj > 0 ? proj : 0) * pg;
        accB[n] = rng.uniform32();
      }
      if (n > 0) {
        // interference: own user h', target a, typical user's channel g
        fillComplexGaussian(rng, h, mt);
        fillSteeringRow(rng, a, mt);
        fillComplexGaussian(rng, g, mt);
        zfInterferenceGain(h, a, g, mt, pc, gainOut);
        const gz = gainOut[0]!;
        const b = gainOut[1]!;
        // control: conditional quantile transform to Exp(1) (hypoexpExpQuantile inlined)
        const cb = c * b;
        let e = gz;
        if (cb > 0) {
          const disc = Math.sqrt(Math.max(0, 1 - 4 * cb));
          const l1 = 0.5 * (1 + disc);
          const r = gz / l1;
          const q = (gz * l1) / cb - r;
          const phi = q > 1e-12 ? -Math.expm1(-q) / q : 1 - 0.5 * q;
          e = r - Math.log1p(r * phi);
        }
        const iz = gz * pg;
        const ic = e * pg;
        intB[n] = iz;
        ctlB[n] = ic;
        totalZ += iz;
        totalC += ic;
      }
      n++;
    }
    // an empty disc (probability e^{−U}) has no serving BS: SIR = 0 for both
    const base = t * width;
    const s1 = n > 0 ? desB[0]! : 0;
    for (let j = 0; j < nL; j++) {
      const L = lsArr[j]!;
      const kc = kArr[j]!;
      const top = L < n ? L : n;
      let signal = s1;
      let remZ = 0;
      let remC = 0;
      for (let k = 1; k < top; k++) {
        const m = accB[k]! < kc ? 1 : 0;
        signal += m * desB[k]!;
        remZ += m * intB[k]!;
        remC += m * ctlB[k]!;
      }
      out[base + 2 * j] = Math.log1p(signal / (totalZ - remZ + tail));
      out[base + 2 * j + 1] = Math.log1p(signal / (totalC - remC + tail));
    }
  }
  return out;
}

/** Kernel `comm.zfRateCurve` (record layout in the module comment). */
export const zfRateCurveKernel = defineKernel<ZfRateCurveArgs>({ name: ZF_RATE_CURVE_KERNEL, parseArgs: parseZfRateCurveArgs, simulate: simulateZfRateCurve });
