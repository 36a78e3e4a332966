/**
 * `isacnet sweep`: a grid over any model parameter (`--grid psi=5,15 --grid lambda-u=1,2,4`, or a
 * scenario file `--config sweep.yaml|json` with the grid as arrays), at every point what `isacnet
 * sensing|comm|optimize|localize` computes there, written to `--out` as sweep.csv, sweep.json and
 * sweep.svg/png. A thin shell over `runSweep` (src/reports/sweep.ts): it parses, checks everything
 * before any work, opens the result store (src/parallel/chunkStore.ts) and a worker pool, shows
 * progress and writes the files atomically.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Command, Option } from 'commander';
import { addParamOptions, addRunOptions, paramsFromOptions } from '../options.ts';
import { ArgumentError } from '../../math/argumentError.ts';
import { ParamError, describeRange, parseList } from '../../params/validate.ts';
import { ConfigError, LOCALIZE_N1_REASON, resolveRunOptions, type ConfigLayer, type RunOptionValues } from '../../params/runOptions.ts';
import { PARAM_SPECS, type ParamSpec } from '../../params/schema.ts';
import { packageInfo } from '../../params/packageInfo.ts';
import { provenance } from '../../params/provenance.ts';
import { defaultThreads } from '../../parallel/nodePool.ts';
import type { SweepAxis, SweepProgress, SweepResult, SweepSpec } from '../../reports/sweep.ts';

/** Keys of a scenario file that belong to the grid, not to the parameters or run options. */
const GRID_KEY = 'grid';

function specByName(name: string): ParamSpec | undefined {
  return PARAM_SPECS.find((s) => s.flag === name || s.key === name);
}

