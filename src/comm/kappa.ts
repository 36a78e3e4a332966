/**
 * The acceptance probability κ_c of a cooperation request (Section IV of arXiv:2403.20228):
 *
 *   κ_c = Γ(ψ, μ_c L̄)/(ψ−1)! + Σ_{n=ψ}^∞ (ψ−1)(μ_c L̄)^n / ((n−1)·n!) · e^{−μ_c L̄},
 *   μ_c = λ_u/λ_b,  L̄ = Γ(L + 1/2)²/Γ(L)².
 *
 * Read term by term: with N ~ Poisson(m), m = μ_c L̄, the printed κ_c is E[min(1, (ψ−1)/(N−1))]:
 * a BS that receives N requests serves them all when N < ψ and otherwise keeps ψ − 1 slots for the
 * N − 1 requests other than the typical user's (Γ(ψ, m)/(ψ−1)! = P(N ≤ ψ − 1) is the regularized
 * upper incomplete gamma Q(ψ, m)). The n = ψ term has (ψ−1)/(n−1) = 1 (for ψ = 1 it is 0/0 and is
 * taken as its limit 1). m = μ_c L̄ stands for the mean number of requests per BS: L̄ is
 * πλ_b E[‖d_L‖]² (Eq. 12's E[d_n]), not L − 1 (what each user actually sends) or L.
 *
 * What the printed form approximates (measured in test/comm/network.test.ts and docs/communication.md): the
 * per-BS request count is not Poisson (its mean is μ_c(L−1), its variance exceeds its mean because
 * Voronoi cells vary in size), and a BS's own users take resource blocks before requests do.
 */
import { gammaincUpperRegularized, gammaln, gammaRatioHalf } from '../math/special.ts';
import { checkInteger, checkReal } from '../math/argumentError.ts';

/**
 * L̄ = Γ(L + 1/2)²/Γ(L)² (≈ L − 1/4 for large L).
 *
 * Formula: L̄ = Γ(L + ½)²/Γ(L)², in κ_c (Section IV of arXiv:2403.20228, unnumbered).
 * Method: the Gamma ratio through ln Γ, squared.
 * Accuracy: ~1e-14 relative; L̄(1) = π/4 and L̄ ≈ L − ¼ are tested (test/comm/kappa.test.ts).
 * References: arXiv:2403.20228, Section IV; docs/errata.md C7 (the mean load is μ_c(L − 1), not μ_c L̄).
 *
 * @example
 * import { lBar } from 'isacnet';
 * lBar(1); // => 0.785398163
 * lBar(4); // => 3.75825293
 */
export function lBar(L: number): number {
  const g = gammaRatioHalf(L);
  return g * g;
}

/** Poisson(m) probability mass at n, through logarithms (finite for large n and m). */
function poissonPmf(n: number, m: number): number {
  if (m === 0) return n === 0 ? 1 : 0;
  return Math.exp(n * Math.log(m) - m - gammaln(n + 1));
}

/**
 * E[min(1, (ψ−1)/(N−1))] for N ~ Poisson(meanLoad): the printed κ_c with a given mean load
 * (meanLoad = μ_c L̄ in the paper). Series summed until the remaining Poisson mass is below 1e-17.
 *
 * Formula: κ_c = Γ(ψ, m)/(ψ − 1)! + Σ_{n=ψ}^∞ (ψ − 1) m^n/((n − 1) n!) e^{−m} with m given
 * (Section IV of arXiv:2403.20228, unnumbered); the n = ψ term is taken as P(N = ψ) (its limit for
 * ψ = 1).
 * Method: Q(ψ, m) plus the Poisson series in log space.
 * Accuracy: matches mpmath to 1e-12 relative (test/comm/kappa.test.ts).
 * References: arXiv:2403.20228, Section IV; docs/communication.md (κ_c); docs/errata.md C7.
 *
 * @example
 * import { kappaCPrintedForLoad, lBar } from 'isacnet';
 * kappaCPrintedForLoad(15, lBar(20)); // => 0.767221668
 */
export function kappaCPrintedForLoad(psi: number, meanLoad: number): number {
  checkInteger('psi', psi, 1);
  checkReal('meanLoad', meanLoad, 0, Infinity);
  let kappa = gammaincUpperRegularized(psi, meanLoad); // P(N ≤ ψ − 1)
  // Tail n ≥ ψ: P(N = n)·(ψ−1)/(n−1), with the n = ψ term equal to P(N = ψ).
  let tailMass = 1 - kappa;
  for (let n = psi; tailMass > 1e-17 && n < psi + 100000; n++) {
    const p = poissonPmf(n, meanLoad);
    kappa += n === psi ? p : (p * (psi - 1)) / (n - 1);
    tailMass -= p;
    if (n > meanLoad && p < 1e-300) break;
  }
  return Math.min(1, kappa);
}

