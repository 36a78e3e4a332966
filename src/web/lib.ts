/**
 * The library functions the explorer displays, gathered in one place (pure modules only: no node:
 * imports, nothing from src/cli, src/figures/render.ts or src/parallel/nodePool.ts).
 */
export const kappaSLemma1: ((psi: number, muS: number, N: number) => number) | null = null;
