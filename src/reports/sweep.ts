/**
 * Parameter sweeps (`isacnet sweep`): a grid over any schema parameter, at every point exactly what
 * `isacnet sensing`, `comm`, `optimize` or `localize` computes there (closed forms and, unless `noMonteCarlo`,
 * Monte Carlo), each point with its own seed, optionally to a stated precision, as a tidy table.
 *
 * - Grid: axes of (parameter key, values); the Cartesian product, or `zip` pairs them.
 * - Seeds: a point's seed is a 52-bit hash of its canonical resolved parameters and the base seed
 *   (`pointSeed`), so adding grid points never changes existing ones, and the sub-command run with
 *   that point's parameters, `--seed` and trials gives the same Monte Carlo chunks.
 * - Monte Carlo goes through chunk statistics tasks (src/registry/chunkStats.ts) run by an injected
 *   executor (inline, worker threads, a queue), with an optional store of finished chunks (resume,
 *   cache). Chunks are merged in index order: results do not depend on the executor or thread count.
 * - Precision targets: each Monte Carlo job runs in batches of chunks until the 95% CI half-width of
 *   its statistic (the mean; the median where the mean does not exist, CRLB for N ≤ 3) is ≤ ε
 *   (absolute) or ≤ ε·|value| (relative), or `maxTrials` is reached. The next batch's size is a
 *   function of the merged statistics of the chunks so far only, so the stopping point is the same
 *   for any number of threads or machines.
 * - Medians come from a DDSketch (relative accuracy stated in the result); the mean, CI and closed
 *   forms are those of the sub-commands (the mean from compensated sums: equal to ~1e-13 relative).
 *   The sub-commands keep their exact medians and the Hill tail index, which need all samples.
 *
 * Browser-safe: no Node import (the file store is src/parallel/chunkStore.ts).
 */
import { ArgumentError, checkInteger } from '../math/argumentError.ts';
import { PARAM_SPECS, type ParamKey, type Params } from '../params/schema.ts';
import { resolveParams } from '../params/validate.ts';
import { defaultSensingWindows } from '../params/runOptions.ts';
import { coMPRateParamsAt, crlbScaleM2, targetsPerBs, usersPerBs } from '../params/derived.ts';
import { DEFAULT_CHUNK_SIZE } from '../parallel/job.ts';
import type { JobRunner, MonteCarloJob } from '../parallel/job.ts';
import { mergeMoments, momentsMeanCi95, sketchMedianCi95, sketchQuantile, type MomentStats } from '../parallel/mergeStats.ts';
import { canonicalJsonOf, chunkTaskKey, type ChunkStatsResult, type ChunkStatsTask, type ChunkTaskExecutor } from '../registry/chunkStats.ts';
import { kappaCPrinted } from '../comm/kappa.ts';
import { TYPICAL_USER_RECORD, typicalUserKernel } from '../comm/typicalUser.ts';
import type { GainModel } from '../comm/gains.ts';
import { kappaSLemma1, kappaSNegBinomial, kappaSPalm } from '../sensing/acceptance.ts';
import { crlbAcceptanceEq16Normalized, crlbAcceptanceThinnedNormalized, nonLocalizableIndependent } from '../sensing/crlbAcceptance.ts';
import { crlbEq13Normalized, crlbProp1Normalized, crlbTheorem1CorrectedNormalized, crlbTheorem1PrintedNormalized } from '../sensing/closedForms.ts';
import { crlbNestedJob } from '../sensing/crlbMonteCarlo.ts';
import { crlbMeanExists, crlbVarianceExists } from '../sensing/crlbExistence.ts';
import { computeCommReport, DEFAULT_DISC_BS, RATE_CURVE_CHUNK, rateCurveReportJob, TYPICAL_USER_CHUNK, usesRateCurve, type AcceptanceModel, type CommReport } from './comm.ts';
import { runOptimize } from './optimize.ts';
import { NETWORK_SEED_OFFSET } from './sensing.ts';
import { computeLocalizeReport } from './localize.ts';
import { sensingNetworkJob, summarizeSensingNetwork, type SensingNetworkPoint } from '../sensing/networkSummary.ts';
import { sensingNetworkSide } from '../sensing/network.ts';
import { inlineRunner } from '../registry/inline.ts';
import type { CrlbModelName, RateModelName } from '../optimize/models.ts';
import type { RateEnvelope } from '../optimize/rateEnvelope.ts';

export const SWEEP_MEASURES = ['sensing', 'comm', 'optimize', 'localize'] as const;
export type SweepMeasure = (typeof SWEEP_MEASURES)[number];

/** The most grid points a sweep runs unless the caller confirms more. */
export const DEFAULT_MAX_POINTS = 10_000;
/** Relative accuracy of the DDSketch behind the sweep's medians. */
export const SWEEP_SKETCH_ACCURACY = 0.001;
/** Format version of the chunk statistics and the store (a store of another version is refused). */
export const SWEEP_FORMAT_VERSION = 1;

export interface SweepAxis {
  key: ParamKey;
  values: number[];
}

export interface SweepPrecision {
  /** Absolute 95% CI half-width (in the statistic's unit: nats/s/Hz, m²). */
  absolute?: number;
  /** Relative 95% CI half-width (fraction of |value|). */
  relative?: number;
  /** Cap on the trials of one Monte Carlo job. */
  maxTrials: number;
}

