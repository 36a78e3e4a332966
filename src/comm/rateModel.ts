/**
 * Parameters of the CoMP rate of Section IV of arXiv:2403.20228 and their validation (shared by
 * Theorem 2, the exact rate and the Monte Carlo).
 */
import { checkInteger, checkReal } from '../math/argumentError.ts';
import type { CoMPRateParams } from '../params/derived.ts';

export type { CoMPRateParams };

/**
 * Check a CoMP rate-model record { L, p^c, κ_c, α, M_t }: returns it, or throws ArgumentError
 * (argument, value, allowed range).
 *
 * Formula: not in the paper (the ranges: L ≥ 1 integer, p^c, κ_c ∈ [0, 1], α ∈ (2, 8], M_t ∈ [2, 64]
 * integer, the model of Eqs. (8)–(9) of arXiv:2403.20228; the optional normalized noise ν ≥ 0 is not in
 * the paper).
 * Method: range checks.
 * Accuracy: exact; test/comm/rates.test.ts checks the messages.
 * References: docs/parameters.md; docs/communication.md (API).
 *
 * @example
 * import { validateRateModel } from 'isacnet';
 * validateRateModel({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }).L; // => 2
 */
export function validateRateModel(m: CoMPRateParams): CoMPRateParams {
  checkInteger('L', m.L, 1, 1e4);
  checkReal('pc', m.pc, 0, 1);
  checkReal('kappaC', m.kappaC, 0, 1);
  checkReal('alpha', m.alpha, 2, 8, { minExclusive: true });
  checkInteger('mt', m.mt, 2, 64);
  if (m.noise !== undefined) checkReal('noise', m.noise, 0, Number.MAX_VALUE);
  return m;
}
