/**
 * Quantities derived from the parameters, with their units made explicit: the one place where the
 * density ratios μ_c = λ_u/λ_b and μ_s = λ_s/λ_b, the sensing gain |ζ|² of Eq. (5), the CRLB scale
 * and the CoMP rate parameters of an operating point are computed from `Params`.
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
  /**
   * Normalized noise ν ≥ 0 of the SINR (`normalizedNoise`; not in the paper). Absent or 0: the
   * paper's interference-limited SIR of Eq. (8).
   */
  noise?: number;
}

/**
 * μ_c = λ_u/λ_b: users per BS, the load ratio of κ_c.
 *
 * Formula: μ_c = λ_u/λ_b, not in the paper as a symbol of its own (Section IV of arXiv:2403.20228
 * writes λ_u/λ_b inside κ_c).
 * Method: one division.
 * Accuracy: exact up to one rounding.
 * References: arXiv:2403.20228, Section IV; docs/parameters.md.
 *
 * @example
 * import { usersPerBs, defaultParams } from 'isacnet';
 * usersPerBs({ ...defaultParams(), lambdaU: 3, lambdaB: 2 }); // => 1.5
 */
export function usersPerBs(p: Params): number {
  return p.lambdaU / p.lambdaB;
}

/**
 * μ_s = λ_s/λ_b: targets per BS, the load ratio of Lemma 1.
 *
 * Formula: μ_s = λ_s/λ_b (Lemma 1, Eq. (15) of arXiv:2403.20228).
 * Method: one division.
 * Accuracy: exact up to one rounding.
 * References: arXiv:2403.20228, Lemma 1; docs/parameters.md.
 *
 * @example
 * import { targetsPerBs, defaultParams } from 'isacnet';
 * targetsPerBs({ ...defaultParams(), lambdaS: 1, lambdaB: 4 }); // => 0.25
 */
export function targetsPerBs(p: Params): number {
  return p.lambdaS / p.lambdaB;
}

/**
 * The CoMP rate parameters of the operating point (L, p^c) with acceptance κ_c under `p`.
 *
 * Formula: { L, p^c, κ_c, α, M_t }, the arguments of R_c in Eqs. (8)–(9) of arXiv:2403.20228 (α and
 * M_t from `p`).
 * Method: a record; `validateRateModel` (src/comm/rateModel.ts) checks it where it is used.
 * Accuracy: exact (no arithmetic).
 * References: arXiv:2403.20228, Section IV; docs/communication.md.
 *
 * @example
 * import { coMPRateParamsAt, defaultParams } from 'isacnet';
 * coMPRateParamsAt(defaultParams(), 4, 0.5, 0.9); // => {"L": 4, "pc": 0.5, "kappaC": 0.9, "alpha": 4, "mt": 4}
 */
export function coMPRateParamsAt(p: Params, L: number, pc: number, kappaC: number): CoMPRateParams {
  return { L, pc, kappaC, alpha: p.alpha, mt: p.mt };
}

/**
 * Density in /m² from /km² (the parameters give λ_b, λ_u, λ_s in /km²; the sensing model works in m).
 *
 * Formula: not in the paper (a unit conversion, ×10⁻⁶).
 * Method: multiplication.
 * Accuracy: exact up to one rounding.
 * References: docs/parameters.md (units).
 *
 * @example
 * import { perM2 } from 'isacnet';
 * perM2(1); // => 1e-6
 */
export function perM2(densityPerKm2: number): number {
  return densityPerKm2 * 1e-6;
}

/**
 * Radar receiver noise power σ_s² in W from the parameter `noisePowerDb` (dB re 1 W).
 *
 * Formula: σ_s² = 10^(noisePowerDb/10), the noise of Eq. (4) of arXiv:2403.20228 (Σ = σ_s² I); the
 * paper's −80 dB is the default.
 * Method: `Math.pow(10, dB/10)`.
 * Accuracy: double precision (a few ulp).
 * References: arXiv:2403.20228, Section V; docs/parameters.md.
 *
 * @example
 * import { noisePowerW, defaultParams } from 'isacnet';
 * noisePowerW(defaultParams()); // => 1e-8 (±1e-14)
 */
