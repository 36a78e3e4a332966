/**
 * Communication benchmarks (`npm run bench -- comm`):
 *  - Theorem 2 and the exact rate: time per (L, p^c) point at the default 1e-6 relative accuracy,
 *    over the Fig. 4 grid (L = 1…20, p^c ∈ {0.3, 0.6, 0.9}, λ_u/λ_b ∈ {1, 2, 4}, α = 4, M_t = 4),
 *    and the achieved accuracy against runs at relTol 1e-11 over a wider grid (α, M_t, p^c, L);
 *  - Monte Carlo rate throughput (kernel comm.typicalUser, gamma and ZF gains; kernel comm.network):
 *    user realizations per second, one thread and all threads;
 *  - time to reach a 95% CI half-width of 0.005 nats at L = 4, p^c = 0.5 (all threads): pilot run
 *    for the standard deviation, then the full run, with the achieved half-width.
 */
import { createWorkerPool, defaultThreads, type WorkerPool } from '../src/registry/nodePool.ts';
import type { MonteCarloJob } from '../src/parallel/job.ts';
import { rateExactDetailed } from '../src/comm/exactRate.ts';
import { rateTheorem2Detailed } from '../src/comm/theorem2.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
import { DEFAULT_DISC_BS, NETWORK_CHUNK, TYPICAL_USER_CHUNK, networkWindows, summarizeNetworkRecords } from '../src/reports/comm.ts';
import { TYPICAL_USER_KERNEL } from '../src/comm/typicalUser.ts';
import { COMM_NETWORK_KERNEL, networkSideForDisc } from '../src/comm/network.ts';
import { meanCi95 } from '../src/math/stats.ts';

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