export interface SweepSpec {
  measure: SweepMeasure;
  /** Parameters shared by every point (defaults ← config ← flags); grid values override them. */
  base: Params;
  grid: SweepAxis[];
  zip?: boolean;
  seed: number;
  /** Trials of each Monte Carlo job (the first batch when a precision target is set). */
  trials: number;
  noMonteCarlo?: boolean;
  precision?: SweepPrecision;
  /** sensing, localize: cluster sizes N (localize: N ≥ 2, default 4, 6, 10). */
  Ns?: number[];
  /**
   * sensing: torus windows of the network-level acceptance simulation (κ_s MC, CRLB with
   * acceptance), as `isacnet sensing --windows` (default `defaultSensingWindows(trials)`; 0 skips it),
   * and targets recorded per window (default 256).
   */
  windows?: number;
  samplesPerWindow?: number;
  /** comm: cluster sizes L and power shares p^c (a grid on `pc` replaces the list). */
  Ls?: number[];
  pcs?: number[];
  gains?: GainModel;
  discBs?: number;
  /**
   * comm, as `isacnet comm --acceptance/--coverage/--noise/--coverage-db`. Any of acceptance
   * `network`, noise `on` or coverage thresholds runs the whole `computeCommReport` at the point
   * through `runner.runJob` (no precision target, no chunk store).
   */
  acceptance?: AcceptanceModel;
  coverage?: number[];
  noise?: 'off' | 'on';
  coverageDb?: number[];
  /** optimize: as `isacnet optimize` (crlbModel mc: `windows` network windows, the point's seed, through `runner.runJob`). */
  optimize?: { rateModel: RateModelName; maxL: number; maxN: number; levels: number; decades: number; weight?: number; crlbModel?: CrlbModelName; windows?: number };
  /** localize: as `isacnet localize` (default SNR offsets −10, 0, 10, 20, 40 dB, 500 geometries, 20 draws, outliers at 5·√CRLB). */
  localize?: { snrDb?: number[]; geometries?: number; noiseDraws?: number; outlierMultiple?: number };
  /** Refuse more grid points than this (default DEFAULT_MAX_POINTS). */
  maxPoints?: number;
}

export interface SweepPoint {
  index: number;
  /** The grid values of this point, by parameter key. */
  values: Record<string, number>;
  params: Params;
  seed: number;
}

export type SweepCell = number | string | boolean | null;
export type SweepRow = Record<string, SweepCell>;

export interface SweepColumn {
  name: string;
  /** 'parameter' (grid values, N/L/p^c, seed) or 'result'. */
  role: 'parameter' | 'result';
  unit: string;
  description: string;
}

export interface SweepResult {
  measure: SweepMeasure;
  grid: SweepAxis[];
  zip: boolean;
  seed: number;
  points: Array<{ index: number; values: Record<string, number>; seed: number }>;
  columns: SweepColumn[];
  rows: SweepRow[];
  /** The DDSketch relative accuracy of every median column. */
  medianRelativeAccuracy: number;
  /** Monte Carlo jobs that stopped at maxTrials before meeting the precision target. */
  maxTrialsHit: number;
  chunkSizes: Record<string, number>;
}

/** Progress of a sweep: chunks done/planned so far (the plan grows with precision targets), points finished. */
export interface SweepProgress {
  chunksDone: number;
  chunksPlanned: number;
  pointsDone: number;
  points: number;
  /** Chunks taken from the store rather than computed. */
  chunksFromStore: number;
}

/** Finished chunks by key (src/parallel/chunkStore.ts is the Node file store). */
export interface ChunkStore {
  get(key: string): ChunkStatsResult | undefined;
  put(key: string, result: ChunkStatsResult): void;
}

export interface SweepRunner {
  execute: ChunkTaskExecutor;
  store?: ChunkStore;
  /**
   * Runs the whole Monte Carlo jobs whose statistics need every sample (the sensing network
   * simulation, comm with network acceptance, noise or coverage, optimize's mc CRLB model, localize):
   * a worker pool, a queue (`createQueueJobRunner`), or `inlineRunner` (the default). Results are the
   * sub-command's, bit for bit, for any runner; these jobs are not kept in `store`.
   */
  runJob?: JobRunner;
}

// ---------------------------------------------------------------------------------------------
// Grid and seeds

/** FNV-1a, 64 bits, over the UTF-16 code units of `s` (BigInt: exact on every engine). */
function fnv1a64(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h;
}

/**
 * The seed of a grid point: a 52-bit hash of its canonical resolved parameters and the base seed.
 *
 * Formula: not in the paper (reproducible sweeps): seed = FNV-1a-64(canonical JSON of
 * { params, seed }) >> 12, an integer in [0, 2^52).
 * Method: `canonicalJsonOf` (sorted keys) of the full resolved parameters, so a point's seed depends
 * on its own parameters and the base seed only: adding grid points never changes existing points.
 * Accuracy: exact (integer hashing with BigInt); test/reports/sweep.test.ts.
 * References: docs/sweep.md.
 *
 * @example
 * import { pointSeed, defaultParams } from 'isacnet';
 * pointSeed(defaultParams(), 7) === pointSeed({ ...defaultParams() }, 7); // => true
 * pointSeed(defaultParams(), 7) === pointSeed(defaultParams(), 8); // => false
 */
export function pointSeed(params: Params, baseSeed: number): number {
  checkInteger('seed', baseSeed, 0, Number.MAX_SAFE_INTEGER);
  return Number(fnv1a64(canonicalJsonOf({ params, seed: baseSeed })) >> 12n);
}

