/**
 * Parameters of the CoMP rate of Section IV of arXiv:2403.20228 and their validation (shared by
 * Theorem 2, the exact rate and the Monte Carlo).
 */
import { ParamError, checkNumber } from '../params/validate.ts';
import type { CoMPRateParams } from '../params/derived.ts';

export type { CoMPRateParams };

/** Throws ParamError (flag, value, allowed range) for an invalid model. */
export function validateRateModel(m: CoMPRateParams): CoMPRateParams {
  checkNumber(m.L, { flag: 'L', symbol: 'L', min: 1, max: 1e4, integer: true });
  checkNumber(m.pc, { flag: 'pc', symbol: 'p^c', min: 0, max: 1 });
  checkNumber(m.kappaC, { flag: 'kappa-c', symbol: 'κ_c', min: 0, max: 1 });
  checkNumber(m.alpha, { flag: 'alpha', symbol: 'α', min: 2, max: 8, minExclusive: true });
  checkNumber(m.mt, { flag: 'mt', symbol: 'M_t', min: 2, max: 64, integer: true });
  return m;
}

export { ParamError };
