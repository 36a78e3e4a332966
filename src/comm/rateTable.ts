/**
 * Closed-form rates as a job: `comm.rateTable` evaluates the exact R_c and Theorem 2 (with the
 * corrected or the printed H1) at a list of rate models, so a figure can spread hundreds of
 * quadratures over the worker pool like any Monte Carlo job. Deterministic: no random number is
 * drawn; chunk c holds the models [c·k, c·k + count) for k = `modelsPerChunk`, which is why the kernel
 * reads its chunk index. Same values as calling `rateExact` / `rateTheorem2` in the main thread, on any
 * thread count (test/comm/rateTable.test.ts).
 *
 * Record: one double per (model, form), models in order, forms in the order asked.
 */
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import type { MonteCarloJob } from '../parallel/jobTypes.ts';
import { ArgumentError, UnknownArgumentError } from '../math/argumentError.ts';
import { rateExact } from './exactRate.ts';
import { rateTheorem2 } from './theorem2.ts';
import { validateRateModel, type CoMPRateParams } from './rateModel.ts';

/** Registry name of the closed-form table kernel. */
export const RATE_TABLE_KERNEL = 'comm.rateTable';

/** The closed forms the table can hold. */
export type RateForm = 'exact' | 'thm2' | 'thm2PrintedH1';
const FORMS: readonly RateForm[] = ['exact', 'thm2', 'thm2PrintedH1'];

export interface RateTableArgs {
  /** Rate models (each checked by `validateRateModel`). */
  models: CoMPRateParams[];
  /** Closed forms per model, in record order. */
  forms: RateForm[];
  /** Models per chunk: the job's chunk size. */
  modelsPerChunk: number;
}

function parseRateTableArgs(raw: KernelArgs): RateTableArgs {
  const known = new Set(['models', 'forms', 'modelsPerChunk']);
  for (const k of Object.keys(raw)) if (!known.has(k)) throw new UnknownArgumentError(k, raw[k], [...known]);
  const models = raw.models;
  if (!Array.isArray(models) || models.length < 1) throw new ArgumentError('models', models, 'a non-empty array of rate models { L, pc, kappaC, alpha, mt }');
  const forms = raw.forms;
  if (!Array.isArray(forms) || forms.length < 1 || !forms.every((f) => FORMS.includes(f as RateForm))) throw new ArgumentError('forms', forms, `a non-empty array of ${FORMS.join(', ')}`);
  const k = raw.modelsPerChunk;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new ArgumentError('modelsPerChunk', k, 'an integer ≥ 1');
  return { models: (models as CoMPRateParams[]).map((m) => validateRateModel(m)), forms: forms as RateForm[], modelsPerChunk: k };
}

/**
 * One closed form of R_c at one rate model, by name.
 *
 * Formula: 'exact': R_c of Eqs. (8)–(9) of arXiv:2403.20228 (`rateExact`); 'thm2': Theorem 2 with the
 * corrected H1; 'thm2PrintedH1': Theorem 2 as printed (`rateTheorem2`, h1Variant 'printed').
 * Method: dispatch to those functions.
 * Accuracy: theirs (1e-6 relative target of src/comm/rateQuadrature.ts).
 * References: src/comm/exactRate.ts, src/comm/theorem2.ts.
 *
 * @example
 * import { closedFormRate } from 'isacnet';
 * closedFormRate({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }, 'thm2'); // => 2.74280245
 */
export function closedFormRate(model: CoMPRateParams, form: RateForm): number {
  return form === 'exact' ? rateExact(model) : rateTheorem2(model, form === 'thm2PrintedH1' ? { h1Variant: 'printed' } : {});
}

function simulateRateTable(args: RateTableArgs, _rng: unknown, count: number, chunkIndex: number): Float64Array {
  const width = args.forms.length;
  const out = new Float64Array(count * width);
  const first = chunkIndex * args.modelsPerChunk;
  if (first + count > args.models.length) throw new ArgumentError('count', count, `at most ${args.models.length - first} models from model ${first} (the table has ${args.models.length})`);
  for (let i = 0; i < count; i++) {
    const model = args.models[first + i]!;
    for (let f = 0; f < width; f++) out[i * width + f] = closedFormRate(model, args.forms[f]!);
  }
  return out;
}