function describePoint(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/**
 * The grid points of a sweep: the Cartesian product of the axes (first axis slowest), or with `zip`
 * the i-th values of every axis together; each point's parameters resolved and checked.
 *
 * Formula: not in the paper (a grid over the parameters of Section V of arXiv:2403.20228).
 * Method: product or zip of the axes, `resolveParams(base, point)` per point (an out-of-range value
 * names the point), `pointSeed` per point.
 * Accuracy: exact; test/reports/sweep.test.ts.
 * References: docs/sweep.md.
 *
 * @example
 * import { expandGrid, defaultParams } from 'isacnet';
 * const pts = expandGrid(defaultParams(), [{ key: 'psi', values: [5, 15] }, { key: 'lambdaU', values: [1, 2, 4] }], false, 7);
 * pts.map((q) => [q.values.psi, q.values.lambdaU]); // => [[5, 1], [5, 2], [5, 4], [15, 1], [15, 2], [15, 4]]
 */
export function expandGrid(base: Params, grid: readonly SweepAxis[], zip: boolean, seed: number, maxPoints = DEFAULT_MAX_POINTS): SweepPoint[] {
  if (grid.length === 0) throw new ArgumentError('grid', grid, 'at least one axis (parameter = values)');
  const seen = new Set<string>();
  for (const [i, a] of grid.entries()) {
    if (!PARAM_SPECS.some((s) => s.key === a.key)) throw new ArgumentError(`grid[${i}].key`, a.key, `a parameter key (${PARAM_SPECS.map((s) => s.key).join(', ')})`);
    if (seen.has(a.key)) throw new ArgumentError(`grid[${i}].key`, a.key, 'a parameter not already on another axis');
    seen.add(a.key);
    if (!Array.isArray(a.values) || a.values.length === 0) throw new ArgumentError(`grid.${a.key}`, a.values, 'a non-empty list of values');
  }
  let combos: Array<Record<string, number>>;
  if (zip) {
    const n = grid[0].values.length;
    for (const a of grid) if (a.values.length !== n) throw new ArgumentError(`grid.${a.key}`, a.values, `${n} values, as many as grid.${grid[0].key} (zip pairs the axes)`);
    combos = Array.from({ length: n }, (_, i) => Object.fromEntries(grid.map((a) => [a.key, a.values[i]])));
  } else {
    let total = 1;
    for (const a of grid) total *= a.values.length;
    if (total > maxPoints) throw new ArgumentError('grid', total, `at most maxPoints = ${maxPoints} points (the product of the axes' lengths ${grid.map((a) => a.values.length).join(' × ')})`);
    combos = [{}];
    for (const a of grid) combos = combos.flatMap((c) => a.values.map((v) => ({ ...c, [a.key]: v })));
  }
  if (combos.length > maxPoints) throw new ArgumentError('grid', combos.length, `at most maxPoints = ${maxPoints} points`);
  return combos.map((values, index) => {
    let params: Params;
    try {
      params = resolveParams(base, values);
    } catch (e) {
      if (e instanceof ArgumentError) throw new ArgumentError(`grid.${e.argument}`, e.value, e.allowed, `at grid point ${index} (${describePoint(values)})`, e.range ? { range: e.range } : {});
      throw e;
    }
    return { index, values, params, seed: pointSeed(params, seed) };
  });
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo jobs in batches of chunk statistics tasks

interface StatTarget {
  /** Reduction index in the task's `reduce`. */
  stat: number;
  /** Multiplies the statistic (CRLB: m² per normalized unit). */
  scale: number;
  /** 'mean' or 'median': what the precision target applies to. */
  on: 'mean' | 'median';
}

interface McJob {
  job: MonteCarloJob;
  width: number;
  reduce: ChunkStatsTask['reduce'];
  targets: StatTarget[];
  /** Chunks planned so far (index order). */
  planned: number;
  /** Results by chunk index. */
  results: Array<ChunkStatsResult | undefined>;
  done: boolean;
  hitMax: boolean;
  merged: MomentStats[] | null;
  /** Chunks merged into `merged` (a prefix in index order). */
  mergedChunks: number;
  trials: number;
}

function chunkCount(trials: number, size: number): number {
  return Math.ceil(trials / size);
}

function chunkTaskOf(j: McJob, c: number, totalTrials: number): ChunkStatsTask {
  const size = j.job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  return { kernel: j.job.kernel, args: j.job.args, seed: j.job.seed, chunkIndex: c, count: Math.min(size, totalTrials - c * size), width: j.width, reduce: j.reduce };
}

function halfWidthOf(m: MomentStats, t: StatTarget): { value: number; half: number } | null {
  if (t.on === 'mean') {
    const e = momentsMeanCi95(m);
    return e ? { value: e.mean * t.scale, half: e.halfWidth * t.scale } : null;
  }
  const med = sketchQuantile(m, 0.5);
  const ci = sketchMedianCi95(m);
  return med !== null && ci ? { value: med * t.scale, half: ((ci[1] - ci[0]) / 2) * t.scale } : null;
}

/** Trials the next batch should reach (a function of the merged chunks so far only), or null to stop. */
function nextTrials(j: McJob, precision: SweepPrecision | undefined): number | null {
  const size = j.job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!precision || !j.merged) return null;
  let need = 1;
  for (const t of j.targets) {
    const h = halfWidthOf(j.merged[t.stat], t);
    if (!h || !Number.isFinite(h.half)) {
      need = Math.max(need, 4);
      continue;
    }
    const eps = Math.min(precision.absolute ?? Infinity, precision.relative !== undefined ? precision.relative * Math.abs(h.value) : Infinity);
    if (h.half <= eps) continue;
    need = Math.max(need, eps > 0 ? (h.half / eps) ** 2 : 4);
  }
  if (need <= 1) return null;
  if (j.trials >= precision.maxTrials) {
    j.hitMax = true;
    return null;
  }
  // The half-width falls as 1/√n: aim 10% past the predicted n, at least one more chunk, at most ×4.
  const target = Math.min(4 * j.trials, Math.ceil(1.1 * need * j.trials));
  const rounded = Math.max(j.trials + size, Math.ceil(target / size) * size);
  return Math.min(precision.maxTrials, rounded);
}

interface Counters {
  fromStore: number;
  computed: number;
  planned: number;
}

async function runMcJobs(jobs: McJob[], precision: SweepPrecision | undefined, runner: SweepRunner, counters: Counters, onRound: () => void, onChunk: () => void): Promise<void> {
  for (const j of jobs) counters.planned += j.planned;
  let round: McJob[] = jobs.filter((j) => !j.done);
  while (round.length > 0) {
    const tasks: Array<{ job: McJob; chunk: number; task: ChunkStatsTask; key: string }> = [];
    for (const j of round) {
      for (let c = j.mergedChunks; c < j.planned; c++) {
        const task = chunkTaskOf(j, c, j.trials);
        tasks.push({ job: j, chunk: c, task, key: chunkTaskKey(task) });
      }
    }
    const todo: typeof tasks = [];
    for (const t of tasks) {
      const hit = runner.store?.get(t.key);
      if (hit) {
        t.job.results[t.chunk] = hit;
        counters.fromStore++;
      } else todo.push(t);
    }
    onChunk();
    await runner.execute(
      todo.map((t) => t.task),
      (i, r) => {
        const t = todo[i];
        t.job.results[t.chunk] = r;
        runner.store?.put(t.key, r);
        counters.computed++;
        onChunk();
      },
    );
    const next: McJob[] = [];
    for (const j of round) {
      let merged = j.merged;
      for (let c = j.mergedChunks; c < j.planned; c++) {
        const r = j.results[c];
        if (!r) throw new Error(`chunk ${c} of kernel ${j.job.kernel} was not computed`);
        merged = merged ? merged.map((m, k) => mergeMoments(m, r.stats[k])) : r.stats;
      }
      j.merged = merged;
      j.mergedChunks = j.planned;
      const more = nextTrials(j, precision);
      if (more === null) {
        j.done = true;
        continue;
      }
      const add = chunkCount(more, j.job.chunkSize ?? DEFAULT_CHUNK_SIZE) - j.planned;
      j.trials = more;
      j.planned += add;
      counters.planned += add;
      next.push(j);
    }
    onRound();
    round = next;
  }
}

function newJob(job: MonteCarloJob, width: number, reduce: ChunkStatsTask['reduce'], targets: StatTarget[], spec: SweepSpec): McJob {
  const size = job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  // With a precision target every batch but one capped by maxTrials ends on a chunk boundary, so a
  // chunk computed in one batch is the same task (same count) in the next.
  const trials = spec.precision ? Math.min(Math.ceil(spec.trials / size) * size, spec.precision.maxTrials) : spec.trials;
  return { job: { ...job, trials }, width, reduce, targets, planned: chunkCount(trials, size), results: [], done: false, hitMax: false, merged: null, mergedChunks: 0, trials };
}

// ---------------------------------------------------------------------------------------------
// Measures

interface PointPlan {
  point: SweepPoint;
  jobs: McJob[];
  rows: () => SweepRow[];
}

const neverRun: JobRunner = async () => {
  throw new Error('no Monte Carlo here');
};

function fin(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

function baseRow(point: SweepPoint, grid: readonly SweepAxis[]): SweepRow {
  const row: SweepRow = {};
  for (const a of grid) row[a.key] = point.values[a.key];
  return row;
}

/** Whether a comm sweep runs the whole `computeCommReport` per point (options beyond the typical-user rate). */
function commFull(spec: SweepSpec): boolean {
  return spec.acceptance === 'network' || spec.noise === 'on' || (spec.coverage?.length ?? 0) > 0 || (spec.coverageDb?.length ?? 0) > 0;
}

/** A threshold as part of a column name: 0.5 → 0p5, −5 → m5. */
function tag(v: number): string {
  return String(v).replace('-', 'm').replace('.', 'p');
}

/** The comm columns every comm row has: grid parameters, L, p^c, seed, closed forms and the rate MC. */
function commRow(point: SweepPoint, spec: SweepSpec, q: CommReport['points'][number], mc: { mean: number; ci95: readonly [number, number] | [number, number]; halfWidth: number } | null, trials: number | null): SweepRow {
  return {
    ...baseRow(point, spec.grid),
    L: q.L,
    pc: q.pc,
    seed: point.seed,
    kappa_c_formula: fin(q.kappaC.formula),
    rate_thm2_nats_per_s_hz: fin(q.rate.thm2),
    rate_thm2_printed_h1_nats_per_s_hz: fin(q.rate.thm2PrintedH1),
    rate_exact_nats_per_s_hz: fin(q.rate.exact),
    rate_mc_mean_nats_per_s_hz: mc ? mc.mean : null,
    rate_mc_ci95_lo_nats_per_s_hz: mc ? mc.ci95[0] : null,
    rate_mc_ci95_hi_nats_per_s_hz: mc ? mc.ci95[1] : null,
    rate_mc_half_width_nats_per_s_hz: mc ? mc.halfWidth : null,
    trials,
  };
}

function commFullRows(point: SweepPoint, spec: SweepSpec, r: CommReport): SweepRow[] {
  return r.points.map((q) => {
    const mc = q.rate.mc;
    const row: SweepRow = commRow(point, spec, q, mc ? { mean: mc.mean, ci95: mc.ci95, halfWidth: (mc.ci95[1] - mc.ci95[0]) / 2 } : null, mc ? mc.trials : null);
    if (spec.acceptance === 'network') Object.assign(row, { kappa_c_mc: fin(q.kappaC.mc), rate_exact_at_mc_kappa_nats_per_s_hz: fin(q.rate.exactAtMcKappa) });
    if (spec.noise === 'on') Object.assign(row, { rate_exact_no_noise_nats_per_s_hz: fin(q.rate.exactNoNoise), noise_gap: fin(q.rate.noiseGap) });
    for (const c of q.coverage ?? []) row[`coverage_sir_gt_${tag(c.T)}_mc`] = fin(c.mc);
    for (const c of q.coverageDb ?? []) {
      const t = `coverage_${tag(c.Tdb)}db`;
      row[`${t}_mc`] = c.mc ? fin(c.mc.p) : null;
      row[`${t}_mc_ci95_lo`] = c.mc?.ci95 ? c.mc.ci95[0] : null;
      row[`${t}_mc_ci95_hi`] = c.mc?.ci95 ? c.mc.ci95[1] : null;
      row[`${t}_exact`] = fin(c.exact);
    }
    return row;
  });
}

async function planComm(point: SweepPoint, spec: SweepSpec, runJob: JobRunner): Promise<PointPlan> {
  const p = point.params;
  const gridPc = spec.grid.some((a) => a.key === 'pc');
  const Ls = spec.Ls ?? [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];
  const pcs = gridPc ? [p.pc] : (spec.pcs ?? [p.pc]);
  const gains = spec.gains ?? 'gamma';
  const discBs = spec.discBs ?? DEFAULT_DISC_BS;
  if (commFull(spec)) {
    // Exactly `isacnet comm` at this point: the whole report, its jobs through runJob.
    const r = await computeCommReport(
      p,
      {
        Ls,
        pcs,
        trials: spec.trials,
        seed: point.seed,
        acceptance: spec.acceptance ?? 'independent',
        gains,
        discBs,
        ...(spec.coverage?.length ? { coverageThresholds: spec.coverage } : {}),
        noise: spec.noise ?? 'off',
        ...(spec.coverageDb?.length ? { coverageDb: spec.coverageDb } : {}),
        noMonteCarlo: spec.noMonteCarlo ?? false,
      },
      runJob,
    );
    return { point, jobs: [], rows: () => commFullRows(point, spec, r) };
  }
  const closed = await computeCommReport(p, { Ls, pcs, trials: spec.trials, seed: point.seed, acceptance: 'independent', gains, discBs, noMonteCarlo: true }, neverRun);
  const muC = usersPerBs(p);
  const jobs: McJob[] = [];
  if (!spec.noMonteCarlo && usesRateCurve(p, { Ls, pcs, trials: spec.trials, seed: point.seed, acceptance: 'independent', gains, discBs })) {
    // As computeCommReport: one whole-curve job (comm.rateCurve) for every L and p^c on the same
    // trials; a precision target stops it when its worst (L, p^c) meets it.
    const plan = rateCurveReportJob(p, Ls, pcs, spec.trials, point.seed, discBs);
    const fields = Array.from({ length: plan.width }, (_, f) => f);
    const j = newJob(plan.job, plan.width, fields.map((f) => ({ kind: 'moments' as const, field: f })), fields.map((f) => ({ stat: f, scale: 1, on: 'mean' as const })), spec);
    jobs.push(j);
    return {
      point,
      jobs,
      rows: () =>
        closed.points.map((q) => {
          const m = j.merged?.[plan.field(q.L, q.pc)];
          const e = m ? momentsMeanCi95(m) : null;
          return { ...commRow(point, spec, q, e, m?.n ?? 0), max_trials_hit: j.hitMax };
        }),
    };
  }
  const byPoint: Array<McJob | null> = closed.points.map((q) => {
    if (spec.noMonteCarlo) return null;
    // As computeCommReport: the typical-user job of (L, p^c) with the printed κ_c, seed of the point.
    const model = coMPRateParamsAt(p, q.L, q.pc, kappaCPrinted(p.psi, muC, q.L));
    const job = typicalUserKernel.job({ ...model, gains, discBs }, spec.trials, point.seed, TYPICAL_USER_CHUNK);
    const j = newJob(job, TYPICAL_USER_RECORD, [{ kind: 'moments', field: 0 }], [{ stat: 0, scale: 1, on: 'mean' }], spec);
    jobs.push(j);
    return j;
  });
  return {
    point,
    jobs,
    rows: () =>
      closed.points.map((q, i) => {
        const j = byPoint[i];
        const e = j?.merged ? momentsMeanCi95(j.merged[0]) : null;
        return { ...commRow(point, spec, q, e, j ? (j.merged?.[0].n ?? 0) : null), max_trials_hit: j ? j.hitMax : null };
      }),
  };
}

/** Default windows of a sensing sweep: as `isacnet sensing` (trials/1000 within [8, 400]). */
function sensingWindowsOf(spec: SweepSpec): number {
  return spec.windows ?? defaultSensingWindows(spec.trials);
}

async function planSensing(point: SweepPoint, spec: SweepSpec, runJob: JobRunner): Promise<PointPlan> {
  const p = point.params;
  const Ns = [...new Set(spec.Ns ?? [1, 2, 3, 4, 5, 6, 8, 10, 15, 20])].sort((a, b) => a - b);
  const scale = crlbScaleM2(p);
  const muS = targetsPerBs(p);
  // As computeSensingReport: the network simulation with seed + NETWORK_SEED_OFFSET (skipped with --no-mc).
  const windows = sensingWindowsOf(spec);
  let net: SensingNetworkPoint[] | null = null;
  if (!spec.noMonteCarlo && windows > 0 && muS > 0) {
    const side = sensingNetworkSide(Ns[Ns.length - 1]);
    const job = sensingNetworkJob({ muS, Ns, psis: [p.psi], beta: p.beta, windows, seed: point.seed + NETWORK_SEED_OFFSET, samplesPerWindow: spec.samplesPerWindow ?? 256, side });
    net = summarizeSensingNetwork(await runJob(job), job, 1);
  }
  const jobs: McJob[] = [];
  let j: McJob | null = null;
  if (!spec.noMonteCarlo) {
    const job = crlbNestedJob(Ns, p.beta, spec.trials, point.seed);
    const targets: StatTarget[] = [];
    Ns.forEach((N, i) => {
      if (N >= 2) targets.push({ stat: i, scale, on: crlbVarianceExists(N) ? 'mean' : 'median' });
    });
    j = newJob(job, Ns.length, Ns.map((_, i) => ({ kind: 'moments' as const, field: i, sketch: SWEEP_SKETCH_ACCURACY })), targets, spec);
    jobs.push(j);
  }
  const sc = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : v * scale);
  return {
    point,
    jobs,
    rows: () =>
      Ns.map((N, i) => {
        const m = j?.merged ? j.merged[i] : null;
        // As summarizeCrlbSamples: nothing for N = 1; the mean only where it exists and every geometry was regular.
        const meanOk = m !== null && N >= 2 && crlbMeanExists(N) && m.posInf === 0 && m.finite === m.n;
        const e = meanOk && m ? momentsMeanCi95(m) : null;
        const med = m && N >= 2 ? sketchQuantile(m, 0.5) : null;
        const mci = m && N >= 2 ? sketchMedianCi95(m) : null;
        const kL1 = kappaSLemma1(p.psi, muS, N);
        const kNb = kappaSNegBinomial(p.psi, muS, N);
        return {
          ...baseRow(point, spec.grid),
          N,
          seed: point.seed,
          crlb_prop1_m2: sc(crlbProp1Normalized(N, p.beta)),
          crlb_eq13_m2: sc(crlbEq13Normalized(N, p.beta)),
          crlb_thm1_m2: sc(crlbTheorem1PrintedNormalized(N, p.beta)),
          crlb_thm1_corrected_m2: sc(crlbTheorem1CorrectedNormalized(N, p.beta)),
          crlb_mc_mean_m2: e ? e.mean * scale : null,
          // As summarizeCrlbSamples: no CI of the mean where Var[CRLB] = ∞ (N = 4, 5).
          crlb_mc_ci95_lo_m2: e && crlbVarianceExists(N) ? e.ci95[0] * scale : null,
          crlb_mc_ci95_hi_m2: e && crlbVarianceExists(N) ? e.ci95[1] * scale : null,
          crlb_mc_median_m2: sc(med),
          crlb_mc_median_ci95_lo_m2: mci ? mci[0] * scale : null,
          crlb_mc_median_ci95_hi_m2: mci ? mci[1] * scale : null,
          kappa_s_lemma1: fin(kL1),
          kappa_s_neg_binomial: fin(kNb),
          kappa_s_palm_poisson: fin(kappaSPalm(p.psi, muS, N)),
          crlb_accept_eq16_m2: sc(crlbAcceptanceEq16Normalized(N, kL1, p.beta)),
          crlb_accept_thinned_prop1_m2: sc(crlbAcceptanceThinnedNormalized(N, kNb, p.beta)),
          non_localizable_independent_model: fin(nonLocalizableIndependent(N, kNb)),
          ...(net ? netColumns(net[i], N, p.beta, scale) : {}),
          trials: j ? (m?.n ?? 0) : null,
          max_trials_hit: j ? j.hitMax : null,
        };
      }),
  };
}

/** The network-simulation columns of a sensing row (the `kappaS.mc*` and `crlbAccept` fields of `isacnet sensing`). */
function netColumns(np: SensingNetworkPoint, N: number, beta: number, scale: number): SweepRow {
  const sc = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : v * scale);
  return {
    kappa_s_mc: fin(np.kappa.mc),
    kappa_s_mc_ci95_lo: np.kappa.ci95 ? np.kappa.ci95[0] : null,
    kappa_s_mc_ci95_hi: np.kappa.ci95 ? np.kappa.ci95[1] : null,
    crlb_accept_eq16_mc_kappa_m2: np.kappa.mc !== null ? sc(crlbAcceptanceEq16Normalized(N, np.kappa.mc, beta)) : null,
    crlb_accept_mc_median_m2: sc(np.crlb.median),
    crlb_accept_mc_median_ci95_lo_m2: np.crlb.medianCi95 ? sc(np.crlb.medianCi95[0]) : null,
    crlb_accept_mc_median_ci95_hi_m2: np.crlb.medianCi95 ? sc(np.crlb.medianCi95[1]) : null,
    non_localizable_mc: fin(np.nonLocalizableFraction),
    non_localizable_mc_ci95_lo: np.nonLocalizableCi95 ? np.nonLocalizableCi95[0] : null,
    non_localizable_mc_ci95_hi: np.nonLocalizableCi95 ? np.nonLocalizableCi95[1] : null,
    singular_mc: fin(np.singularFraction),
    kappa_s_mc_bs_average: fin(np.kappa.bsAverage),
    kappa_s_load_dispersion: fin(np.kappa.loadDispersion),
    // The conditional mean E[CRLB_a | ≥ 4 accepted BSs] of isacnet sensing (crlbAccept.mc.conditionalMean4).
    crlb_accept_mc_cond4_mean_m2: sc(np.crlb.conditionalMean4.mean),
    crlb_accept_mc_cond4_ci95_lo_m2: np.crlb.conditionalMean4.ci95 ? sc(np.crlb.conditionalMean4.ci95[0]) : null,
    crlb_accept_mc_cond4_ci95_hi_m2: np.crlb.conditionalMean4.ci95 ? sc(np.crlb.conditionalMean4.ci95[1]) : null,
    crlb_accept_mc_cond4_fraction_excluded: fin(np.crlb.conditionalMean4.fractionExcluded),
    crlb_accept_mc_trials: np.crlb.trials,
  };
}

