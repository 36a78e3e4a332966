import type { Kernel } from '../parallel/kernels.ts';
import type { KernelArgs } from '../parallel/job.ts';
import { simulateTypicalUser, type TypicalUserArgs } from './typicalUser.ts';
import { simulateNetworkCoMP, type NetworkCoMPArgs } from './network.ts';

/** Communication Monte Carlo kernels (see the comm modules for each one's record layout). */
export const commKernels: Record<string, Kernel> = {
  'comm.typicalUser': (args: KernelArgs, rng, count) => simulateTypicalUser(args as unknown as TypicalUserArgs, rng, count),
  'comm.network': (args: KernelArgs, rng, count) => simulateNetworkCoMP(args as unknown as NetworkCoMPArgs, rng, count),
};
