/**
 * The paper's figures, in order, then the extensions beyond the paper (labelled so). `isacnet reproduce` runs each builder in turn.
 * Each entry is added by the module that implements it.
 */
import type { FigureBuilder } from './types.ts';
import { buildFig2 } from './fig2.ts';
import { buildFig3 } from './fig3.ts';
import { buildFig4 } from './fig4.ts';
import { buildFig5 } from './fig5.ts';
import { buildLocalizationFigure } from './localization.ts';

export const FIGURES: Array<{ name: string; build: FigureBuilder }> = [
  { name: 'fig2', build: buildFig2 },
  { name: 'fig3', build: buildFig3 },
  { name: 'fig4', build: buildFig4 },
  { name: 'fig5', build: buildFig5 },
  // Beyond the paper (issue 12): estimators against the CRLB.
  { name: 'localization', build: buildLocalizationFigure },
];
