import type { Kernel } from '../parallel/kernels.ts';

/** Sensing Monte Carlo kernels (see the sensing modules for each one's record layout). */
export const sensingKernels: Record<string, Kernel> = {};
