/**
 * Acceptance probability of a sensing request, Lemma 1 (Eq. 15) of arXiv:2403.20228, as printed and
 * in the forms that the stated mechanism actually implies.
 *
 * Printed (Eq. 15):
 *   κ_s = Γ(ψ, μ_s N̄)/(ψ − 1)! + Σ_{n=ψ+1}^∞ ψ (μ_s N̄)^n/(n · n!) e^{−μ_s N̄},
 *   μ_s = λ_s/λ_b,  N̄ = Γ(N + ½)²/Γ(N)²  (= πλ_b E[d_N]², ≈ N − ¼).
 * Read term by term with a Poisson(m) request count n per BS, m = μ_s N̄: Γ(ψ, m)/(ψ−1)! = Q(ψ, m) =
 * P(n ≤ ψ − 1) (all accepted) and the series is E[(ψ/n) 1{n ≥ ψ + 1}]. The n = ψ term (a BS with
 * exactly ψ requests accepts all of them, probability P(n = ψ)) is missing, so the printed κ_s is
 *   E[min(1, ψ/n)] − P(n = ψ)      (`kappaSLemma1`),
 * and `kappaSBsAverage` restores it: E[min(1, ψ/n)], the acceptance ratio averaged over BSs.
 *
 * What the mechanism implies (each target requests its N nearest BSs; a BS with more than ψ
 * requests accepts ψ of them uniformly at random): the fraction of requests that are accepted is
 *   κ = E[min(n, ψ)]/E[n],
 * the BS-average weighted by load (a request sees its BS's load size-biased: Palm distribution).
 * The mean load is exactly E[n] = μ_s N (every target sends N requests), not μ_s N̄. For a Poisson
 * load, the size-biased count is 1 + Poisson(m), so κ = E[min(1, ψ/(1 + K))], K ~ Poisson(m)
 * (`kappaSPerRequestPoisson`). The true load is a mixed Poisson (the area of the region where a BS is
 * among a target's N nearest varies), more dispersed than Poisson: `kappaSPerRequestMixed` takes a
 * Gamma-distributed area with a given shape (negative binomial load). With Var[λ_b A] = v N the
 * load has dispersion Var[n]/E[n] = 1 + v μ_s; the network simulation (src/sensing/network.ts)
 * measures v = 0.28 (N = 1: the Poisson–Voronoi cell, whose known value is 0.2802) to 0.30
 * (N = 2…40, μ_s = 0.5…4). `kappaSNegBinomial` uses v = 0.29 and matches the simulated κ_s to
 * within ±0.3% (absolute) where Lemma 1 is off by up to −7% (docs/sensing.md, docs/errata.md).
 *
 * Accuracy: the series are summed in log space until the remaining probability mass is < 1e-17;
 * tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-12 relative.
 */
import { gammaincUpperRegularized, gammaln, gammaRatioHalf } from '../math/special.ts';
import { ArgumentError, checkInteger, checkReal } from '../math/argumentError.ts';

function checkPsi(psi: number): void {
  checkInteger('psi', psi, 1);
}

function checkN(N: number): void {
  checkInteger('N', N, 1);
}

function checkMu(muS: number): void {
  checkReal('muS', muS, 0, Infinity);
}

function checkLoad(m: number): void {
  checkReal('meanLoad', m, 0, Infinity);
}

/**
 * N̄ = Γ(N + ½)²/Γ(N)² of Lemma 1.
 *
 * Formula: N̄ = Γ(N + ½)²/Γ(N)², below Eq. (15) of arXiv:2403.20228 (= πλ_b E[d_N]², ≈ N − ¼).
 * Method: the Gamma ratio through ln Γ, squared.
 * Accuracy: ~1e-14 relative (the Gamma ratio is tested against mpmath to 1e-12,
 * test/geometry/nearestDistances.test.ts).
 * References: arXiv:2403.20228, Lemma 1; docs/errata.md S5 (the true mean load is μ_s N, not μ_s N̄).
 *
 * @example
 * import { nBar } from 'isacnet';
 * nBar(1); // => 0.785398163
 * nBar(10); // => 9.75320041
 */