async function planLocalize(point: SweepPoint, spec: SweepSpec, runJob: JobRunner): Promise<PointPlan> {
  const o = spec.localize ?? {};
  const r = await computeLocalizeReport(
    point.params,
    { Ns: spec.Ns ?? [4, 6, 10], snrDb: o.snrDb ?? [-10, 0, 10, 20, 40], geometries: o.geometries ?? 500, noiseDraws: o.noiseDraws ?? 20, seed: point.seed, outlierMultiple: o.outlierMultiple ?? 5 },
    runJob,
  );
  const est = (pre: string, b: { mse: number; rmse: number; ratioMedian: number; ratioMean: number; outlierFraction: number; biasRms: number | null }): SweepRow => ({
    [`${pre}_mse_m2`]: fin(b.mse),
    [`${pre}_rmse_m`]: fin(b.rmse),
    [`${pre}_ratio_median`]: fin(b.ratioMedian),
    [`${pre}_ratio_mean`]: fin(b.ratioMean),
    [`${pre}_outlier_fraction`]: fin(b.outlierFraction),
    // RMS over geometries of the per-geometry bias (null with one noise draw), as isacnet localize.
    [`${pre}_bias_rms_m`]: fin(b.biasRms),
  });
  return {
    point,
    jobs: [],
    rows: () =>
      r.points.map((q) => {
        const th = r.thresholds.find((t) => t.N === q.N);
        return {
          ...baseRow(point, spec.grid),
          N: q.N,
          snr_db: q.snrDb,
          seed: point.seed,
          crlb_mean_m2: fin(q.crlb.mean),
          crlb_median_m2: fin(q.crlb.median),
          crlb_rms_m: fin(Math.sqrt(q.crlb.mean)),
          ...est('mle', q.mle),
          ...est('ls', q.ls),
          mle_threshold_snr_db: th ? th.mleSnrDb : null,
          ls_threshold_snr_db: th ? th.lsSnrDb : null,
          geometries: o.geometries ?? 500,
          noise_draws: o.noiseDraws ?? 20,
        };
      }),
  };
}

