/**
 * Sensing throughput (`npm run bench -- sensing`):
 *  - CRLB Monte Carlo (kernel `sensing.crlbNested`): geometries per second, single thread and all
 *    threads, for N = 10 alone and for the nested sweep N = 1…50 (one geometry of 50 BSs gives all 50
 *    CRLBs);
 *  - network-level acceptance simulation (kernel `load.sensingNetwork`): torus windows per second
 *    and target geometries (targets × cluster sizes) per second, single thread and all threads.
 */
import { createWorkerPool, defaultThreads, type WorkerPool } from '../src/registry/nodePool.ts';
import { crlbNestedJob } from '../src/sensing/crlbMonteCarlo.ts';
import { sensingNetworkJob } from '../src/sensing/networkSummary.ts';
import { sensingNetworkSide } from '../src/sensing/network.ts';
import type { MonteCarloJob } from '../src/parallel/job.ts';

async function time(pool: WorkerPool, job: MonteCarloJob): Promise<number> {
  const t0 = performance.now();
  await pool.run(job);
  return (performance.now() - t0) / 1000;
}

export async function run(): Promise<void> {
  const all = defaultThreads();
  const threadCounts = all > 1 ? [1, all] : [1];
  for (const threads of threadCounts) {
    const pool = createWorkerPool(threads);
    try {
      // Warm-up (JIT, worker start-up).
      await pool.run(crlbNestedJob([10], 2, 20_000, 1));
      const n10 = 400_000;
      const s10 = await time(pool, crlbNestedJob([10], 2, n10, 2));
      console.log(`CRLB Monte Carlo, N = 10, ${threads} thread(s): ${(n10 / s10).toExponential(3)} geometries/s (${n10} in ${s10.toFixed(2)} s)`);
      const n50 = 200_000;
      const Ns = Array.from({ length: 50 }, (_, i) => i + 1);
      const s50 = await time(pool, crlbNestedJob(Ns, 2, n50, 3));
      console.log(`CRLB Monte Carlo, nested N = 1…50, ${threads} thread(s): ${(n50 / s50).toExponential(3)} geometries/s of 50 BSs (${((n50 * 50) / s50).toExponential(3)} CRLB values/s)`);
      const netNs = Array.from({ length: 40 }, (_, i) => i + 1);
      const windows = 40;
      const side = sensingNetworkSide(40);
      const job = sensingNetworkJob({ muS: 1, Ns: netNs, psis: [15], beta: 2, windows, seed: 4, samplesPerWindow: 256, side });
      const sn = await time(pool, job);
      const targetsPerWindow = side * side; // λ_s = λ_b = 1 per unit area
      const targetGeometries = windows * targetsPerWindow * netNs.length;
      console.log(
        `network load simulation (side ${side} λ_b^-1/2, ≈ ${Math.round(side * side)} BSs and targets, N = 1…40, ψ = 15), ${threads} thread(s): ` +
          `${(windows / sn).toFixed(2)} windows/s, ${(targetGeometries / sn).toExponential(3)} target clusters/s (${windows} windows in ${sn.toFixed(2)} s)`,
      );
    } finally {
      await pool.close();
    }
  }
}
