/**
 * The sensing curves of the explorer (Figs. 2 and 3 analogs), computed from the library's closed
 * forms: Prop. 1 (Eq. 12), Eq. (13), Theorem 1 as printed and corrected (src/sensing/closedForms.ts),
 * Lemma 1's κ_s, the corrected (negative-binomial) κ_s, Eq. (16) and the thinned Prop. 1
 * (src/sensing/acceptance.ts, src/sensing/crlbAcceptance.ts). Pure; runs in the analysis worker (so that extreme settings, where the κ_s series get
 * long, never freeze the page) and in Node (tests).
 */
import { crlbScaleM2, targetsPerBs } from '../../params/derived.ts';
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';
import { sensing } from '../lib.ts';

export interface SensingCurves {
  Ns: number[];
  prop1: Array<number | null>;
  eq13: Array<number | null>;
  thm1: Array<number | null>;
  thm1c: Array<number | null>;
  /** Lemma 1 κ_s and Eq. (16) (m²). */
  kappa: number[];
  eq16: Array<number | null>;
  /** Corrected κ_s (negative-binomial load) and Prop. 1 thinned by it (m²). */
  kappaNb: number[];
  thinned: Array<number | null>;
  /** Targets that cannot be localized (≤ 1 accepted BS), independent-acceptance model with the corrected κ_s. */
  nonLoc: number[];
  /** Wall time of each figure's curves, ms. */
  timings: { fig2: number; fig3: number };
}

function scaled(v: number | null, scale: number): number | null {
  return v === null ? null : v * scale;
}

export function computeSensing(p: Params, s: Settings): SensingCurves {
  const Ns = Array.from({ length: s.nMax }, (_, i) => i + 1);
  const scale = crlbScaleM2(p);
  let t0 = performance.now();
  const prop1 = Ns.map((N) => sensing.crlbProp1(N, p));
  const eq13 = Ns.map((N) => sensing.crlbEq13(N, p));
  const thm1 = Ns.map((N) => sensing.crlbTheorem1Printed(N, p));
  const thm1c = Ns.map((N) => sensing.crlbTheorem1Corrected(N, p));
  const fig2 = performance.now() - t0;
  t0 = performance.now();
  const muS = targetsPerBs(p);
  const kappa = Ns.map((N) => sensing.kappaSLemma1(p.psi, muS, N));
  const eq16 = Ns.map((N, i) => scaled(sensing.crlbAcceptanceEq16Normalized(N, kappa[i], p.beta), scale));
  const kappaNb = Ns.map((N) => sensing.kappaSNegBinomial(p.psi, muS, N));
  const thinned = Ns.map((N, i) => scaled(sensing.crlbAcceptanceThinnedNormalized(N, kappaNb[i], p.beta), scale));
  const nonLoc = Ns.map((N, i) => sensing.nonLocalizableIndependent(N, kappaNb[i]));
  const fig3 = performance.now() - t0;
  return { Ns, prop1, eq13, thm1, thm1c, kappa, eq16, kappaNb, thinned, nonLoc, timings: { fig2, fig3 } };
}
