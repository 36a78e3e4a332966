/**
 * A CRLB-vs-N table for your own scenario, with Monte Carlo: Prop. 1 (Eq. 12), Theorem 1 as printed
 * and corrected, and the simulated mean (where it exists, N ≥ 4) and median, in m².
 *
 *   node --import tsx examples/crlb-vs-n.ts [trials] [seed]
 *
 * Uses only the public API ('isacnet'); results depend on the seed only.
 */
import { column, crlbNestedJob, crlbProp1, crlbScaleM2, crlbTheorem1Corrected, crlbTheorem1Printed, resolveParams, runJobSync, summarizeCrlbSamples } from 'isacnet';

const trials = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
// Your scenario: denser BSs and a weaker radar than the paper's Section V.
const p = resolveParams({ lambdaB: 2, noisePowerDb: -75 });
const Ns = [2, 3, 4, 6, 10, 20];
const samples = runJobSync(crlbNestedJob(Ns, p.beta, trials, seed));
const scale = crlbScaleM2(p);
const rows = Ns.map((N, i) => {
  const mc = summarizeCrlbSamples(column(samples, Ns.length, i), N);
  return {
    N,
    prop1: crlbProp1(N, p),
    thm1Printed: crlbTheorem1Printed(N, p),
    thm1Corrected: crlbTheorem1Corrected(N, p),
    mcMean: mc.mean === null ? null : mc.mean * scale,
    mcMedian: mc.median === null ? null : mc.median * scale,
  };
});
console.log(JSON.stringify({ params: { lambdaB: p.lambdaB, noisePowerDb: p.noisePowerDb }, trials, seed, unit: 'm²', rows }, null, 1));
