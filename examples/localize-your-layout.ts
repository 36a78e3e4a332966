/**
 * Localization in your own BS layout (beyond the paper): five BSs at fixed positions (m), one target,
 * the range-sum measurements whose Fisher information is Eq. (5) at the scenario's |ζ|² and 30 dB
 * above it, the MLE and the linearized LS estimate over noise draws, against the CRLB of this geometry.
 *
 *   node --import tsx examples/localize-your-layout.ts [draws] [seed]
 *
 * Uses only the public API ('isacnet'); results depend on the seed only.
 */
import { Rng, defaultParams, localizeLs, localizeMle, rangeSumFim, simulateRangeSums, traceInverse, zeta2M2 } from 'isacnet';

const draws = Number(process.argv[2] ?? 400);
const seed = Number(process.argv[3] ?? 1);
const bsX = [0, 900, 300, -700, 1200];
const bsY = [0, 100, 1100, 600, -800];
const target = { x: 250, y: 300 };
const p = defaultParams();
const beta = p.beta;
const rows = [0, 30].map((snrDb) => {
  const zeta2 = zeta2M2(p) * 10 ** (snrDb / 10); // m² units with distances in m, as crlbScaleM2
  const crlb = traceInverse(rangeSumFim(bsX, bsY, target, beta, zeta2));
  const gains = bsX.map((x, i) => Math.hypot(target.x - x, target.y - bsY[i]) ** -beta); // known link SNRs
  const rng = new Rng(seed);
  let mle = 0;
  let ls = 0;
  for (let t = 0; t < draws; t++) {
    const ranges = simulateRangeSums(rng, bsX, bsY, target, beta, zeta2);
    const problem = { n: bsX.length, bsX, bsY, ranges, gains, zeta2 };
    const a = localizeMle(problem);
    const b = localizeLs(problem);
    mle += (a.x - target.x) ** 2 + (a.y - target.y) ** 2;
    ls += (b.x - target.x) ** 2 + (b.y - target.y) ** 2;
  }
  return { snrDb, sqrtCrlbM: Math.sqrt(crlb), mleRmseM: Math.sqrt(mle / draws), lsRmseM: Math.sqrt(ls / draws), mleMseOverCrlb: mle / draws / crlb };
});
console.log(JSON.stringify({ bsX, bsY, target, draws, seed, rows }, null, 1));
