/**
 * Shared inner work of Theorem 2 and of the exact rate: for one value of the Laplace variable z,
 * the Lemma 2 quantities H1(p^c z, M_t − 1, α, η), H1(z, 1, α, η) and H2(z, α, η) as functions of
 * s = η² ∈ (0, 1]. Everything that does not depend on η (the t = 1 boundary terms and the
 * incomplete Beta values at x/(1 + x)) is computed once per z, so each η costs two incomplete Beta
 * evaluations (H1(z, 1, ·) and H2(z, ·) share theirs), by the continued fraction of incompleteBeta.ts.
 *
 * Formulas: the corrected closed forms of lemma2.ts (H1 with (1 + x)^{−K} at t = 1). With
 * `h1Variant: 'printed'` the printed (1 + x)^{−α} is used instead (for the errata only).
 */
import { oneMinusPowInv } from './lemma2.ts';
import { powInt } from '../math/powInt.ts';
import { completeBeta, incompleteBetaFast, incompleteBetaHalfOdds } from '../math/incompleteBeta.ts';

/** Largest K for the binomial form of 1 − (1 + y)^{−K} (above it, expm1/log1p). */
const MAX_BINOMIAL_K = 16;

export type H1Variant = 'corrected' | 'printed';

export interface LemmaValues {
  /** H1(p^c z, M_t − 1, α, η): annulus functional with the desired-gain law Gamma(M_t − 1, p^c). */
  h1Desired: number;
  /** H1(z, 1, α, η): annulus functional with Exp(1) interference gains. */
  h1Interf: number;
  /** H2(z, α, η): PPP beyond r_L with Exp(1) gains. */
  h2: number;
  /** η^α. */
  etaAlpha: number;
}

/**
 * The Lemma 2 quantities at one Laplace variable z: H1(p^c z, K, α, η) (desired gain law
 * Gamma(K, p^c)), H1(z, 1, α, η) and H2(z, α, η) of the Exp(1) interference, as functions of
 * s = η² ∈ (0, 1], with everything that does not depend on η precomputed (module comment).
 * `desiredLaplace` is (1 + p^c z)^{−K}.
 *
 * Formula: H1 and H2 of Lemma 2 of arXiv:2403.20228 (Eqs. (19)–(21)), H1 with the corrected t = 1
 * boundary term (1 + x)^{−K} (`h1Variant: 'printed'` for the printed (1 + x)^{−α}; docs/errata.md).
 * Method: the closed forms of src/comm/lemma2.ts, the incomplete Beta values by the continued
 * fraction of src/math/incompleteBeta.ts, two per η.
 * Accuracy: equals `h1`/`h2` to ~1e-15 relative (the example: measured 1e-15 against `h1`, and
 * against the defining integrals evaluated with mpmath, 30 digits); the rates built on it are checked
 * against scipy in test/comm/rates.test.ts.
 * References: arXiv:2403.20228, Lemma 2; src/comm/lemma2.ts; docs/errata.md.
 *
 * @example
 * import { LemmaAtZ } from 'isacnet/comm';
 * const q = new LemmaAtZ(2, 0.5, 3, 4); // z = 2, p^c = 0.5, K = 3, α = 4
 * q.desiredLaplace; // => 0.125
 * const v = q.at(0.25); // η = 0.5
 * v.h1Desired; // => 1.25204088826686 (±1e-13)
 * v.h1Interf; // => 0.870419751367103 (±1e-13)
 * v.h2; // => 0.480601966344977 (±1e-13)
 */
export class LemmaAtZ {
  readonly desiredLaplace: number;
  private readonly a: number;
  private readonly bK: number;
  private readonly b1: number;
  private readonly xp: number;
  private readonly xpPow: number;
  private readonly bndP: number;
  private readonly betaP1: number;
  private readonly zPow: number;
  private readonly bndZ: number;
  private readonly betaZ1: number;
  private readonly betaCompleteK: number;
  private readonly betaComplete1: number;

  constructor(
    readonly z: number,
    readonly pc: number,
    readonly K: number,
    readonly alpha: number,
    h1Variant: H1Variant = 'corrected',
  ) {
    this.a = 1 - 2 / alpha;
    this.bK = K + 2 / alpha;
    this.b1 = 1 + 2 / alpha;
    this.xp = pc * z;
    this.desiredLaplace = 1 / powInt(1 + this.xp, K);
    this.xpPow = Math.pow(this.xp, 2 / alpha);
    this.zPow = Math.pow(z, 2 / alpha);
    // t = 1 boundary term of H1, −(1 − (1 + x)^{−K}) (corrected) or (1 + x)^{−α} − 1 (printed).
    this.bndP = h1Variant === 'corrected' ? -oneMinusPowInv(this.xp, K) : Math.pow(1 + this.xp, -alpha) - 1;
    this.bndZ = h1Variant === 'corrected' ? -oneMinusPowInv(z, 1) : Math.pow(1 + z, -alpha) - 1;
    // α = 4 (the paper's): a = ½, b = K + ½, the elementary form from the odds (no continued fraction).
    this.halfInteger = alpha === 4 && Number.isInteger(K) && K >= 1 && K <= 64;
    if (this.halfInteger) {
      this.betaCompleteK = 0;
      this.betaComplete1 = 0;
      this.betaP1 = incompleteBetaHalfOdds(this.xp, K);
      this.betaZ1 = incompleteBetaHalfOdds(z, 1);
    } else {
      this.betaCompleteK = completeBeta(this.a, this.bK);
      this.betaComplete1 = K === 1 ? this.betaCompleteK : completeBeta(this.a, this.b1);
      this.betaP1 = this.xp > 0 ? incompleteBetaFast(this.xp / (1 + this.xp), 1 / (1 + this.xp), this.a, this.bK, this.betaCompleteK) : 0;
      this.betaZ1 = incompleteBetaFast(z / (1 + z), 1 / (1 + z), this.a, this.b1, this.betaComplete1);
    }
    this.binomialK = Number.isInteger(K) && K >= 1 && K <= MAX_BINOMIAL_K ? binomialRow(K) : null;
  }

