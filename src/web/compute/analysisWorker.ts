/**
 * Analysis worker (ES-module Web Worker): evaluates the explorer's analytical curves with the
 * library's functions off the main thread. Pure computation; see comm.ts and tradeoff.ts.
 */
import { ParamError } from '../../params/validate.ts';
import { ArgumentError } from '../../math/argumentError.ts';
import { messageOf } from '../state.ts';
import type { AnalysisReply, AnalysisRequest } from './protocol.ts';
import { computeComm } from './comm.ts';
import { computeTradeoff } from './tradeoff.ts';
import { computeSensing } from './sensing.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<AnalysisRequest>) => {
  const { id, kind, params, settings } = ev.data;
  let reply: AnalysisReply;
  try {
    const result = kind === 'sensing' ? computeSensing(params, settings) : kind === 'comm' ? computeComm(params, settings) : computeTradeoff(params, settings);
    reply = { id, ok: true, result };
  } catch (e) {
    // Library errors name their argument as the library calls it; say it with the panel's names.
    const paramError = e instanceof ParamError || e instanceof ArgumentError;
    reply = { id, ok: false, error: paramError ? messageOf(e) : e instanceof Error ? e.message : String(e), paramError };
  }
  scope.postMessage(reply);
};
