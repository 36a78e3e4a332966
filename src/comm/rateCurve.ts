/**
 * Monte Carlo of the whole CoMP rate curve L ↦ R_c(L) of Eqs. (7)–(9) of arXiv:2403.20228 in one
 * pass: one trial draws one geometry and its fading and evaluates ln(1 + SIR_c) for EVERY requested
 * cooperation size L (common random numbers across L), under the paper's Gamma gains and
 * independent acceptance.
 *
 * Per trial, with u_1 < u_2 < … the BSs of a unit-rate Poisson process in u = πλ_b r² inside u ≤ U
 * (`discBs`, mean field beyond, as in src/comm/typicalUser.ts):
 * - every BS k gets an interference gain h_k ~ Exp(1), and the BSs k ≤ max L also a desired gain
 *   g_k ~ Gamma(M_t − 1, p^c) and ONE acceptance uniform a_k ∈ [0, 1) (32 bits: it is only compared);
 * - for each requested L (with its own κ_c(L)): BS 1 serves, BS k ∈ 2…L serves iff a_k < κ_c(L),
 *   every other BS interferes; SIR = Σ_serve g_k u_k^{−α/2} / (Σ_interf h_k u_k^{−α/2} + tail).
 * For every L separately the law of the record is exactly that of comm.typicalUser (each BS's desired
 * and interference gains are independent and only one of them is used), so each column's mean is an
 * unbiased estimate of the same R_c(L); the columns are positively correlated, which makes the curve
 * smooth and its differences precise.
 *
 * Speed: monomorphic loops over reused typed arrays (no allocation per trial), α = 4 path gain
 * 1/u² (no Math.pow), exponentials by a ziggurat (no log for ≈ 99% of draws), Gamma(M_t − 1) with
 * integer shape ≤ 8 as p^c × a sum of M_t − 1 exponentials.
 *
 * Record per trial (width = number of L values): ln(1 + SIR_c) at Ls[0], Ls[1], …; with `pcs`, one
 * such block per power share (the SIR scaled, the draws shared).
 */
import { Rng } from '../math/rng.ts';
import { meanFieldTail } from './typicalUser.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { ArgumentError, checkInteger, checkOneOf, checkReal } from '../math/argumentError.ts';
import { coinProbability32, digammaInteger, EULER_GAMMA, featureAreas, featureInterferers, fillMomentFeatures, RATE_CURVE_MOMENT_FEATURES, trigammaInteger, fitRateCurveControl, rateCurveControlValue, rateCurveFeatureCount, rateCurveFeatureRecordWidth } from './rateCurveControl.ts';
import { exponentialZiggurat } from '../math/exponentialZiggurat.ts';

/** Re-export (the ziggurat moved to src/math/exponentialZiggurat.ts). */
export { exponentialZiggurat } from '../math/exponentialZiggurat.ts';

/** The arguments shared by the rate-curve kernels (`parseRateCurveBaseArgs`). */
export type RateCurveBaseArgs = Omit<RateCurveArgs, 'output' | 'coefficients' | 'pcs'>;

export interface RateCurveArgs {
  /** Cooperation sizes, strictly increasing integers ≥ 1. */
  Ls: number[];
  /** Acceptance probability κ_c for each entry of `Ls` (same length). */
  kappaC: number[];
  pc: number;
  alpha: number;
  mt: number;
  /** U: expected number of BSs simulated explicitly (disc πλ_b r² ≤ U). */
  discBs: number;
  /**
   * Record layout (default 'rates'): 'rates' = the nL rates per trial; 'features' = the rates and the
   * centred control features (pilot sample, `rateCurveFeatureRecordWidth`); 'control' = the nL rates
   * then the nL control values β(L)ᵀx(L) (needs `coefficients`). The rates are the same numbers in
   * every layout (same random stream; the features only read what the trial drew, except in a trial
   * with fewer than max(max L + 2, 5) BSs in the disc, probability < 1e-15 at U = 100, where the missing
   * features are drawn afresh).
   */
  output?: 'rates' | 'features' | 'control';
  /**
   * Several power shares on the same trials (output 'rates' only): the desired gains are drawn for
   * p^c = 1 and each trial's SIR is scaled by every entry (SIR_c is linear in p^c: only the desired
   * gains carry it), so the record is [rates of pcs[0] for every L, rates of pcs[1] …] and `pc` is
   * not used. Each block has exactly the law of a run with that `pc`; its numbers equal such a run's
   * up to rounding (the same draws, for p^c > 0).
   */
  pcs?: number[];
  /** Control coefficients, one array of length 6L + 14 per entry of `Ls` (output 'control'; from `fitRateCurveControl`). */
  coefficients?: number[][];
}

