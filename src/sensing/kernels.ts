import type { Kernel } from '../parallel/kernels.ts';
import { CRLB_NESTED_KERNEL, crlbNestedKernel } from './crlbMonteCarlo.ts';
import { SENSING_NETWORK_KERNEL, sensingNetworkKernel } from './network.ts';

/** Sensing Monte Carlo kernels (see the sensing modules for each one's record layout). */
export const sensingKernels: Record<string, Kernel> = {
  [CRLB_NESTED_KERNEL]: crlbNestedKernel,
  [SENSING_NETWORK_KERNEL]: sensingNetworkKernel,
};
