/**
 * Shared by the Monte Carlo benches: the cost of the transcendental functions per call, measured in
 * the same run as a kernel (how close a kernel is to its arithmetic limit).
 */
import { Rng } from '../../src/math/rng.ts';

/**
 * ns per call of each function over 2¹⁶ arguments uniform in [lo, hi), `reps` passes, with the time
 * of a multiply loop subtracted (clamped at 0: Math.sqrt is one instruction and can time below it).
 */
export function nsPerCall<K extends string>(fns: Record<K, (x: number) => number>, lo: number, hi: number, reps: number): Record<K, number> & { loop: number } {
  const n = 1 << 16;
  const xs = new Float64Array(n);
  const rng = new Rng(123);
  for (let i = 0; i < n; i++) xs[i] = lo + (hi - lo) * rng.uniform();
  const time = (f: (x: number) => number): number => {
    let acc = 0;
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += f(xs[i]!);
    const ns = ((performance.now() - t0) * 1e6) / (reps * n);
    if (acc === 42) console.log('');
    return ns;
  };
  time(Math.log); // warm-up
  const loop = time((x) => x * 1.0000001);
  const out = { loop } as Record<K, number> & { loop: number };
  for (const k of Object.keys(fns) as K[]) (out as Record<K, number>)[k] = Math.max(0, time(fns[k]) - loop);
  return out;
}

/** ns per call of Math.log and Math.pow(x, −1.5) over [0.01, 100), loop overhead subtracted. */
export function transcendentalCost(): { logNs: number; powNs: number; loopNs: number } {
  const c = nsPerCall({ log: Math.log, pow: (x: number) => Math.pow(x, -1.5) }, 0.01, 100, 200);
  return { logNs: c.log, powNs: c.pow, loopNs: c.loop };
}
