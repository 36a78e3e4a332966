/**
 * The Vega-Lite spec type of the figures, on its own so that the spec modules (src/figures/fig*Spec.ts)
 * depend on vega-lite's types only, never on vega, vega-lite or resvg at run time.
 */
import type { TopLevelSpec } from 'vega-lite';

export type VegaLiteSpec = TopLevelSpec;
