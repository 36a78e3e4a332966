/**
 * The expected CRLB of your scenario for N = 6…50 to a tight CI with control variates: a pilot fits
 * the coefficients of 48 features with exactly known means (src/sensing/crlbControl.ts), then one run
 * gives, per N, the plain and the controlled mean with their 95% half-widths (m²) and the variance
 * reduction. The controls use no closed form, so the controlled mean also checks Prop. 1 (printed
 * beside it).
 *
 *   node --import tsx examples/crlb-control-variates.ts [trials] [seed]
 *
 * Uses only the public API ('isacnet'); results depend on the seed only.
 */
import { crlbControlEstimates, crlbProp1, crlbScaleM2, fitCrlbPilot, resolveParams, Rng, simulateCrlbNested } from 'isacnet';

const trials = Number(process.argv[2] ?? 50000);
const seed = Number(process.argv[3] ?? 1);
// Your scenario: denser BSs and a weaker radar than the paper's Section V.
const p = resolveParams({ lambdaB: 2, noisePowerDb: -75 });
const args = { Ns: [6, 8, 10, 15, 20, 30, 50], beta: p.beta };
const coefficients = fitCrlbPilot(args, seed);
const records = simulateCrlbNested({ ...args, output: 'control', coefficients }, new Rng(seed, 0), trials);
const scale = crlbScaleM2(p);
const rows = crlbControlEstimates(records, args.Ns).map((e) => ({
  N: e.N,
  prop1: crlbProp1(e.N, p),
  controlledMean: e.controlledMean * scale,
  controlledHalfWidth: e.controlledHalfWidth * scale,
  plainMean: e.plainMean * scale,
  plainHalfWidth: e.plainHalfWidth * scale,
  varianceReduction: e.varianceReduction,
}));
console.log(JSON.stringify({ params: { lambdaB: p.lambdaB, noisePowerDb: p.noisePowerDb }, trials, seed, unit: 'm²', rows }, null, 1));
