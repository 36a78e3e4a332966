/**
 * Typed Monte Carlo kernels. A kernel draws `count` independent trials from a random stream and
 * returns them as one flat Float64Array of records (count × record width). Kernels are pure
 * functions of (arguments, stream, count); they run unchanged inline, in Node worker threads and in
 * browser Web Workers, because their arguments are plain JSON.
 *
 * `defineKernel` pairs a name with an argument parser (which checks every field and throws a
 * `RangeError` naming it) and a simulator taking the parsed, typed arguments. `composeRegistry`
 * gathers kernels by name; the registry is composed once, above the domains (src/registry/kernels.ts),
 * and handed to the runners of this folder, which know no domain.
 *
 * @example
 * const k = defineKernel({
 *   name: 'example.uniform',
 *   parseArgs: (raw) => ({ scale: Number(raw.scale) }),
 *   simulate: (a, rng, count) => Float64Array.from({ length: count }, () => a.scale * rng.uniform()),
 * });
 * k.job({ scale: 2 }, 10, 1).kernel; // => "example.uniform"
 * composeRegistry([k]).names(); // => ["example.uniform"]
 */
import type { Rng } from '../math/rng.ts';
import type { KernelArgs, MonteCarloJob } from './jobTypes.ts';
import { UnknownArgumentError } from '../math/argumentError.ts';

export type { KernelArgs };

/** What every kernel offers a runner: its name and an entry point on raw (JSON) arguments. */
export interface AnyKernel {
  readonly name: string;
  /**
   * Parse and check `raw`, then simulate `count` trials from `rng`. `chunkIndex` is the index of the
   * chunk these trials belong to (default 0); Monte Carlo kernels ignore it (their stream already
   * depends on it), deterministic table kernels use it to find their rows.
   */
  run(raw: KernelArgs, rng: Rng, count: number, chunkIndex?: number): Float64Array;
}

export interface KernelDefinition<A> {
  /** Registry name, `domain.kernel` (e.g. `sensing.crlbNested`). */
  readonly name: string;
  /** Check every field of `raw` (throwing a RangeError that names it) and return typed arguments. */
  parseArgs(raw: KernelArgs): A;
  /** Simulate `count` trials with checked arguments (`chunkIndex`: see `AnyKernel.run`). */
  simulate(args: A, rng: Rng, count: number, chunkIndex: number): Float64Array;
}

export interface Kernel<A> extends AnyKernel, KernelDefinition<A> {
  /** A job of this kernel (arguments checked now, so a bad job fails before any worker starts). */
  job(args: A, trials: number, seed: number, chunkSize?: number): MonteCarloJob;
}

/**
 * A typed kernel from its definition (see the module comment): `run(raw, rng, count)` for the runners,
 * `job(args, trials, seed, chunkSize?)` for a checked job description.
 *
 * Formula: not in the paper (the Monte Carlo kernels of Eqs. (6), (8)–(9), (15)–(16) are built with it).
 * Method: `parseArgs` checks every field (also when the job is made, so a bad job fails before any
 * worker starts), `simulate` draws the trials.
 * Accuracy: not applicable; test/parallel/kernel.test.ts checks argument checking and registry use.
 * References: src/parallel/kernel.ts (module comment); docs/architecture.md (how a Monte Carlo job flows).
 *
 * @example
 * import { defineKernel, composeRegistry, Rng } from 'isacnet';
 * const coin = defineKernel({
 *   name: 'example.coin',
 *   parseArgs: (raw) => ({ p: Number(raw.p) }),
 *   simulate: (a, rng, count) => Float64Array.from({ length: count }, () => (rng.uniform() < a.p ? 1 : 0)),
 * });
 * const job = coin.job({ p: 0.3 }, 10000, 1);
 * [job.kernel, job.trials, job.seed]; // => ["example.coin", 10000, 1]
 * // run it with a registry of your own kernels (the library's runJobSync knows KERNELS only)
 * const reg = composeRegistry([coin]);
 * reg.get('example.coin').run({ p: 1 }, new Rng(1), 3); // => [1, 1, 1]
 */
export function defineKernel<A extends object>(def: KernelDefinition<A>): Kernel<A> {
  return {
    ...def,
    run(raw: KernelArgs, rng: Rng, count: number, chunkIndex = 0): Float64Array {
      return def.simulate(def.parseArgs(raw), rng, count, chunkIndex);
    },
    job(args: A, trials: number, seed: number, chunkSize?: number): MonteCarloJob {
      const raw = { ...(args as object) } as KernelArgs;
      def.parseArgs(raw);
      return chunkSize === undefined ? { kernel: def.name, args: raw, trials, seed } : { kernel: def.name, args: raw, trials, seed, chunkSize };
    },
  };
}

/** Kernels by name. */
export interface KernelRegistry {
  get(name: string): AnyKernel;
  names(): string[];
}

/**
 * A registry of the given kernels; duplicate names are an error.
 *
 * Formula: not in the paper.
 * Method: a Map by name; `get` throws for an unknown name, listing the known ones.
 * Accuracy: not applicable (test/parallel/kernel.test.ts).
 * References: src/registry/kernels.ts (the library's registry, KERNELS).
 *
 * @example
 * import { composeRegistry, KERNELS, crlbNestedKernel } from 'isacnet';
 * KERNELS.names(); // => ["sensing.crlbNested", "sensing.network", "sensing.localize", "comm.typicalUser", "comm.network", "comm.rateCurve", "comm.zfRateCurve", "comm.rateTable"]
 * composeRegistry([crlbNestedKernel]).names(); // => ["sensing.crlbNested"]
 */
export function composeRegistry(kernels: readonly AnyKernel[]): KernelRegistry {
  const byName = new Map<string, AnyKernel>();
  for (const k of kernels) {
    if (byName.has(k.name)) throw new Error(`duplicate Monte Carlo kernel name "${k.name}"`);
    byName.set(k.name, k);
  }
  return {
    get(name: string): AnyKernel {
      const k = byName.get(name);
      if (!k) throw new UnknownArgumentError(name, undefined, [...byName.keys()], 'Monte Carlo kernel');
      return k;
    },
    names: () => [...byName.keys()],
  };
}
