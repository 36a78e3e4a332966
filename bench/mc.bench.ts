/**
 * Monte Carlo time-to-accuracy (`npm run bench -- mc`, issue 11), communication cases:
 *  1. rate curve L = 1…20, p^c = 0.5, paper defaults (α = 4, M_t = 4, κ_c = kappaCPrinted(15, 1, L),
 *     U = 100 explicit BSs), target 95% CI half-width 0.005 nats at EVERY L;
 *  2. rate at L = 4 only, same parameters, half-width 0.005.
 * For isacnet (kernel comm.rateCurve, one thread, in-process chunks of 4096 with streams (seed, c))
 * and the numpy peer bench/peers/mc_numpy.py (skipped with a message without python3/numpy).
 *
 * Time-to-accuracy is EXTRAPOLATED from one fixed-size run: T × (h_measured/h_target)², h the
 * largest half-width over the requested L (the CI half-width falls like 1/√n, the time grows like n).
 * Also printed: users per second and the cost of Math.log / Math.pow per call measured in the same run.
 * The machine is shared (2 cores, other engineers' jobs): timings are under load.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/math/rng.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
import { transcendentalCost } from './lib/cost.ts';
import { simulateRateCurve, rateCurveKernel, fitRateCurvePilot, type RateCurveArgs } from '../src/comm/rateCurve.ts';
import { rateCurveEstimates } from '../src/comm/rateCurveControl.ts';
import { createWorkerPool, defaultThreads, type WorkerPool } from '../src/registry/nodePool.ts';

const CHUNK = 4096;
const H_TARGET = 0.005;

interface Run {
  seconds: number;
  trials: number;
  mean: number[];
  sd: number[];
}

function runIsacnet(args: RateCurveArgs, chunks: number, seed: number): Run {
  const nL = args.Ls.length;
  const s1 = new Float64Array(nL);
  const s2 = new Float64Array(nL);
  const t0 = performance.now();
  for (let c = 0; c < chunks; c++) {
    const rec = simulateRateCurve(args, new Rng(seed, c), CHUNK);
    for (let i = 0; i < CHUNK; i++) {
      for (let j = 0; j < nL; j++) {
        const x = rec[i * nL + j]!;
        s1[j]! += x;
        s2[j]! += x * x;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = chunks * CHUNK;
  const mean = Array.from(s1, (s) => s / n);
  const sd = mean.map((m, j) => Math.sqrt(Math.max(s2[j]! / n - m * m, 0) * (n / (n - 1))));
  return { seconds, trials: n, mean, sd };
}

/** The same job through the worker pool (all threads; records byte-identical to one thread). */
async function runPool(pool: WorkerPool, args: RateCurveArgs, chunks: number, seed: number): Promise<Run> {
  const nL = args.Ls.length;
  const t0 = performance.now();
  const rec = await pool.run(rateCurveKernel.job(args, chunks * CHUNK, seed, CHUNK));
  const seconds = (performance.now() - t0) / 1000;
  const n = rec.length / nL;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let j = 0; j < nL; j++) {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = rec[i * nL + j]!;
      s1 += x;
      s2 += x * x;
    }
    const m = s1 / n;
    mean.push(m);
    sd.push(Math.sqrt(Math.max(s2 / n - m * m, 0) * (n / (n - 1))));
  }
  return { seconds, trials: n, mean, sd };
}

/**
 * isacnet with the control variates of src/comm/rateCurveControl.ts: a pilot of 2000 trials on its
 * own stream fits the coefficients (its time is counted), then the main chunks record rate and control.
 */
function runControlled(args: RateCurveArgs, chunks: number, seed: number): { pilotSeconds: number; seconds: number; trials: number; h: number; vrf: number[]; mean: number[] } {
  const nL = args.Ls.length;
  const t0 = performance.now();
  const coefficients = fitRateCurvePilot(args, seed);
  const t1 = performance.now();
  const all = new Float64Array(chunks * CHUNK * 2 * nL);
  for (let c = 0; c < chunks; c++) all.set(simulateRateCurve({ ...args, output: 'control', coefficients }, new Rng(seed, c), CHUNK), c * CHUNK * 2 * nL);
  const est = rateCurveEstimates(all, nL);
  const t2 = performance.now();
  return {
    pilotSeconds: (t1 - t0) / 1000,
    seconds: (t2 - t1) / 1000,
    trials: chunks * CHUNK,
    h: Math.max(...est.map((e) => e.controlledHalfWidth)),
    vrf: est.map((e) => e.varianceReduction),
    mean: est.map((e) => e.controlledMean),
  };
}

