/**
 * Monte Carlo of the CoMP non-coherent joint transmission SIR of Eqs. (7)–(9) of arXiv:2403.20228
 * for the typical user at the origin, with independent acceptance.
 *
 * Geometry: BS distances of a PPP of density λ_b seen from the origin, in the normalized variable
 * u = πλ_b r² (u_1 < u_2 < … are the arrival times of a unit-rate Poisson process; the SIR is
 * scale-free, so λ_b drops out and r^{−α} = u^{−α/2} up to a common factor). The nearest BS always
 * serves; BSs 2…L serve with probability κ_c each (independently) and interfere otherwise; every
 * other BS interferes.
 *
 * Infinite plane: BSs are simulated explicitly inside the disc u ≤ U (`discBs` = U, the expected
 * number of BSs in it); the interference from u > U is replaced by its mean
 * E[g]·∫_U^∞ u^{−α/2} du = U^{1−α/2}/(α/2 − 1) (E[g] = 1 in both gain models). By Jensen this
 * mean field biases the rate upwards by ≈ ½ E[SIR-curvature]·Var(tail), Var(tail) =
 * E[g²] U^{1−α}/(α − 1): tiny because the tail's variance falls like U^{1−α}. The bias is measured,
 * not assumed: with `truncationCheck` the kernel also records the rate of the same realization
 * extended to 4U, and the paired difference is reported (docs/communication.md).
 *
 * Noise (not in the paper): with `noise` = ν > 0 the kernel records the SINR S/(I + ν) instead, S
 * and I the powers in the unit u^{−α/2} used here (ν = σ²/(P_t K_0 d_0^α (πλ_b)^{α/2}),
 * src/comm/noise.ts); the random draws are the same as without it.
 *
 * Record per trial (width 2): [ln(1 + SIR), SIR]; with truncationCheck (width 3) the third entry
 * is ln(1 + SIR) for the disc 4U.
 */
import type { Rng } from '../math/rng.ts';
import { gainSampler, type GainModel } from './gains.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { ArgumentError, checkInteger, checkOneOf, checkReal } from '../math/argumentError.ts';

export interface TypicalUserArgs {
  L: number;
  pc: number;
  kappaC: number;
  alpha: number;
  mt: number;
  gains: GainModel;
  /** U: expected number of BSs simulated explicitly (disc πλ_b r² ≤ U). */
  discBs: number;
  truncationCheck?: boolean;
  /**
   * Normalized noise ν ≥ 0 (`normalizedNoise`, not in the paper): the SINR adds ν to the
   * interference (powers in the unit u^{−α/2} of this kernel). Absent: the paper's SIR (the random stream is the same either way).
   */
  noise?: number;
}

/**
 * Mean interference of the PPP beyond u = U per unit E[g]: ∫_U^∞ u^{−α/2} du.
 *
 * Formula: not in the paper: U^{1−α/2}/(α/2 − 1), the mean of the interference sum of Eq. (8) of
 * arXiv:2403.20228 from the BSs beyond the simulated disc (in u = πλ_b r²).
 * Method: closed form.
 * Accuracy: exact; the bias of replacing the tail by its mean is measured: paired difference with a
 * 4U disc 1.4e-5 ± 2.3e-5 at α = 4 against a CI half-width of 1.3e-2 (test/comm/montecarlo.test.ts,
 * docs/communication.md).
 * References: docs/communication.md (truncation of the infinite plane).
 *
 * @example
 * import { meanFieldTail } from 'isacnet';
 * meanFieldTail(100, 4); // => 0.01
 * meanFieldTail(100, 3); // => 0.2
 */
export function meanFieldTail(discBs: number, alpha: number): number {
  return Math.pow(discBs, 1 - alpha / 2) / (alpha / 2 - 1);
}

/** Width of a typical-user record: (rate, SIR) per trial. */
export const TYPICAL_USER_RECORD = 2;

/** Registry name of the typical-user kernel. */
export const TYPICAL_USER_KERNEL = 'comm.typicalUser';

