/**
 * Baselines for the cooperative ISAC scheme (Section V of arXiv:2403.20228; the paper names them
 * but does not define them in full, so the definitions below are the toolkit's, stated in
 * docs/optimization.md):
 *
 * - Communication corner (communication only): no sensing (N = 0, p^c = 1 is the intent), the best
 *   L within the backhaul. Formally the single-objective optimum max R_c(L, p^c) s.t. R_c ≤ C: with
 *   G(1) = max_L R_c(L, 1) ≤ C it is p^c = 1 and L = argmax; when the backhaul binds (G(1) > C) the
 *   rate is capped at C and the least power reaching it is reported (the remaining power idles).
 * - Sensing corner (sensing only): p^s = 1 (R_c = 0), the N with the least CRLB_a(N, 1) among
 *   e·N ≤ C: the single-objective optimum min CRLB_a.
 * - Time-sharing between the corners: a fraction τ of the time in the communication corner and
 *   1 − τ in the sensing corner, so R = τ·R*_comm and CRLB = CRLB*_sens/(1 − τ) (the Fisher
 *   information accumulates over the sensing time). Each slot meets Eq. (10) on its own.
 * - Non-cooperative scheme: L = 1 (no CoMP) and the smallest sensing cluster that localizes (the
 *   first N with a finite CRLB_a: N = 2 for Eq. 16, whose N = 1 is singular), with the power split
 *   p^c swept over [0, 1] within Eq. (10).
 */
import { InfeasibleBackhaulError, rateRoom, type BackhaulProblem } from './model.ts';
import type { Frontier, OperatingPoint } from './frontier.ts';

export interface Corners {
  comm: OperatingPoint & { backhaulBound: boolean };
  sens: OperatingPoint;
}

export interface TimeSharingPoint {
  rate: number;
  /** CRLB*_sens/(1 − τ); null at τ = 1. */
  crlbA: number | null;
  /** Fraction of time in the communication corner. */
  tau: number;
}

/**
 * Throw the "no localizing cluster fits" error (exit code 2 in the CLI).
 *
 * Formula: the backhaul constraint Eq. (10) of arXiv:2403.20228: a localizing cluster N needs
 * e·N ≤ C_backhaul.
 * Method: returns when the sensing table has a localizing N; else finds the smallest localizing N of
 * the CRLB model and throws an `InfeasibleBackhaulError` naming it.
 * Accuracy: exact (integer search).
 * References: arXiv:2403.20228, Eq. (10); docs/optimization.md.
 *
 * @example
 * import { assertFeasible, Frontier, RateEnvelope, SensingTable } from 'isacnet/optimize';
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => L * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const frontier = (backhaul: number) => { const p = { backhaul, e: 1, maxL: 3, maxN: 50 }; return new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, p), p); };
 * assertFeasible(frontier(4)); // => undefined
 * let name = '';
 * try { assertFeasible(frontier(1)); } catch (err) { name = (err as Error).name; }
 * name; // => "InfeasibleBackhaulError"
 */
export function assertFeasible(frontier: Frontier): void {
  const first = frontier.sensing.firstLocalizing;
  if (first) return;
  const p = frontier.problem;
  const model = frontier.sensing.model;
  // Find the smallest localizing N beyond the backhaul bound, to say what would be needed.
  let nLoc: number | null = null;
  for (let N = 1; N <= Math.max(50, frontier.sensing.maxAdmissibleN + 1); N++) {
    const v = model.crlbFullPower(N);
    if (Number.isFinite(v) && v > 0) {
      nLoc = N;
      break;
    }
  }
  throw new InfeasibleBackhaulError(p.backhaul, p.e, nLoc, model.name);
}

/**
 * The two single-objective optima (corner points of the region).
 *
 * Formula: not defined in the paper (toolkit definitions, docs/optimization.md "Baselines"):
 * communication corner max R_c s.t. R_c ≤ C_backhaul with N = 0 (p^c = 1 unless the backhaul caps the
 * rate); sensing corner min CRLB_a(N, 1) with p^s = 1 and e·N ≤ C_backhaul (Eq. (10) of arXiv:2403.20228).
 * Method: G(1) from the envelope (or P(C) when capped); the last sensing record.
 * Accuracy: exact on the integers, 1e-12 in p^c when capped.
 * References: arXiv:2403.20228, Section V and Fig. 5; docs/optimization.md; docs/errata.md O1.
 *
 * @example
 * import { corners, Frontier, RateEnvelope, SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const c = corners(new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, problem), problem));
 * [c.comm.rate, c.comm.L, c.comm.backhaulBound]; // => [2.87747433, 2, false]
 * [c.sens.N, c.sens.crlbA]; // => [8, 0.142857143]
 */