async function planOptimize(point: SweepPoint, spec: SweepSpec, envelopes: Map<string, RateEnvelope>, runJob: JobRunner): Promise<PointPlan> {
  const o = spec.optimize ?? { rateModel: 'exact' as const, maxL: 30, maxN: 200, levels: 60, decades: 3 };
  // As `isacnet optimize --crlb-model mc --windows W --seed <point seed>`: the simulation through runJob.
  const out = await runOptimize(point.params, { rateModel: o.rateModel, crlbModel: o.crlbModel ?? 'eq16', maxL: o.maxL, maxN: o.maxN, levels: o.levels, decades: o.decades, ...(o.weight !== undefined ? { weight: o.weight } : {}), windows: o.windows ?? 200, seed: point.seed, threads: 1 }, () => ({ run: runJob, close: async () => {} }), envelopes);
  const c = out.corners;
  const row: SweepRow = {
    ...baseRow(point, spec.grid),
    seed: point.seed,
    comm_corner_rate_nats_per_s_hz: fin(c.comm.rate),
    comm_corner_crlb_a_m2: fin(c.comm.crlbA),
    comm_corner_L: c.comm.L,
    comm_corner_N: c.comm.N,
    comm_corner_pc: c.comm.pc,
    sens_corner_rate_nats_per_s_hz: fin(c.sens.rate),
    sens_corner_crlb_a_m2: fin(c.sens.crlbA),
    sens_corner_L: c.sens.L,
    sens_corner_N: c.sens.N,
    sens_corner_pc: c.sens.pc,
    comm_corner_backhaul_use: fin(c.comm.backhaulUse),
    sens_corner_backhaul_use: fin(c.sens.backhaulUse),
    pareto_points: out.pareto.length,
    // Does the cooperative region contain the time-sharing line (isacnet optimize's containment)?
    time_sharing_contained: out.containment.contained,
    rate_gain_at_pareto_min_nats_per_s_hz: out.containment.rateGainAtPareto ? fin(out.containment.rateGainAtPareto.min) : null,
    rate_gain_at_pareto_max_nats_per_s_hz: out.containment.rateGainAtPareto ? fin(out.containment.rateGainAtPareto.max) : null,
  };
  if (out.weighted) {
    Object.assign(row, {
      weighted_rate_nats_per_s_hz: fin(out.weighted.rate),
      weighted_crlb_a_m2: fin(out.weighted.crlbA),
      weighted_L: out.weighted.L,
      weighted_N: out.weighted.N,
      weighted_pc: out.weighted.pc,
      weighted_backhaul_use: fin(out.weighted.backhaulUse),
      weighted_objective: fin(out.weighted.objective),
    });
  }
  return { point, jobs: [], rows: () => [row] };
}

