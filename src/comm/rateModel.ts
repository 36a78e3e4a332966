/**
 * Parameters of the CoMP rate of Section IV of arXiv:2403.20228 and their validation (shared by
 * Theorem 2, the exact rate and the Monte Carlo).
 */
import { checkInteger, checkReal } from '../math/argumentError.ts';

export interface RateModel {
  /** Cooperative cluster size L ≥ 1 (the nearest BS plus L − 1 requested BSs). */
  L: number;
  /** Communication power share p^c ∈ [0, 1] (p^s = 1 − p^c). */
  pc: number;
  /** Acceptance probability κ_c ∈ [0, 1] of each cooperation request. */
  kappaC: number;
  /** Path-loss exponent α > 2. */
  alpha: number;
  /** Transmit antennas M_t ≥ 2 (desired gains Gamma(M_t − 1, p^c)). */
  mt: number;
}

/** Throws ArgumentError (argument, value, allowed range) for an invalid model. */
export function validateRateModel(m: RateModel): RateModel {
  checkInteger('L', m.L, 1, 1e4);
  checkReal('pc', m.pc, 0, 1);
  checkReal('kappaC', m.kappaC, 0, 1);
  checkReal('alpha', m.alpha, 2, 8, { minExclusive: true });
  checkInteger('mt', m.mt, 2, 64);
  return m;
}