export function corners(frontier: Frontier): Corners {
  assertFeasible(frontier);
  const env = frontier.envelope;
  const C = frontier.problem.backhaul;
  const g1 = env.maxRate;
  const K = env.grid.length - 1;
  let comm: Corners['comm'];
  if (g1 <= C) {
    comm = { rate: g1, crlbA: null, L: env.gridArg[K], N: 0, pc: 1, backhaulUse: g1, backhaulBound: false };
  } else {
    const inv = env.inverse(C);
    if (!inv) throw new Error('unreachable: C < G(1) but P(C) undefined');
    comm = { rate: C, crlbA: null, L: inv.L, N: 0, pc: inv.pc, backhaulUse: C, backhaulBound: true };
  }
  const recs = frontier.sensing.records;
  const best = recs[recs.length - 1];
  const sens: OperatingPoint = { rate: 0, crlbA: best.crlbFull, L: null, N: best.N, pc: 0, backhaulUse: frontier.problem.e * best.N };
  return { comm, sens };
}

/**
 * The time-sharing line between the corners at the given CRLB levels (τ = 1 − CRLB*_sens/c, so the
 * line is sampled evenly on a log CRLB axis), plus τ = 1 (the communication corner, CRLB null).
 *
 * Formula: R = τ R*_comm, CRLB_a = CRLB*_sens/(1 − τ) (toolkit definition of the time-sharing baseline
 * of Fig. 5 of arXiv:2403.20228, not in the paper; docs/optimization.md).
 * Method: one point per level, sorted by rate.
 * Accuracy: exact.
 * References: docs/optimization.md (baselines); docs/errata.md O2.
 *
 * @example
 * import { timeSharing } from 'isacnet';
 * const c = { comm: { rate: 4, crlbA: null, L: 13, N: 0, pc: 1, backhaulUse: 4, backhaulBound: true }, sens: { rate: 0, crlbA: 1, L: null, N: 12, pc: 0, backhaulUse: 2.4 } };
 * timeSharing(c, [2, 4]).map((t) => t.tau); // => [0.5, 0.75, 1]
 */
export function timeSharing(c: Corners, crlbLevels: number[]): TimeSharingPoint[] {
  const sensCrlb = c.sens.crlbA as number;
  const out: TimeSharingPoint[] = [];
  for (const level of crlbLevels) {
    const tau = Math.max(0, 1 - sensCrlb / level);
    out.push({ rate: tau * c.comm.rate, crlbA: sensCrlb / (1 - tau), tau });
  }
  out.push({ rate: c.comm.rate, crlbA: null, tau: 1 });
  out.sort((a, b) => a.rate - b.rate);
  return out;
}

/**
 * Time-sharing point at a given τ.
 *
 * Formula: R = τ R*_comm, CRLB_a = CRLB*_sens/(1 − τ) (toolkit definition, not in the paper;
 * docs/optimization.md).
 * Method: direct evaluation; CRLB null at τ = 1.
 * Accuracy: exact.
 * References: docs/optimization.md (baselines).
 *
 * @example
 * import { timeSharingAt } from 'isacnet';
 * const c = { comm: { rate: 4, crlbA: null, L: 13, N: 0, pc: 1, backhaulUse: 4, backhaulBound: true }, sens: { rate: 0, crlbA: 1, L: null, N: 12, pc: 0, backhaulUse: 2.4 } };
 * timeSharingAt(c, 0.5); // => { rate: 2, crlbA: 2, tau: 0.5 }
 */
export function timeSharingAt(c: Corners, tau: number): TimeSharingPoint {
  const sensCrlb = c.sens.crlbA as number;
  return { rate: tau * c.comm.rate, crlbA: tau < 1 ? sensCrlb / (1 - tau) : null, tau };
}

/**
 * The non-cooperative scheme's curve: L = 1, N = the smallest localizing cluster, p^c on the rate
 * grid of the envelope (exact tabulated values) up to the power the backhaul allows, plus that cap.
 *
 * Formula: not defined in the paper (toolkit definition of the non-cooperative baseline of Fig. 5 of
 * arXiv:2403.20228): L = 1, the first N with a finite CRLB_a, p^c swept within Eq. (10).
 * Method: the envelope's L = 1 row, then the backhaul-binding power by Brent's root finder.
 * Accuracy: exact tabulated values; the cap to 1e-12 in p^c.
 * References: docs/optimization.md (baselines).
 *
 * @example
 * import { nonCooperative, Frontier, RateEnvelope, SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const nc = nonCooperative(new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, problem), problem));
 * [nc.length, nc[0].N, nc[nc.length - 1].L]; // => [17, 2, 1]
 */
