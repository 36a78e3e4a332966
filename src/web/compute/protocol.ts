/**
 * Messages between the explorer and its analysis worker (analytical curves that take longer than a
 * frame — the rate integrals and the trade-off region — run off the main thread; latest request
 * wins).
 */
import type { Params } from '../../params/schema.ts';
import type { Settings } from '../state.ts';

export type AnalysisKind = 'sensing' | 'comm' | 'tradeoff';

export interface AnalysisRequest {
  id: number;
  kind: AnalysisKind;
  params: Params;
  settings: Settings;
}

export type AnalysisReply<T = unknown> =
  | { id: number; ok: true; result: T }
  | { id: number; ok: false; error: string; paramError: boolean };
