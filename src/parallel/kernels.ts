/**
 * Registry of Monte Carlo kernels. A kernel draws `count` independent trials from `rng` and returns
 * them as a flat Float64Array (count × record width, the width being the kernel's own contract).
 * Kernels are pure functions of (args, rng, count); they run unchanged in Node worker threads and in
 * browser Web Workers.
 */
import type { Rng } from '../math/rng.ts';
import type { KernelArgs } from './job.ts';
import { sensingKernels } from '../sensing/kernels.ts';
import { commKernels } from '../comm/kernels.ts';

export type Kernel = (args: KernelArgs, rng: Rng, count: number) => Float64Array;

const registry: Record<string, Kernel> = {
  ...sensingKernels,
  ...commKernels,
};

export function getKernel(name: string): Kernel {
  const k = registry[name];
  if (!k) throw new Error(`unknown Monte Carlo kernel "${name}" (known: ${Object.keys(registry).join(', ')})`);
  return k;
}

export function kernelNames(): string[] {
  return Object.keys(registry);
}
