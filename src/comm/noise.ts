/**
 * Communication with noise (not in arXiv:2403.20228, whose Eq. (8) is an SIR): the pieces shared by
 * the exact rate, Theorem 2 and the coverage when the SIR becomes an SINR.
 *
 * Model. A BS at distance d delivers P_t g K_0 (d/d_0)^{−α} (K_0 = (c/(4π f_c d_0))²,
 * `refPathGain`); the user adds the noise σ² = N_0 B_c NF (`commNoisePowerW`). Dividing by the
 * desired path gain of the nearest BS, SINR = X/(Y + ν u_1^{α/2}) with X, Y the normalized desired
 * and interference powers of the noise-free analysis, u_1 = πλ_b r_1² and
 * ν = σ²/(P_t K_0 d_0^α (πλ_b)^{α/2}) (`normalizedNoise`, src/params/derived.ts). Unlike the SIR the
 * SINR depends on λ_b, through ν ∝ λ_b^{−α/2} only.
 *
 * In the z-integral of the rate, E[ln(1 + X/(Y + N))] = ∫ (E[e^{−z(Y+N)}] − E[e^{−z(X+Y+N)}])/z dz,
 * the noise multiplies the integrand by e^{−zν u_1^{α/2}}. Conditioned on s = (r_1/r_L)², u_1 = s·u
 * with u = πλ_b r_L² ~ Gamma(L, 1) independent of s, and the only other u-dependent factor is the
 * PPP beyond r_L, e^{−u s H2}. Hence the average over u,
 *   E[e^{−u a − c u^{α/2}}] = (1 + a)^{−L} · M_L(c (1 + a)^{−α/2}, α),   a = s H2, c = zν s^{α/2},
 * with M_L(t, α) = E[exp(−t V^{α/2})], V ~ Gamma(L, 1) (substitute v = u(1 + a)): the noise-free
 * factor (1 + sH2)^{−L} times a correction in [0, 1] that is 1 at ν = 0.
 */
import { integrateGk21 } from '../math/adaptiveGk21.ts';
import { gammaln, incompleteBeta } from '../math/special.ts';
import { h2 } from './lemma2.ts';
import { checkInteger, checkReal } from '../math/argumentError.ts';

/**
 * M_L(t, α) = E[exp(−t V^{α/2})] for V ~ Gamma(L, 1): the noise factor of the rate integrals
 * (module comment).
 *
 * Formula: not in the paper: M_L(t, α) = ∫_0^∞ v^{L−1} e^{−v − t v^{α/2}} dv / Γ(L); M_L(0) = 1,
 * decreasing in t, M_1(t, 2) = 1/(1 + t).
 * Method: in w = ln v the integrand exp(L w − e^w − t e^{αw/2} − ln Γ(L)) is log-concave; its mode
 * (Newton on L = e^w + t(α/2)e^{αw/2}) and bounds of the points where it has fallen by e^{−46}
 * (linear on the left, quadratic with the mode's curvature on the right) give the range, integrated
 * by adaptive Gauss–Kronrod 10/21 at relative tolerance 1e-11. Where the moment series
 * Σ_{k≤5} (−t)^k Γ(L + kα/2)/(Γ(L) k!) has a last term below 1e-14 it is used instead (small t).
 * Accuracy: against scipy QUADPACK (test/comm/fixtures/gen_noise.py) within 1e-10 relative on
 * the grid of test/comm/noise.test.ts (L 1–20, α 2.5–6, t 1e-8–1e6); the neglected tails are below
 * e^{−46} ≈ 1e-20 relative.
 * References: docs/communication.md (communication with noise).
 *
 * @example
 * import { noiseLaplaceGamma } from 'isacnet/comm';
 * noiseLaplaceGamma(0, 3, 4); // => 1
 * noiseLaplaceGamma(1, 1, 2); // => 0.5 (±1e-12)
 * noiseLaplaceGamma(1, 1, 4); // => 0.545641361 (±1e-9)
 */
export function noiseLaplaceGamma(t: number, L: number, alpha: number): number {
  checkReal('t', t, 0, Infinity);
  checkInteger('L', L, 1, 1e6);
  checkReal('alpha', alpha, 0, 64, { minExclusive: true });
  return noiseLaplaceGammaUnchecked(t, L, alpha);
}

/** Moments m_k = E[V^{kα/2}] = Γ(L + kα/2)/Γ(L), k = 1…5, of the last (L, α) asked for. */
let momentKey = '';
let moments: number[] = [];

/** The five-term moment series of M_L is used when t·E[V^{α/2}] < 1e-3 and its last term < 1e-14. */
const SERIES_LIMIT = 1e-3;
const SERIES_TAIL = 1e-14;

