/** Worker-thread side of the Node pool: runs chunk tasks and returns their samples. */
import { parentPort } from 'node:worker_threads';
import { runChunk, type ChunkTask } from './job.ts';

if (!parentPort) throw new Error('nodeWorker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (msg: { id: number; task: ChunkTask }) => {
  try {
    const out = runChunk(msg.task);
    port.postMessage({ id: msg.id, ok: true, out }, [out.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
