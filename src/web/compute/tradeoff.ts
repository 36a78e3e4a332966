/**
 * The trade-off view's computation (Fig. 5 analog): the rate–CRLB region of the cooperative scheme
 * under the backhaul constraint Eq. (10), its Pareto boundary, the corners, the time-sharing line and
 * the non-cooperative baseline, all from src/optimize (`buildEnvelope`, `solveTradeoff`) with the
 * library's models: the exact rate (src/comm/exactRate.ts, κ_c as printed) and Eq. (16) with
 * Lemma 1's κ_s (src/sensing/acceptance.ts).
 *
 * The exact rate enters through a Chebyshev table in √p^c (rateTable.ts): the optimizer needs
 * thousands of rate values per frame, the table needs (L_max × 24) exact integrals once per change
 * of (α, M_t, ψ, λ_u/λ_b, L_max) and reproduces them to ~1e-9 (checked against fresh exact values
 * on every rebuild, and shown). Moving C_backhaul, e or any sensing parameter recomputes only the
 * frontier.
 */
import { usersPerBs } from '../../params/derived.ts';
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';
import { opt, type TradeoffResult } from '../lib.ts';
import { RateTable } from './rateTable.ts';

/** Chebyshev degree of the rate table, and the larger one tried when the check finds > 1e-6. */
export const TABLE_DEGREE = 32;
export const TABLE_DEGREE_FINE = 64;
/** Largest relative table error accepted; beyond it (or if concavity fails) the exact rate is used directly. */
export const TABLE_TOLERANCE = 1e-6;

export interface ComparisonBoundary {
  backhaul: number;
  boundary: TradeoffResult['boundary'];
  ms: number;
}

export interface TradeoffCurves {
  result: TradeoffResult;
  /** Pareto boundaries at C_backhaul ∓ 2 (the paper's Fig. 5 compares 4, 6, 8), where feasible. */
  comparisons: ComparisonBoundary[];
  backhaul: number;
  e: number;
  timings: { table: number; frontier: number };
  tableCached: boolean;
  /** Exact rate integrals behind the table, and the largest relative table error found. */
  tableEvaluations: number;
  tableMaxRelError: number;
  /** Chebyshev degree used, or null when the table was rejected and the exact rate used directly. */
  tableDegree: number | null;
  models: { rate: string; crlb: string };
}

interface RateSource {
  key: string;
  /** null: the exact rate is evaluated directly (the table did not meet TABLE_TOLERANCE). */
  table: RateTable | null;
  error: number;
  evaluations: number;
  envelope: ReturnType<typeof opt.buildEnvelope>;
}

let cache: RateSource | null = null;

export function tableKey(p: Params, s: Settings): string {
  return JSON.stringify({ alpha: p.alpha, mt: p.mt, psi: p.psi, mu: usersPerBs(p), lMax: s.lMax, degree: TABLE_DEGREE });
}

function checkedTable(rate: (L: number, pc: number) => number, lMax: number, alpha: number, degree: number): { table: RateTable; error: number } {
  const table = new RateTable(rate, lMax, 1 / (2 * alpha), degree);
  const last = degree - 1;
  const error = table.check(rate, [...new Set([1, Math.ceil(lMax / 2), lMax])], [0, 2, Math.floor(last / 2), last]);
  return { table, error };
}

/**
 * The rate source of the optimizer for the current communication parameters: the Chebyshev table
 * (degree 32, else 64) if it reproduces fresh exact values to TABLE_TOLERANCE and passes the
 * envelope's concavity check; otherwise the exact rate itself (slow, but never an unchecked
 * approximation).
 */
export function rateSourceFor(p: Params, s: Settings): RateSource & { cached: boolean } {
  const key = tableKey(p, s);
  if (cache && cache.key === key) return { ...cache, cached: true };
  const model = opt.rateModel(p);
  const rate = (L: number, pc: number): number => model.rate(L, pc);
  let evaluations = 0;
  let source: RateSource | null = null;
  for (const degree of [TABLE_DEGREE, TABLE_DEGREE_FINE]) {
    const { table, error } = checkedTable(rate, s.lMax, p.alpha, degree);
    evaluations += table.evaluations;
    if (!(error <= TABLE_TOLERANCE)) continue;
    try {
      // The exact rate is concave in p^c (src/optimize/models.ts); the table inherits it to its
      // accuracy, and the envelope re-checks the chord slopes on its grid (it throws otherwise).
      const envelope = opt.buildEnvelope({ name: 'exact (Chebyshev table)', concaveInPc: true, rate: (L, pc) => table.rate(L, pc) }, s.lMax);
      source = { key, table, error, evaluations, envelope };
      break;
    } catch {
      // Concavity not reproduced: try the finer table, then the direct rate.
    }
  }
  if (!source) {
    const envelope = opt.buildEnvelope(model, s.lMax);
    source = { key, table: null, error: 0, evaluations: evaluations + envelope.evaluations, envelope };
  }
  cache = source;
  return { ...source, cached: false };
}

export function computeTradeoff(p: Params, s: Settings): TradeoffCurves {
  let t0 = performance.now();
  const src = rateSourceFor(p, s);
  const envelope = src.envelope;
  const tTable = performance.now() - t0;
  t0 = performance.now();
  const crlb = opt.crlbModel(p);
  const result = opt.solveTradeoff(envelope, crlb, { backhaul: p.backhaul, e: p.e, maxL: s.lMax, maxN: s.nMax });
  const tFront = performance.now() - t0;
  const comparisons: ComparisonBoundary[] = [];
  for (const c of [p.backhaul - 2, p.backhaul + 2]) {
    if (!(c > 0)) continue;
    const t1 = performance.now();
    try {
      const r = opt.solveTradeoff(envelope, crlb, { backhaul: c, e: p.e, maxL: s.lMax, maxN: s.nMax }, { containmentSamples: 1 });
      comparisons.push({ backhaul: c, boundary: r.boundary, ms: performance.now() - t1 });
    } catch {
      // Infeasible comparison capacity (no localizing cluster fits): not drawn.
    }
  }
  return {
    result,
    comparisons,
    backhaul: p.backhaul,
    e: p.e,
    timings: { table: tTable, frontier: tFront },
    tableCached: src.cached,
    tableEvaluations: src.evaluations,
    tableMaxRelError: src.error,
    tableDegree: src.table ? src.table.degree : null,
    models: { rate: 'exact rate (src/comm/exactRate.ts) with printed κ_c, as --rate-model exact', crlb: 'Eq. (16) with Lemma 1 κ_s, as --crlb-model eq16' },
  };
}