export function nBar(N: number): number {
  checkN(N);
  const g = gammaRatioHalf(N);
  return g * g;
}

/** Poisson(m) probability of n, in log space. */
function poissonPmf(n: number, m: number): number {
  if (m === 0) return n === 0 ? 1 : 0;
  return Math.exp(n * Math.log(m) - m - gammaln(n + 1));
}

/** Σ_{n ≥ start} P(n) f(n) for Poisson(m), until the remaining mass is below 1e-17. */
function poissonTail(m: number, start: number, f: (n: number) => number): number {
  const first = Math.max(0, start);
  if (m === 0) return first === 0 ? f(0) : 0;
  // P(n ≥ first) for Poisson(m) is the regularized lower incomplete gamma P(first, m) = 1 − Q(first, m).
  let remaining = first === 0 ? 1 : 1 - gammaincUpperRegularized(first, m);
  let acc = 0;
  for (let n = first; n < first + 10_000_000; n++) {
    const p = poissonPmf(n, m);
    acc += p * f(n);
    remaining -= p;
    if (n > m && (remaining < 1e-17 || p < 1e-300)) break;
  }
  return acc;
}

/**
 * Eq. (15) as printed, for a given mean load m (= μ_s N̄ in the paper):
 * Q(ψ, m) + Σ_{n ≥ ψ+1} ψ m^n e^{−m}/(n · n!).
 *
 * Formula: κ_s = Γ(ψ, m)/(ψ − 1)! + Σ_{n=ψ+1}^∞ ψ m^n/(n · n!) e^{−m}, Lemma 1, Eq. (15) of
 * arXiv:2403.20228, with the mean load m given.
 * Method: the regularized upper incomplete gamma Q(ψ, m) and the Poisson series in log space until
 * the remaining mass is below 1e-17.
 * Accuracy: tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts).
 * References: arXiv:2403.20228, Lemma 1; docs/errata.md S5.
 *
 * @example
 * import { kappaSLemma1ForLoad } from 'isacnet';
 * kappaSLemma1ForLoad(15, 14); // => 0.846681553
 */
export function kappaSLemma1ForLoad(psi: number, meanLoad: number): number {
  checkPsi(psi);
  checkLoad(meanLoad);
  return gammaincUpperRegularized(psi, meanLoad) + poissonTail(meanLoad, psi + 1, (n) => psi / n);
}

/**
 * Lemma 1 (Eq. 15) as printed: κ_s(ψ, μ_s, N) with m = μ_s N̄.
 *
 * Formula: κ_s = Γ(ψ, μ_s N̄)/(ψ − 1)! + Σ_{n=ψ+1}^∞ ψ(μ_s N̄)^n/(n · n!) e^{−μ_s N̄}, μ_s = λ_s/λ_b,
 * N̄ = Γ(N + ½)²/Γ(N)²: Lemma 1, Eq. (15) of arXiv:2403.20228, as printed.
 * Method: `kappaSLemma1ForLoad(ψ, μ_s·nBar(N))`.
 * Accuracy: the evaluation is tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts). As a model of the stated mechanism it is off by up to −7.5%
 * against the network simulation (ψ = 15: 0.8264 vs 0.8812 [0.8789, 0.8836] at N = 15, λ_s = λ_b;
 * docs/errata.md S5): it misses the n = ψ term, uses μ_s N̄ for the mean load μ_s N, averages over BSs
 * instead of requests and assumes a Poisson load.
 * References: arXiv:2403.20228, Lemma 1; docs/errata.md S5; docs/sensing.md (acceptance).
 *
 * @example
 * import { kappaSLemma1 } from 'isacnet';
 * kappaSLemma1(15, 1, 10); // => 0.964718017
 */