export function nonCooperative(frontier: Frontier): OperatingPoint[] {
  assertFeasible(frontier);
  const env = frontier.envelope;
  const first = frontier.sensing.firstLocalizing as { N: number; crlbFull: number };
  const room = rateRoom(frontier.problem, first.N);
  const K = env.grid.length - 1;
  const r1 = env.table[0][K];
  const pcCap = r1 <= room ? 1 : env.inverseFor(1, room, 0, 1);
  const out: OperatingPoint[] = [];
  const add = (pc: number, rate: number): void => {
    const crlb = pc < 1 ? first.crlbFull / (1 - pc) : Infinity;
    out.push({ rate, crlbA: Number.isFinite(crlb) ? crlb : null, L: pc > 0 ? 1 : null, N: first.N, pc, backhaulUse: rate + frontier.problem.e * first.N });
  };
  for (let k = 0; k <= K && env.grid[k] < pcCap; k++) add(env.grid[k], env.table[0][k]);
  add(pcCap, env.rate(1, pcCap));
  return out;
}

export interface Containment {
  /** True if every sampled time-sharing point is weakly dominated by a cooperative point. */
  contained: boolean;
  /** The sampled τ where the time-sharing point is not dominated ([min, max]), or null. */
  uncoveredTau: [number, number] | null;
  samples: number;
  /**
   * Rate advantage of the cooperative scheme at equal CRLB_a, R_coop − R_TS (nats/s/Hz), over the
   * Pareto points (exact, no extra evaluation): its least and largest value.
   */
  rateGainAtPareto: { min: number; max: number } | null;
}

/**
 * Does the cooperative region contain the time-sharing line? For each sampled τ ∈ [0, 1) the
 * largest cooperative rate at the time-sharing CRLB, R*(CRLB*_sens/(1 − τ)), is compared with
 * τ·R*_comm (the ε-constraint form). A certified lower bound of R*(c) from the rate bands settles
 * most samples without evaluating the model; the others are solved exactly.
 *
 * Formula: not in the paper: R*(CRLB*_sens/(1 − τ)) ≥ τ R*_comm for every sampled τ (the paper's
 * claim that cooperation beats time-sharing, Fig. 5 of arXiv:2403.20228, under Eq. (10)).
 * Method: `samples` values of τ = i/samples; certified bounds first, `maxRateAtCrlb` otherwise.
 * Accuracy: exact at the sampled τ. With the paper's setting the line is not contained at
 * C_backhaul = 4 (τ ∈ [0.86, 0.99]) and contained at C = 6, 8 (docs/errata.md O2).
 * References: docs/optimization.md (baselines); docs/errata.md O2.
 *
 * @example
 * import { containment, corners, Frontier, RateEnvelope, SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const f = new Frontier(new RateEnvelope(rate, 3), new SensingTable(crlb, problem), problem);
 * // here the communication slot uses R*_comm = 2.88 with no sensing backhaul: not contained
 * containment(f, corners(f), 10).contained; // => false
 */
export function containment(frontier: Frontier, c: Corners, samples = 100, pareto?: OperatingPoint[]): Containment {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < samples; i++) {
    const tau = i / samples;
    const ts = timeSharingAt(c, tau);
    const level = ts.crlbA as number;
    const tol = 1e-9 * Math.max(1, ts.rate);
    if (frontier.maxRateLowerBound(level) >= ts.rate - tol) continue;
    const coop = frontier.maxRateAtCrlb(level);
    if (!coop || coop.rate < ts.rate - tol) {
      lo = Math.min(lo, tau);
      hi = Math.max(hi, tau);
    }
  }
  let gain: Containment['rateGainAtPareto'] = null;
  const sensCrlb = c.sens.crlbA as number;
  for (const p of pareto ?? []) {
    if (p.crlbA === null) continue;
    const g = p.rate - Math.max(0, 1 - sensCrlb / p.crlbA) * c.comm.rate;
    gain = gain ? { min: Math.min(gain.min, g), max: Math.max(gain.max, g) } : { min: g, max: g };
  }
  return { contained: !(hi >= lo), uncoveredTau: hi >= lo ? [lo, hi] : null, samples, rateGainAtPareto: gain };
}
