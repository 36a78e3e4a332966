/**
 * Monte Carlo time-to-accuracy (`npm run bench -- mc`, issue 11), case 3: the ZF-gain rate curve
 * L = 1…10, p^c = 0.5, paper defaults (α = 4, M_t = 4, κ_c = kappaCPrinted(15, 1, L), U = 100
 * explicit BSs), target 95% CI half-width 0.005 nats at EVERY L.
 *
 * isacnet: kernel comm.zfRateCurve (full ZF channel simulation and, on the same draws, the
 * closed-form model as a control), chunks of 4096 with streams (seed, c), estimates by
 * `controlVariateEstimate` (split coefficient, unbiased; CI from the residual variance) and the plain
 * mean of the same records. numpy peer: bench/peers/zf_numpy.py, a plain ZF Monte Carlo (skipped with a
 * message without python3/numpy).
 *
 * Time-to-accuracy is EXTRAPOLATED from one fixed-size run: T × (h_measured/h_target)², h the
 * largest half-width over L (the half-width falls like 1/√n, the time grows like n). Printed too:
 * the variance-reduction factor per L, users per second per thread, and the cost per BS of the
 * transcendental functions the kernel calls, measured in the same run. The machine is shared
 * (2 cores, other engineers' jobs): timings are under load.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/math/rng.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
import { rateExact } from '../src/comm/exactRate.ts';
import { rateL1ZfExact } from '../src/comm/zfRateL1.ts';
import { simulateZfRateCurve, zfRateCurveKernel, type ZfRateCurveArgs } from '../src/comm/zfRateCurve.ts';
import { controlVariateEstimate, type ControlVariateEstimate } from '../src/comm/controlVariate.ts';
import { createWorkerPool, defaultThreads } from '../src/registry/nodePool.ts';
import { nsPerCall } from './lib/cost.ts';

const CHUNK = 4096;
const H_TARGET = 0.005;

interface IsacnetRun {
  seconds: number;
  trials: number;
  est: ControlVariateEstimate[];
}

function estimates(rec: Float64Array, nL: number, exact: number[]): ControlVariateEstimate[] {
  return exact.map((mu, j) => controlVariateEstimate(rec, 2 * nL, 2 * j, 2 * j + 1, mu));
}

/** One thread, in-process chunks (the time includes the estimator). */
function runIsacnet(args: ZfRateCurveArgs, exact: number[], chunks: number, seed: number): IsacnetRun {
  const nL = args.Ls.length;
  const t0 = performance.now();
  const rec = new Float64Array(chunks * CHUNK * 2 * nL);
  for (let c = 0; c < chunks; c++) rec.set(simulateZfRateCurve(args, new Rng(seed, c), CHUNK), c * CHUNK * 2 * nL);
  const est = estimates(rec, nL, exact);
  return { seconds: (performance.now() - t0) / 1000, trials: chunks * CHUNK, est };
}

interface PeerRun {
  seconds: number;
  trials: number;
  mean: number[];
  sd: number[];
}

