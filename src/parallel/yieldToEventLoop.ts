/**
 * Let the event loop run once: pending messages of worker threads (and timers, I/O) are handled
 * before the caller continues. A long computation on the main thread that runs while a Monte Carlo
 * job is in flight calls this between pieces of work, so the workers get their next chunk as soon
 * as they finish one instead of waiting for the computation to end. Domain-free.
 *
 * Formula: not in the paper (scheduling only; no result depends on it).
 * Method: `setImmediate` where it exists (Node), else `setTimeout(·, 0)` (browsers, Web Workers).
 * Accuracy: not applicable.
 * References: docs/architecture.md (how a Monte Carlo job flows).
 *
 * @example
 * const order: string[] = [];
 * setTimeout(() => order.push('timer'), 0);
 * await new Promise((r) => setTimeout(r, 5));
 * await yieldToEventLoop();
 * order; // => ["timer"]
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
