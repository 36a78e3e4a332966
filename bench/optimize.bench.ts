/**
 * Optimizer benchmarks (`npm run bench -- optimize`):
 *  - the paper's setting with the exact rate and Eq. (16): time and rate evaluations of the rate
 *    envelope (L ≤ 30) and of the whole trade-off (Pareto boundary, corners, time-sharing,
 *    non-cooperative, containment, weighted optimum) for C_backhaul = 4, 6, 8;
 *  - the fast weighted algorithm against exhaustive search (every (L, N) pair): rate evaluations
 *    and time, on the synthetic test model (L ≤ 8, C = 4, 6) and on the exact rate (L ≤ 3, e = 1).
 */
import { rateModel, eq16CrlbModel } from '../src/optimize/models.ts';
import { buildEnvelope, solveTradeoff } from '../src/optimize/tradeoff.ts';
import { RateEnvelope } from '../src/optimize/rateEnvelope.ts';
import { SensingTable } from '../src/optimize/sensingTable.ts';
import { Frontier } from '../src/optimize/frontier.ts';
import { optimizeWeighted } from '../src/optimize/weighted.ts';
import { exhaustiveWeighted } from '../src/optimize/exhaustive.ts';
import type { BackhaulProblem, CrlbModel, ClusterRateModel } from '../src/optimize/model.ts';
import { defaultParams } from '../src/params/schema.ts';

function counted(model: ClusterRateModel): { model: ClusterRateModel; count: () => number } {
  let n = 0;
  return {
    model: { name: model.name, concaveInPc: model.concaveInPc, rate: (L, pc) => (n++, model.rate(L, pc)) },
    count: () => n,
  };
}

function fastVsExhaustive(label: string, rate: ClusterRateModel, crlb: CrlbModel, problem: BackhaulProblem, w: number, gridPoints: number): void {
  const c = counted(rate);
  let t0 = performance.now();
  const env = new RateEnvelope(c.model, problem.maxL);
  const f = new Frontier(env, new SensingTable(crlb, problem), problem);
  const fast = optimizeWeighted(f, w);
  const tFast = performance.now() - t0;
  const nFast = c.count();
  const e = counted(rate);
  const cache = new Map<string, number>();
  t0 = performance.now();
  const ref = exhaustiveWeighted(
    {
      rate: (L, pc) => {
        const k = `${L}|${pc}`;
        let v = cache.get(k);
        if (v === undefined) cache.set(k, (v = e.model.rate(L, pc)));
        return v;
      },
      crlbFull: (N) => crlb.crlbFullPower(N),
    },
    problem,
    w,
    gridPoints,
    1e-9,
  );
  const tEx = performance.now() - t0;
  console.log(
    `${label}, w = ${w}: fast ${nFast} rate evaluations (incl. ${(problem.maxL * (env.grid.length))} for the table), ${tFast.toFixed(0)} ms → (L, N, p^c) = (${fast.L}, ${fast.N}, ${fast.pc.toFixed(6)}); exhaustive ${e.count()} evaluations, ${tEx.toFixed(0)} ms → (${ref?.L}, ${ref?.N}, ${ref?.pc.toFixed(6)}); |ΔJ| = ${Math.abs(fast.objective - (ref?.objective ?? NaN)).toExponential(1)}`,
  );
}

export async function run(): Promise<void> {
  const p = defaultParams();
  const rate = counted(rateModel('exact', p));
  let t0 = performance.now();
  const env = buildEnvelope(rate.model, 30);
  console.log(`rate envelope (exact rate, L = 1…30, ${env.grid.length} powers): ${rate.count()} evaluations, ${((performance.now() - t0) / 1000).toFixed(2)} s; best L at every grid power: ${[...new Set(env.gridArg.slice(1))].join(', ')}`);
  const crlb = eq16CrlbModel(p);
  for (const C of [4, 6, 8]) {
    const before = rate.count();
    t0 = performance.now();
    const r = solveTradeoff(env, crlb, { backhaul: C, e: p.e, maxL: 30, maxN: 200 }, { weight: 0.5 });
    const w = r.weighted;
    console.log(
      `C_backhaul = ${C}: ${r.pareto.length} Pareto points, ${rate.count() - before} more rate evaluations, ${((performance.now() - t0) / 1000).toFixed(2)} s; ` +
        `comm corner ${r.corners.comm.rate.toFixed(4)} nats/s/Hz (L = ${r.corners.comm.L}), sens corner ${r.corners.sens.crlbA?.toExponential(4)} m² (N = ${r.corners.sens.N}); ` +
        `TS contained: ${r.containment.contained}${r.containment.uncoveredTau ? ` (not for τ ∈ [${r.containment.uncoveredTau.join(', ')}])` : ''}; ` +
        `weighted w = 0.5: R = ${w?.rate.toFixed(4)}, CRLB_a = ${w?.crlbA?.toExponential(4)}, (L, N, p^c) = (${w?.L}, ${w?.N}, ${w?.pc.toFixed(4)})`,
    );
  }

  // Fast vs exhaustive on the synthetic model of the tests.
  const synth: ClusterRateModel = {
    name: 'synthetic',
    concaveInPc: true,
    rate: (L, pc) => (1 + 0.45 * L - 0.03 * L * L) * Math.log1p((12 / Math.pow(L, 0.7)) * pc),
  };
  const synthCrlb: CrlbModel = {
    name: 'synthetic',
    crlbFullPower: (N) => {
      if (N < 2) return Infinity;
      const k = N <= 8 ? 1 : Math.pow(8 / N, 0.8);
      return (1000 / (Math.log(N) ** 2 * k * k)) * (1 + 0.2 * Math.sin(1.7 * N));
    },
  };
  for (const C of [4, 6]) fastVsExhaustive(`synthetic (L ≤ 8), C = ${C}`, synth, synthCrlb, { backhaul: C, e: 0.2, maxL: 8, maxN: 100 }, 0.5, 401);
  fastVsExhaustive('exact rate + Eq. (16) (L ≤ 3, e = 1, C = 5)', rateModel('exact', p), crlb, { backhaul: 5, e: 1, maxL: 3, maxN: 100 }, 0.6, 41);
}