function runPeer(args: ZfRateCurveArgs, trials: number, seed: number): PeerRun | string {
  const script = fileURLToPath(new URL('./peers/zf_numpy.py', import.meta.url));
  const r = spawnSync('python3', [script, JSON.stringify({ ...args, trials, seed })], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `peer failed (python3 with numpy missing?): ${r.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(r.stdout) as PeerRun;
}

const worst = (hs: number[]): number => Math.max(...hs);
const tta = (seconds: number, h: number): number => seconds * (h / H_TARGET) ** 2;

/** ns per call of the transcendental functions the kernel uses (loop overhead subtracted). */
function transcendentalCost(): Record<'log' | 'sqrt' | 'cos' | 'sin' | 'expm1' | 'log1p', number> {
  const { loop: _loop, ...perCall } = nsPerCall({ log: Math.log, sqrt: Math.sqrt, cos: Math.cos, sin: Math.sin, expm1: Math.expm1, log1p: Math.log1p }, 0.01, 3.01, 100);
  return perCall;
}

export async function run(): Promise<void> {
  const Ls = Array.from({ length: 10 }, (_, i) => i + 1);
  const args: ZfRateCurveArgs = { Ls, kappaC: Ls.map((L) => kappaCPrinted(15, 1, L)), pc: 0.5, alpha: 4, mt: 4, discBs: 100 };
  const exact = Ls.map((L, j) => rateExact({ L, pc: args.pc, kappaC: args.kappaC[j]!, alpha: args.alpha, mt: args.mt }));
  console.log('case 3: ZF-gain rate curve L = 1…10, p^c = 0.5, paper defaults, with the closed-form model as control variate (targets: VRF ≥ 10, ratio ≥ 10×)');
  console.log(`Half-width target ${H_TARGET} nats (95% CI, worst L); time-to-accuracy extrapolated as T × (h_measured/h_target)² from one fixed-size run; shared 2-core machine, timings under load.`);
  const cost = transcendentalCost();
  console.log(`ns per call: ${Object.entries(cost).map(([k, v]) => `Math.${k} ${v.toFixed(1)}`).join(', ')}`);
  // Transcendental calls per BS (expected): an interfering BS draws 2·M_t complex normals (polar:
  // one log and one sqrt each), a bearing (cos θ, then cos and sin of π cos θ), and the control's
  // sqrt, expm1, log1p; each of the first max L BSs also draws M_t complex normals and a bearing.
  const m = args.mt;
  const perInterferer = 2 * m * (cost.log + cost.sqrt) + 2 * cost.cos + cost.sin + cost.sqrt + cost.expm1 + cost.log1p;
  const perDesired = m * (cost.log + cost.sqrt) + 2 * cost.cos + cost.sin;
  const lMax = Ls[Ls.length - 1]!;
  const transPerBs = ((args.discBs - 1) * perInterferer + lMax * perDesired) / args.discBs;
  runIsacnet(args, exact, 1, 99); // warm-up (JIT)

  const chunks = 10; // 40 960 trials
  const me = runIsacnet(args, exact, chunks, 1);
  const hP = worst(me.est.map((e) => e.plain.halfWidth));
  const hC = worst(me.est.map((e) => e.controlled.halfWidth));
  const nsPerBs = (me.seconds * 1e9) / (me.trials * args.discBs);
  console.log(
    `  isacnet, 1 thread: ${me.trials} trials in ${me.seconds.toFixed(2)} s (${(me.trials / me.seconds / 1e3).toFixed(1)}k users/s; ${nsPerBs.toFixed(0)} ns per BS, of which transcendental calls ≈ ${transPerBs.toFixed(0)} ns)`,
  );
  console.log('  L  plain mean ± h      controlled mean ± h   VRF     control mean (exact Gamma-model rate)');
  me.est.forEach((e, j) => {
    console.log(
      `  ${String(Ls[j]).padStart(2)} ${e.plain.mean.toFixed(4)} ± ${e.plain.halfWidth.toFixed(4)}   ${e.controlled.mean.toFixed(4)} ± ${e.controlled.halfWidth.toFixed(4)}   ${e.vrf.toFixed(0).padStart(5)}   ${e.controlMean.toFixed(4)} (${exact[j]!.toFixed(4)})`,
    );
  });
  console.log(`  L = 1 exact ZF rate (rateL1ZfExact): ${rateL1ZfExact(args.pc, args.mt, args.alpha).toFixed(4)}`);
  const vrfs = me.est.map((e) => e.vrf);
  console.log(`  VRF: min ${Math.min(...vrfs).toFixed(0)}, max ${Math.max(...vrfs).toFixed(0)} (target ≥ 10: ${Math.min(...vrfs) >= 10 ? 'met' : 'NOT met'})`);
  const tC = tta(me.seconds, hC);
  const tP = tta(me.seconds, hP);
  console.log(`  time-to-accuracy (1 thread): controlled ${tC.toFixed(3)} s (worst h ${hC.toFixed(4)}; ≈ ${Math.ceil(me.trials * (hC / H_TARGET) ** 2)} trials), plain ${tP.toFixed(2)} s (worst h ${hP.toFixed(4)}) — extrapolated`);

  const threads = defaultThreads();
  const pool = createWorkerPool(threads);
  let tAllC = NaN;
  try {
    const job = zfRateCurveKernel.job(args, chunks * CHUNK, 1, CHUNK);
    await pool.run(zfRateCurveKernel.job(args, 2 * CHUNK, 99, CHUNK)); // warm-up (workers, JIT)
    const t0 = performance.now();
    const rec = await pool.run(job);
    const est = estimates(rec, Ls.length, exact);
    const seconds = (performance.now() - t0) / 1000;
    tAllC = tta(seconds, worst(est.map((e) => e.controlled.halfWidth)));
    const same = est.every((e, j) => e.controlled.mean === me.est[j]!.controlled.mean && e.plain.mean === me.est[j]!.plain.mean);
    console.log(
      `  isacnet, ${threads} threads: ${chunks * CHUNK} trials in ${seconds.toFixed(2)} s (${(chunks * CHUNK / seconds / 1e3).toFixed(1)}k users/s, ${(chunks * CHUNK / seconds / threads / 1e3).toFixed(1)}k per thread); time-to-accuracy controlled ${tAllC.toFixed(3)} s, plain ${tta(seconds, worst(est.map((e) => e.plain.halfWidth))).toFixed(2)} s (extrapolated; same estimates as 1 thread: ${same ? 'yes' : 'NO'})`,
    );
  } finally {
    await pool.close();
  }

  const peer = runPeer(args, 8000, 1);
  if (typeof peer === 'string') {
    console.log(`  numpy peer skipped: ${peer}`);
    return;
  }
  const hN = worst(peer.sd.map((s) => (1.96 * s) / Math.sqrt(peer.trials)));
  const tN = tta(peer.seconds, hN);
  console.log(`  numpy (plain ZF), 1 thread: ${peer.trials} trials in ${peer.seconds.toFixed(2)} s (${(peer.trials / peer.seconds / 1e3).toFixed(2)}k users/s), worst h ${hN.toFixed(4)} → time-to-accuracy ${tN.toFixed(1)} s (extrapolated)`);
  console.log(`  numpy means: ${peer.mean.map((x) => x.toFixed(3)).join(' ')}`);
  const ratio = tN / tC;
  console.log(
    `  ratio time-to-accuracy(numpy plain)/time-to-accuracy(isacnet controlled), one thread each = ${ratio.toFixed(0)}× (target ≥ 10×: ${ratio >= 10 ? 'met' : 'NOT met'}); ` +
      `against isacnet plain ${(tN / tP).toFixed(1)}× (code speed alone); against isacnet controlled on ${threads} threads ${(tN / tAllC).toFixed(0)}×`,
  );
}