/**
 * κ_c as printed in Section IV: ψ resource blocks, μ_c = λ_u/λ_b, cluster size L.
 *
 * Formula: κ_c = Γ(ψ, μ_c L̄)/(ψ − 1)! + Σ_{n=ψ}^∞ (ψ − 1)(μ_c L̄)^n/((n − 1) n!) e^{−μ_c L̄},
 * μ_c = λ_u/λ_b, L̄ = Γ(L + ½)²/Γ(L)² (Section IV of arXiv:2403.20228, unnumbered).
 * Method: `kappaCPrintedForLoad(ψ, μ_c·lBar(L))`.
 * Accuracy: the evaluation matches mpmath to 1e-12 (test/comm/kappa.test.ts). As a model of the
 * stated mechanism it overestimates the accepted fraction by up to 0.15 absolute (λ_u/λ_b = 4, L = 5:
 * 0.7917 vs 0.6409 simulated; docs/errata.md C7).
 * References: arXiv:2403.20228, Section IV and Fig. 4; docs/errata.md C7.
 *
 * @example
 * import { kappaCPrinted } from 'isacnet';
 * kappaCPrinted(15, 1, 13); // => 0.966366902
 * kappaCPrinted(15, 1, 20); // => 0.767221668
 */
export function kappaCPrinted(psi: number, muC: number, L: number): number {
  checkInteger('L', L, 1);
  checkReal('muC', muC, 0, Infinity);
  return kappaCPrintedForLoad(psi, muC * lBar(L));
}

/**
 * Lemma-1-style acceptance E[min(1, ψ/N)] for a given distribution of the per-BS request count N
 * (probability mass function as an array, pmf[n] = P(N = n)): the fraction of requests a BS with N
 * requests accepts when it serves ψ of them at random, averaged over BSs (not over requests).
 *
 * Formula: Σ_n P(N = n) min(1, ψ/n), the form of Lemma 1, Eq. (15) of arXiv:2403.20228 (with its
 * n = ψ term) for any load law.
 * Method: one pass over the pmf.
 * Accuracy: exact up to rounding.
 * References: arXiv:2403.20228, Lemma 1; docs/errata.md S5, C7.
 *
 * @example
 * import { acceptanceForLoadPmf } from 'isacnet';
 * // a BS with 0 or 3 requests, ψ = 2: 0.5·1 + 0.5·(2/3)
 * acceptanceForLoadPmf(2, [0.5, 0, 0, 0.5]); // => 0.833333333
 */
export function acceptanceForLoadPmf(psi: number, pmf: ArrayLike<number>): number {
  let acc = 0;
  for (let n = 0; n < pmf.length; n++) acc += pmf[n] * (n <= psi ? 1 : psi / n);
  return acc;
}

/** Poisson(m) probability masses from 0 until the remaining mass is below 1e-16. */
function poissonMasses(m: number): number[] {
  const out: number[] = [];
  let remaining = 1;
  for (let n = 0; n < 1_000_000; n++) {
    const p = poissonPmf(n, m);
    out.push(p);
    remaining -= p;
    if (n > m && (remaining < 1e-16 || p < 1e-300)) break;
  }
  return out;
}

/**
 * Acceptance probability of a cooperation request under the mechanism the paper states (a BS
 * serves its own users first, then accepts requests at random while resource blocks remain), with
 * Poisson counts: own users O ~ Poisson(μ_c) (users per BS), competing requests R ~ Poisson(μ_c(L−1))
 * (each user sends L − 1 requests: the exact mean, not μ_c L̄), independent; the typical request
 * is accepted with probability min(1, (ψ − O)⁺/(1 + R)) (it competes with R others for the ψ − O
 * free blocks). Differences with the simulation (docs/communication.md) come from the Poisson
 * assumption (real counts are over-dispersed: Voronoi cells vary) and the O–R correlation.
 *
 * Formula: E[min(1, (ψ − O)⁺/(1 + R))] (not in the paper; the corrected counterpart of κ_c of
 * Section IV of arXiv:2403.20228).
 * Method: the double Poisson sum, each truncated below 1e-16 of remaining mass.
 * Accuracy: matches a scipy double sum to 1e-12 (test/comm/kappa.test.ts); against the network
 * simulation of the mechanism within 0.035 everywhere tested (λ_u/λ_b = 4, L = 5: 0.6718 vs 0.6409;
 * docs/errata.md C7).
 * References: docs/communication.md (κ_c); docs/errata.md C7.
 *
 * @example
 * import { kappaCMechanismPoisson } from 'isacnet';
 * kappaCMechanismPoisson(15, 4, 5); // => 0.671849684
 */
export function kappaCMechanismPoisson(psi: number, muC: number, L: number): number {
  if (L <= 1) return 1;
  const own = poissonMasses(muC);
  const req = poissonMasses(muC * (L - 1));
  let kappa = 0;
  for (let o = 0; o < own.length; o++) {
    const free = psi - o;
    if (free <= 0) continue;
    let inner = 0;
    for (let r = 0; r < req.length; r++) inner += req[r] * Math.min(1, free / (1 + r));
    kappa += own[o] * inner;
  }
  return kappa;
}
