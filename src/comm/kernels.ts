import type { Kernel } from '../parallel/kernels.ts';

/** Communication Monte Carlo kernels (see the comm modules for each one's record layout). */
export const commKernels: Record<string, Kernel> = {};
