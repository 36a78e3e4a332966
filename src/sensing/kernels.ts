/** The sensing Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { crlbNestedKernel } from './crlbMonteCarlo.ts';
import { sensingNetworkKernel } from './network.ts';
import { localizeKernel } from './localizeMonteCarlo.ts';

/** The sensing kernels for a registry: `sensing.crlbNested`, `sensing.network` and `sensing.localize`. */
export const sensingKernels: readonly AnyKernel[] = [crlbNestedKernel, sensingNetworkKernel, localizeKernel];
