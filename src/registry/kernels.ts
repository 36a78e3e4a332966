/**
 * The one registry of Monte Carlo kernels, composed above the domains: the sensing kernels
 * (src/sensing/kernels.ts) and the communication kernels (src/comm/kernels.ts). The Node worker
 * (src/registry/nodeWorker.ts), the inline runner (src/registry/inline.ts) and the browser worker
 * (src/web/mc/mcWorker.ts) all run chunks with it. Browser-safe.
 */
import { composeRegistry, type KernelRegistry } from '../parallel/kernel.ts';
import { sensingKernels } from '../sensing/kernels.ts';
import { commKernels } from '../comm/kernels.ts';

/** The registry of every Monte Carlo kernel of the library (sensing.crlbNested, sensing.network, sensing.localize, comm.typicalUser, comm.network, comm.rateCurve, comm.zfRateCurve, comm.rateTable). */
export const KERNELS: KernelRegistry = composeRegistry([...sensingKernels, ...commKernels]);
