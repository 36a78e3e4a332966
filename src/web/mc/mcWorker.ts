/**
 * Monte Carlo Web Worker (an ES-module worker): runs one chunk of a job at a time with the library's
 * own `runChunk` (src/parallel/job.ts) and kernel registry (src/registry/kernels.ts), so chunk c of a job seeded s draws from stream (s, c)
 * exactly as in the CLI's Node worker threads: the same seed gives the same samples.
 */
import { runChunk, type ChunkTask } from '../../parallel/job.ts';
import { KERNELS } from '../../registry/kernels.ts';

export interface ChunkRequest {
  id: number;
  task: ChunkTask;
}

export type ChunkReply = { id: number; ok: true; samples: Float64Array } | { id: number; ok: false; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<ChunkRequest>) => {
  const { id, task } = ev.data;
  try {
    const samples = runChunk(task, KERNELS);
    const reply: ChunkReply = { id, ok: true, samples };
    scope.postMessage(reply, [samples.buffer]);
  } catch (e) {
    const reply: ChunkReply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
    scope.postMessage(reply);
  }
};
