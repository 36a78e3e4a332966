/**
 * The sensing side of the optimizer: CRLB_a(N, 1) for every admissible sensing cluster size and the
 * "record" sizes that can be optimal.
 *
 * With e > 0, Eq. (10) of arXiv:2403.20228 and R_c ≥ 0 give N ≤ ⌊C_backhaul/e⌋, so the admissible
 * sizes are 1 … N̄ with N̄ = min(maxN, ⌊C_backhaul/e⌋): a finite set, enumerated in full.
 *
 * Dominance (why only records matter): if N' < N and CRLB_a(N', 1) ≤ CRLB_a(N, 1), any operating
 * point (L, N, p^c) is matched by (L, N', p^c) with the same rate, no larger CRLB_a and less
 * backhaul. So only the records, N with CRLB_a(N, 1) < CRLB_a(N', 1) for every N' < N, can be
 * optimal; along the records the CRLB decreases and the backhaul use e·N increases, which is the
 * whole sensing trade-off. A CRLB that does not exist (Infinity: N = 1, or a diverging expectation)
 * is never a record.
 */
import type { BackhaulProblem, CrlbModel } from './model.ts';

export interface SensingRecord {
  N: number;
  /** CRLB_a(N, p^s = 1) in m². */
  crlbFull: number;
}

/**
 * CRLB_a(N, 1) for every admissible sensing cluster size N ≤ N̄ and the records (see the module comment).
 *
 * Formula: N ≤ N̄ = min(maxN, ⌊C_backhaul/e⌋) from Eq. (10) of arXiv:2403.20228 with R_c ≥ 0; the
 * records are the N whose CRLB is below that of every smaller N (not in the paper: only they can be
 * optimal).
 * Method: enumerate N = 1 … N̄ once; non-finite CRLBs (N = 1) are never records.
 * Accuracy: exact (dominance argument in the module comment; tested through the optimizer against
 * exhaustive search, test/optimize/frontier.test.ts).
 * References: arXiv:2403.20228, Eq. (10); docs/optimization.md.
 *
 * @example
 * import { SensingTable } from 'isacnet';
 * // synthetic models: R_c(L, p^c) = a_L ln(1 + 10 p^c), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1)
 * const a = [1, 1.2, 1.1];
 * const rate = { name: 'synthetic', concaveInPc: true, rate: (L: number, pc: number) => a[L - 1] * Math.log1p(10 * pc) };
 * const crlb = { name: '1/(N-1)', crlbFullPower: (N: number) => (N >= 2 ? 1 / (N - 1) : Infinity) };
 * const problem = { backhaul: 4, e: 0.5, maxL: 3, maxN: 50 };
 * const t = new SensingTable(crlb, problem);
 * t.records.map((r) => r.N); // => [2, 3, 4, 5, 6, 7, 8]
 * t.maxAdmissibleN; // => 8
 */
export class SensingTable {
  /** crlbFull[N] for N = 0 … N̄ (Infinity where it does not exist; index 0 unused). */
  readonly crlbFull: number[];
  /** Records in increasing N (decreasing CRLB). */
  readonly records: SensingRecord[];
  /** Largest admissible N (N̄). */
  readonly maxAdmissibleN: number;

  constructor(
    readonly model: CrlbModel,
    problem: BackhaulProblem,
  ) {
    this.maxAdmissibleN = problem.e > 0 ? Math.min(problem.maxN, Math.floor(problem.backhaul / problem.e + 1e-12)) : problem.maxN;
    this.crlbFull = [Infinity];
    this.records = [];
    let best = Infinity;
    for (let N = 1; N <= this.maxAdmissibleN; N++) {
      const v = model.crlbFullPower(N);
      const c = Number.isFinite(v) && v > 0 ? v : Infinity;
      this.crlbFull.push(c);
      if (c < best) {
        best = c;
        this.records.push({ N, crlbFull: c });
      }
    }
  }

  /** The smallest N with a finite CRLB (the first record), or null if none is admissible. */
  get firstLocalizing(): SensingRecord | null {
    return this.records[0] ?? null;
  }

  /** The best record with N ≤ nMax (lowest CRLB), or null. */
  bestUpTo(nMax: number): SensingRecord | null {
    let out: SensingRecord | null = null;
    for (const r of this.records) {
      if (r.N > nMax) break;
      out = r;
    }
    return out;
  }
}