function runPeer(args: RateCurveArgs, trials: number, seed: number): Run | string {
  const script = fileURLToPath(new URL('./peers/mc_numpy.py', import.meta.url));
  const r = spawnSync('python3', [script, JSON.stringify({ ...args, trials, seed })], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `peer failed (python3 with numpy missing?): ${r.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(r.stdout) as Run;
}

/** Time-to-accuracy extrapolated from a fixed-size run, and the worst half-width. */
function tta(r: Run): { h: number; seconds: number } {
  const h = Math.max(...r.sd.map((s) => (1.96 * s) / Math.sqrt(r.trials)));
  return { h, seconds: r.seconds * (h / H_TARGET) ** 2 };
}

export async function run(): Promise<void> {
  const Ls = Array.from({ length: 20 }, (_, i) => i + 1);
  const curve: RateCurveArgs = { Ls, kappaC: Ls.map((L) => kappaCPrinted(15, 1, L)), pc: 0.5, alpha: 4, mt: 4, discBs: 100 };
  const point: RateCurveArgs = { ...curve, Ls: [4], kappaC: [kappaCPrinted(15, 1, 4)] };
  console.log('Monte Carlo time-to-accuracy, communication (one thread each; shared 2-core machine, timings under load).');
  console.log(`Half-width target ${H_TARGET} nats (95% CI, 1.96·sd/√n, worst L); time-to-accuracy extrapolated as T × (h_measured/h_target)² from one fixed-size run.`);
  const cost = transcendentalCost();
  console.log(`Math.log ${cost.logNs.toFixed(1)} ns, Math.pow(x, −1.5) ${cost.powNs.toFixed(1)} ns per call (loop overhead ${cost.loopNs.toFixed(1)} ns subtracted)`);
  runIsacnet(point, 4, 99); // warm-up (JIT)
  // The controlled path is warmed like the plain one (a sweep runs it many times in one process):
  // one pilot and one controlled chunk of the curve, other seed. The first, cold pilot of the
  // process is timed here and printed; the timed cases below run warm.
  const tCold = performance.now();
  const coldCoefficients = fitRateCurvePilot(curve, 99);
  const coldPilot = (performance.now() - tCold) / 1000;
  simulateRateCurve({ ...curve, output: 'control', coefficients: coldCoefficients }, new Rng(99, 0), CHUNK);
  console.log(`first (cold) pilot of the process: ${coldPilot.toFixed(2)} s (JIT of the features path and the fit); the cases below are timed warm, plain and controlled alike`);
  const cases: [string, RateCurveArgs, number][] = [
    ['case 1: rate curve L = 1…20, p^c = 0.5 (target ≥ 10×)', curve, 10],
    ['case 2: rate at L = 4, p^c = 0.5 (target ≥ 3×)', point, 3],
  ];
  const threads = defaultThreads();
  const pool = createWorkerPool(threads);
  try {
    await runPool(pool, point, 4, 99); // warm-up (workers, JIT)
  for (const [label, args, target] of cases) {
    console.log(`\n${label}`);
    const chunks = 50; // 204 800 trials
    const me = runIsacnet(args, chunks, 1);
    const t1 = tta(me);
    const bsPerTrial = args.discBs; // E[#BSs] in the disc
    const nsPerBs = (me.seconds * 1e9) / (me.trials * bsPerTrial);
    console.log(
      `  isacnet: ${me.trials} trials in ${me.seconds.toFixed(2)} s (${(me.trials / me.seconds / 1e3).toFixed(0)}k users/s, ${nsPerBs.toFixed(1)} ns per BS ≈ ${(nsPerBs / cost.logNs).toFixed(1)} Math.log), ` +
        `worst h = ${t1.h.toFixed(4)} → time-to-accuracy ${t1.seconds.toFixed(2)} s (extrapolated)`,
    );
    console.log(`  isacnet means: ${me.mean.map((m) => m.toFixed(3)).join(' ')}`);
    const cv = runControlled(args, chunks, 1);
    const cvTta = cv.pilotSeconds + cv.seconds * (cv.h / H_TARGET) ** 2;
    console.log(
      `  isacnet with control variates: pilot ${cv.pilotSeconds.toFixed(2)} s + ${cv.trials} trials in ${cv.seconds.toFixed(2)} s (${(cv.trials / cv.seconds / 1e3).toFixed(0)}k users/s), ` +
        `VRF ${Math.min(...cv.vrf).toFixed(1)}–${Math.max(...cv.vrf).toFixed(1)} over L, worst h = ${cv.h.toFixed(4)} → time-to-accuracy ${cvTta.toFixed(2)} s (pilot + extrapolated main)`,
    );
    console.log(`  isacnet controlled means: ${cv.mean.map((m) => m.toFixed(3)).join(' ')}`);
    const all = await runPool(pool, args, chunks, 1);
    const tAll = tta(all);
    console.log(`  isacnet on ${threads} threads: ${all.trials} trials in ${all.seconds.toFixed(2)} s (${(all.trials / all.seconds / 1e3).toFixed(0)}k users/s), time-to-accuracy ${tAll.seconds.toFixed(2)} s (extrapolated; same means as 1 thread: ${all.mean.every((m, j) => m === me.mean[j]) ? 'yes' : 'NO'})`);
    const peer = runPeer(args, me.trials, 1);
    if (typeof peer === 'string') {
      console.log(`  numpy peer skipped: ${peer}`);
      continue;
    }
    const t2 = tta(peer);
    console.log(
      `  numpy:   ${peer.trials} trials in ${peer.seconds.toFixed(2)} s (${(peer.trials / peer.seconds / 1e3).toFixed(0)}k users/s), worst h = ${t2.h.toFixed(4)} → time-to-accuracy ${t2.seconds.toFixed(2)} s (extrapolated)`,
    );
    console.log(`  numpy means:   ${peer.mean.map((m) => m.toFixed(3)).join(' ')}`);
    const ratio = t2.seconds / t1.seconds;
    const ratioCv = t2.seconds / cvTta;
    console.log(`  ratio time-to-accuracy(numpy)/time-to-accuracy(isacnet plain), one thread each = ${ratio.toFixed(2)}×; against isacnet plain on ${threads} threads ${(t2.seconds / tAll.seconds).toFixed(2)}×`);
    console.log(`  ratio time-to-accuracy(numpy)/time-to-accuracy(isacnet with control variates), one thread each = ${ratioCv.toFixed(2)}× (target ≥ ${target}×: ${ratioCv >= target ? 'met' : 'NOT met'})`);
  }
  } finally {
    await pool.close();
  }
}
