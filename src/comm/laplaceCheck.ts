/**
 * Lemma 2 of arXiv:2403.20228 checked against simulation: the conditional Laplace transforms of the
 * cooperative signal U = Σ_{i∈Φ_a} g_i (r/‖d_i‖)^α, the declined-request interference
 * I1 = Σ_{i∈Φ_c∖Φ_a} g_i (r/‖d_i‖)^α and the out-of-cluster interference I2 = Σ_{i>L} g_i (r/‖d_i‖)^α,
 * given the serving distance r and η_L = r/r_L. (The paper's definition of U omits the factor
 * ‖d_i‖^{−α}; Eq. (18) and H1 include it.)
 *
 * Two models of the BSs between r and r_L:
 * - `lemma2`: what Lemma 2 assumes — a PPP of density λ_b in the annulus r < ‖d‖ < r_L (Poisson
 *   count of mean πλ_b(r_L² − r²)), each accepting independently with probability κ_c. Then
 *   Eqs. (19)–(20) hold exactly: E[e^{−zU}] = exp(−πκλr² H1(zp^c, M_t−1, α, η)),
 *   E[e^{−zI1}] = exp(−π(1−κ)λr² H1(z, 1, α, η)).
 * - `exact`: the actual conditional law — exactly L − 2 BSs i.i.d. uniform in the annulus plus the
 *   L-th BS on the circle ‖d‖ = r_L. Then E[e^{−zU}] = (1 − κ s H1(zp^c, M_t−1)/(1−s))^{L−2}
 *   (κ(1 + zp^c η^α)^{1−M_t} + 1 − κ), s = η², and likewise for I1 (`exactConditionalLaplace`).
 * I2 (PPP beyond r_L, Eq. 21) is the same in both. The simulation draws BSs out to u = πλ_b‖d‖² ≤
 * uMax and multiplies the empirical transform of I2 by the exact factor exp(−πλ_b r² H2(z, α, r/R))
 * of the PPP beyond R (no truncation error).
 *
 * Normalized units: u_1 = πλ_b r² is given, λ_b drops out.
 */
import type { Rng } from '../math/rng.ts';
import { h1, h2 } from './lemma2.ts';
import { ArgumentError } from '../math/argumentError.ts';

export interface LaplaceCheckArgs {
  model: 'lemma2' | 'exact';
  L: number;
  kappaC: number;
  pc: number;
  mt: number;
  alpha: number;
  /** πλ_b r², the normalized serving distance. */
  u1: number;
  /** η_L = r/r_L ∈ (0, 1). */
  eta: number;
  zs: number[];
  trials: number;
  /** Outer limit of the explicit PPP beyond r_L, in u = πλ_b d² (default 400). */
  uMax?: number;
}

export interface LaplaceEstimate {
  z: number;
  /** Empirical means of e^{−zU}, e^{−zI1}, e^{−zI2} and their standard errors. */
  U: number;
  I1: number;
  I2: number;
  seU: number;
  seI1: number;
  seI2: number;
}

/**
 * Eqs. (19)–(21) as printed (with the corrected H1).
 *
 * Formula: E[e^{−zU}] = exp(−πκ_cλ_b r² H1(zp^c, M_t − 1, α, η_L)), E[e^{−zI1}] = exp(−π(1 − κ_c)λ_b r²
 * H1(z, 1, α, η_L)), E[e^{−zI2}] = exp(−πλ_b r² H2(z, α, η_L)): Lemma 2, Eqs. (19)–(21) of
 * arXiv:2403.20228, with u1 = πλ_b r² (normalized) and the corrected H1.
 * Method: `h1`, `h2` closed forms.
 * Accuracy: as `h1`, `h2` (1e-10). As a model: exact under Lemma 2's own assumption (a PPP in the
 * annulus), off by more than 10 standard errors for U and I1 under the true conditional law
 * (exactly L − 2 BSs in the annulus and the L-th on r_L; test/comm/laplace.test.ts, docs/errata.md C5).
 * References: arXiv:2403.20228, Lemma 2; docs/errata.md C3, C5; docs/communication.md.
 *
 * @example
 * import { lemma2Laplace } from 'isacnet';
 * const t = lemma2Laplace({ L: 5, kappaC: 0.7, pc: 0.5, mt: 4, alpha: 4, u1: 0.8, eta: 0.5 }, 1);
 * [t.U, t.I1, t.I2]; // => [0.640403058, 0.878358302, 0.822026266]
 */
export function lemma2Laplace(a: Omit<LaplaceCheckArgs, 'model' | 'trials' | 'uMax'>, z: number): { U: number; I1: number; I2: number } {
  const { kappaC: k, pc, mt, alpha, u1, eta } = a;
  return {
    U: Math.exp(-k * u1 * h1(z * pc, mt - 1, alpha, eta)),
    I1: Math.exp(-(1 - k) * u1 * h1(z, 1, alpha, eta)),
    I2: Math.exp(-u1 * h2(z, alpha, eta)),
  };
}

/**
 * The exact conditional transforms (fixed count L − 2 in the annulus, BS L on r_L).
 *
 * Formula: not in the paper (the exact counterpart of Eqs. (19)–(20) of arXiv:2403.20228):
 * E[e^{−zU}] = (1 − κ s H1(zp^c, M_t−1)/(1−s))^{L−2} (κ(1 + zp^cη^α)^{1−M_t} + 1 − κ), s = η², likewise
 * for I1; I2 as Eq. (21).
 * Method: closed forms from `h1`, `h2`.
 * Accuracy: matches the empirical transforms of the true law within 4 SE (20 000 draws,
 * test/comm/laplace.test.ts); the single-BS average computed by scipy quadrature over the annulus
 * gives the same values (scripts/doc-example-references.py).
 * References: docs/communication.md (Laplace transforms against simulation); docs/errata.md C5.
 *
 * @example
 * import { exactConditionalLaplace } from 'isacnet';
 * const t = exactConditionalLaplace({ L: 5, kappaC: 0.7, pc: 0.5, mt: 4, alpha: 4, u1: 0.8, eta: 0.5 }, 1);
 * [t.U, t.I1, t.I2]; // => [0.506637454, 0.831540070, 0.822026266]
 */