/** Read a JSON or YAML scenario file into a config layer (the grid taken out). */
export function loadSweepConfig(file: string, parseYaml?: (text: string) => unknown): { layer: ConfigLayer; grid: Record<string, unknown> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParamError(`--config: cannot read ${JSON.stringify(file)}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    if (/\.ya?ml$/i.test(file)) {
      if (!parseYaml) throw new Error('no YAML parser given');
      parsed = parseYaml(text);
    } else parsed = JSON.parse(text);
  } catch (e) {
    throw new ParamError(`--config: malformed ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'} in ${JSON.stringify(file)}: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ParamError(`--config: ${JSON.stringify(file)}: the top level must be an object`);
  const values = { ...(parsed as Record<string, unknown>) };
  const grid = values[GRID_KEY];
  delete values[GRID_KEY];
  if (grid !== undefined && (grid === null || typeof grid !== 'object' || Array.isArray(grid))) {
    throw new ParamError(`--config ${file}: grid must be an object of parameter → values (e.g. grid: { psi: [5, 15] }), got ${JSON.stringify(grid)}`);
  }
  return { layer: { file, values }, grid: (grid ?? {}) as Record<string, unknown> };
}

/** One `--grid name=values` flag or file entry as an axis (values in the list syntax of --N). */
export function parseGridAxis(name: string, values: unknown, where: string): SweepAxis {
  const spec = specByName(name.trim());
  if (!spec) throw new ParamError(`${where}: unknown grid parameter ${JSON.stringify(name)}; known: ${PARAM_SPECS.map((s) => s.flag).join(', ')}`);
  if (Array.isArray(values)) {
    values.forEach((v, i) => {
      if (typeof v !== 'number') throw new ParamError(`${where}: grid ${spec.flag}[${i}] must be a number, got ${JSON.stringify(v)}`);
    });
  } else if (typeof values !== 'string' && typeof values !== 'number') {
    throw new ParamError(`${where}: grid ${spec.flag} must be a list such as 5,15 or 1..20 or 0.1:0.9:0.1, got ${JSON.stringify(values)}`);
  }
  // Only the list syntax is checked here; the schema range is checked at every grid point
  // (expandGrid), so that an error names the point.
  try {
    return { key: spec.key, values: parseList(typeof values === 'number' ? String(values) : values, { key: spec.key, flag: spec.flag, min: -Number.MAX_VALUE, max: Number.MAX_VALUE }) };
  } catch (e) {
    if (e instanceof ArgumentError) throw new ParamError(`${where} ${spec.flag}: invalid value ${JSON.stringify(e.value)}; must be a list of numbers such as 5,15 or 1..20 or 0.1:0.9:0.1${/^in /.test(e.allowed) ? '' : ` (${e.allowed})`}`);
    throw e;
  }
}

function gridFromFlags(flags: readonly string[]): SweepAxis[] {
  return flags.map((g) => {
    const eq = g.indexOf('=');
    if (eq <= 0) throw new ParamError(`--grid: expected name=values (e.g. --grid psi=5,15), got ${JSON.stringify(g)}`);
    return parseGridAxis(g.slice(0, eq), g.slice(eq + 1), '--grid');
  });
}

/** The SweepSpec of resolved options (pure; exported for tests). */
export function sweepSpecOf(params: SweepSpec['base'], run: RunOptionValues['sweep'], grid: SweepAxis[]): SweepSpec {
  const base = { ...params };
  if (run.measure !== 'comm') {
    if (run.pc.length !== 1) throw new ParamError(`--pc: --measure ${run.measure} takes one value of p^c (or use --grid pc=…), got ${run.pc.length}`);
    base.pc = run.pc[0];
  }
  if (run.precision !== undefined && run.relPrecision !== undefined) throw new ParamError('--precision and --rel-precision: give one of them');
  const precision =
    run.precision !== undefined || run.relPrecision !== undefined
      ? { ...(run.precision !== undefined ? { absolute: run.precision } : {}), ...(run.relPrecision !== undefined ? { relative: run.relPrecision } : {}), maxTrials: run.maxTrials }
      : undefined;
  const spec: SweepSpec = {
    measure: run.measure,
    base,
    grid,
    zip: run.zip,
    seed: run.seed,
    trials: run.trials,
    noMonteCarlo: !run.mc,
    maxPoints: run.yes ? Number.MAX_SAFE_INTEGER : run.maxPoints,
  };
  const full = run.measure === 'comm' && (run.acceptance === 'network' || run.noise === 'on' || (run.coverage?.length ?? 0) > 0 || (run.coverageDb?.length ?? 0) > 0);
  const optimizeMc = run.measure === 'optimize' && run.crlbModel === 'mc';
  if (precision && run.mc && (full || run.measure === 'localize' || optimizeMc)) {
    const flag = run.precision !== undefined ? '--precision' : '--rel-precision';
    throw new ParamError(
      run.measure === 'localize'
        ? `${flag}: not available with --measure localize (a fixed number of --geometries × --noise-draws, as isacnet localize)`
        : optimizeMc
          ? `${flag}: not available with --measure optimize --crlb-model mc (a fixed number of --windows, as isacnet optimize)`
          : `${flag}: not available with --acceptance network, --noise on, --coverage or --coverage-db (each point runs the whole isacnet comm report with --trials)`,
    );
  }
  if (precision && run.mc && run.measure !== 'optimize') spec.precision = precision;
  if (run.measure === 'sensing') Object.assign(spec, { Ns: run.N, windows: run.windows, samplesPerWindow: run.samplesPerWindow });
  if (run.measure === 'comm') {
    Object.assign(spec, { Ls: run.L, pcs: run.pc, gains: run.gains, discBs: run.discBs, acceptance: run.acceptance, noise: run.noise });
    if (run.coverage?.length) spec.coverage = run.coverage;
    if (run.coverageDb?.length) spec.coverageDb = run.coverageDb;
  }
  if (run.measure === 'optimize') {
    if (run.crlbModel === 'mc' && run.windows < 2) throw new ParamError(`--windows: invalid value ${run.windows}; --crlb-model mc needs at least 2 network-simulation windows`);
    spec.optimize = { rateModel: run.rateModel, maxL: run.maxL, maxN: run.maxN, levels: run.levels, decades: run.decades, ...(run.weight !== undefined ? { weight: run.weight } : {}), crlbModel: run.crlbModel, windows: run.windows };
  }
  if (run.measure === 'localize') {
    const bad = run.N.find((N) => N < 2);
    if (bad !== undefined) throw new ParamError(`--N: invalid value ${bad}; --measure localize needs N ≥ 2 (${LOCALIZE_N1_REASON})`);
    Object.assign(spec, { Ns: run.N, localize: { snrDb: run.snrDb, geometries: run.geometries, noiseDraws: run.noiseDraws, outlierMultiple: run.outlierMultiple } });
  }
  return spec;
}

/** SHA-256 of what makes a sweep's numbers (the store belongs to it). */
export function sweepSpecHash(spec: SweepSpec, canonical: (v: unknown) => string): string {
  const { maxPoints: _m, ...rest } = spec;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

function csvOf(r: SweepResult): string {
  const cols = r.columns.map((c) => c.name);
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...r.rows.map((row) => cols.map((c) => cell(row[c])).join(','))].join('\n') + '\n';
}

/** The column plotted by default: the Monte Carlo estimate if any, else the first closed form. */
function defaultY(r: SweepResult): string | undefined {
  const names = r.columns.filter((c) => c.role === 'result').map((c) => c.name);
  const has = (n: string): boolean => names.includes(n) && r.rows.some((row) => typeof row[n] === 'number');
  const order =
    r.measure === 'comm'
      ? ['rate_mc_mean_nats_per_s_hz', 'rate_exact_nats_per_s_hz']
      : r.measure === 'sensing'
        ? ['crlb_mc_median_m2', 'crlb_prop1_m2']
        : r.measure === 'localize'
          ? ['mle_rmse_m', 'ls_rmse_m']
          : ['comm_corner_rate_nats_per_s_hz'];
  return order.find(has) ?? names.find(has);
}

export function registerSweepCommand(program: Command): void {
  const cmd = new Command('sweep').description('a grid over any parameter: at every point what sensing, comm, optimize or localize computes; sweep.csv/json/svg/png in --out, resumable');
  cmd.addOption(new Option('--grid <name=values>', 'a grid axis: a parameter flag and a list (5,15 | 1..20 | 0.1:0.9:0.1); repeat for more axes').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]));
  addRunOptions(cmd, 'sweep');
  addParamOptions(cmd, { except: ['pc'], configHelp: 'scenario file (JSON or YAML): parameters, run options and grid: { name: [values] }; flags override it' });
  cmd.action(async (opts: Record<string, unknown>) => {
    const t0 = Date.now();
    // 1. Everything is parsed and checked before any work starts.
    // YAML is loaded on demand (only sweeps read it).
    const parseYaml = typeof opts.config === 'string' && /\.ya?ml$/i.test(opts.config) ? (await import('yaml')).parse : undefined;
    const file = typeof opts.config === 'string' ? loadSweepConfig(opts.config, parseYaml) : undefined;
    const params = paramsFromOptions(opts, file?.layer, ['pc']);
    const flagKeys = ['measure', 'zip', 'N', 'L', 'pc', 'trials', 'seed', 'mc', 'precision', 'relPrecision', 'maxTrials', 'windows', 'samplesPerWindow', 'gains', 'discBs', 'acceptance', 'coverage', 'noise', 'coverageDb', 'rateModel', 'crlbModel', 'snrDb', 'geometries', 'noiseDraws', 'outlierMultiple', 'weight', 'maxL', 'maxN', 'levels', 'decades', 'out', 'store', 'maxPoints', 'yes', 'progress', 'threads', 'queue'];
    const flags: Record<string, unknown> = Object.fromEntries(flagKeys.map((k) => [k, opts[k]]));
    // commander sets `mc: true` for a negatable flag that was not given: only --no-mc counts.
    if (flags.mc === true) delete flags.mc;
    const run = resolveRunOptions('sweep', file?.layer, flags, { cores: defaultThreads() });
    // --measure localize: N defaults to isacnet localize's 4,6,10 (the sweep's default list starts at N = 1).
    if (run.measure === 'localize' && flags.N === undefined && !(file && 'N' in file.layer.values)) run.N = [4, 6, 10];
    if (!run.out) throw new ParamError('--out <dir> is required (the folder of sweep.csv, sweep.json, sweep.svg, sweep.png)');
    const axes = new Map<string, SweepAxis>();
    for (const [name, values] of Object.entries(file?.grid ?? {})) {
      const a = parseGridAxis(name, values, `--config ${file?.layer.file}`);
      axes.set(a.key, a);
    }
    for (const a of gridFromFlags((opts.grid as string[] | undefined) ?? [])) axes.set(a.key, a);
    if (axes.size === 0) throw new ParamError('--grid: no grid axis; give at least one, e.g. --grid psi=5,15 (or grid: { psi: [5, 15] } in --config)');
    const { runSweep, checkSweepSpec, SWEEP_FORMAT_VERSION } = await import('../../reports/sweep.ts');
    const { canonicalJsonOf } = await import('../../registry/chunkStats.ts');
    const spec = sweepSpecOf(params, run, [...axes.values()]);
    let points: ReturnType<typeof checkSweepSpec>;
    try {
      points = checkSweepSpec(spec);
    } catch (e) {
      if (e instanceof ArgumentError && e.argument === 'grid' && typeof e.value === 'number') throw new ParamError(`--grid: ${e.value} points exceed --max-points ${run.maxPoints}; raise --max-points or confirm with --yes`);
      if (e instanceof ArgumentError && e.argument.startsWith('grid.')) {
        const key = e.argument.slice(5);
        const s = specByName(key);
        const range = s ? `allowed range is ${describeRange(s)}` : `must be ${e.allowed}`;
        throw new ParamError(`--grid ${s?.flag ?? key}: invalid value ${JSON.stringify(e.value)}${e.detail ? ` ${e.detail}` : ''}; ${Array.isArray(e.value) ? `must be ${e.allowed}` : range}`);
      }
      throw e;
    }
    const out = path.resolve(run.out);
    const storeDir = path.resolve(run.store ?? path.join(run.out, 'store'));
    const { name: tool, version } = packageInfo();
    const specHash = sweepSpecHash(spec, canonicalJsonOf);
    // With --queue the chunk statistics tasks go to `isacnet worker` processes (docs/scale-out.md);
    // the connection is checked here, before any work (an unreachable queue exits 2 naming --queue).
    let queue: import('../../parallel/taskQueue.ts').TaskQueue | undefined;
    if (run.queue !== undefined) {
      const { openTaskQueue } = await import('../../parallel/taskQueue.ts');
      const { chunkQueueName } = await import('../../registry/queueTasks.ts');
      queue = await openTaskQueue(run.queue, { name: chunkQueueName(version) });
    }
    const { FileChunkStore } = await import('../../parallel/chunkStore.ts');
    const meta = { tool, format: SWEEP_FORMAT_VERSION, specHash, description: { version, measure: spec.measure, grid: spec.grid } };
    try {
      FileChunkStore.check(storeDir, meta);
    } catch (e) {
      await queue?.close();
      throw e;
    }
    // 2. The work.
    const store = FileChunkStore.open<import('../../registry/chunkStats.ts').ChunkStatsResult>(storeDir, meta);
    const { createWorkerPool } = await import('../../registry/nodePool.ts');
    const { poolChunkExecutor } = await import('../../registry/poolExecutor.ts');
    const pool = createWorkerPool(run.threads);
    const progress = await progressSink(run.progress, points.length);
    let result: SweepResult;
    let jobsCounts = { fromStore: 0, computed: 0 };
    let last: SweepProgress | null = null;
    try {
      const { createQueueChunkExecutor } = await import('../../registry/queueTasks.ts');
      const execute = queue ? createQueueChunkExecutor(queue) : poolChunkExecutor(pool);
      // Jobs that need every sample (network simulations, localize) go through the same pool or queue.
      const { createQueueJobRunner } = await import('../../registry/queueTasks.ts');
      const innerJob: import('../../parallel/job.ts').JobRunner = queue ? createQueueJobRunner(queue) : (job, onProgress) => pool.run(job, onProgress);
      // Their samples are kept in the store too (store/jobs/<key>.f64): a rerun recomputes none.
      const { cachedJobRunner } = await import('../../parallel/jobCache.ts');
      const jobCache = cachedJobRunner(innerJob, path.join(storeDir, 'jobs'));
      jobsCounts = jobCache.counts;
      result = await runSweep(spec, { execute, store, runJob: jobCache.run }, (p) => {
        last = p;
        progress.update(p);
      });
    } finally {
      progress.stop();
      await pool.close();
      await queue?.close();
      store.close();
    }
    // 3. The files (atomic: a temporary sibling renamed into place).
    const { writeFileAtomic } = await import('../../figures/io.ts');
    const { renderSvg, svgToPng } = await import('../../figures/render.ts');
    const { sweepPlotSpec, bandColumns } = await import('../../figures/sweepSpec.ts');
    // Where chunks ran (threads, a queue URL that may hold a password) never enters the provenance.
    const runHashed = { ...run, threads: undefined, progress: undefined, out: undefined, store: undefined, yes: undefined, queue: undefined };
    const prov = provenance('sweep', spec.base, { ...runHashed, grid: spec.grid }, result.chunkSizes);
    const json = { ...result, provenance: prov };
    const files: string[] = [];
    writeFileAtomic(path.join(out, 'sweep.csv'), csvOf(result));
    writeFileAtomic(path.join(out, 'sweep.json'), JSON.stringify(json, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2) + '\n');
    files.push('sweep.csv', 'sweep.json');
    const y = defaultY(result);
    if (y) {
      const x = spec.grid[0].key;
      const series = result.columns.filter((c) => c.role === 'parameter' && c.name !== x && c.name !== 'seed').map((c) => c.name);
      const band = bandColumns(result.columns.map((c) => c.name), y);
      const svg = await renderSvg(sweepPlotSpec(result.rows, { x, y, series, ...(band ? { band } : {}), title: `isacnet sweep --measure ${spec.measure}: ${y} vs ${x}`, logY: y.endsWith('_m2') }));
      writeFileAtomic(path.join(out, 'sweep.svg'), svg);
      writeFileAtomic(path.join(out, 'sweep.png'), svgToPng(svg));
      files.push('sweep.svg', 'sweep.png');
    }
    const p = last as SweepProgress | null;
    const summary = {
      out,
      files,
      points: result.points.length,
      rows: result.rows.length,
      chunksComputed: p ? p.chunksDone - p.chunksFromStore : 0,
      chunksFromStore: p ? p.chunksFromStore : 0,
      // Whole-sample jobs (network simulations, localize, …), kept in store/jobs.
      jobsComputed: jobsCounts.computed,
      jobsFromStore: jobsCounts.fromStore,
      maxTrialsHit: result.maxTrialsHit,
      medianRelativeAccuracy: result.medianRelativeAccuracy,
      elapsedSeconds: (Date.now() - t0) / 1000,
    };
    if (run.progress === 'jsonl') process.stdout.write(JSON.stringify({ type: 'done', ...summary }) + '\n');
    else {
      process.stderr.write(
        `isacnet sweep: ${summary.points} points, ${summary.rows} rows → ${path.join(run.out, 'sweep.csv')} (+ ${files.slice(1).join(', ')}); ` +
          `${summary.chunksComputed} chunks computed, ${summary.chunksFromStore} from the store ${storeDir}` +
          (summary.jobsComputed + summary.jobsFromStore > 0 ? `, ${summary.jobsComputed} whole-sample jobs computed, ${summary.jobsFromStore} from the store` : '') +
          `; ${summary.elapsedSeconds.toFixed(1)} s\n`,
      );
      if (result.maxTrialsHit > 0) process.stderr.write(`isacnet sweep: ${result.maxTrialsHit} Monte Carlo jobs stopped at --max-trials ${run.maxTrials} before meeting the precision target (column max_trials_hit)\n`);
    }
  });
  program.addCommand(cmd);
}

