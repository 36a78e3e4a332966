/**
 * The communication curves of the explorer (Fig. 4 analog): R_c against the CoMP cluster size L at
 * the current power split, from Theorem 2 (with the printed and with the corrected H1 of Lemma 2)
 * and from the toolkit's exact expression, with κ_c as printed in Section IV. Pure; runs in the
 * analysis worker and in Node (tests).
 *
 * Accuracy: the live curves integrate to a relative tolerance of `LIVE_REL_TOL` = 1e-4 (the library
 * default is 1e-6); src/comm/rateQuadrature.ts reports that its error estimate is pessimistic by
 * orders of magnitude, and the values agree with the 1e-6 ones to about 1e-8 (measured in
 * test/web/compute.test.ts).
 */
import { usersPerBs, coMPRateParamsAt } from '../../params/derived.ts';
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';
import { comm } from '../lib.ts';

export const LIVE_REL_TOL = 1e-4;

export interface CommCurves {
  Ls: number[];
  pc: number;
  kappaC: number[];
  thm2Printed: number[];
  thm2: number[];
  exact: number[];
  /** Wall time per curve, ms. */
  timings: { kappaC: number; thm2Printed: number; thm2: number; exact: number };
  /** argmax over L of the exact rate and of Theorem 2. */
  bestL: { exact: number | null; thm2: number | null };
  relTol: number;
}

export function argmax(v: number[]): number | null {
  let best: number | null = null;
  v.forEach((x, i) => {
    if (Number.isFinite(x) && (best === null || x > v[best])) best = i;
  });
  return best;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

/** κ_c of Section IV for cluster size L. */
export function kappaCFor(p: Params, L: number): number {
  return comm.kappaC(p.psi, usersPerBs(p), L);
}

/** The rate model of the library for cluster size L at the current parameters. */
export function rateModelFor(p: Params, L: number, pc = p.pc): import('../lib.ts').CommRateModel {
  return coMPRateParamsAt(p, L, pc, kappaCFor(p, L));
}

export function computeComm(p: Params, s: Settings): CommCurves {
  const Ls = Array.from({ length: s.lMax }, (_, i) => i + 1);
  const opts = { relTol: LIVE_REL_TOL };
  const [kappaC, tk] = time(() => Ls.map((L) => kappaCFor(p, L)));
  const models = Ls.map((L, i) => coMPRateParamsAt(p, L, p.pc, kappaC[i]));
  const [thm2Printed, tp] = time(() => models.map((m) => comm.rateTheorem2(m, { ...opts, h1Variant: 'printed' })));
  const [thm2, tt] = time(() => models.map((m) => comm.rateTheorem2(m, opts)));
  const [exact, te] = time(() => models.map((m) => comm.rateExact(m, opts)));
  const be = argmax(exact);
  const bt = argmax(thm2);
  return {
    Ls,
    pc: p.pc,
    kappaC,
    thm2Printed,
    thm2,
    exact,
    timings: { kappaC: tk, thm2Printed: tp, thm2: tt, exact: te },
    bestL: { exact: be === null ? null : Ls[be], thm2: bt === null ? null : Ls[bt] },
    relTol: LIVE_REL_TOL,
  };
}
