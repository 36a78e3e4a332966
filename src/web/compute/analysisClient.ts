/**
 * Main-thread side of the analysis worker: one module worker per kind of analysis, at most one
 * request in flight per kind, and only the newest pending request is sent next (a slider that
 * moves faster than the computation skips intermediate states instead of queueing them).
 */
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';
import type { AnalysisKind, AnalysisReply, AnalysisRequest } from './protocol.ts';

export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly paramError: boolean,
  ) {
    super(message);
    this.name = paramError ? 'ParamError' : 'AnalysisError';
  }
}

interface Slot {
  worker: Worker | null;
  busy: boolean;
  pending: { req: AnalysisRequest; resolve: (v: unknown) => void; reject: (e: Error) => void } | null;
  current: { resolve: (v: unknown) => void; reject: (e: Error) => void } | null;
}

/** Resolves `null` when a newer request superseded this one. */
export class AnalysisClient {
  private readonly slots = new Map<AnalysisKind, Slot>();
  private nextId = 1;

  request<T>(kind: AnalysisKind, params: Params, settings: Settings): Promise<T | null> {
    const slot = this.slot(kind);
    const req: AnalysisRequest = { id: this.nextId++, kind, params, settings };
    return new Promise<T | null>((resolve, reject) => {
      const entry = { req, resolve: resolve as (v: unknown) => void, reject };
      if (slot.busy) {
        slot.pending?.resolve(null);
        slot.pending = entry;
      } else this.send(slot, entry);
    });
  }

  private slot(kind: AnalysisKind): Slot {
    let s = this.slots.get(kind);
    if (!s) {
      s = { worker: null, busy: false, pending: null, current: null };
      this.slots.set(kind, s);
    }
    return s;
  }

  private send(slot: Slot, entry: NonNullable<Slot['pending']>): void {
    if (!slot.worker) {
      const w = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: `isacnet-${entry.req.kind}` });
      w.onmessage = (ev: MessageEvent<AnalysisReply>) => {
        const cur = slot.current;
        slot.current = null;
        slot.busy = false;
        if (cur) {
          const r = ev.data;
          if (r.ok) cur.resolve(r.result);
          else cur.reject(new AnalysisError(r.error, r.paramError));
        }
        const next = slot.pending;
        slot.pending = null;
        if (next) this.send(slot, next);
      };
      w.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        const cur = slot.current;
        slot.current = null;
        slot.busy = false;
        slot.worker?.terminate();
        slot.worker = null;
        cur?.reject(new AnalysisError(`analysis worker failed: ${ev.message || 'could not start'}`, false));
      };
      slot.worker = w;
    }
    slot.busy = true;
    slot.current = { resolve: entry.resolve, reject: entry.reject };
    slot.worker.postMessage(entry.req);
  }
}
