/**
 * `isacnet/optimize`: the backhaul-limited sensing–communication trade-off of Sections II-D and V of
 * arXiv:2403.20228 — the backhaul constraint Eq. (10), the rate envelope, the Pareto boundary
 * (ε-constraint, exact on the integer cluster sizes), the weighted optimum, the baselines (corners,
 * time-sharing, non-cooperative), reference exhaustive solvers, the adapters to the library's real
 * rate and CRLB models, and `optimizeTradeoff`, one call for the whole trade-off. Browser-safe.
 *
 * `ClusterRateModel` is the optimizer's rate interface { rate(L, p^c), name, concaveInPc? } of
 * src/optimize/model.ts (the communication module's parameter record is `CoMPRateParams`).
 */
export { crlbAtPower, backhaulUse, maxSensingCluster, rateRoom, checkProblem, type CrlbModel, type BackhaulProblem, type ClusterRateModel } from './model.ts';
export * from './models.ts';
export * from './rateEnvelope.ts';
export * from './sensingTable.ts';
export * from './frontier.ts';
export * from './baselines.ts';
export * from './weighted.ts';
export * from './exhaustive.ts';
export * from './tradeoff.ts';
export * from './optimizeTradeoff.ts';