interface ProgressSinkLike {
  update(p: SweepProgress): void;
  stop(): void;
}

async function progressSink(mode: RunOptionValues['sweep']['progress'], points: number): Promise<ProgressSinkLike> {
  if (mode === 'jsonl') {
    let lastAt = 0;
    let pending: SweepProgress | null = null;
    const write = (p: SweepProgress): void => {
      process.stdout.write(JSON.stringify({ type: 'progress', ...p }) + '\n');
      lastAt = Date.now();
      pending = null;
    };
    return {
      update(p) {
        pending = p;
        if (Date.now() - lastAt >= 200) write(p);
      },
      stop() {
        if (pending) write(pending);
      },
    };
  }
  const tty = mode === 'bar' && Boolean(process.stderr.isTTY) && !process.env.CI;
  if (!tty) return { update() {}, stop() {} };
  const cliProgress = (await import('cli-progress')).default;
  const bar = new cliProgress.SingleBar(
    { format: 'sweep [{bar}] {percentage}% | points {pointsDone}/{points} | chunks {value}/{total} | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { pointsDone: 0, points });
  return {
    update(p) {
      bar.setTotal(Math.max(1, p.chunksPlanned));
      bar.update(p.chunksDone, { pointsDone: p.pointsDone, points: p.points });
    },
    stop() {
      bar.stop();
    },
  };
}

export { ConfigError };
