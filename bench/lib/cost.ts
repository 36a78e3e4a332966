/**
 * Shared by the Monte Carlo benches: the cost of the transcendental functions per call, measured in
 * the same run as a kernel (how close a kernel is to its arithmetic limit).
 */
import { Rng } from '../../src/math/rng.ts';

/** ns per call of Math.log and Math.pow(x, −1.5) over 2¹⁶ arguments in [0.01, 100), loop overhead subtracted. */
export function transcendentalCost(): { logNs: number; powNs: number; loopNs: number } {
  const n = 1 << 16;
  const xs = new Float64Array(n);
  const rng = new Rng(123);
  for (let i = 0; i < n; i++) xs[i] = 0.01 + 100 * rng.uniform();
  const reps = 200;
  const time = (f: (x: number) => number): number => {
    let acc = 0;
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += f(xs[i]!);
    const ns = ((performance.now() - t0) * 1e6) / (reps * n);
    if (acc === 42) console.log('');
    return ns;
  };
  time(Math.log); // warm-up
  const loopNs = time((x) => x * 1.0000001);
  return { logNs: time(Math.log) - loopNs, powNs: time((x) => Math.pow(x, -1.5)) - loopNs, loopNs };
}

