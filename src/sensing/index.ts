/**
 * The sensing half of isacnet (Sections II-B and III of arXiv:2403.20228) in one import: geometry,
 * FIM/CRLB, closed forms, Monte Carlo, acceptance (Lemma 1) and the CRLB with acceptance (Eq. 16).
 * Pure modules only (browser-safe).
 */
export * from '../geometry/nearestDistances.ts';
export * from './fim.ts';
export * from './eq11.ts';
export * from './closedForms.ts';
export * from './crlbExistence.ts';
export * from './crlbSummary.ts';
export * from './crlbMonteCarlo.ts';
export * from './crlbControl.ts';
export * from './acceptance.ts';
export * from './crlbAcceptance.ts';
export * from './network.ts';
export * from './networkSummary.ts';
export * from './localization.ts';
export * from './localizeMonteCarlo.ts';
export * from './kernels.ts';