function closedFormTimings(): void {
  const tE: number[] = [];
  const tT: number[] = [];
  for (const mu of [1, 2, 4]) {
    for (const pc of [0.3, 0.6, 0.9]) {
      for (let L = 1; L <= 20; L++) {
        const m = { L, pc, kappaC: kappaCPrinted(15, mu, L), alpha: 4, mt: 4 };
        let t0 = performance.now();
        rateExactDetailed(m);
        tE.push(performance.now() - t0);
        t0 = performance.now();
        rateTheorem2Detailed(m);
        tT.push(performance.now() - t0);
      }
    }
  }
  const fmt = (xs: number[]): string =>
    `median ${quantile(xs, 0.5).toFixed(2)} ms, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;
  console.log(`exact rate, Fig. 4 grid (180 points, relTol 1e-6): ${fmt(tE)}`);
  console.log(`Theorem 2,  Fig. 4 grid (180 points, relTol 1e-6): ${fmt(tT)}`);

  // Accuracy and time over a wider grid.
  let worstE = 0;
  let worstT = 0;
  const wE: number[] = [];
  const wT: number[] = [];
  let n = 0;
  for (const L of [1, 2, 3, 5, 8, 13, 20]) {
    for (const pc of [0.01, 0.3, 1]) {
      for (const alpha of [2.2, 3, 4, 6, 8]) {
        for (const mt of [2, 4, 16]) {
          const m = { L, pc, kappaC: kappaCPrinted(15, 3, L), alpha, mt };
          let t0 = performance.now();
          const e = rateExactDetailed(m).value;
          wE.push(performance.now() - t0);
          t0 = performance.now();
          const t = rateTheorem2Detailed(m).value;
          wT.push(performance.now() - t0);
          worstE = Math.max(worstE, Math.abs(e / rateExactDetailed(m, { relTol: 1e-11 }).value - 1));
          worstT = Math.max(worstT, Math.abs(t / rateTheorem2Detailed(m, { relTol: 1e-11 }).value - 1));
          n++;
        }
      }
    }
  }
  console.log(`wide grid (${n} points: L 1–20, p^c 0.01–1, α 2.2–8, M_t 2–16): worst relative error at relTol 1e-6 vs 1e-11: exact ${worstE.toExponential(2)}, Theorem 2 ${worstT.toExponential(2)}`);
  console.log(`wide grid time per point: exact ${fmt(wE)}; Theorem 2 ${fmt(wT)}`);
}

async function time(pool: WorkerPool, job: MonteCarloJob): Promise<{ seconds: number; out: Float64Array }> {
  const t0 = performance.now();
  const out = await pool.run(job);
  return { seconds: (performance.now() - t0) / 1000, out };
}

export async function run(): Promise<void> {
  closedFormTimings();
  const all = defaultThreads();
  const model = { L: 4, pc: 0.5, kappaC: kappaCPrinted(15, 1, 4), alpha: 4, mt: 4 };
  const typical = (gains: string, trials: number, seed: number): MonteCarloJob => ({
    kernel: TYPICAL_USER_KERNEL,
    args: { ...model, gains, discBs: DEFAULT_DISC_BS },
    trials,
    seed,
    chunkSize: TYPICAL_USER_CHUNK,
  });
  const side = networkSideForDisc(DEFAULT_DISC_BS);
  for (const threads of all > 1 ? [1, all] : [1]) {
    const pool = createWorkerPool(threads);
    try {
      await pool.run(typical('gamma', 20_000, 1)); // warm-up
      const g = await time(pool, typical('gamma', 400_000, 2));
      console.log(`MC rate, typical user, gamma gains, L = 4, U = ${DEFAULT_DISC_BS} BSs, ${threads} thread(s): ${(400_000 / g.seconds).toExponential(3)} user realizations/s`);
      const z = await time(pool, typical('zf', 40_000, 3));
      console.log(`MC rate, typical user, ZF gains (M_t = 4), ${threads} thread(s): ${(40_000 / z.seconds).toExponential(3)} user realizations/s`);
      const windows = networkWindows(60_000, 2, side);
      const nj: MonteCarloJob = { kernel: COMM_NETWORK_KERNEL, args: { L: 4, pc: 0.5, alpha: 4, mt: 4, psi: 15, muC: 2, gains: 'gamma', side, samplesPerWindow: 0 }, trials: windows, seed: 4, chunkSize: NETWORK_CHUNK };
      const nr = await time(pool, nj);
      const users = summarizeNetworkRecords(nr.out, 4, 0).users;
      console.log(`MC rate, network load simulation (λ_u/λ_b = 2, ${windows} torus windows), ${threads} thread(s): ${(users / nr.seconds).toExponential(3)} user realizations/s`);
    } finally {
      await pool.close();
    }
  }
  // Time to a 95% CI half-width of 0.005 nats at L = 4, p^c = 0.5 (all threads).
  const pool = createWorkerPool(all);
  try {
    const pilotN = 50_000;
    const pilot = await pool.run(typical('gamma', pilotN, 5));
    const rates = new Float64Array(pilotN);
    for (let i = 0; i < pilotN; i++) rates[i] = pilot[2 * i];
    const sd = Math.sqrt(pilotN) * meanCi95(rates).standardError;
    const need = Math.ceil((1.959963984540054 * sd / 0.005) ** 2);
    const r = await time(pool, typical('gamma', need, 6));
    const rr = new Float64Array(need);
    for (let i = 0; i < need; i++) rr[i] = r.out[2 * i];
    const s = meanCi95(rr);
    console.log(
      `CI half-width 0.005 nats at L = 4, p^c = 0.5 (s.d. ${sd.toFixed(3)} from a ${pilotN}-trial pilot): ${need} trials in ${r.seconds.toFixed(1)} s on ${all} thread(s); achieved half-width ${(s.ci95[1] - s.mean).toFixed(4)}, R_c = ${s.mean.toFixed(4)} (exact ${rateExactDetailed(model).value.toFixed(4)})`,
    );
  } finally {
    await pool.close();
  }
}