export function kappaSLemma1(psi: number, muS: number, N: number): number {
  checkPsi(psi);
  checkMu(muS);
  return kappaSLemma1ForLoad(psi, muS * nBar(N));
}

/**
 * E[min(1, ψ/n)], n ~ Poisson(m): Eq. (15) with its missing n = ψ term (BS-average acceptance).
 *
 * Formula: Eq. (15) of arXiv:2403.20228 plus P(n = ψ) (corrected version: the acceptance ratio
 * averaged over BSs with a Poisson(m) load).
 * Method: `kappaSLemma1ForLoad` + the Poisson mass at ψ.
 * Accuracy: tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts); BS-average − printed = P(n = ψ) exactly (same test).
 * References: arXiv:2403.20228, Lemma 1; docs/errata.md S5.
 *
 * @example
 * import { kappaSBsAverage } from 'isacnet';
 * kappaSBsAverage(15, 14); // => 0.945604758
 */
export function kappaSBsAverage(psi: number, meanLoad: number): number {
  checkPsi(psi);
  checkLoad(meanLoad);
  return kappaSLemma1ForLoad(psi, meanLoad) + poissonPmf(psi, meanLoad);
}

/**
 * Per-request acceptance E[min(n, ψ)]/E[n] for a Poisson(m) load: E[min(1, ψ/(1 + K))], K ~ Poisson(m).
 * Equals 1 for m = 0 (a lone request is always accepted).
 *
 * Formula: not in the paper: the fraction of requests accepted under the mechanism of Lemma 1 of
 * arXiv:2403.20228 (a request sees its BS's load size-biased: 1 + Poisson(m)).
 * Method: Q(ψ, m) + Σ_{k≥ψ} P(K = k) ψ/(k + 1), in log space, clamped to ≤ 1.
 * Accuracy: tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts).
 * References: docs/errata.md S5; docs/sensing.md (acceptance).
 *
 * @example
 * import { kappaSPerRequestPoisson } from 'isacnet';
 * kappaSPerRequestPoisson(15, 14); // => 0.924693944
 * kappaSPerRequestPoisson(15, 0); // => 1
 */
export function kappaSPerRequestPoisson(psi: number, meanLoad: number): number {
  checkPsi(psi);
  checkLoad(meanLoad);
  // P(K ≤ ψ − 1) = Q(ψ, m), then Σ_{k ≥ ψ} P(K = k) ψ/(k + 1).
  // Each term is ≤ its probability, so the value is ≤ 1; clamp away summation rounding (≈1e-15).
  return Math.min(1, gammaincUpperRegularized(psi, meanLoad) + poissonTail(meanLoad, psi, (k) => psi / (k + 1)));
}

/**
 * Per-request acceptance with the exact mean load μ_s N and a Poisson load (the size-biased
 * correction of Lemma 1).
 *
 * Formula: Lemma 1 (Eq. (15) of arXiv:2403.20228) corrected for the mean load (μ_s N, not μ_s N̄) and
 * the size bias: E[min(1, ψ/(1 + K))], K ~ Poisson(μ_s N) (corrected version; still Poisson).
 * Method: `kappaSPerRequestPoisson(ψ, μ_s N)`.
 * Accuracy: the evaluation is tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts); as a model it ignores the over-dispersion of the load (use
 * `kappaSNegBinomial`).
 * References: docs/errata.md S5; docs/sensing.md.
 *
 * @example
 * import { kappaSPalm } from 'isacnet';
 * kappaSPalm(15, 1, 10); // => 0.989652132
 */
export function kappaSPalm(psi: number, muS: number, N: number): number {
  checkN(N);
  checkMu(muS);
  return kappaSPerRequestPoisson(psi, muS * N);
}