/**
 * Check a sweep spec (every grid point, ranges, precision) before any work: the points on success.
 *
 * Formula: not in the paper.
 * Method: `expandGrid` plus the checks of the measure's settings (trials, precision ε > 0, maxTrials,
 * cluster sizes, 4·max L ≤ discBs); an `ArgumentError` names the offending argument.
 * Accuracy: exact; test/reports/sweep.test.ts.
 * References: docs/sweep.md.
 *
 * @example
 * import { checkSweepSpec, defaultParams } from 'isacnet';
 * checkSweepSpec({ measure: 'comm', base: defaultParams(), grid: [{ key: 'psi', values: [5, 15] }], seed: 7, trials: 1000 }).length; // => 2
 */
export function checkSweepSpec(spec: SweepSpec): SweepPoint[] {
  if (!(SWEEP_MEASURES as readonly string[]).includes(spec.measure)) throw new ArgumentError('measure', spec.measure, `one of ${SWEEP_MEASURES.join(', ')}`);
  checkInteger('trials', spec.trials, 1, 1e10);
  checkInteger('seed', spec.seed, 0, Number.MAX_SAFE_INTEGER);
  if (spec.precision) {
    const { absolute, relative, maxTrials } = spec.precision;
    if (absolute === undefined && relative === undefined) throw new ArgumentError('precision', spec.precision, 'an absolute or a relative target');
    if (absolute !== undefined && !(Number.isFinite(absolute) && absolute > 0)) throw new ArgumentError('precision.absolute', absolute, 'a number > 0');
    if (relative !== undefined && !(Number.isFinite(relative) && relative > 0)) throw new ArgumentError('precision.relative', relative, 'a number > 0');
    checkInteger('precision.maxTrials', maxTrials, 1, 1e10);
  }
  spec.Ns?.forEach((N, i) => checkInteger(`Ns[${i}]`, N, spec.measure === 'localize' ? 2 : 1, 100000));
  if (spec.windows !== undefined) checkInteger('windows', spec.windows, 0, 1e7);
  if (spec.samplesPerWindow !== undefined) checkInteger('samplesPerWindow', spec.samplesPerWindow, 1, 1e5);
  if (spec.measure === 'optimize' && spec.optimize?.crlbModel === 'mc') checkInteger('windows', spec.optimize.windows ?? 200, 2, 1e7);
  const optimizeMc = spec.measure === 'optimize' && spec.optimize?.crlbModel === 'mc';
  if (spec.precision && ((spec.measure === 'comm' && commFull(spec)) || spec.measure === 'localize' || optimizeMc)) {
    throw new ArgumentError(
      'precision',
      spec.precision,
      spec.measure === 'localize'
        ? 'none with measure localize (fixed geometries × noise draws, as isacnet localize)'
        : optimizeMc
          ? 'none with measure optimize and crlbModel mc (fixed windows, as isacnet optimize)'
          : 'none with acceptance network, noise on or coverage thresholds (these run the whole isacnet comm report per point)',
    );
  }
  if (spec.measure === 'localize') {
    const o = spec.localize ?? {};
    if (o.geometries !== undefined) checkInteger('localize.geometries', o.geometries, 1, 1e8);
    if (o.noiseDraws !== undefined) checkInteger('localize.noiseDraws', o.noiseDraws, 1, 1e6);
  }
  spec.Ls?.forEach((L, i) => checkInteger(`Ls[${i}]`, L, 1, 1000));
  const discBs = spec.discBs ?? DEFAULT_DISC_BS;
  if (spec.measure === 'comm' && spec.Ls && 4 * Math.max(...spec.Ls) > discBs) throw new ArgumentError('discBs', discBs, `at least 4·max(L) = ${4 * Math.max(...spec.Ls)}`);
  return expandGrid(spec.base, spec.grid, spec.zip ?? false, spec.seed, spec.maxPoints ?? DEFAULT_MAX_POINTS);
}