/** Registry name of the rate-curve kernel. */
export const RATE_CURVE_KERNEL = 'comm.rateCurve';

/**
 * Check the arguments every rate-curve kernel shares (Ls, kappaC, pc, alpha, mt, discBs), used by
 * `comm.rateCurve` and `comm.zfRateCurve`; errors name the argument.
 *
 * Formula: not in the paper (the parameters of Eqs. (7)–(9) of arXiv:2403.20228).
 * Method: Ls strictly increasing integers in [1, 10⁴] (at most 1024), one κ_c ∈ [0, 1] per L,
 * p^c ∈ [0, 1], α ∈ (2, 64], integer M_t ∈ [2, 1024], U > 0 and U ≥ 4·max L.
 * Accuracy: not applicable; test/comm/rateCurve.test.ts checks the messages.
 * References: src/comm/rateCurve.ts, src/comm/zfRateCurve.ts.
 *
 * @example
 * import { parseRateCurveBaseArgs } from 'isacnet/comm';
 * parseRateCurveBaseArgs({ Ls: [1, 2], kappaC: [1, 1], pc: 0.5, alpha: 4, mt: 4, discBs: 100 }).Ls; // => [1, 2]
 */
export function parseRateCurveBaseArgs(a: KernelArgs): RateCurveBaseArgs {
  if (!Array.isArray(a.Ls) || a.Ls.length === 0 || a.Ls.length > 1024) throw new ArgumentError('Ls', a.Ls, 'a non-empty array of at most 1024 integers');
  const Ls = (a.Ls as unknown[]).map((v, i) => checkInteger(`Ls[${i}]`, v, 1, 1e4));
  for (let i = 1; i < Ls.length; i++) if (!(Ls[i]! > Ls[i - 1]!)) throw new ArgumentError(`Ls[${i}]`, Ls[i], `> Ls[${i - 1}] = ${Ls[i - 1]} (strictly increasing)`);
  if (!Array.isArray(a.kappaC) || a.kappaC.length !== Ls.length) throw new ArgumentError('kappaC', a.kappaC, `an array of ${Ls.length} numbers (one per entry of Ls)`);
  const kappaC = (a.kappaC as unknown[]).map((v, i) => checkReal(`kappaC[${i}]`, v, 0, 1));
  const out: RateCurveBaseArgs = {
    Ls,
    kappaC,
    pc: checkReal('pc', a.pc, 0, 1),
    alpha: checkReal('alpha', a.alpha, 2, 64, { minExclusive: true }),
    mt: checkInteger('mt', a.mt, 2, 1024),
    discBs: checkReal('discBs', a.discBs, 0, Infinity, { minExclusive: true }),
  };
  const lMax = Ls[Ls.length - 1]!;
  if (lMax > out.discBs / 4) throw new ArgumentError('discBs', out.discBs, `≥ 4·max(Ls) = ${4 * lMax} (too small for L = ${lMax})`);
  return out;
}

function parseRateCurveArgs(a: KernelArgs): RateCurveArgs {
  const out: RateCurveArgs = parseRateCurveBaseArgs(a);
  const Ls = out.Ls;
  if (a.output !== undefined) out.output = checkOneOf('output', a.output, ['rates', 'features', 'control'] as const);
  if (a.pcs !== undefined) {
    if (!Array.isArray(a.pcs) || a.pcs.length === 0 || a.pcs.length > 64) throw new ArgumentError('pcs', a.pcs, 'a non-empty array of at most 64 power shares in [0, 1]');
    if ((out.output ?? 'rates') !== 'rates') throw new ArgumentError('pcs', '(given)', "only with output 'rates'");
    out.pcs = (a.pcs as unknown[]).map((v, i) => checkReal(`pcs[${i}]`, v, 0, 1));
  }
  if (out.output === 'control') {
    if (!Array.isArray(a.coefficients) || a.coefficients.length !== Ls.length) throw new ArgumentError('coefficients', a.coefficients, `an array of ${Ls.length} arrays (one per entry of Ls) with output 'control'`);
    out.coefficients = (a.coefficients as unknown[]).map((row, j) => {
      const want = rateCurveFeatureCount(Ls[j]!);
      if (!Array.isArray(row) || row.length !== want) throw new ArgumentError(`coefficients[${j}]`, row, `an array of ${want} finite numbers (6L + 14 for L = ${Ls[j]})`);
      return (row as unknown[]).map((v, i) => checkReal(`coefficients[${j}][${i}]`, v, -Infinity, Infinity));
    });
  } else if (a.coefficients !== undefined) {
    throw new ArgumentError('coefficients', '(given)', "only with output 'control'");
  }
  return out;
}



