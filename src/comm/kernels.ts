/** The communication Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { typicalUserKernel } from './typicalUser.ts';
import { commNetworkKernel } from './network.ts';

/** The communication kernels for a registry: `comm.typicalUser` and `comm.network`. */
export const commKernels: readonly AnyKernel[] = [typicalUserKernel, commNetworkKernel];
