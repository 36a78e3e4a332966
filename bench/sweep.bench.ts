/**
 * Sweep benchmarks (`npm run bench -- sweep`): what reducing a chunk to mergeable statistics costs
 * next to simulating it, per chunk of 4096 trials (median of repeated runs, one thread):
 *  - comm.typicalUser (L = 4, p^c = 0.5, gamma gains): `runChunk` alone vs `runChunkStatsTask`
 *    (moments of the rate);
 *  - sensing.crlbNested (N = 2, 5, 10): the same with moments and a DDSketch (α = 0.001) per N;
 *  - the size of one stored chunk result (JSON bytes) and the time to merge 100 of them.
 */
import { runChunk } from '../src/parallel/job.ts';
import { mergeMoments } from '../src/parallel/mergeStats.ts';
import { KERNELS } from '../src/registry/kernels.ts';
import { runChunkStatsTask, type ChunkStatsTask } from '../src/registry/chunkStats.ts';
import { typicalUserKernel, TYPICAL_USER_RECORD } from '../src/comm/typicalUser.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
import { crlbNestedJob } from '../src/sensing/crlbMonteCarlo.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => unknown, reps: number): number {
  for (let i = 0; i < 3; i++) f(); // warm-up (JIT)
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

function compare(name: string, task: ChunkStatsTask, reps: number): void {
  let c = 0;
  const raw = time(() => runChunk({ ...task, chunkIndex: c++ }, KERNELS), reps);
  c = 0;
  const stats = time(() => runChunkStatsTask({ ...task, chunkIndex: c++ }), reps);
  const bytes = JSON.stringify(runChunkStatsTask(task)).length;
  const results = Array.from({ length: 100 }, (_, i) => runChunkStatsTask({ ...task, chunkIndex: i }).stats);
  const merge = time(() => results.reduce((a, b) => a.map((m, k) => mergeMoments(m, b[k]))), 5);
  console.log(`${name}: chunk ${raw.toFixed(1)} ms simulated, ${stats.toFixed(1)} ms with statistics (+${(((stats - raw) / raw) * 100).toFixed(1)}%); ${bytes} JSON bytes per chunk; 100 merged in ${merge.toFixed(1)} ms`);
}

export async function run(): Promise<void> {
  const model = { L: 4, pc: 0.5, kappaC: kappaCPrinted(15, 1, 4), alpha: 4, mt: 4 };
  const tu = typicalUserKernel.job({ ...model, gains: 'gamma', discBs: 100 }, 4096, 1, 4096);
  compare('comm.typicalUser, moments', { kernel: tu.kernel, args: tu.args, seed: 1, chunkIndex: 0, count: 4096, width: TYPICAL_USER_RECORD, reduce: [{ kind: 'moments', field: 0 }] }, 15);
  const cj = crlbNestedJob([2, 5, 10], 2, 4096, 1);
  compare(
    'sensing.crlbNested N = 2, 5, 10, moments + DDSketch α = 0.001',
    { kernel: cj.kernel, args: cj.args, seed: 1, chunkIndex: 0, count: 4096, width: 3, reduce: [0, 1, 2].map((field) => ({ kind: 'moments' as const, field, sketch: 0.001 })) },
    15,
  );
}
