/**
 * The paper's figures, in order. `isacnet reproduce` runs each builder in turn.
 * Each entry is added by the module that implements it.
 */
import type { FigureBuilder } from './types.ts';

export const FIGURES: Array<{ name: string; build: FigureBuilder }> = [];
