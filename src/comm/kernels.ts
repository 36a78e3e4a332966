/** The communication Monte Carlo kernels (record layouts in their modules). */
import type { AnyKernel } from '../parallel/kernel.ts';
import { typicalUserKernel } from './typicalUser.ts';
import { commNetworkKernel } from './network.ts';
import { rateCurveKernel } from './rateCurve.ts';
import { zfRateCurveKernel } from './zfRateCurve.ts';
import { rateTableKernel } from './rateTable.ts';

/** The communication kernels for a registry: `comm.typicalUser`, `comm.network`, `comm.rateCurve`, `comm.zfRateCurve` and `comm.rateTable` (closed forms, deterministic). */
export const commKernels: readonly AnyKernel[] = [typicalUserKernel, commNetworkKernel, rateCurveKernel, zfRateCurveKernel, rateTableKernel];