/** Buffers reused across calls (one kernel call runs on one thread; they never escape). */
let bufCap = 0;
let pathBuf = new Float64Array(0);
let desBuf = new Float64Array(0);
let intBuf = new Float64Array(0);
let accBuf = new Float64Array(0);
let luBuf = new Float64Array(0);
let lgBuf = new Float64Array(0);
let lhBuf = new Float64Array(0);
const momBuf = new Float64Array(RATE_CURVE_MOMENT_FEATURES);

function ensure(n: number): void {
  if (n <= bufCap) return;
  bufCap = Math.max(n, 2 * bufCap, 256);
  pathBuf = new Float64Array(bufCap);
  desBuf = new Float64Array(bufCap);
  intBuf = new Float64Array(bufCap);
  accBuf = new Float64Array(bufCap);
}

/**
 * `count` independent trials of the rate curve; see the module comment for the record layout.
 *
 * Formula: samples of ln(1 + SIR_c(L)) for every L of `Ls`, SIR_c of Eq. (8) of arXiv:2403.20228 with
 * independent acceptance κ_c(L); each column's mean is R_c(L) of Eq. (9).
 * Method: BSs in u = πλ_b r² as a unit-rate Poisson process inside u ≤ U, mean field beyond; one
 * geometry, one set of gains and one acceptance uniform per BS shared by all L (common random numbers).
 * Accuracy: exact in distribution per column up to the mean-field tail (the bias measured for
 * comm.typicalUser, far below the MC error); the column means agree with rateExact and with
 * comm.typicalUser within 4 standard errors (test/comm/rateCurve.test.ts).
 * References: arXiv:2403.20228, Eqs. (7)–(9) and Fig. 4; src/comm/typicalUser.ts; docs/performance.md.
 *
 * @example
 * import { simulateRateCurve, Rng } from 'isacnet';
 * const rec = simulateRateCurve({ Ls: [1, 4], kappaC: [1, 1], pc: 0.5, alpha: 4, mt: 4, discBs: 100 }, new Rng(1), 2);
 * rec.length; // => 4
 * // with κ_c = 1 more cooperating BSs can only raise the SIR of the same trial
 * rec[1] >= rec[0] && rec[3] >= rec[2]; // => true
 */