function columnsOf(rows: readonly SweepRow[], grid: readonly SweepAxis[]): SweepColumn[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), names.push(k));
  const gridKeys = new Set(grid.map((a) => a.key as string));
  const params = new Set(['L', 'pc', 'N', 'seed', 'snr_db']);
  return names.map((name) => {
    const spec = PARAM_SPECS.find((s) => s.key === name);
    const unit = name.endsWith('_m2') ? 'm²' : name.endsWith('_nats_per_s_hz') ? 'nats/s/Hz' : name.endsWith('_m') ? 'm' : name.endsWith('_db') ? 'dB' : spec ? spec.unit : '';
    const role = gridKeys.has(name) || params.has(name) ? 'parameter' : 'result';
    const description = spec ? `${spec.symbol}: ${spec.description}` : name === 'seed' ? "the point's seed (pointSeed)" : name === 'trials' ? 'Monte Carlo trials of the row' : name;
    return { name, role, unit, description };
  });
}

/**
 * Run a sweep: every grid point's closed forms and Monte Carlo, chunk by chunk through
 * `runner.execute` (results kept in `runner.store` when given), to the precision target if set.
 *
 * Formula: at every point what `computeSensingReport`, `computeCommReport`, `runOptimize` or
 * `computeLocalizeReport` computes: Eqs. (6), (12)–(16) or Theorem 2, the exact rate and Eq. (9) by
 * Monte Carlo, Eq. (10)'s trade-off of arXiv:2403.20228, or the MLE/LS localization vs the CRLB
 * (beyond the paper). Jobs that need every sample (sensing network simulation, comm network/noise/
 * coverage, optimize mc, localize) run whole through `runner.runJob` (default `inlineRunner`).
 * Method: `checkSweepSpec`; per point the closed forms and one Monte Carlo job per (L, p^c) or one
 * nested CRLB job, run as chunk statistics tasks in batches (all points' batches together), merged
 * in chunk-index order; precision targets grow each job by a batch computed from its merged chunks.
 * Accuracy: closed forms and Monte Carlo means/CIs as the sub-commands (the mean from compensated
 * sums, ~1e-13 relative of theirs); medians within the DDSketch relative accuracy
 * `SWEEP_SKETCH_ACCURACY` = 0.001 of the sample median; identical results for any executor or
 * thread count (test/reports/sweep.test.ts).
 * References: docs/sweep.md.
 *
 * @example
 * import { runSweep, defaultParams, inlineChunkExecutor } from 'isacnet';
 * const r = await runSweep({ measure: 'comm', base: defaultParams(), grid: [{ key: 'psi', values: [5, 15] }], Ls: [1], seed: 7, trials: 1000, noMonteCarlo: true }, { execute: inlineChunkExecutor });
 * r.rows.map((q) => [q.psi, q.L, q.rate_exact_nats_per_s_hz]); // => [[5, 1, 1.8943308], [15, 1, 1.8943308]]
 */
