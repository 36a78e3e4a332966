/**
 * An exact expression for the average rate R_c = E[ln(1 + SIR_c)] of Eqs. (8)–(9) of
 * arXiv:2403.20228 (nats/s/Hz) under the paper's gain laws — desired gains Gamma(M_t − 1, p^c),
 * interference gains Exp(1) = Γ(1, 1) — and independent acceptance with probability κ_c, without
 * the two approximations of Theorem 2.
 *
 * Derivation. With X the desired and Y the interference power (both normalized by r_1^{−α}),
 * E[ln(1 + X/Y)] = ∫_0^∞ (E[e^{−zY}] − E[e^{−z(X+Y)}])/z dz holds for any joint law of (X, Y)
 * (ln(1 + X/Y) = ∫ (e^{−zY} − e^{−z(X+Y)})/z dz pathwise, then Fubini). Condition on r_1 and r_L
 * (L ≥ 2) and write η = r_1/r_L, s = η², u = πλ_b r_L²:
 * - η² ~ Beta(1, L − 1) and u ~ Gamma(L, 1) are independent (the L − 1 points inside the disc of
 *   radius r_L are i.i.d. uniform; r_1² is the least of L − 1 uniforms on [0, r_L²]);
 * - the L − 2 intermediate BSs are i.i.d. uniform in the annulus r_1 < ‖d‖ < r_L (a fixed number,
 *   not a Poisson one); each contributes the factor
 *     A_Y = 1 − (1−κ)·s·H1(z, 1, α, η)/(1 − s),
 *     A_XY = 1 − [κ H1(p^c z, M_t−1, α, η) + (1−κ) H1(z, 1, α, η)]·s/(1 − s)
 *   (s/(1 − s) = 1/(η^{−2} − 1) turns the Lemma 2 functional into an average over the annulus);
 * - the L-th BS sits on r_L: B_Y = κ + (1−κ)/(1 + zη^α), B_XY = κ(1 + p^c zη^α)^{1−M_t} + (1−κ)/(1 + zη^α);
 * - beyond r_L the BSs form a PPP: exp(−u s H2(z, α, η)), whose average over u ~ Gamma(L) is
 *   (1 + s H2)^{−L} in closed form;
 * - the serving BS gives (1 + p^c z)^{1−M_t} to E[e^{−z(X+Y)}].
 * Hence, with the density (L−1)(1 − s)^{L−2} of s,
 *   R_c = ∫_0^∞ dz/z ∫_0^1 (L−1)(1−s)^{L−2} (1 + sH2)^{−L}
 *         [A_Y^{L−2} B_Y − (1 + p^c z)^{1−M_t} A_XY^{L−2} B_XY] ds.
 * For L = 1, η ≡ 1 and πλ_b r_1² ~ Exp(1): R_c = ∫_0^∞ (1 − (1 + p^c z)^{1−M_t})/(z(1 + H2(z, α, 1))) dz,
 * which Theorem 2 also gives.
 *
 * H1 is the corrected Lemma 2 function (lemma2.ts). The result does not depend on λ_b (SIR is
 * scale-free); λ_u/λ_b enters through κ_c only. Accuracy: see rateQuadrature.ts (default 1e-6
 * relative target). Checked against scipy (test/comm/fixtures/gen_comm.py) and Monte Carlo.
 */
import { LemmaAtZ } from './laplaceKernel.ts';
import { integrateRate, type RateIntegralOptions, type RateIntegralResult, type RateIntegrand } from './rateQuadrature.ts';
import { validateRateModel, type CoMPRateParams } from './rateModel.ts';
import { powInt } from '../math/powInt.ts';
import { noiseLaplaceGammaUnchecked } from './noise.ts';

/**
 * The exact R_c with the quadrature's error estimate and cost.
 *
 * Formula: as `rateExact` (Eqs. (8)–(9) of arXiv:2403.20228, exact).
 * Method: `integrateRate` (src/comm/rateQuadrature.ts) on the exact integrand of the module comment.
 * Accuracy: the quadrature reaches the default 1e-6 relative target with a worst measured error of 1.7e-7 over 315 parameter points against runs at 1e-11 (src/comm/rateQuadrature.ts, bench/comm.bench.ts), and matches the scipy references of test/comm/fixtures/gen_comm.py to < 1e-6 (≈2e-12 at relTol 1e-10; test/comm/rates.test.ts, docs/communication.md).
 * References: arXiv:2403.20228, Eqs. (8)–(9); docs/communication.md (Theorem 2 and the exact rate).
 *
 * @example
 * import { rateExactDetailed } from 'isacnet';
 * const r = rateExactDetailed({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 });
 * r.value; // => 2.61282062
 * r.zPoints > 0; // => true
 */