export function exactConditionalLaplace(a: Omit<LaplaceCheckArgs, 'model' | 'trials' | 'uMax'>, z: number): { U: number; I1: number; I2: number } {
  const { L, kappaC: k, pc, mt, alpha, u1, eta } = a;
  if (L < 2) return { U: 1, I1: 1, I2: Math.exp(-u1 * h2(z, alpha, 1)) };
  const s = eta * eta;
  const ea = Math.pow(eta, alpha);
  const meanD = (s * h1(z * pc, mt - 1, alpha, eta)) / (1 - s);
  const meanI = (s * h1(z, 1, alpha, eta)) / (1 - s);
  return {
    U: Math.pow(1 - k * meanD, L - 2) * (k * Math.pow(1 + z * pc * ea, 1 - mt) + 1 - k),
    I1: Math.pow(1 - (1 - k) * meanI, L - 2) * (k + (1 - k) / (1 + z * ea)),
    I2: Math.exp(-u1 * h2(z, alpha, eta)),
  };
}

/**
 * Empirical conditional Laplace transforms of U, I1, I2 (see the module comment).
 *
 * Formula: Monte Carlo estimates of the left sides of Eqs. (19)–(21) of arXiv:2403.20228 given r and
 * η_L, under Lemma 2's model (`lemma2`) or the true conditional law (`exact`).
 * Method: BSs drawn in the annulus (Poisson or fixed count) and beyond r_L up to uMax, the exact PPP
 * factor exp(−u1 H2) for the rest; standard errors from the sample.
 * Accuracy: Monte Carlo (SE reported); unbiased apart from the exact tail factor.
 * References: docs/communication.md; test/comm/laplace.test.ts.
 *
 * @example
 * import { empiricalLaplace, lemma2Laplace, Rng } from 'isacnet';
 * const [est] = empiricalLaplace({ ...{ L: 5, kappaC: 0.7, pc: 0.5, mt: 4, alpha: 4, u1: 0.8, eta: 0.5 }, model: 'lemma2', zs: [1], trials: 20000 }, new Rng(1));
 * // seed 1, 20 000 draws: 0.64169 ± 0.00207 against Eq. (19)'s 0.64040
 * est.U; // => 0.64169
 * Math.abs(est.U - lemma2Laplace({ L: 5, kappaC: 0.7, pc: 0.5, mt: 4, alpha: 4, u1: 0.8, eta: 0.5 }, 1).U) < 4 * est.seU; // => true
 */
export function empiricalLaplace(a: LaplaceCheckArgs, rng: Rng): LaplaceEstimate[] {
  const { model, L, kappaC: k, pc, mt, alpha, u1, eta, zs, trials } = a;
  const uMax = a.uMax ?? 400;
  const uL = u1 / (eta * eta);
  if (uMax <= 2 * uL) throw new ArgumentError('uMax', uMax, `> 2u₁/η² = ${2 * uL} (too small for this η)`);
  const ha = alpha / 2;
  const acc = zs.map(() => ({ U: 0, U2: 0, I1: 0, I12: 0, I2: 0, I22: 0 }));
  for (let t = 0; t < trials; t++) {
    let U = 0;
    let I1 = 0;
    let I2 = 0;
    // Annulus (u1, uL): BSs with their u uniform on the interval (area-uniform in the annulus).
    const n = model === 'lemma2' ? rng.poisson(uL - u1) : L - 2;
    const extra = model === 'exact' ? 1 : 0; // the L-th BS on r_L
    for (let i = 0; i < n + extra; i++) {
      const u = i < n ? u1 + (uL - u1) * rng.uniform() : uL;
      const w = Math.pow(u1 / u, ha);
      if (rng.uniform() < k) U += rng.gamma(mt - 1, pc) * w;
      else I1 += rng.exponential() * w;
    }
    // PPP beyond r_L up to uMax.
    for (let u = uL + rng.exponential(); u <= uMax; u += rng.exponential()) I2 += rng.exponential() * Math.pow(u1 / u, ha);
    for (let j = 0; j < zs.length; j++) {
      const z = zs[j];
      const a1 = Math.exp(-z * U);
      const a2 = Math.exp(-z * I1);
      const a3 = Math.exp(-z * I2);
      acc[j].U += a1;
      acc[j].U2 += a1 * a1;
      acc[j].I1 += a2;
      acc[j].I12 += a2 * a2;
      acc[j].I2 += a3;
      acc[j].I22 += a3 * a3;
    }
  }
  return zs.map((z, j) => {
    const m = (s: number): number => s / trials;
    const se = (s: number, s2: number): number => Math.sqrt(Math.max(0, s2 / trials - (s / trials) ** 2) / (trials - 1));
    const beyond = Math.exp(-u1 * h2(z, alpha, Math.sqrt(u1 / uMax)));
    const x = acc[j];
    return { z, U: m(x.U), I1: m(x.I1), I2: m(x.I2) * beyond, seU: se(x.U, x.U2), seI1: se(x.I1, x.I12), seI2: se(x.I2, x.I22) * beyond };
  });
}