function parseTypicalUserArgs(a: KernelArgs): TypicalUserArgs {
  const out: TypicalUserArgs = {
    L: checkInteger('L', a.L, 1, 1e4),
    pc: checkReal('pc', a.pc, 0, 1),
    kappaC: checkReal('kappaC', a.kappaC, 0, 1),
    alpha: checkReal('alpha', a.alpha, 2, 64, { minExclusive: true }),
    mt: checkInteger('mt', a.mt, 2, 1024),
    gains: checkOneOf('gains', a.gains, ['gamma', 'zf'] as const),
    discBs: checkReal('discBs', a.discBs, 0, Infinity, { minExclusive: true }),
  };
  if (a.truncationCheck !== undefined) out.truncationCheck = a.truncationCheck === true;
  if (a.noise !== undefined) out.noise = checkReal('noise', a.noise, 0, Number.MAX_VALUE);
  return out;
}

/**
 * `count` independent trials; see the module comment for the record layout.
 *
 * Formula: samples of ln(1 + SIR_c), SIR_c of Eq. (8) of arXiv:2403.20228 for the typical user with
 * independent acceptance κ_c; their mean is R_c of Eq. (9).
 * Method: BSs in u = πλ_b r² as a unit-rate Poisson process inside u ≤ U (`discBs`), the mean field
 * beyond; gains from `gainSampler` (paper's Gamma laws or full ZF).
 * Accuracy: exact in distribution up to the mean-field tail (bias far below the MC error,
 * test/comm/montecarlo.test.ts); the mean agrees with the exact rate within its CI at every L of
 * docs/errata.md C5 (4·10⁵ trials), and the SIR coverage with the closed form at L = 1
 * (test/comm/rates.test.ts).
 * References: arXiv:2403.20228, Eqs. (7)–(9) and Fig. 4; docs/communication.md.
 *
 * @example
 * import { simulateTypicalUser, empiricalCoverage, coverageL1Alpha4, Rng } from 'isacnet';
 * // L = 1, Exp(1) gains (M_t = 2, p^c = 1), α = 4: P(SIR > 1) = 1/(1 + π/4) = 0.5601
 * const rec = simulateTypicalUser({ L: 1, pc: 1, kappaC: 1, alpha: 4, mt: 2, gains: 'gamma', discBs: 100 }, new Rng(1), 20000);
 * const sir = rec.filter((_, i) => i % 2 === 1);
 * // seed 1, 20 000 trials
 * empiricalCoverage(sir, 1); // => 0.56105
 * coverageL1Alpha4(1); // => 0.56010
 */
export function simulateTypicalUser(args: TypicalUserArgs, rng: Rng, count: number): Float64Array {
  const { L, pc, kappaC, alpha, mt, gains, discBs } = args;
  const check = args.truncationCheck === true;
  const width = check ? 3 : 2;
  const out = new Float64Array(count * width);
  const sampler = gainSampler(gains, mt, pc);
  const halfAlpha = alpha / 2;
  const tailU = meanFieldTail(discBs, alpha);
  const tail4U = meanFieldTail(4 * discBs, alpha);
  const uMax = check ? 4 * discBs : discBs;
  if (L > discBs / 4) throw new ArgumentError('discBs', discBs, `≥ 4L = ${4 * L} (too small for L = ${L})`);
  const nu = args.noise ?? 0;
  for (let t = 0; t < count; t++) {
    let signal = 0;
    let interference = 0;
    let interferenceOuter = 0; // BSs with U < u ≤ 4U (truncation check only)
    let u = 0;
    for (let k = 1; ; k++) {
      u += rng.exponential();
      if (u > uMax) break;
      const pathGain = Math.pow(u, -halfAlpha);
      const serves = k === 1 || (k <= L && rng.uniform() < kappaC);
      if (serves) {
        signal += sampler.desired(rng) * pathGain;
      } else if (u <= discBs) {
        interference += sampler.interference(rng) * pathGain;
      } else {
        interferenceOuter += sampler.interference(rng) * pathGain;
      }
    }
    const sir = nu > 0 ? signal / (interference + tailU + nu) : signal / (interference + tailU);
    out[t * width] = Math.log1p(sir);
    out[t * width + 1] = sir;
    if (check) out[t * width + 2] = Math.log1p(signal / (interference + interferenceOuter + tail4U + nu));
  }
  return out;
}

/** Kernel `comm.typicalUser` (record layout in the module comment). */
export const typicalUserKernel = defineKernel<TypicalUserArgs>({ name: TYPICAL_USER_KERNEL, parseArgs: parseTypicalUserArgs, simulate: simulateTypicalUser });