export function rateExactDetailed(model: CoMPRateParams, options: RateIntegralOptions = {}): RateIntegralResult {
  const { L, pc, kappaC: kap, alpha, mt } = validateRateModel(model);
  if (pc === 0) return { value: 0, errorEstimate: 0, evaluations: 0, zPoints: 0 };
  const K = mt - 1;
  const nu = model.noise ?? 0;
  const halfAlpha = alpha / 2;
  return integrateRate(
    {
      alpha,
      pc,
      ...(nu > 0 ? { zScale: 1 / (pc + nu) } : {}),
      at(z: number): RateIntegrand {
        const lz = new LemmaAtZ(z, pc, K, alpha);
        const gD = lz.desiredLaplace;
        if (L === 1) {
          const h2 = lz.at(1).h2;
          // With noise: E_u[e^{−u H2 − zν u^{α/2}}] = (1 + H2)^{−1} M_1(zν(1 + H2)^{−α/2}) (noise.ts).
          const noiseFactor = nu > 0 ? noiseLaplaceGammaUnchecked((z * nu) / Math.pow(1 + h2, halfAlpha), 1, alpha) : 1;
          return { direct: ((1 - gD) / (1 + h2)) * noiseFactor };
        }
        return {
          inner(s: number): number {
            lz.evaluate(s);
            // (1 − s)·A = 1 − s − s·H1·(…): the factor (1 − s)^{L−2} of the density absorbed into
            // A^{L−2}, which removes the 0/0 of H1/(η^{−2} − 1) at η → 1.
            const cY = Math.max(0, 1 - s - (1 - kap) * s * lz.h1Interf);
            const cXY = Math.max(0, 1 - s - s * (kap * lz.h1Desired + (1 - kap) * lz.h1Interf));
            // The L-th BS (on r_L): 1/(1 + zη^α) and (1 + p^c zη^α)^{−K} from the Lemma 2 evaluation.
            const declined = lz.interfLaplaceAtEta;
            const bY = kap + (1 - kap) * declined;
            const bXY = kap * lz.desiredLaplaceAtEta + (1 - kap) * declined;
            const beyond = nu > 0 ? noiseLaplaceGammaUnchecked((z * nu * Math.pow(s / (1 + s * lz.h2), halfAlpha)), L, alpha) / powInt(1 + s * lz.h2, L) : 1 / powInt(1 + s * lz.h2, L);
            return (L - 1) * beyond * (powInt(cY, L - 2) * bY - gD * powInt(cXY, L - 2) * bXY);
          },
        };
      },
    },
    options,
  );
}

/**
 * Exact R_c in nats/s/Hz (see the module comment).
 *
 * Formula: R_c = E[ln(1 + SIR_c)] of Eqs. (8)–(9) of arXiv:2403.20228 under the paper's gain laws and
 * independent acceptance κ_c, without Theorem 2's two approximations (corrected version of
 * Theorem 2): R_c = ∫_0^∞ dz/z ∫_0^1 (L−1)(1 + sH2)^{−L} [c_Y^{L−2} b_Y − (1 + p^c z)^{1−M_t} c_XY^{L−2} b_XY] ds
 * (derivation in the module comment and docs/communication.md); Eq. (17)'s identity holds for any joint
 * law, Lemma 2's H1 is the corrected one.
 * Method: the double integral of src/comm/rateQuadrature.ts.
 * Accuracy: the quadrature reaches the default 1e-6 relative target with a worst measured error of 1.7e-7 over 315 parameter points against runs at 1e-11 (src/comm/rateQuadrature.ts, bench/comm.bench.ts), and matches the scipy references of test/comm/fixtures/gen_comm.py to < 1e-6 (≈2e-12 at relTol 1e-10; test/comm/rates.test.ts, docs/communication.md). Against Monte Carlo (4·10⁵ trials per point, p^c = 0.5, L = 1…20) it is inside
 * every 95% CI (docs/errata.md C5); test/index.test.ts re-checks it against the scipy reference.
 * References: arXiv:2403.20228, Eqs. (8)–(9), (17)–(21), Theorem 2; docs/communication.md;
 * docs/errata.md C4–C5.
 *
 * @example
 * import { rateExact, kappaCPrinted } from 'isacnet';
 * rateExact({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }); // => 2.61282062
 * rateExact({ L: 1, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }); // => 1.89433079
 * rateExact({ L: 4, pc: 0.5, kappaC: kappaCPrinted(15, 1, 4), alpha: 4, mt: 4 }); // => 3.35117465
 * rateExact({ L: 8, pc: 0.3, kappaC: 0.7, alpha: 3, mt: 2 }); // => 0.871796713
 */
export function rateExact(model: CoMPRateParams, options: RateIntegralOptions = {}): number {
  return rateExactDetailed(model, options).value;
}