  /** Whether α = 4 with an integer K ≤ 64 (incomplete Beta values from `incompleteBetaHalfOdds`). */
  private readonly halfInteger: boolean;
  /** C(K, K), C(K, K − 1), …, C(K, 1) for Horner's rule (null: K not a small integer). */
  private readonly binomialK: Float64Array | null;

  /** Results of the last `evaluate(s)` (fields, to avoid an allocation per quadrature node). */
  h1Desired = 0;
  h1Interf = 0;
  h2 = 0;
  etaAlpha = 0;

  /** Lemma 2 quantities at s = η² ∈ (0, 1]. */
  at(s: number): LemmaValues {
    this.evaluate(s);
    return { h1Desired: this.h1Desired, h1Interf: this.h1Interf, h2: this.h2, etaAlpha: this.etaAlpha };
  }

  /** Computes the Lemma 2 quantities at s = η² into the fields h1Desired, h1Interf, h2, etaAlpha. */
  evaluate(s: number): void {
    const etaAlpha = this.alpha === 4 ? s * s : Math.pow(s, this.alpha / 2);
    const xe = this.z * etaAlpha;
    const interf = 1 / (1 + xe);
    const vz = xe * interf;
    const betaZ = this.halfInteger ? incompleteBetaHalfOdds(xe, 1) : incompleteBetaFast(vz, interf, this.a, this.b1, this.betaComplete1);
    const h2 = this.zPow * betaZ - vz / s;
    const h1Interf = vz / s + this.bndZ + this.zPow * (this.betaZ1 - betaZ);
    let h1Desired = 0;
    let desired = 1;
    if (this.xp > 0) {
      const xpe = this.xp * etaAlpha;
      const betaP = this.halfInteger ? incompleteBetaHalfOdds(xpe, this.K) : incompleteBetaFast(xpe / (1 + xpe), 1 / (1 + xpe), this.a, this.bK, this.betaCompleteK);
      // 1 − (1 + y)^{−K} = ((1 + y)^K − 1)/(1 + y)^K, the numerator by its binomial expansion (positive
      // terms, no cancellation) for small integer K; otherwise the integer power where it is safe
      // (y > 1e-2) and expm1/log1p below.
      const power = powInt(1 + xpe, this.K);
      desired = 1 / power;
      const row = this.binomialK;
      let omp: number;
      if (row !== null) {
        let poly = row[0];
        for (let j = 1; j < row.length; j++) poly = poly * xpe + row[j];
        const numerator = poly * xpe;
        omp = numerator < Infinity && power < Infinity ? numerator * desired : 1;
      } else {
        omp = xpe > 1e-2 ? 1 - desired : oneMinusPowInv(xpe, this.K);
      }
      h1Desired = omp / s + this.bndP + this.K * this.xpPow * (this.betaP1 - betaP);
    }
    this.h1Desired = h1Desired;
    this.h1Interf = h1Interf;
    this.h2 = h2;
    this.etaAlpha = etaAlpha;
    this.interfLaplaceAtEta = interf;
    this.desiredLaplaceAtEta = desired;
  }

  /** 1/(1 + zη^α) at the last `evaluate` (the Laplace transform of an Exp(1) gain at the L-th BS). */
  interfLaplaceAtEta = 1;
  /** (1 + p^c zη^α)^{−K} at the last `evaluate` (the desired-gain Laplace transform at the L-th BS). */
  desiredLaplaceAtEta = 1;
}

/** C(K, K), C(K, K − 1), …, C(K, 1): the coefficients of ((1 + y)^K − 1)/y from the top power down. */
const binomialRows: Array<Float64Array | undefined> = [];
function binomialRow(K: number): Float64Array {
  const hit = binomialRows[K];
  if (hit !== undefined) return hit;
  const c = new Float64Array(K + 1);
  c[0] = 1;
  for (let k = 1; k <= K; k++) c[k] = (c[k - 1] * (K - k + 1)) / k;
  // c[k] = C(K, k); Horner from y^{K−1} (coefficient C(K, K)) down to y^0 (coefficient C(K, 1)).
  const row = Float64Array.from({ length: K }, (_, j) => c[K - j]);
  binomialRows[K] = row;
  return row;
}
