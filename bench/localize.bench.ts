/**
 * Localization throughput (`npm run bench -- localize`, beyond the paper): MLE + LS estimate pairs
 * per second of the kernel `sensing.localize` (grid 12 × 12, two LM starts plus the LS start), one
 * thread and all threads, at N = 4, 6, 10 over 13 SNR offsets; also the CPU time of the figure
 * `localization` in quick and full mode (inline, one thread).
 */
import { createWorkerPool, defaultThreads } from '../src/registry/nodePool.ts';
import { localizeJob } from '../src/sensing/localizeMonteCarlo.ts';
import { computeLocalizationFigure } from '../src/figures/localization.ts';
import { inlineRunner } from '../src/registry/inline.ts';
import { defaultParams } from '../src/params/schema.ts';
import { normalizedSensingSnr } from '../src/reports/localize.ts';

export async function run(): Promise<void> {
  const eta0 = normalizedSensingSnr(defaultParams());
  const etas = Array.from({ length: 13 }, (_, i) => eta0 * 10 ** ((-10 + 5 * i) / 10));
  const all = defaultThreads();
  for (const threads of all > 1 ? [1, all] : [1]) {
    const pool = createWorkerPool(threads);
    try {
      await pool.run(localizeJob({ Ns: [4, 6, 10], etas, beta: 2, draws: 2, outlierMultiple: 5 }, 16, 1));
      for (const N of [4, 6, 10]) {
        const geometries = 96;
        const draws = 4;
        const t0 = performance.now();
        await pool.run(localizeJob({ Ns: [N], etas, beta: 2, draws, outlierMultiple: 5 }, geometries, 2));
        const s = (performance.now() - t0) / 1000;
        const pairs = geometries * draws * etas.length;
        console.log(`localization, N = ${N}, ${threads} thread(s): ${(pairs / s).toExponential(3)} MLE+LS pairs/s (${pairs} in ${s.toFixed(2)} s, ${((1e6 * s * threads) / pairs).toFixed(0)} µs per pair per thread)`);
      }
    } finally {
      await pool.close();
    }
  }
  for (const quick of [true, false]) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await computeLocalizationFigure({ quick, seed: 1, params: defaultParams(), run: inlineRunner });
    const c = process.cpuUsage(c0);
    console.log(`figure localization (${quick ? 'quick' : 'full'}), inline: ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - t0) / 1000).toFixed(2)} s wall`);
  }
}
