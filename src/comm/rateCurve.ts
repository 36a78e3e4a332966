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
 * Record per trial (width = number of L values): ln(1 + SIR_c) at Ls[0], Ls[1], ….
 */
import type { Rng } from '../math/rng.ts';
import { meanFieldTail } from './typicalUser.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { ArgumentError, checkInteger, checkReal } from '../math/argumentError.ts';
import { exponentialZiggurat } from '../math/exponentialZiggurat.ts';

/** Re-export (the ziggurat moved to src/math/exponentialZiggurat.ts). */
export { exponentialZiggurat } from '../math/exponentialZiggurat.ts';

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
}

/** Registry name of the rate-curve kernel. */
export const RATE_CURVE_KERNEL = 'comm.rateCurve';

function parseRateCurveArgs(a: KernelArgs): RateCurveArgs {
  if (!Array.isArray(a.Ls) || a.Ls.length === 0 || a.Ls.length > 1024) throw new ArgumentError('Ls', a.Ls, 'a non-empty array of at most 1024 integers');
  const Ls = (a.Ls as unknown[]).map((v, i) => checkInteger(`Ls[${i}]`, v, 1, 1e4));
  for (let i = 1; i < Ls.length; i++) if (!(Ls[i]! > Ls[i - 1]!)) throw new ArgumentError(`Ls[${i}]`, Ls[i], `> Ls[${i - 1}] = ${Ls[i - 1]} (strictly increasing)`);
  if (!Array.isArray(a.kappaC) || a.kappaC.length !== Ls.length) throw new ArgumentError('kappaC', a.kappaC, `an array of ${Ls.length} numbers (one per entry of Ls)`);
  const kappaC = (a.kappaC as unknown[]).map((v, i) => checkReal(`kappaC[${i}]`, v, 0, 1));
  const out: RateCurveArgs = {
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


/** Buffers reused across calls (one kernel call runs on one thread; they never escape). */
let bufCap = 0;
let pathBuf = new Float64Array(0);
let desBuf = new Float64Array(0);
let intBuf = new Float64Array(0);
let accBuf = new Float64Array(0);

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
  const { Ls, kappaC, pc, alpha, mt, discBs } = args;
  const nL = Ls.length;
  const lMax = Ls[nL - 1]!;
  const out = new Float64Array(count * nL);
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
      u += exponentialZiggurat(rng);
      if (u > discBs) break;
      if (n >= cap) {
        bufCap = 0;
        ensure(2 * n);
        pathBuf.set(pathB); desBuf.set(desB); intBuf.set(intB); accBuf.set(accB);
        pathB = pathBuf; desB = desBuf; intB = intBuf; accB = accBuf; cap = bufCap;
      }
      const pg = alpha4 ? 1 / (u * u) : Math.pow(u, -halfAlpha);
      pathB[n] = pg;
      if (n < lMax) {
        let g = 0;
        if (pc > 0) {
          if (shape <= 8) {
            let e = 0;
            for (let s = 0; s < shape; s++) e += exponentialZiggurat(rng);
            g = pc * e;
          } else {
            g = rng.gamma(shape, pc);
          }
        }
        desB[n] = g * pg;
        accB[n] = rng.uniform32();
      }
      if (n > 0) {
        const h = exponentialZiggurat(rng) * pg;
        intB[n] = h;
        total += h;
      }
      n++;
    }
    // n ≥ 1 is not guaranteed: an empty disc (probability e^{−U}) has no serving BS; SIR = 0
    const base = t * nL;
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
      out[base + j] = Math.log1p(signal / (total - removed + tail));
    }
  }
  return out;
}

/** Kernel `comm.rateCurve` (record layout in the module comment). */
export const rateCurveKernel = defineKernel<RateCurveArgs>({ name: RATE_CURVE_KERNEL, parseArgs: parseRateCurveArgs, simulate: simulateRateCurve });
