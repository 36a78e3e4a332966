/** The sensing Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { crlbNestedKernel } from './crlbMonteCarlo.ts';
import { sensingNetworkKernel } from './network.ts';

export const sensingKernels: readonly AnyKernel[] = [crlbNestedKernel, sensingNetworkKernel];
