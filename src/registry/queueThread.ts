/**
 * Worker-thread entry of `isacnet worker --threads n` (TaskThreads of src/parallel/taskQueue.ts):
 * answers `{ id, task }` with `{ id, ok, result }` by `runQueueTask` (src/registry/queueTasks.ts), so
 * a thread runs exactly what a single-threaded worker runs.
 */
import { parentPort } from 'node:worker_threads';
import type { QueueTask } from '../parallel/taskQueue.ts';
import { runQueueTask } from './queueTasks.ts';

if (!parentPort) throw new Error('src/registry/queueThread.ts must run in a worker thread');
const port = parentPort;
port.on('message', (msg: { id: number; task: QueueTask }) => {
  try {
    port.postMessage({ id: msg.id, ok: true, result: runQueueTask(msg.task) });
  } catch (e) {
    port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