export function noisePowerW(p: Params): number {
  return Math.pow(10, p.noisePowerDb / 10);
}

/**
 * Sensing power p^s in W: (1 − p^c)·P_t, the split of Eq. (1).
 *
 * Formula: x_i = √p^c w_i^c s_i^c + √p^s w_i^s s_i^s, Eq. (1) of arXiv:2403.20228, with the
 * normalized split p^c + p^s = 1 of the total power P_t (the toolkit's `pc` is the share p^c).
 * Method: (1 − pc)·ptW.
 * Accuracy: exact up to one rounding.
 * References: arXiv:2403.20228, Eq. (1) and Section V (P_t = 1 W); docs/parameters.md.
 *
 * @example
 * import { sensingPowerW, defaultParams } from 'isacnet';
 * sensingPowerW(defaultParams()); // => 0.5
 * sensingPowerW({ ...defaultParams(), pc: 0.2, ptW: 2 }); // => 1.6 (±1e-15)
 */
export function sensingPowerW(p: Params): number {
  return (1 - p.pc) * p.ptW;
}

/**
 * |ζ|² of Eq. (5) of arXiv:2403.20228 in m²:
 *   |ζ|² = p^s G_t G_r B² σ / (8π f_c² σ_s²),
 * with p^s = (1 − p^c)·P_t in W, B and f_c in Hz, σ in m², σ_s² in W. The `zeta2` parameter, when
 * set, overrides the formula (then it does not scale with p^s).
 *
 * Formula: as above, the sensing gain below Eq. (5) of arXiv:2403.20228.
 * Method: the product evaluated in double precision (f_c, B, G_t, G_r are toolkit defaults: the
 * paper does not give them; docs/parameters.md).
 * Accuracy: a few ulp; checked against the formula written out in test/params/schema.test.ts
 * (1e-14 relative). Defaults: p^s = 0.5 W, G_t G_r = 20, B = 100 MHz, f_c = 3.5 GHz, σ_s² = 1e-8 W.
 * References: arXiv:2403.20228, Eq. (5); docs/parameters.md.
 *
 * @example
 * import { zeta2M2, defaultParams } from 'isacnet';
 * zeta2M2(defaultParams()); // => 32480.6006
 * zeta2M2({ ...defaultParams(), zeta2: 3 }); // => 3
 */
export function zeta2M2(p: Params): number {
  if (p.zeta2 !== null) return p.zeta2;
  return (sensingPowerW(p) * p.gt * p.gr * p.bandwidthHz * p.bandwidthHz * p.rcsM2) / (8 * Math.PI * p.fcHz * p.fcHz * noisePowerW(p));
}

/**
 * |ζ|² per unit of sensing power (m²/W): the optimizer scales it by p^s. With a `zeta2` override the
 * override is taken to be the value at the configured p^s.
 *
 * Formula: |ζ|²/p^s = G_t G_r B² σ/(8π f_c² σ_s²) (Eq. (5) of arXiv:2403.20228 with p^s = 1 W).
 * Method: `zeta2M2` at p^c = 0, P_t = 1 W (or override / p^s).
 * Accuracy: a few ulp.
 * References: arXiv:2403.20228, Eq. (5); docs/optimization.md (|ζ|² ∝ p^s).
 *
 * @example
 * import { zeta2PerWatt, defaultParams } from 'isacnet';
 * zeta2PerWatt(defaultParams()); // => 64961.2013
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
 *
 * Formula: 1/(|ζ|² (πλ_b)^β), the factor in front of Eqs. (12)–(14) and (16) of arXiv:2403.20228
 * (e.g. Eq. (14): 1/(|ζ|² λ_b² π²) for β = 2).
 * Method: `zeta2M2(p)` and λ_b converted to /m².
 * Accuracy: a few ulp; test/params/schema.test.ts and test/sensing/closedForms.test.ts check the
 * scaling to 1e-14.
 * References: arXiv:2403.20228, Eqs. (12)–(16); docs/sensing.md (units).
 *
 * @example
 * import { crlbScaleM2, defaultParams } from 'isacnet';
 * crlbScaleM2(defaultParams()); // => 3.11944e6
 */
