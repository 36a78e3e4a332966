/**
 * The local executor of chunk statistics tasks (src/registry/chunkStats.ts) on a Node worker pool:
 * the workers simulate the chunks (the same `runChunk` as every runner) and the calling thread reduces
 * each chunk's records as soon as they arrive, so a result is reported (and can be stored) chunk by
 * chunk. The statistics are the same bits as `runChunkStatsTask` in any other process. Node-only.
 */
import type { WorkerPool } from '../parallel/nodePool.ts';
import { checkChunkStatsTask, reduceChunkRecords, type ChunkTaskExecutor } from './chunkStats.ts';

/** A ChunkTaskExecutor over `pool` (1 thread: inline). Tasks go in slices of a few per thread, so that results arrive while the rest runs. */
export function poolChunkExecutor(pool: WorkerPool): ChunkTaskExecutor {
  return async (tasks, onResult) => {
    tasks.forEach(checkChunkStatsTask);
    const slice = Math.max(4, 4 * pool.size);
    for (let from = 0; from < tasks.length; from += slice) {
      const part = tasks.slice(from, from + slice);
      await pool.runTasks(
        part.map((t) => ({ kernel: t.kernel, args: t.args, seed: t.seed, chunkIndex: t.chunkIndex, count: t.count })),
        (_t, out, i) => onResult(from + i, reduceChunkRecords(out, part[i])),
      );
    }
  };
}