export function simulateRateCurve(args: RateCurveArgs, rng: Rng, count: number): Float64Array {
  const { Ls, kappaC, alpha, mt, discBs } = args;
  // several power shares (`pcs`): gains drawn for p^c = 1, the SIR scaled by each p^c (it is linear in p^c)
  const pcsArr = args.pcs ? Float64Array.from(args.pcs) : null;
  const nPc = pcsArr ? pcsArr.length : 1;
  const pc = pcsArr ? 1 : args.pc;
  const nL = Ls.length;
  const lMax = Ls[nL - 1]!;
  const mode = args.output ?? 'rates';
  const withFeatures = mode !== 'rates';
  const K = featureAreas(lMax);
  const nLh = featureInterferers(lMax); // interference logs stored: BSs 2…max(max L, 5); local copies: no imported-binding reads in the loops
  const controlValue = rateCurveControlValue;
  const moments = fillMomentFeatures;
  const nMom = RATE_CURVE_MOMENT_FEATURES;
  const trigammaShape = trigammaInteger(mt - 1);
  const gainsOn = pc > 0;
  const momB = momBuf;
  const zig = exponentialZiggurat;
  const eulerGamma = EULER_GAMMA;
  const featureBs = Math.max(K, nLh + 1); // BSs whose features a trial needs: areas 1…K, interferers 2…max(max L, 5)
  const width = mode === 'rates' ? nL * nPc : mode === 'control' ? 2 * nL : rateCurveFeatureRecordWidth(nL, lMax);
  const out = new Float64Array(count * width);
  // feature set-up: exact means ψ(k) of ln u_k, ψ(M_t − 1) of ln G_k, −γ of ln h_k; coin probabilities
  const psiArea = new Float64Array(K);
  for (let k = 0; k < K; k++) psiArea[k] = digammaInteger(k + 1);
  const psiShape = digammaInteger(mt - 1);
  const pkArr = Float64Array.from(kappaC, (k) => coinProbability32(k));
  const coefFlat = new Float64Array(Ls.reduce((s, L) => s + rateCurveFeatureCount(L), 0));
  const coefOff = new Int32Array(nL);
  if (mode === 'control') {
    const rows = args.coefficients;
    if (rows === undefined || rows.length !== nL) throw new ArgumentError('coefficients', rows, `an array of ${nL} arrays with output 'control'`);
    let o = 0;
    for (let j = 0; j < nL; j++) {
      coefOff[j] = o;
      coefFlat.set(rows[j]!, o);
      o += rows[j]!.length;
    }
  }
  if (luBuf.length < K) luBuf = new Float64Array(K);
  if (lgBuf.length < lMax) lgBuf = new Float64Array(lMax);
  if (lhBuf.length < nLh) lhBuf = new Float64Array(nLh);
  const luB = luBuf;
  const lgB = lgBuf;
  const lhB = lhBuf;
  const tail = meanFieldTail(discBs, alpha);
  const halfAlpha = alpha / 2;
  const alpha4 = alpha === 4;
  const shape = mt - 1;
  const lsArr = Int32Array.from(Ls);
  const kArr = Float64Array.from(kappaC);
  // capacity: Poisson(U) count exceeds U + 20√U + 64 with negligible probability; grow if it does
  ensure(Math.ceil(discBs + 20 * Math.sqrt(discBs) + 64));
  // local references (module-level lets would be reloaded at every access)
  let pathB = pathBuf;
  let desB = desBuf;
  let intB = intBuf;
  let accB = accBuf;
  let cap = bufCap;
  for (let t = 0; t < count; t++) {
    let u = 0;
    let n = 0;
    let total = 0; // Σ_{k ≥ 2} h_k u_k^{−α/2}
    for (;;) {
      u += zig(rng);
      if (u > discBs) break;
      if (n >= cap) {
        bufCap = 0;
        ensure(2 * n);
        pathBuf.set(pathB); desBuf.set(desB); intBuf.set(intB); accBuf.set(accB);
        pathB = pathBuf; desB = desBuf; intB = intBuf; accB = accBuf; cap = bufCap;
      }
      const pg = alpha4 ? 1 / (u * u) : Math.pow(u, -halfAlpha);
      pathB[n] = pg;
      if (withFeatures && n < K) luB[n] = Math.log(u) - psiArea[n]!;
      if (n < lMax) {
        let g = 0;
        if (pc > 0) {
          if (shape <= 8) {
            let e = 0;
            for (let s = 0; s < shape; s++) e += zig(rng);
            g = pc * e;
            if (withFeatures) lgB[n] = Math.log(e) - psiShape;
          } else {
            g = rng.gamma(shape, pc);
            if (withFeatures) lgB[n] = Math.log(g / pc) - psiShape;
          }
        } else if (withFeatures) {
          lgB[n] = 0;
        }
        desB[n] = g * pg;
        accB[n] = rng.uniform32();
      }
      if (n > 0) {
        const e = zig(rng);
        const h = e * pg;
        intB[n] = h;
        total += h;
        if (withFeatures && n <= nLh) lhB[n - 1] = Math.log(e) + eulerGamma;
      }
      n++;
    }
    // features of BSs beyond the disc (a trial with fewer than max(max L + 2, 5) BSs): drawn afresh
    // with their exact laws (u continues the cumulative sum from the first u beyond U)
    if (withFeatures && n < featureBs) {
      let uu = u;
      for (let k = n; k < K; k++) {
        if (k > n) uu += zig(rng);
        luB[k] = Math.log(uu) - psiArea[k]!;
      }
      for (let k = n; k < lMax; k++) {
        if (pc > 0) {
          let e = 0;
          if (shape <= 8) for (let s = 0; s < shape; s++) e += zig(rng);
          else e = rng.gamma(shape, 1);
          lgB[k] = Math.log(e) - psiShape;
        } else {
          lgB[k] = 0;
        }
        accB[k] = rng.uniform32();
      }
      for (let k = Math.max(n, 1); k <= nLh; k++) lhB[k - 1] = Math.log(zig(rng)) + eulerGamma;
    }
    if (withFeatures) moments(momB, 0, luB, lgB, lhB, trigammaShape, gainsOn);
    // n ≥ 1 is not guaranteed: an empty disc (probability e^{−U}) has no serving BS; SIR = 0
    const base = t * width;
    const s1 = n > 0 ? desB[0]! : 0;
    for (let j = 0; j < nL; j++) {
      const L = lsArr[j]!;
      const kc = kArr[j]!;
      const top = L < n ? L : n;
      let signal = s1;
      let removed = 0;
      for (let k = 1; k < top; k++) {
        const m = accB[k]! < kc ? 1 : 0; // branch-free: the coin is unpredictable
        signal += m * desB[k]!;
        removed += m * intB[k]!;
      }
      if (pcsArr === null) out[base + j] = Math.log1p(signal / (total - removed + tail));
      else {
        const x = signal / (total - removed + tail);
        for (let i = 0; i < nPc; i++) out[base + i * nL + j] = Math.log1p(pcsArr[i]! * x);
      }
    }
    if (mode === 'control') {
      for (let j = 0; j < nL; j++) out[base + nL + j] = controlValue(coefFlat, coefOff[j]!, lsArr[j]!, kArr[j]!, pkArr[j]!, luB, lgB, lhB, momB, accB);
    } else if (mode === 'features') {
      let o = base + nL;
      for (let k = 0; k < K; k++) out[o++] = luB[k]!;
      for (let k = 0; k < lMax; k++) out[o++] = lgB[k]!;
      for (let k = 0; k < nLh; k++) out[o++] = lhB[k]!;
      for (let k = 0; k < nMom; k++) out[o++] = momB[k]!;
      for (let k = 0; k < lMax; k++) out[o++] = accB[k]!;
    }
  }
  return out;
}

