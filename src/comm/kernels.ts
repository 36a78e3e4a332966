/** The communication Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { typicalUserKernel } from './typicalUser.ts';
import { commNetworkKernel } from './network.ts';
import { rateCurveKernel } from './rateCurve.ts';

/** The communication kernels for a registry: `comm.typicalUser`, `comm.network` and `comm.rateCurve`. */
export const commKernels: readonly AnyKernel[] = [typicalUserKernel, commNetworkKernel, rateCurveKernel];
