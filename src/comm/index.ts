/**
 * `isacnet/comm`: the communication half of arXiv:2403.20228 (Sections II-A and IV) — zero-forcing
 * beams (Eq. 2), gain models, the SIR and rate of Eqs. (7)–(9) by Monte Carlo (typical user and
 * network level), SIR coverage, the acceptance κ_c, Lemma 2 (H1, H2; Eqs. (19)–(21)), Theorem 2, the
 * exact rate and the rate quadrature they share. Pure modules only (browser-safe).
 *
 * `CoMPRateParams` is the rate-model parameter record { L, p^c, κ_c, α, M_t } of src/comm/rateModel.ts,
 * exported here under the name it will carry once the two `RateModel` types of the library are
 * renamed (the optimizer's is `ClusterRateModel`, see `isacnet/optimize`).
 */
export * from './zf.ts';
export * from './gains.ts';
export * from './coverage.ts';
export * from './kappa.ts';
export * from './lemma2.ts';
export * from './laplaceCheck.ts';
export * from './laplaceKernel.ts';
export * from './rateQuadrature.ts';
export * from './theorem2.ts';
export * from './exactRate.ts';
export * from './zfRateL1.ts';
export * from './typicalUser.ts';
export * from './network.ts';
export * from './kernels.ts';
// RateModel is renamed CoMPRateParams on main (issue "One-direction architecture and a public library
// API"); until then it is exported under its future name. ParamError belongs to isacnet/params.
export { validateRateModel } from './rateModel.ts';
export type { RateModel as CoMPRateParams } from './rateModel.ts';
