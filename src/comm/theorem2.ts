/**
 * Theorem 2 of arXiv:2403.20228: the average rate (nats/s/Hz) as printed,
 *
 *   R_c = ∫_0^∞ ∫_0^1 2(L−1)η(1−η²)^{L−2}/z · [ 1/((1−κ_c)H1(z,1,α,η) + H2(z,α,η) + 1)
 *         − (1 + p^c z)^{1−M_t}/(κ_c H1(zp^c, M_t−1, α, η) + (1−κ_c)H1(z,1,α,η) + H2(z,α,η) + 1) ] dη dz.
 *
 * Its two approximations (measured in docs/errata.md against the exact rate and Monte Carlo):
 * (i) the L − 2 BSs between r_1 and r_L are treated as a PPP (Poisson count, Lemma 2), and the L-th
 * BS, which sits on r_L, as part of that PPP; (ii) πλ_b r_1² ~ Exp(1) is averaged as if it were
 * independent of η_L, whereas πλ_b r_1² = η_L² · πλ_b r_L² with πλ_b r_L² ~ Gamma(L).
 *
 * L = 1: the density 2(L−1)η(1−η²)^{L−2} vanishes and the printed expression would give 0; the
 * limit meant by the model is η ≡ 1 (r_L = r_1), H1 = 0 (empty annulus), so
 * R_c = ∫ (1 − (1 + p^c z)^{1−M_t})/(z(1 + H2(z, α, 1))) dz, the exact L = 1 rate.
 *
 * H1 defaults to the corrected Lemma 2 function; `h1Variant: 'printed'` uses the printed H1 with its
 * (1 + x)^{−α} term (docs/errata.md). Numerics: rateQuadrature.ts.
 */
import { LemmaAtZ, type H1Variant } from './laplaceKernel.ts';
import { integrateRate, type RateIntegralOptions, type RateIntegralResult, type RateIntegrand } from './rateQuadrature.ts';
import { validateRateModel, type CoMPRateParams } from './rateModel.ts';
import { powInt } from '../math/powInt.ts';

export interface Theorem2Options extends RateIntegralOptions {
  h1Variant?: H1Variant;
}

export function rateTheorem2Detailed(model: CoMPRateParams, options: Theorem2Options = {}): RateIntegralResult {
  const { L, pc, kappaC: kap, alpha, mt } = validateRateModel(model);
  if (pc === 0) return { value: 0, errorEstimate: 0, evaluations: 0, zPoints: 0 };
  const K = mt - 1;
  const variant = options.h1Variant ?? 'corrected';
  return integrateRate(
    {
      alpha,
      pc,
      at(z: number): RateIntegrand {
        const lz = new LemmaAtZ(z, pc, K, alpha, variant);
        const gD = lz.desiredLaplace;
        if (L === 1) {
          const h2 = lz.at(1).h2;
          return { direct: (1 - gD) / (1 + h2) };
        }
        return {
          inner(s: number): number {
            lz.evaluate(s);
            const v = lz;
            const common = (1 - kap) * v.h1Interf + v.h2 + 1;
            const weight = (L - 1) * powInt(1 - s, L - 2);
            return weight * (1 / common - gD / (kap * v.h1Desired + common));
          },
        };
      },
    },
    options,
  );
}

/** Theorem 2 R_c in nats/s/Hz (corrected H1 unless `h1Variant: 'printed'`). */
export function rateTheorem2(model: CoMPRateParams, options: Theorem2Options = {}): number {
  return rateTheorem2Detailed(model, options).value;
}
