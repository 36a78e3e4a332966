/**
 * Worker-thread side of the Node pool: `serveChunks(registry)` answers chunk tasks with their
 * samples. A worker entry (src/registry/nodeWorker.ts) calls it with the composed registry.
 */
import { parentPort } from 'node:worker_threads';
import { runChunk, type ChunkTask } from './job.ts';
import type { KernelRegistry } from './kernel.ts';

export function serveChunks(registry: KernelRegistry): void {
  if (!parentPort) throw new Error('serveChunks must run in a worker thread');
  const port = parentPort;
  port.on('message', (msg: { id: number; task: ChunkTask }) => {
    try {
      const out = runChunk(msg.task, registry);
      port.postMessage({ id: msg.id, ok: true, out }, [out.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
