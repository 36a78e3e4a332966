/**
 * Exact rate for L = 1 (no cooperation) under the full ZF gain laws of zf.ts, to measure what the
 * moment-matched Γ(1, 1) interference law of arXiv:2403.20228 (below Eq. 18) costs in R_c.
 *
 * Interference gain at an unintended user: g = λ1E1 + λ2E2 with λ1 + λ2 = 1,
 * λ1λ2 = c b, c = p^c p^s, b = 1 − |ρ|² ~ Beta(M_t − 1, 1), so
 *   1 − E[e^{−sg}] = E_b[(s + c s² b)/(1 + s + c s² b)]        (no cancellation at small s),
 * averaged by 64-point Gauss–Legendre in w = b^{M_t−1} ~ U(0, 1). The PPP functional beyond the
 * serving distance, H2_zf(z) = ∫_1^∞ (1 − E[e^{−z t^{−α} g}]) 2t dt, is computed with w' = t^{2−α}
 * (bounded integrand) by adaptive GK; then R_c = ∫ (1 − (1 + p^c z)^{1−M_t})/(z(1 + H2_zf(z))) dz
 * (desired gain Gamma(M_t − 1, p^c) exactly, πλ_b r_1² ~ Exp(1)). With p^c ∈ {0, 1} it equals the
 * Γ(1, 1) result (checked in test/comm/zf.test.ts).
 */
import { integrateGk21 } from '../math/adaptiveGk21.ts';
import { integrateRate } from './rateQuadrature.ts';
import { validateRateModel } from './rateModel.ts';
import { powInt } from '../math/powInt.ts';
import { gaussLegendre } from '../math/gaussLegendre.ts';

const GL_N = 64;
const GL = gaussLegendre(GL_N);

/**
 * 1 − E[e^{−s g}] for the ZF interference gain (see the module comment).
 *
 * Formula: not in the paper: 1 − E[e^{−sg}] = E_b[(s + c s² b)/(1 + s + c s² b)], c = p^c(1 − p^c),
 * b ~ Beta(M_t − 1, 1), for the interference gain of the Eq. (2) beams of arXiv:2403.20228 (the paper
 * uses Exp(1) below Eq. (18), which is the c = 0 case s/(1 + s)).
 * Method: 64-point Gauss–Legendre in w = b^{M_t−1} ~ U(0, 1).
 * Accuracy: exact for p^c ∈ {0, 1}; otherwise limited by the rule, since b = w^{1/(M_t−1)} is not
 * smooth at w = 0: measured against mpmath, 1.8e-7 relative at (s, M_t, p^c) = (1, 4, 0.5) and
 * 5.6e-7 at (2, 8, 0.3). The rate it enters is checked in test/comm/zf.test.ts.
 * References: src/comm/zfRateL1.ts (module comment); docs/errata.md C8.
 *
 * @example
 * import { zfInterferenceOneMinusLaplace } from 'isacnet/comm';
 * zfInterferenceOneMinusLaplace(1, 4, 1); // => 0.5
 * zfInterferenceOneMinusLaplace(1, 4, 0.5); // => 0.542628616 (±1e-6)
 */
export function zfInterferenceOneMinusLaplace(s: number, mt: number, pc: number): number {
  const c = pc * (1 - pc);
  if (c === 0) return s / (1 + s);
  let acc = 0;
  for (let i = 0; i < GL_N; i++) {
    const w = 0.5 * (GL.nodes[i] + 1);
    const b = Math.pow(w, 1 / (mt - 1));
    const q = s + c * s * s * b;
    acc += 0.5 * GL.weights[i] * (q / (1 + q));
  }
  return acc;
}

/**
 * R_c (nats/s/Hz) for L = 1 with ZF interference gains; `gammaInterference` swaps in Exp(1).
 *
 * Formula: R_c = ∫ (1 − (1 + p^c z)^{1−M_t})/(z(1 + H2_zf(z))) dz with
 * H2_zf(z) = ∫_1^∞ (1 − E[e^{−z t^{−α} g}]) 2t dt and the ZF interference gain g of Eq. (2) of
 * arXiv:2403.20228 (not in the paper, which uses the moment-matched Γ(1, 1) below Eq. (18)).
 * Method: 64-point Gauss–Legendre over b ~ Beta(M_t − 1, 1), adaptive GK for H2_zf, the rate quadrature
 * of src/comm/rateQuadrature.ts.
 * Accuracy: agrees with the ZF Monte Carlo (test/comm/zf.test.ts); an independent scipy computation
 * (t = e^v, quad over b) gives 1.851833 for (p^c, M_t, α) = (0.5, 4, 4) (scripts/doc-example-references.py).
 * Γ(1, 1) overestimates the ZF rate by 2.2% there (1.8943 vs 1.8518; docs/errata.md C8).
 * References: arXiv:2403.20228, Eqs. (2), (18); docs/errata.md C8; docs/communication.md.
 *
 * @example
 * import { rateL1ZfExact } from 'isacnet';
 * rateL1ZfExact(0.5, 4, 4); // => 1.851833
 * rateL1ZfExact(0.5, 4, 4, { gammaInterference: true }); // => 1.894331
 */
export function rateL1ZfExact(pc: number, mt: number, alpha: number, options: { relTol?: number; gammaInterference?: boolean } = {}): number {
  validateRateModel({ L: 1, pc, kappaC: 1, alpha, mt });
  if (pc === 0) return 0;
  const p = alpha / (alpha - 2);
  const cst = 2 / (alpha - 2);
  const oneMinusL = (s: number): number => (options.gammaInterference ? s / (1 + s) : zfInterferenceOneMinusLaplace(s, mt, pc));
  const h2 = (z: number): number =>
    integrateGk21(
      (w) => {
        if (w === 0) return cst * z;
        const wp = Math.pow(w, p);
        return (cst * oneMinusL(z * wp)) / wp;
      },
      0,
      1,
      { relTol: 1e-10, maxPanels: 200 },
    ).value;
  return integrateRate(
    {
      alpha,
      pc,
      at: (z: number) => ({ direct: (1 - 1 / powInt(1 + pc * z, mt - 1)) / (1 + h2(z)) }),
    },
    { relTol: options.relTol ?? 1e-6 },
  ).value;
}
