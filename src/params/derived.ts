/**
 * Quantities derived from the parameters, with their units made explicit: the one place where the
 * density ratios μ_c = λ_u/λ_b and μ_s = λ_s/λ_b, the sensing gain |ζ|² of Eq. (5), the CRLB scale
 * and the CoMP rate parameters of an operating point are computed from `Params`.
 *
 * @example
 * // Only the fields each function reads are needed (the examples run untyped).
 * usersPerBs({ lambdaU: 3, lambdaB: 2 }); // => 1.5
 * targetsPerBs({ lambdaS: 1, lambdaB: 4 }); // => 0.25
 * coMPRateParamsAt({ alpha: 4, mt: 4 }, 4, 0.5, 0.9); // => {"L": 4, "pc": 0.5, "kappaC": 0.9, "alpha": 4, "mt": 4}
 */
import type { Params } from './schema.ts';

/**
 * The parameters of the CoMP rate of Section IV of arXiv:2403.20228 at one operating point (shared
 * by Theorem 2, the exact rate and the Monte Carlo; validated by `validateRateModel` of
 * src/comm/rateModel.ts).
 */
export interface CoMPRateParams {
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

/** μ_c = λ_u/λ_b: users per BS (the load ratio of κ_c, Section IV). */
export function usersPerBs(p: Params): number {
  return p.lambdaU / p.lambdaB;
}

/** μ_s = λ_s/λ_b: targets per BS (the load ratio of Lemma 1, Eq. (15)). */
export function targetsPerBs(p: Params): number {
  return p.lambdaS / p.lambdaB;
}

/** The CoMP rate parameters of the operating point (L, p^c) with acceptance κ_c under `p`. */
export function coMPRateParamsAt(p: Params, L: number, pc: number, kappaC: number): CoMPRateParams {
  return { L, pc, kappaC, alpha: p.alpha, mt: p.mt };
}

/** Density in /m² from /km². */
export function perM2(densityPerKm2: number): number {
  return densityPerKm2 * 1e-6;
}

/** Noise power in W from dB re 1 W. */
export function noisePowerW(p: Params): number {
  return Math.pow(10, p.noisePowerDb / 10);
}

/** Sensing power p^s in W: (1 − p^c)·P_t. */
export function sensingPowerW(p: Params): number {
  return (1 - p.pc) * p.ptW;
}

/**
 * |ζ|² of Eq. (5) of arXiv:2403.20228 in m²:
 *   |ζ|² = p^s G_t G_r B² σ / (8π f_c² σ_s²),
 * with p^s = (1 − p^c)·P_t in W, B and f_c in Hz, σ in m², σ_s² in W. The `zeta2` parameter, when
 * set, overrides the formula (then it does not scale with p^s).
 */
export function zeta2M2(p: Params): number {
  if (p.zeta2 !== null) return p.zeta2;
  return (sensingPowerW(p) * p.gt * p.gr * p.bandwidthHz * p.bandwidthHz * p.rcsM2) / (8 * Math.PI * p.fcHz * p.fcHz * noisePowerW(p));
}

/**
 * |ζ|² per unit of sensing power (m²/W): the optimizer scales it by p^s. With a `zeta2` override the
 * override is taken to be the value at the configured p^s.
 */
export function zeta2PerWatt(p: Params): number {
  const ps = sensingPowerW(p);
  if (p.zeta2 !== null) return ps > 0 ? p.zeta2 / ps : p.zeta2;
  return zeta2M2({ ...p, pc: 0, ptW: 1 });
}

/**
 * Factor turning a normalized CRLB into m²: CRLB = crlbNormalized / (|ζ|² (π λ_b)^β), λ_b in /m².
 * The normalized CRLB is what one gets with |ζ|² = 1 and π λ_b = 1; by scale invariance of the PPP
 * (distances scale as 1/√λ_b, the FIM as d^{-2β}) it is unit-free.
 */
export function crlbScaleM2(p: Params): number {
  return 1 / (zeta2M2(p) * Math.pow(Math.PI * perM2(p.lambdaB), p.beta));
}