/**
 * `noiseLaplaceGamma` without the argument checks: the rate integrands call it once per node.
 *
 * Formula: not in the paper: M_L(t, α) = E[exp(−t V^{α/2})], V ~ Gamma(L, 1), as `noiseLaplaceGamma`.
 * Method: as `noiseLaplaceGamma` (moment series for small t, else adaptive Gauss–Kronrod in ln v);
 * arguments are trusted (t ≥ 0, integer L ≥ 1, α > 0).
 * Accuracy: as `noiseLaplaceGamma` (1e-10 relative against scipy, test/comm/noise.test.ts).
 * References: docs/communication.md (communication with noise).
 *
 * @example
 * import { noiseLaplaceGammaUnchecked } from 'isacnet/comm';
 * noiseLaplaceGammaUnchecked(1, 1, 2); // => 0.5 (±1e-12)
 * noiseLaplaceGammaUnchecked(1e-6, 2, 4); // => 0.999994 (±1e-9)
 */
export function noiseLaplaceGammaUnchecked(t: number, L: number, alpha: number): number {
  if (t === 0) return 1;
  if (t === Infinity) return 0;
  const h = alpha / 2;
  const lg = gammaln(L);
  const key = `${L},${alpha}`;
  if (key !== momentKey) {
    moments = [1, 2, 3, 4, 5].map((k) => Math.exp(gammaln(L + k * h) - lg));
    momentKey = key;
  }
  if (t * moments[0] < SERIES_LIMIT && Math.pow(t, 5) * moments[4] < 120 * SERIES_TAIL) {
    // E[e^{−tV^h}] = Σ_k (−t)^k m_k/k!, an alternating series with decreasing terms here: the
    // truncation error is below the first omitted term, itself below the last kept one (< 1e-14).
    let sum = 1;
    let term = 1;
    for (let k = 1; k <= 5; k++) {
      term *= -t / k;
      sum += term * moments[k - 1];
    }
    return sum;
  }
  const logf = (w: number): number => L * w - Math.exp(w) - t * Math.exp(h * w) - lg;
  // Mode: g(w) = L − e^w − t h e^{hw} = 0, g decreasing and concave: Newton from the smaller of
  // the two one-term solutions (both right of the root) converges monotonically from the right.
  let w = Math.min(Math.log(L), Math.log(L / (t * h)) / h);
  for (let i = 0; i < 100; i++) {
    const e1 = Math.exp(w);
    const e2 = t * h * Math.exp(h * w);
    const step = (L - e1 - e2) / (-e1 - h * e2);
    w -= step;
    if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(w))) break;
  }
  const wStar = w;
  // The integrand has fallen by e^{−46} outside [w* − 1 − 46/L, w* + √(92/c)]: on the left
  // −log f rises at least like L(w* − w) − L, on the right at least like c(w − w*)²/2 with c the
  // curvature at the mode (the curvature e^w + t h² e^{hw} grows with w).
  const curv = Math.exp(wStar) + t * h * h * Math.exp(h * wStar);
  const wLo = wStar - 1 - 46 / L;
  const wHi = wStar + Math.sqrt(92 / curv);
  const f = (w: number): number => Math.exp(logf(w));
  const r = integrateGk21(f, wLo, wStar, { relTol: 1e-11, absTol: 0, maxPanels: 200 });
  const q = integrateGk21(f, wStar, wHi, { relTol: 1e-11, absTol: 0, maxPanels: 200 });
  return Math.min(1, r.value + q.value);
}

/** The arguments of the noisy coverage without cooperation (L = 1): gain laws of the paper. */
export interface CoverageNoiseArgs {
  /** Communication power share p^c ∈ (0, 1]: desired gain Gamma(M_t − 1, p^c). */
  pc: number;
  /** Transmit antennas M_t ≥ 2. */
  mt: number;
  /** Path-loss exponent α > 2. */
  alpha: number;
  /** Normalized noise ν ≥ 0 (`normalizedNoise`); 0 is the SIR coverage. */
  noise: number;
}

/**
 * j-th derivative of H2(x, α, 1) of Lemma 2 in x, j ≥ 1 (the PPP beyond the serving BS, Exp(1)
 * gains): H2^{(j)}(x) = 2(−1)^{j+1} j! ∫_1^∞ t^{1−αj}(1 + x t^{−α})^{−j−1} dt
 *                     = (2/α)(−1)^{j+1} j! x^{2/α−j} B(x/(1+x); j − 2/α, 1 + 2/α).
 */
function h2Derivative(x: number, alpha: number, j: number): number {
  let fact = 1;
  for (let i = 2; i <= j; i++) fact *= i;
  const sign = j % 2 === 1 ? 1 : -1;
  return (2 / alpha) * sign * fact * Math.pow(x, 2 / alpha - j) * incompleteBeta(x / (1 + x), j - 2 / alpha, 1 + 2 / alpha);
}