/**
 * Per-request acceptance E[min(n, ψ)]/E[n] for a mixed-Poisson load n | A ~ Poisson(m A/E[A]) with
 * the area A ~ Gamma(shape, ·): n is negative binomial with mean m and variance m + m²/shape.
 * shape → ∞ recovers `kappaSPerRequestPoisson`.
 *
 * Formula: not in the paper: E[min(n, ψ)]/m for n ~ NB(r = shape, p = m/(m + r)), the acceptance of
 * the mechanism of Lemma 1 of arXiv:2403.20228 with an over-dispersed load.
 * Method: the NB series in log space until the terms are below 1e-18 of the mass, clamped to ≤ 1.
 * Accuracy: tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts); a huge shape reproduces the Poisson form (same test).
 * References: docs/errata.md S5; docs/sensing.md.
 *
 * @example
 * import { kappaSPerRequestMixed } from 'isacnet';
 * kappaSPerRequestMixed(15, 14, 5); // => 0.825423177
 */
export function kappaSPerRequestMixed(psi: number, meanLoad: number, shape: number): number {
  checkPsi(psi);
  checkLoad(meanLoad);
  if (!(shape > 0)) throw new ArgumentError('shape', shape, '> 0');
  if (meanLoad === 0) return 1;
  // NB(r = shape, p = m/(m + r)): P(n) = Γ(n + r)/(Γ(r) n!) (1 − p)^r p^n.
  const r = shape;
  const p = meanLoad / (meanLoad + r);
  const logq = Math.log1p(-p);
  const logp = Math.log(p);
  let acc = 0;
  let mass = 0;
  for (let n = 1; n < 10_000_000; n++) {
    const pn = Math.exp(gammaln(n + r) - gammaln(r) - gammaln(n + 1) + r * logq + n * logp);
    acc += pn * Math.min(n, psi);
    mass += pn;
    if (n > meanLoad * 2 + 50 && pn < 1e-18 * Math.max(mass, 1e-300)) break;
  }
  // min(n, ψ) ≤ n, so the ratio is ≤ 1; clamp away summation rounding (≈1e-15).
  return Math.min(1, acc / meanLoad);
}

/**
 * Variance of λ_b·A per unit of N, A being the area of the region where a given BS is among a
 * target's N nearest: fitted from the network simulation (0.276–0.300 over N = 1…40); toolkit
 * constant, not from the paper. Checked within 0.03 by test/sensing/network.test.ts.
 */
export const LOAD_AREA_VARIANCE_PER_N = 0.29;

/**
 * Corrected κ_s: per-request acceptance E[min(n, ψ)]/E[n] with a negative-binomial load of mean
 * μ_s N and dispersion 1 + v μ_s (Gamma area shape N/v). Parameter-free apart from the fitted v.
 *
 * Formula: Lemma 1 (Eq. (15) of arXiv:2403.20228) corrected (corrected version): mean load μ_s N,
 * per-request (size-biased) acceptance, NB load with Var/mean = 1 + v μ_s, v = 0.29 (fitted).
 * Method: `kappaSPerRequestMixed(ψ, μ_s N, N/v)`.
 * Accuracy: the evaluation is tested against mpmath (test/sensing/fixtures/gen_sensing_kappa.py) to 1e-11 relative (test/sensing/acceptance.test.ts). Against the network simulation of the mechanism (ψ = 15, 400
 * windows) it is within 0.003 absolute everywhere measured, e.g. N = 15, λ_s = λ_b: 0.8837 vs
 * 0.8812 [0.8789, 0.8836] where Lemma 1 gives 0.8264 (docs/errata.md S5; test/sensing/network.test.ts
 * checks 4 SE + 0.003).
 * References: docs/errata.md S5; docs/sensing.md (acceptance).
 *
 * @example
 * import { kappaSNegBinomial } from 'isacnet';
 * kappaSNegBinomial(15, 1, 10); // => 0.981567145
 * kappaSNegBinomial(15, 1, 15); // => 0.883697350
 */
export function kappaSNegBinomial(psi: number, muS: number, N: number, v = LOAD_AREA_VARIANCE_PER_N): number {
  checkN(N);
  checkMu(muS);
  return kappaSPerRequestMixed(psi, muS * N, N / v);
}
