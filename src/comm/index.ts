/**
 * `isacnet/comm`: the communication half of arXiv:2403.20228 (Sections II-A and IV) — zero-forcing
 * beams (Eq. 2), gain models, the SIR and rate of Eqs. (7)–(9) by Monte Carlo (typical user and
 * network level), SIR coverage, the acceptance κ_c, Lemma 2 (H1, H2; Eqs. (19)–(21)), Theorem 2, the
 * exact rate and the rate quadrature they share. Pure modules only (browser-safe).
 *
 * `CoMPRateParams` is the rate-parameter record { L, p^c, κ_c, α, M_t } (src/params/derived.ts); the
 * optimizer's rate interface is `ClusterRateModel` (`isacnet/optimize`).
 */
export * from './zf.ts';
export * from './gains.ts';
export * from './coverage.ts';
export * from './noise.ts';
export * from './kappa.ts';
export * from './lemma2.ts';
export * from './laplaceCheck.ts';
export * from './laplaceKernel.ts';
export * from './rateQuadrature.ts';
export * from './theorem2.ts';
export * from './exactRate.ts';
export * from './zfRateL1.ts';
export * from './typicalUser.ts';
export * from './rateCurve.ts';
export * from './rateCurveControl.ts';
export * from './zfRateCurve.ts';
export * from './rateTable.ts';
export * from './controlVariate.ts';
export * from './network.ts';
export * from './kernels.ts';
// ParamError belongs to isacnet/params.
export { validateRateModel, type CoMPRateParams } from './rateModel.ts';