/**
 * SINR coverage P(SINR > T) without cooperation (L = 1) under the paper's gain laws, exact.
 *
 * Formula: not in the paper (its Eq. (8) is an SIR and it gives no coverage). With
 * g_1 ~ Gamma(K, p^c), K = M_t − 1, σ = T/p^c and W = Y + ν u^{α/2} the normalized interference plus
 * noise given u = πλ_b r_1² ~ Exp(1): P(g_1 > σ p^c W) = Σ_{k<K} E[(σW)^k e^{−σW}]/k!, and
 * E[W^k e^{−σW} | u] = (−1)^k ∂^k_σ exp(f(σ)), f(σ) = −u H2(σ, α, 1) − σ ν u^{α/2}, so
 *   P(SINR > T) = ∫_0^∞ e^{−u} Σ_{k<K} (σ^k/k!) (−1)^k ∂^k_σ e^{f(σ)} du,
 * the derivatives by the recursion ∂^n e^f = Σ_{i<n} C(n−1, i) f^{(i+1)} ∂^{n−1−i} e^f with
 * f' = −u H2' − ν u^{α/2}, f^{(j)} = −u H2^{(j)} (j ≥ 2) and H2^{(j)} in incomplete Beta form. At
 * ν = 0, M_t = 2, p^c = 1 it is the classic 1/(1 + H2(T, α, 1)) (`coverageL1Rayleigh`).
 * Method: the u-integral by adaptive Gauss–Kronrod 10/21 (relative tolerance 1e-11) on
 * [0, (60 + 3K)/(1 + H2)]; every term of the sum is positive (no cancellation).
 * Accuracy: against the mpmath reference of test/comm/fixtures/gen_noise.py (numerical derivatives
 * of the defining integral of H2, 30 digits) within 1e-9 relative (test/comm/noise.test.ts); the
 * Monte Carlo of `simulateTypicalUser` with noise agrees within its 95% CI.
 * References: J. G. Andrews, F. Baccelli, R. K. Ganti, IEEE Trans. Commun. 59 (2011) 3122–3134
 * (the Rayleigh case with noise); docs/communication.md (communication with noise).
 *
 * @example
 * import { coverageL1Noise, coverageL1Alpha4 } from 'isacnet/comm';
 * coverageL1Noise(1, { pc: 1, mt: 2, alpha: 4, noise: 0 }); // => 0.560099154 (±1e-9)
 * coverageL1Alpha4(1); // => 0.560099154
 * coverageL1Noise(1, { pc: 0.5, mt: 4, alpha: 4, noise: 0.1 }); // => 0.685595583 (±1e-9)
 */
export function coverageL1Noise(T: number, args: CoverageNoiseArgs): number {
  checkReal('T', T, 0, Infinity);
  const pc = checkReal('pc', args.pc, 0, 1, { minExclusive: true });
  const K = checkInteger('mt', args.mt, 2, 64) - 1;
  const alpha = checkReal('alpha', args.alpha, 2, 8, { minExclusive: true });
  const nu = checkReal('noise', args.noise, 0, Number.MAX_VALUE);
  if (T === 0) return 1;
  const sigma = T / pc;
  const h = alpha / 2;
  const h2v = h2(sigma, alpha, 1);
  const dH = new Float64Array(K + 1);
  for (let j = 1; j < K; j++) dH[j] = h2Derivative(sigma, alpha, j);
  const fj = new Float64Array(K + 1);
  const P = new Float64Array(K + 1);
  const integrand = (u: number): number => {
    const base = Math.exp(-u * (1 + h2v) - sigma * nu * Math.pow(u, h));
    if (base === 0) return 0;
    // f^{(j)}, j ≥ 1, and P_n = e^{−f} ∂^n e^f (P_0 = 1).
    for (let j = 1; j < K; j++) fj[j] = -u * dH[j] - (j === 1 ? nu * Math.pow(u, h) : 0);
    P[0] = 1;
    let sum = 1;
    let sk = 1;
    for (let n = 1; n < K; n++) {
      let acc = 0;
      let binom = 1;
      for (let i = 0; i < n; i++) {
        acc += binom * fj[i + 1] * P[n - 1 - i];
        binom = (binom * (n - 1 - i)) / (i + 1);
      }
      P[n] = acc;
      sk *= sigma / n;
      sum += sk * (n % 2 === 0 ? acc : -acc);
    }
    return base * sum;
  };
  const uMax = (60 + 3 * K) / (1 + h2v);
  const uMid = 1 / (1 + h2v);
  const opts = { relTol: 1e-11, absTol: 0, maxPanels: 300 };
  return Math.min(1, integrateGk21(integrand, 0, uMid, opts).value + integrateGk21(integrand, uMid, uMax, opts).value);
}
