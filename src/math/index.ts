/**
 * `isacnet/math`: the numerics under the closed forms of arXiv:2403.20228 — special functions
 * (Γ, incomplete Γ and B, through stdlib-js), adaptive Gauss–Kronrod quadrature (7/15 and 10/21),
 * Gauss–Legendre rules, Brent's root finder and maximizer, golden-section search, integer powers,
 * the seeded xoshiro128** generator with independent streams, Monte Carlo statistics, and the
 * argument checks of the Monte Carlo kernels (`ArgumentError`). No domain code (src/math imports
 * nothing else of isacnet); browser-safe.
 */
export * from './special.ts';
export * from './incompleteBeta.ts';
export * from './quadrature.ts';
export * from './adaptiveGk21.ts';
export * from './gaussLegendre.ts';
export * from './powInt.ts';
export * from './brent.ts';
export * from './goldenSection.ts';
export * from './rng.ts';
export * from './exponentialZiggurat.ts';
export * from './stats.ts';
export * from './selectRanks.ts';
export * from './leastSquares.ts';
export * from './digammaInteger.ts';
export * from './controlledEstimates.ts';
export * from './argumentError.ts';