export function crlbScaleM2(p: Params): number {
  return 1 / (zeta2M2(p) * Math.pow(Math.PI * perM2(p.lambdaB), p.beta));
}

/** Speed of light in vacuum (m/s), for the free-space path loss at the reference distance. */
export const SPEED_OF_LIGHT = 299792458;

/**
 * Noise power at a user in W: σ² = N_0 · B_c · NF (dB: N_0 + 10 log₁₀ B_c + NF, N_0 in dBm/Hz).
 *
 * Formula: not in the paper (its Eq. (8) is an SIR): σ² = 10^((N_0 − 30)/10) · B_c · 10^(NF/10)
 * with the toolkit defaults N_0 = −174 dBm/Hz (kT at 290 K), B_c = 100 MHz, NF = 7 dB, i.e. −87 dBm.
 * Method: one power of ten of the dB sum.
 * Accuracy: a few ulp.
 * References: docs/communication.md (communication with noise); docs/parameters.md.
 *
 * @example
 * import { commNoisePowerW, defaultParams } from 'isacnet';
 * commNoisePowerW(defaultParams()); // => 1.99526231e-12
 */
export function commNoisePowerW(p: Params): number {
  return Math.pow(10, (p.noisePsdDbmHz - 30 + 10 * Math.log10(p.commBandwidthHz) + p.noiseFigureDb) / 10);
}

/**
 * Path gain at the reference distance d_0: K_0 = (c/(4π f_c d_0))² (free space up to d_0); beyond
 * it the gain is K_0 (d/d_0)^{−α}, the r^{−α} of Eq. (8) of arXiv:2403.20228 in absolute units.
 *
 * Formula: not in the paper (it uses the unit-free r^{−α}): Friis' free-space gain at d_0.
 * Method: closed form; the law K_0 (d/d_0)^{−α} is used at every distance (also below d_0, as the
 * paper's r^{−α} is), so that the noise-free limit is exactly the paper's model.
 * Accuracy: a few ulp.
 * References: H. T. Friis, Proc. IRE 34 (1946) 254–256; docs/communication.md.
 *
 * @example
 * import { refPathGain, defaultParams } from 'isacnet';
 * refPathGain(defaultParams()); // => 4.64606829e-5 (±1e-8)
 */
export function refPathGain(p: Params): number {
  const r = SPEED_OF_LIGHT / (4 * Math.PI * p.fcHz * p.refDistanceM);
  return r * r;
}

/**
 * The normalized noise ν of the SINR: the noise power over the received power of a BS at the
 * distance where πλ_b r² = 1, so that SINR = X/(Y + ν u_1^{α/2}) with X, Y the desired and
 * interference powers of Eq. (8) normalized by r_1^{−α} and u_1 = πλ_b r_1² ~ Exp(1).
 *
 * Formula: not in the paper: ν = σ² / (P_t K_0 d_0^α (πλ_b)^{α/2}), λ_b in /m², with σ² of
 * `commNoisePowerW` and K_0 of `refPathGain`; ν = 0 is the paper's interference-limited SIR.
 * Method: closed form.
 * Accuracy: a few ulp. At the defaults (λ_b = 1 /km², α = 4) ν ≈ 4.35e3: the mean SNR from the
 * nearest BS, 1/(ν E[u_1^{α/2}]) = 1/(2ν), is −39.4 dB.
 * References: docs/communication.md (communication with noise).
 *
 * @example
 * import { normalizedNoise, defaultParams } from 'isacnet';
 * normalizedNoise(defaultParams()); // => 4351.2563 (±1e-7)
 * normalizedNoise({ ...defaultParams(), lambdaB: 100 }); // => 0.43512563 (±1e-7)
 */
export function normalizedNoise(p: Params): number {
  return commNoisePowerW(p) / (p.ptW * refPathGain(p) * Math.pow(p.refDistanceM, p.alpha) * Math.pow(Math.PI * perM2(p.lambdaB), p.alpha / 2));
}