export async function runSweep(spec: SweepSpec, runner: SweepRunner, onProgress?: (p: SweepProgress) => void): Promise<SweepResult> {
  const points = checkSweepSpec(spec);
  const plans: PointPlan[] = [];
  // optimize: points that differ in C_backhaul or e only share one rate envelope.
  const envelopes = new Map<string, RateEnvelope>();
  const runJob = runner.runJob ?? inlineRunner;
  for (const pt of points) {
    plans.push(
      spec.measure === 'comm' ? await planComm(pt, spec, runJob) : spec.measure === 'sensing' ? await planSensing(pt, spec, runJob) : spec.measure === 'localize' ? await planLocalize(pt, spec, runJob) : await planOptimize(pt, spec, envelopes, runJob),
    );
  }
  const jobs = plans.flatMap((p) => p.jobs);
  const counters: Counters = { fromStore: 0, computed: 0, planned: 0 };
  let pointsDone = 0;
  const emit = (): void => onProgress?.({ chunksDone: counters.fromStore + counters.computed, chunksPlanned: counters.planned, pointsDone, points: plans.length, chunksFromStore: counters.fromStore });
  const countDone = (): void => {
    pointsDone = plans.filter((p) => p.jobs.every((j) => j.done)).length;
    emit();
  };
  countDone();
  await runMcJobs(jobs, spec.precision, runner, counters, countDone, emit);
  const rows = plans.flatMap((p) => p.rows());
  return {
    measure: spec.measure,
    grid: spec.grid.map((a) => ({ key: a.key, values: [...a.values] })),
    zip: spec.zip ?? false,
    seed: spec.seed,
    points: points.map((p) => ({ index: p.index, values: p.values, seed: p.seed })),
    columns: columnsOf(rows, spec.grid),
    rows,
    medianRelativeAccuracy: SWEEP_SKETCH_ACCURACY,
    maxTrialsHit: jobs.filter((j) => j.hitMax).length,
    chunkSizes: spec.measure === 'comm' ? { typicalUser: TYPICAL_USER_CHUNK, rateCurve: RATE_CURVE_CHUNK } : spec.measure === 'sensing' ? { crlbNested: DEFAULT_CHUNK_SIZE } : {},
  };
}
