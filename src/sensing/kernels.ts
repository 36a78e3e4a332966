/** The sensing Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { crlbNestedKernel } from './crlbMonteCarlo.ts';
import { sensingNetworkKernel } from './network.ts';

/** The sensing kernels for a registry: `sensing.crlbNested` and `sensing.network`. */
export const sensingKernels: readonly AnyKernel[] = [crlbNestedKernel, sensingNetworkKernel];
