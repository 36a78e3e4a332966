/**
 * Monte Carlo time-to-accuracy (`npm run bench -- mc`, issue 11), case 4: nested CRLB N = 1…50,
 * β = 2, relative 95% CI half-width 0.5% of the mean at N = 10 (finite variance for N ≥ 6), for
 * isacnet (sensing.crlbNested, one thread and the worker pool; plain, and with the control variates
 * of src/sensing/crlbControl.ts: pilot + controlled main run) and the numpy peer
 * bench/peers/crlb_numpy.py (skipped with a message without python3/numpy). Time-to-accuracy is
 * extrapolated from one fixed-size run: T × (h_measured/h_target)² (plus the pilot's time for the
 * controlled estimate). Timings are under load.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/math/rng.ts';
import { simulateCrlbNested, crlbNestedKernel, fitCrlbPilot } from '../src/sensing/crlbMonteCarlo.ts';
import { crlbControlEstimates } from '../src/sensing/crlbControl.ts';
import { createWorkerPool, defaultThreads } from '../src/registry/nodePool.ts';
import { selectRanks } from '../src/math/selectRanks.ts';
import { medianCi95Ranks } from '../src/math/stats.ts';
import { transcendentalCost } from './lib/cost.ts';

const CHUNK = 4096;
const H_REL = 0.005;
const Ns = Array.from({ length: 50 }, (_, i) => i + 1);

function stats(rec: Float64Array, n: number): { mean: number; sd: number; med2: number; med3: number } {
  let s1 = 0;
  let s2 = 0;
  const a2 = new Float64Array(n);
  const a3 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = rec[i * 50 + 9]!;
    s1 += x;
    s2 += x * x;
    a2[i] = rec[i * 50 + 1]!;
    a3[i] = rec[i * 50 + 2]!;
  }
  a2.sort();
  a3.sort();
  const mean = s1 / n;
  return { mean, sd: Math.sqrt(Math.max(s2 / n - mean * mean, 0) * (n / (n - 1))), med2: a2[n >> 1]!, med3: a3[n >> 1]! };
}

function tta(seconds: number, mean: number, sd: number, n: number): number {
  const h = (1.96 * sd) / Math.sqrt(n) / mean;
  return seconds * (h / H_REL) ** 2;
}

export async function run(): Promise<void> {
  const chunks = 50;
  const n = chunks * CHUNK;
  const args = { Ns, beta: 2 };
  simulateCrlbNested(args, new Rng(9), CHUNK); // warm-up
  const rec = new Float64Array(n * 50);
  const t0 = performance.now();
  for (let c = 0; c < chunks; c++) rec.set(simulateCrlbNested(args, new Rng(1, c), CHUNK), c * CHUNK * 50);
  const sec = (performance.now() - t0) / 1000;
  const me = stats(rec, n);
  const tMe = tta(sec, me.mean, me.sd, n);
  console.log('case 4: CRLB curve N = 1…50, β = 2, relative half-width 0.5% at N = 10 (target ≥ 3×); under load');
  const cost = transcendentalCost();
  const nsPerBs = (sec * 1e9) / (n * 50);
  console.log(`  Math.log ${cost.logNs.toFixed(1)} ns, Math.pow(x, −1.5) ${cost.powNs.toFixed(1)} ns per call (loop overhead ${cost.loopNs.toFixed(1)} ns subtracted)`);
  console.log(`  isacnet 1 thread: ${n} geometries in ${sec.toFixed(2)} s (${(n / sec / 1e3).toFixed(0)}k/s, ${nsPerBs.toFixed(1)} ns per BS ≈ ${(nsPerBs / cost.logNs).toFixed(1)} Math.log), mean(10) ${me.mean.toFixed(4)}, time-to-accuracy ${tMe.toFixed(2)} s; medians N = 2, 3: ${me.med2.toFixed(4)}, ${me.med3.toFixed(4)}`);
  // The summary's order statistics (median, its CI, the Hill top block) of one column: full sort vs selectRanks.
  const col = new Float64Array(n);
  for (let i = 0; i < n; i++) col[i] = rec[i * 50 + 9]!;
  const mid = Math.floor((n - 1) / 2);
  const ranks = [mid, mid + 1, ...medianCi95Ranks(n)];
  const topFrom = n - Math.floor(n / 1000) - 11;
  selectRanks(col, ranks, topFrom); // warm-up (the summaries call it once per N)
  let tSort = Infinity;
  let tSel = Infinity;
  let same = true;
  for (let r = 0; r < 3; r++) {
    const tS = performance.now();
    const full = Float64Array.from(col).sort();
    const tQ = performance.now();
    const sel = selectRanks(col, ranks, topFrom);
    const tE = performance.now();
    tSort = Math.min(tSort, tQ - tS);
    tSel = Math.min(tSel, tE - tQ);
    same &&= full[mid] === sel[mid] && full[n - 1] === sel[n - 1];
  }
  console.log(`  order statistics of one column (${n} samples, best of 3): full sort ${tSort.toFixed(1)} ms, selectRanks ${tSel.toFixed(1)} ms (same values: ${same ? 'yes' : 'NO'})`);
  // Control variates: a pilot of 4096 geometries on its own stream fits β(N) for N ≥ 6, then the
  // same 50 chunks with output 'control' (the CRLB columns are the same numbers as above).
  // warmed like the plain kernel (one pilot and one controlled chunk, other seed; a sweep runs them
  // many times in one process); the cold first pilot is timed and printed
  const tCold = performance.now();
  const coldCoefficients = fitCrlbPilot(args, 99);
  const coldPilot = (performance.now() - tCold) / 1000;
  simulateCrlbNested({ ...args, output: 'control', coefficients: coldCoefficients }, new Rng(99), CHUNK);
  console.log(`  first (cold) pilot of the process: ${coldPilot.toFixed(2)} s; the runs below are timed warm, plain and controlled alike`);
  const tp = performance.now();
  const coefficients = fitCrlbPilot(args, 1);
  const secPilot = (performance.now() - tp) / 1000;
  const cvArgs = { ...args, output: 'control' as const, coefficients };
  const recCv = new Float64Array(n * 100);
  const tc = performance.now();
  for (let c = 0; c < chunks; c++) recCv.set(simulateCrlbNested(cvArgs, new Rng(1, c), CHUNK), c * CHUNK * 100);
  const secCv = (performance.now() - tc) / 1000;
  const est = crlbControlEstimates(recCv, Ns);
  const e10 = est.find((e) => e.N === 10)!;
  const hCv = e10.controlledHalfWidth / e10.controlledMean;
  const tCv = secPilot + secCv * (hCv / H_REL) ** 2;
  const vrfs = est.map((e) => e.varianceReduction);
  console.log(`  isacnet with control variates, 1 thread: pilot ${secPilot.toFixed(2)} s + ${n} geometries in ${secCv.toFixed(2)} s (${(n / secCv / 1e3).toFixed(0)}k/s); N = 10: ${e10.controlledMean.toFixed(5)} ± ${e10.controlledHalfWidth.toFixed(5)} (plain ${e10.plainMean.toFixed(5)} ± ${e10.plainHalfWidth.toFixed(5)}), VRF ${e10.varianceReduction.toFixed(1)} (N = 6…50: ${Math.min(...vrfs).toFixed(1)}–${Math.max(...vrfs).toFixed(1)}; N = 6, 20, 50: ${[6, 20, 50].map((N) => est.find((e) => e.N === N)!.varianceReduction.toFixed(1)).join(', ')}) → time-to-accuracy ${tCv.toFixed(2)} s (pilot + extrapolated main)`);
  const threads = defaultThreads();
  // alwaysUseThreads, and a warm-up job of both outputs first: the workers' start-up (≈ 1 s under tsx,
  // each compiles the registry) and cold JIT are paid once per pool, not per job (a sweep reuses the pool).
  const pool = createWorkerPool(threads, true);
  let tCvAll = NaN;
  try {
    const tw = performance.now();
    await pool.run(crlbNestedKernel.job(args, 4 * CHUNK, 99, CHUNK));
    await pool.run(crlbNestedKernel.job(cvArgs, 4 * CHUNK, 99, CHUNK));
    console.log(`  worker pool warm-up (start-up and JIT, 2 × 4 chunks): ${((performance.now() - tw) / 1000).toFixed(2)} s`);
    const t1 = performance.now();
    const all = await pool.run(crlbNestedKernel.job(args, n, 1, CHUNK));
    const secAll = (performance.now() - t1) / 1000;
    console.log(`  isacnet ${threads} threads: ${secAll.toFixed(2)} s, time-to-accuracy ${tta(secAll, me.mean, me.sd, n).toFixed(2)} s (same records as 1 thread: ${Buffer.from(all.buffer).equals(Buffer.from(rec.buffer)) ? 'yes' : 'NO'})`);
    const t2 = performance.now();
    const allCv = await pool.run(crlbNestedKernel.job(cvArgs, n, 1, CHUNK));
    const secCvAll = (performance.now() - t2) / 1000;
    tCvAll = secPilot + secCvAll * (hCv / H_REL) ** 2;
    console.log(`  isacnet with control variates, ${threads} threads: main ${secCvAll.toFixed(2)} s, time-to-accuracy ${tCvAll.toFixed(2)} s (pilot on the main thread; same records as 1 thread: ${Buffer.from(allCv.buffer).equals(Buffer.from(recCv.buffer)) ? 'yes' : 'NO'}; the pool copies every record back)`);
  } finally {
    await pool.close();
  }
  const script = fileURLToPath(new URL('./peers/crlb_numpy.py', import.meta.url));
  const r = spawnSync('python3', [script, JSON.stringify({ nmax: 50, beta: 2, trials: n, seed: 1 })], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
  if (r.error || r.status !== 0) {
    console.log(`  numpy peer skipped: ${r.error?.message ?? r.stderr.trim().split('\n').pop() ?? ''}`);
    return;
  }
  const p = JSON.parse(r.stdout) as { seconds: number; trials: number; mean10: number; sd10: number; median2: number; median3: number };
  const tP = tta(p.seconds, p.mean10, p.sd10, p.trials);
  console.log(`  numpy: ${p.trials} geometries in ${p.seconds.toFixed(2)} s, mean(10) ${p.mean10.toFixed(4)}, time-to-accuracy ${tP.toFixed(2)} s; medians N = 2, 3: ${p.median2.toFixed(4)}, ${p.median3.toFixed(4)}`);
  console.log(`  ratio time-to-accuracy(numpy)/time-to-accuracy(isacnet plain), one thread each = ${(tP / tMe).toFixed(2)}×`);
  console.log(`  ratio time-to-accuracy(numpy)/time-to-accuracy(isacnet with control variates), one thread each = ${(tP / tCv).toFixed(2)}× (target ≥ 3×: ${tP / tCv >= 3 ? 'met' : 'NOT met'}); against isacnet controlled on ${threads} threads ${(tP / tCvAll).toFixed(2)}×`);
}
