/**
 * Chunk statistics tasks: `runChunkStatsTask` is a pure function of its JSON task (same bits after a
 * JSON round trip, in worker threads and inline), its statistics are those of the chunk's samples
 * from `runChunk`, and malformed tasks (as from a queue) are refused with the field named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChunk } from '../../src/parallel/job.ts';
import { columnStats } from '../../src/parallel/mergeStats.ts';
import { KERNELS } from '../../src/registry/kernels.ts';
import { chunkTaskKey, inlineChunkExecutor, runChunkStatsTask, type ChunkStatsResult, type ChunkStatsTask } from '../../src/registry/chunkStats.ts';
import { poolChunkExecutor } from '../../src/registry/poolExecutor.ts';
import { createWorkerPool } from '../../src/registry/nodePool.ts';
import { crlbNestedJob } from '../../src/sensing/crlbMonteCarlo.ts';

function tasks(): ChunkStatsTask[] {
  const job = crlbNestedJob([2, 5], 2, 4096 * 6, 11);
  return Array.from({ length: 6 }, (_, c) => ({ kernel: job.kernel, args: job.args, seed: job.seed, chunkIndex: c, count: 4096, width: 2, reduce: [{ kind: 'moments' as const, field: 0, sketch: 0.001 }, { kind: 'moments' as const, field: 1 }] }));
}

test('a task gives the statistics of its chunk, the same after a JSON round trip', () => {
  const t = tasks()[2];
  const r = runChunkStatsTask(t);
  const rec = runChunk(t, KERNELS);
  assert.deepEqual(r.stats[0], columnStats(rec, 2, 0, 0.001));
  assert.deepEqual(r.stats[1], columnStats(rec, 2, 1));
  assert.deepEqual(runChunkStatsTask(JSON.parse(JSON.stringify(t)) as ChunkStatsTask), r);
  assert.equal(chunkTaskKey(t), chunkTaskKey(JSON.parse(JSON.stringify({ ...t, args: { beta: 2, Ns: [2, 5] } })) as ChunkStatsTask));
  assert.notEqual(chunkTaskKey(t), chunkTaskKey({ ...t, chunkIndex: 3 }));
});

test('inline and worker-pool executors (1 and 2 threads) give identical results', async () => {
  const ts = tasks();
  const collect = async (exec: (t: readonly ChunkStatsTask[], on: (i: number, r: ChunkStatsResult) => void) => Promise<void>): Promise<ChunkStatsResult[]> => {
    const out: ChunkStatsResult[] = [];
    await exec(ts, (i, r) => (out[i] = r));
    return out;
  };
  const inline = await collect(inlineChunkExecutor);
  for (const threads of [1, 2]) {
    const pool = createWorkerPool(threads, true);
    try {
      assert.deepEqual(await collect(poolChunkExecutor(pool)), inline, `${threads} threads`);
    } finally {
      await pool.close();
    }
  }
});

test('malformed tasks are refused with the field named', () => {
  const t = tasks()[0];
  assert.throws(() => runChunkStatsTask({ ...t, kernel: 'evil.code' }), /evil\.code/);
  assert.throws(() => runChunkStatsTask({ ...t, count: 0 }), /task\.count/);
  assert.throws(() => runChunkStatsTask({ ...t, width: 3 }), /task\.width/);
  assert.throws(() => runChunkStatsTask({ ...t, reduce: [{ kind: 'moments', field: 7 }] }), /task\.reduce\[0\]\.field/);
  assert.throws(() => runChunkStatsTask({ ...t, args: { Ns: [2, 5], beta: 1 } }), /beta/);
});
