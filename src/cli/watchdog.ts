/**
 * Keeps a long run stoppable while its main thread is busy with synchronous work (the optimizer's
 * sweeps, figure rendering):
 *
 * - The commands install no JavaScript handler for SIGINT/SIGTERM: a JS handler only runs when the
 *   event loop is free, so during minutes of synchronous work Ctrl-C and `kill` would be ignored.
 *   Node's default action ends the process at once instead; output files stay complete because
 *   every file is written to a temporary name and renamed (src/figures/io.ts), and a killed run's
 *   stray temporary files and lock are cleaned by the next run (src/cli/outputDir.ts).
 * - `startParentWatchdog()` starts a small worker thread that checks every 0.5 s whether the parent
 *   process is still the one that started us; when it is gone (the process was re-parented, e.g. its
 *   shell or `npm` was killed with SIGKILL), it sends SIGTERM to this process, which ends it even
 *   while the main thread spins. The worker is unref'd: it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.ppid) process.kill(workerData.pid, 'SIGTERM');
}, workerData.intervalMs);
`;

let started: Worker | null = null;

/** The parent at start-up: bin/isacnet.js records it before loading the modules, else now. */
const PARENT_AT_START: number = (globalThis as { __isacnetParentPid?: number }).__isacnetParentPid ?? process.ppid;

/** Start the parent watchdog (once per process; a no-op when the parent was init from the start). */
export function startParentWatchdog(intervalMs = 500): void {
  if (started || PARENT_AT_START <= 1) return;
  started = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { pid: process.pid, ppid: PARENT_AT_START, intervalMs } });
  started.unref();
  // A watchdog that fails to start must not fail the run.
  started.on('error', () => undefined);
}