/**
 * The `comm.rateTable` kernel (module comment): closed-form rates of a list of models, chunk by chunk.
 *
 * Formula: R_c of Eqs. (8)–(9) of arXiv:2403.20228 exactly (`rateExact`) and by Theorem 2 (`rateTheorem2`,
 * corrected or printed H1).
 * Method: the quadratures of src/comm/rateQuadrature.ts, one model after the other in each chunk; no
 * random numbers.
 * Accuracy: the values of `rateExact` and `rateTheorem2`, bit for bit (test/comm/rateTable.test.ts).
 * References: src/comm/exactRate.ts, src/comm/theorem2.ts.
 *
 * @example
 * import { rateTableJob, runJobSync, rateExact } from 'isacnet';
 * const models = [1, 2, 3].map((L) => ({ L, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }));
 * const rec = runJobSync(rateTableJob(models, ['exact'], 2));
 * rec[1] === rateExact(models[1]); // => true
 */
export const rateTableKernel = defineKernel<RateTableArgs>({ name: RATE_TABLE_KERNEL, parseArgs: parseRateTableArgs, simulate: simulateRateTable });

/**
 * A `comm.rateTable` job over `models` (chunks of `modelsPerChunk`, default 8, about 10–20 ms of work
 * each): records `forms.length` doubles per model.
 *
 * Formula: the closed forms of `rateTableKernel` (Eqs. (8)–(9) and Theorem 2 of arXiv:2403.20228).
 * Method: trials = number of models, chunk size = `modelsPerChunk`; the seed is fixed (0: nothing is random).
 * Accuracy: as `rateTableKernel`.
 * References: src/comm/rateTable.ts (module comment).
 *
 * @example
 * import { rateTableJob } from 'isacnet';
 * const job = rateTableJob([{ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }], ['exact', 'thm2']);
 * [job.kernel, job.trials, job.chunkSize]; // => ["comm.rateTable", 1, 8]
 */
export function rateTableJob(models: CoMPRateParams[], forms: RateForm[], modelsPerChunk = 8): MonteCarloJob {
  return rateTableKernel.job({ models: models.map((m) => ({ ...m })), forms, modelsPerChunk }, models.length, 0, modelsPerChunk);
}

/** Lookup key of a rate model (every field that changes a closed form). */
function modelKey(m: CoMPRateParams): string {
  return `${m.L}|${m.pc}|${m.kappaC}|${m.alpha}|${m.mt}|${m.noise ?? 0}`;
}

/**
 * The records of a `comm.rateTable` job, looked up by model: `get(model, form)` is the value the job
 * computed for an equal model (same L, p^c, κ_c, α, M_t, noise), or undefined when the table does
 * not hold it.
 *
 * Formula: not in the paper (a lookup of the closed forms of Eqs. (8)–(9) and Theorem 2 of arXiv:2403.20228).
 * Method: a Map from the model's fields to its row.
 * Accuracy: exact (the job's values).
 * References: src/comm/rateTable.ts (module comment).
 *
 * @example
 * import { RateTableValues, rateTableJob, runJobSync } from 'isacnet';
 * const models = [{ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }];
 * const t = new RateTableValues(models, ['thm2'], runJobSync(rateTableJob(models, ['thm2'])));
 * t.get({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }, 'thm2'); // => 2.74280245
 * t.get({ L: 3, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 }, 'thm2'); // => undefined
 */
export class RateTableValues {
  private readonly rows = new Map<string, number>();
  constructor(
    models: CoMPRateParams[],
    readonly forms: RateForm[],
    private readonly records: Float64Array,
  ) {
    if (records.length !== models.length * forms.length) throw new ArgumentError('records', records.length, `${models.length * forms.length} values (${models.length} models × ${forms.length} forms)`);
    models.forEach((m, i) => this.rows.set(modelKey(m), i));
  }

  get(model: CoMPRateParams, form: RateForm): number | undefined {
    const row = this.rows.get(modelKey(model));
    const f = this.forms.indexOf(form);
    return row === undefined || f < 0 ? undefined : this.records[row * this.forms.length + f];
  }
}
