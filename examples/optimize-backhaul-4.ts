/**
 * The rate–CRLB trade-off at a tight backhaul (C_backhaul = 4 nats/s/Hz, e = 0.3 per sensing BS):
 * the Pareto boundary, the two corners and whether time-sharing beats cooperation somewhere.
 *
 *   node --import tsx examples/optimize-backhaul-4.ts
 *
 * Uses only the public API ('isacnet'); the CLI equivalent is
 * `isacnet optimize --backhaul 4 --e 0.3 --json`.
 */
import { eq16CrlbModel, optimizeTradeoff, rateModel, resolveParams } from 'isacnet';

const p = resolveParams({ backhaul: 4, e: 0.3 });
const res = optimizeTradeoff(rateModel('exact', p), eq16CrlbModel(p), { backhaul: p.backhaul, e: p.e, maxL: 30, maxN: 200 });
console.log(
  JSON.stringify(
    {
      backhaul: p.backhaul,
      e: p.e,
      paretoPoints: res.pareto.length,
      corners: { comm: { rate: res.corners.comm.rate, L: res.corners.comm.L }, sens: { crlbA: res.corners.sens.crlbA, N: res.corners.sens.N } },
      timeSharingBeatsCooperationFor: res.containment.contained ? null : res.containment.uncoveredTau,
    },
    null,
    1,
  ),
);