/** Kernel `comm.rateCurve` (record layout in the module comment). */
export const rateCurveKernel = defineKernel<RateCurveArgs>({ name: RATE_CURVE_KERNEL, parseArgs: parseRateCurveArgs, simulate: simulateRateCurve });

/** Random stream of the control-variate pilot sample (chunk streams count up from 0 and never reach it). */
export const RATE_CURVE_PILOT_STREAM = 4294967295;

/**
 * Fit the rate curve's control coefficients on a pilot sample of its own stream (seed, 2³² − 1),
 * independent of the main sample's chunks (seed, 0), (seed, 1), …; pass the result as
 * `coefficients` with `output: 'control'`.
 *
 * Formula: not in the paper; the control variates of src/comm/rateCurveControl.ts for Eq. (9) of
 * arXiv:2403.20228.
 * Method: `pilotTrials` trials in the 'features' layout on one thread, then `fitRateCurveControl`.
 * Deterministic in (args, seed, pilotTrials): the same coefficients on any machine and thread count.
 * Accuracy: with the default 2000 pilot trials the variance-reduction factor at the paper's defaults
 * (α = 4, M_t = 4, p^c = 0.5, κ_c printed) measured 19.9–47.8 over L = 1…20 (20 × 4096 trials,
 * bench/mc.bench.ts); roughly p/n of the residual variance is lost to fitting noise, p = 6L + 14
 * (a 1000-trial pilot gave 13.3–43.3).
 * References: docs/performance.md (Communication, control variates).
 *
 * @example
 * import { fitRateCurvePilot, simulateRateCurve, rateCurveEstimates, Rng } from 'isacnet';
 * const args = { Ls: [1, 4], kappaC: [1, 1], pc: 0.5, alpha: 4, mt: 4, discBs: 100 };
 * const coefficients = fitRateCurvePilot(args, 7, 2000);
 * const rec = simulateRateCurve({ ...args, output: 'control', coefficients }, new Rng(7, 0), 4000);
 * const est = rateCurveEstimates(rec, 2);
 * // the controlled CI is several times narrower than the plain one
 * est.every((e) => e.varianceReduction > 5); // => true
 */
export function fitRateCurvePilot(args: RateCurveArgs, seed: number, pilotTrials = 2000): number[][] {
  const trials = checkInteger('pilotTrials', pilotTrials, 100, 1e7);
  const { output: _o, coefficients: _c, ...base } = args;
  const rec = simulateRateCurve({ ...base, output: 'features' }, new Rng(seed, RATE_CURVE_PILOT_STREAM), trials);
  return fitRateCurveControl(rec, base);
}
