/**
 * Monte Carlo of the expected CRLB of Eq. (6) of arXiv:2403.20228 over random geometries, in
 * normalized units (|ζ|² = 1, πλ_b = 1; multiply by `crlbScaleM2` for m²).
 *
 * Method: one trial draws the nested geometry of the n_max nearest BSs (normalized areas
 * Γ_k = E_1 + … + E_k, d_k^{−β} = Γ_k^{−β/2}, iid uniform bearings; src/geometry/nearestDistances.ts)
 * and evaluates tr(F_N⁻¹) for every requested N ≤ n_max from running sums (src/sensing/fim.ts), in
 * O(n_max) per trial. The values for different N in one trial share their BSs (common random
 * numbers): each N's estimate is unbiased, and the curve over N is smooth.
 *
 * Kernel `sensing.crlbNested`: args { Ns: number[] (ascending integers ≥ 1), beta: number,
 * output?: 'crlb' | 'features' | 'control', coefficients?: number[][] }; record = one normalized CRLB
 * per entry of Ns (+∞ when the FIM is singular, always for N = 1); with output 'features' followed by
 * the 48 control features of src/sensing/crlbControl.ts (needs max Ns ≥ 6), with output 'control'
 * followed by one control value β(N)ᵀx per entry of Ns (`coefficients`: one row of 48 per entry, from
 * `fitCrlbControl`). The CRLBs are the same numbers in every output (the draws do not change).
 *
 * Random draws per trial, in order: for k = 1…n_max, one Exp(1) (ziggurat, src/math/exponentialZiggurat.ts)
 * then one 32-bit bearing θ = 2πj/2³² (cos/sin from an 11-bit table and an exact Taylor rotation).
 */
import { Rng } from '../math/rng.ts';
import type { MonteCarloJob } from '../parallel/job.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { ArgumentError, checkAscendingIntegers, checkInteger, checkOneOf, checkReal } from '../math/argumentError.ts';
import { exponentialZiggurat } from '../math/exponentialZiggurat.ts';
import { CRLB_CONTROL_AREAS, CRLB_FEATURE_COUNT, fillCrlbFeatures, fitCrlbControl } from './crlbControl.ts';

/** Bearing table: (cos, sin) of 2π i/2048, i = 0…2047, interleaved. */
const TABLE = new Float64Array(4096);
for (let i = 0; i < 2048; i++) {
  TABLE[2 * i] = Math.cos((2 * Math.PI * i) / 2048);
  TABLE[2 * i + 1] = Math.sin((2 * Math.PI * i) / 2048);
}
/** 2π/2³²: the angle of one unit of a 32-bit draw. */
const ANGLE_STEP = (2 * Math.PI) / 4294967296;
/** The singularity threshold of crlbFromStats (src/sensing/fim.ts): 32 ulp. */
const ROUNDING_GAP = 32 * Number.EPSILON;

/** Registry name of the nested CRLB kernel (record layout in the module comment). */
export const CRLB_NESTED_KERNEL = 'sensing.crlbNested';

export interface CrlbNestedArgs {
  /** Cluster sizes, ascending integers ≥ 1. */
  Ns: number[];
  /** Sensing path-loss exponent β ≥ 2. */
  beta: number;
  /**
   * Record layout (module comment): 'crlb' (default) = the CRLBs; 'features' = the CRLBs then the 48
   * control features (pilot sample); 'control' = the CRLBs then one control value per entry of Ns
   * (needs `coefficients`).
   */
  output?: 'crlb' | 'features' | 'control';
  /** Control coefficients, one row of 48 per entry of Ns (output 'control'; from `fitCrlbControl`). */
  coefficients?: number[][];
}

function parseArgs(args: KernelArgs): CrlbNestedArgs {
  const out: CrlbNestedArgs = { Ns: checkAscendingIntegers('Ns', args.Ns, 1), beta: checkReal('beta', args.beta, 2, 64) };
  if (args.output !== undefined) out.output = checkOneOf('output', args.output, ['crlb', 'features', 'control'] as const);
  const mode = out.output ?? 'crlb';
  const nMax = out.Ns[out.Ns.length - 1]!;
  if (mode !== 'crlb' && nMax < CRLB_CONTROL_AREAS) throw new ArgumentError('Ns', args.Ns, `max(Ns) ≥ ${CRLB_CONTROL_AREAS} with output '${mode}' (the control features use the ${CRLB_CONTROL_AREAS} nearest BSs)`);
  if (mode === 'control') {
    const a = args.coefficients;
    if (!Array.isArray(a) || a.length !== out.Ns.length) throw new ArgumentError('coefficients', a, `an array of ${out.Ns.length} arrays (one per entry of Ns) with output 'control'`);
    out.coefficients = (a as unknown[]).map((row, j) => {
      if (!Array.isArray(row) || row.length !== CRLB_FEATURE_COUNT) throw new ArgumentError(`coefficients[${j}]`, row, `an array of ${CRLB_FEATURE_COUNT} finite numbers`);
      return (row as unknown[]).map((v, i) => checkReal(`coefficients[${j}][${i}]`, v, -Infinity, Infinity));
    });
  } else if (args.coefficients !== undefined) {
    throw new ArgumentError('coefficients', '(given)', "only with output 'control'");
  }
  return out;
}

/**
 * Draw `count` nested geometries and return count × Ns.length normalized CRLB values (row-major:
 * trial t, entry i at t·Ns.length + i).
 *
 * Formula: samples of tr(F_N⁻¹) (Eqs. (5)–(6) of arXiv:2403.20228) over the PPP geometry of the N
 * nearest BSs, normalized (|ζ|² = 1, πλ_b = 1): Γ_k = E_1 + … + E_k, d_k^{−β} = Γ_k^{−β/2}, uniform
 * bearings; their mean is the expected CRLB of Eq. (6).
 * Method: one geometry of max(Ns) BSs per trial, running FIM statistics, the CRLB read off at each N
 * (common random numbers across N), O(max N) per trial.
 * Accuracy: exact in distribution; the mean agrees with an independent numpy Monte Carlo (PPP in a
 * disc, literal FIM) within 4 combined SE for N = 6, 10, 20, the medians for N = 2, 3 within 3
 * half-widths (test/sensing/crlbMonteCarlo.test.ts).
 * References: arXiv:2403.20228, Eq. (6); docs/sensing.md.
 *
 * @example
 * import { simulateCrlbNested, Rng } from 'isacnet';
 * // two trials, N = 1 (always singular) and N = 4; seed 1
 * Array.from(simulateCrlbNested({ Ns: [1, 4], beta: 2 }, new Rng(1), 2)); // => [Infinity, 1.2792, Infinity, 4.0836]
 */
export function simulateCrlbNested(args: CrlbNestedArgs, rng: Rng, count: number): Float64Array {
  const { Ns, beta } = args;
  const width = Ns.length;
  const nMax = Ns[width - 1]!;
  const output = args.output ?? 'crlb';
  const featuresOn = output !== 'crlb';
  if (featuresOn && nMax < CRLB_CONTROL_AREAS) throw new ArgumentError('Ns', Ns, `max(Ns) ≥ ${CRLB_CONTROL_AREAS} with output '${output}'`);
  const nF = CRLB_FEATURE_COUNT;
  const nA = CRLB_CONTROL_AREAS;
  const extra = output === 'features' ? nF : output === 'control' ? width : 0;
  const stride = width + extra;
  let coef: Float64Array | null = null;
  const zeroRow = new Uint8Array(width);
  if (output === 'control') {
    const rows = args.coefficients;
    if (rows === undefined || rows.length !== width) throw new ArgumentError('coefficients', rows, `an array of ${width} arrays with output 'control'`);
    coef = new Float64Array(width * nF);
    for (let j = 0; j < width; j++) {
      coef.set(rows[j]!, j * nF);
      zeroRow[j] = rows[j]!.every((b) => b === 0) ? 1 : 0;
    }
  }
  const fill = fillCrlbFeatures; // local alias (no imported-binding read per trial)
  const areaB = new Float64Array(nA);
  const cos2B = new Float64Array(nA);
  const sin2B = new Float64Array(nA);
  const x = new Float64Array(nF);
  const out = new Float64Array(count * stride);
  const halfBeta = beta / 2;
  const mode = beta === 2 ? 2 : beta === 4 ? 4 : 0; // fast paths: integer powers of Γ_k, no Math.pow
  const zig = exponentialZiggurat; // local alias: no imported-binding read per draw (tsx reads bindings through getters)
  // next[k] = 1 when k is a requested N (k = 1…n_max)
  const wanted = new Uint8Array(nMax + 1);
  for (let i = 0; i < width; i++) wanted[Ns[i]!] = 1;
  let o = 0;
  for (let t = 0; t < count; t++) {
    const base = o;
    let W = 0;
    let sx = 0;
    let sy = 0;
    let c2 = 0;
    let d2 = 0;
    let area = 0;
    for (let k = 1; k <= nMax; k++) {
      area += zig(rng);
      // bearing θ = 2π j/2³² (j uniform 32-bit): table at the top 11 bits, exact rotation by the rest
      const j = rng.nextUint32();
      const ti = (j >>> 21) << 1;
      const dl = (j & 0x1fffff) * ANGLE_STEP;
      const dl2 = dl * dl;
      const sd = dl * (1 - (dl2 / 6) * (1 - (dl2 / 20) * (1 - dl2 / 42)));
      const cd = 1 - (dl2 / 2) * (1 - (dl2 / 12) * (1 - dl2 / 30));
      const ca = TABLE[ti]!;
      const sa = TABLE[ti + 1]!;
      const c = ca * cd - sa * sd;
      const s = sa * cd + ca * sd;
      const w = mode === 2 ? 1 / area : mode === 4 ? 1 / (area * area) : Math.pow(area, -halfBeta);
      const wc = w * c;
      const ws = w * s;
      W += w;
      sx += wc;
      sy += ws;
      c2 += wc * c - ws * s;
      d2 += 2 * wc * s;
      if (featuresOn && k <= nA) {
        areaB[k - 1] = area;
        cos2B[k - 1] = c * c - s * s;
        sin2B[k - 1] = 2 * c * s;
      }
      if (wanted[k] === 1) {
        // crlbFromStats (src/sensing/fim.ts) inlined, |ζ|² = 1, with √(C² + D²) for Math.hypot
        const s2 = sx * sx + sy * sy;
        const R = Math.sqrt(c2 * c2 + d2 * d2);
        const gap = W - R <= ROUNDING_GAP * W ? 0 : W - R;
        const detA = (gap * (W + R)) / 4;
        const quadRaw = ((W - c2) * sx * sx - 2 * d2 * sx * sy + (W + c2) * sy * sy) / 2;
        const quad = quadRaw <= ROUNDING_GAP * W * s2 ? 0 : quadRaw;
        const det = W * W * detA + W * quad;
        out[o++] = det > 0 ? (W * W + s2) / (2 * det) : Infinity;
      }
    }
    if (featuresOn) {
      if (coef === null) {
        fill(out, o, areaB, cos2B, sin2B);
      } else {
        fill(x, 0, areaB, cos2B, sin2B);
        controls(coef, zeroRow, x, out, o, width);
      }
      o = base + stride;
    }
  }
  return out;
}

/**
 * out[o + j] = β_jᵀx for the `width` rows of `coef` (48 each; rows flagged in `zeroRow` skipped, the
 * output is zero-filled): the controls of one trial, in a small function of its own so that the JIT
 * optimizes it apart from the trial loop. Four accumulators (48 is a multiple of 4).
 */
function controls(coef: Float64Array, zeroRow: Uint8Array, x: Float64Array, out: Float64Array, o: number, width: number): void {
  for (let j = 0; j < width; j++) {
    if (zeroRow[j] === 1) continue;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let i = 0, co = j * 48; i < 48; i += 4, co += 4) {
      p0 += coef[co]! * x[i]!;
      p1 += coef[co + 1]! * x[i + 1]!;
      p2 += coef[co + 2]! * x[i + 2]!;
      p3 += coef[co + 3]! * x[i + 3]!;
    }
    out[o + j] = p0 + p1 + (p2 + p3);
  }
}

/** Kernel `sensing.crlbNested` (record layout in the module comment). */
export const crlbNestedKernel = defineKernel<CrlbNestedArgs>({ name: CRLB_NESTED_KERNEL, parseArgs, simulate: simulateCrlbNested });

/**
 * Extract column i (one N) of a nested-kernel output.
 *
 * Formula: not in the paper (record layout: trial t, entry i at t·width + i).
 * Method: strided copy.
 * Accuracy: exact.
 * References: src/sensing/crlbMonteCarlo.ts (module comment).
 *
 * @example
 * import { column } from 'isacnet';
 * Array.from(column(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 1)); // => [2, 5]
 */
export function column(samples: Float64Array, width: number, i: number): Float64Array {
  const n = samples.length / width;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = samples[t * width + i];
  return out;
}

/**
 * The Monte Carlo job of the nested CRLB kernel (chunk size fixed at the job default).
 *
 * Formula: the expected CRLB of Eq. (6) of arXiv:2403.20228 by Monte Carlo (see `simulateCrlbNested`).
 * Method: Ns sorted and deduplicated; `trials` geometries cut into chunks of 4096, chunk c drawn from
 * the stream (seed, c) (src/parallel/job.ts), so the samples depend on the seed only.
 * Accuracy: Monte Carlo: 10⁶ geometries give E[CRLB] at N = 10 as 0.2675 [0.2668, 0.2682] (normalized,
 * seed 1, docs/sensing.md); identical samples for 1 and 2 threads (test/sensing/crlbMonteCarlo.test.ts).
 * References: arXiv:2403.20228, Eq. (6) and Fig. 2; docs/sensing.md.
 *
 * @example
 * import { crlbNestedJob, runJobSync, column, summarizeCrlbSamples } from 'isacnet';
 * const samples = runJobSync(crlbNestedJob([2, 10], 2, 20000, 1));
 * const s = summarizeCrlbSamples(column(samples, 2, 1), 10);
 * // seed 1, 20 000 geometries (normalized units)
 * s.mean; // => 0.26900
 * s.median; // => 0.15554
 */
export function crlbNestedJob(Ns: number[], beta: number, trials: number, seed: number): MonteCarloJob {
  const sortedNs = [...new Set(Ns)].sort((a, b) => a - b);
  return crlbNestedKernel.job({ Ns: sortedNs, beta }, trials, seed);
}

/** Random stream of the control-variate pilot sample, (seed, 2³² − 1): chunk streams count up from 0 and never reach it. */
export const CRLB_PILOT_STREAM = 4294967295;

/**
 * Fit the nested CRLB's control coefficients on a pilot sample of its own stream (seed, 2³² − 1),
 * ready to pass as `coefficients` with `output: 'control'`.
 *
 * Formula: not in the paper; the control variates of src/sensing/crlbControl.ts for Eq. (6) of
 * arXiv:2403.20228.
 * Method: `pilotTrials` geometries with output 'features', then `fitCrlbControl`.
 * Accuracy: any coefficients give an unbiased controlled estimate; 4096 pilot trials (the default)
 * reach a variance reduction of ≈ 17 at N = 10 with β = 2 (docs/performance.md).
 * References: src/sensing/crlbControl.ts (module comment); docs/performance.md (Sensing).
 *
 * @example
 * import { fitCrlbPilot, simulateCrlbNested, crlbControlEstimates, Rng } from 'isacnet';
 * const args = { Ns: [3, 10, 20], beta: 2 };
 * const coefficients = fitCrlbPilot(args, 7);
 * const rec = simulateCrlbNested({ ...args, output: 'control', coefficients }, new Rng(7, 0), 20000);
 * const est = crlbControlEstimates(rec, args.Ns);
 * // N = 10 and N = 20 (N = 3 has no finite variance): the controlled CI is several times narrower
 * est.map((e) => [e.N, e.varianceReduction > 5]); // => [[10, true], [20, true]]
 */
export function fitCrlbPilot(args: CrlbNestedArgs, seed: number, pilotTrials = 4096): number[][] {
  const trials = checkInteger('pilotTrials', pilotTrials, 100, 1e7);
  const Ns = checkAscendingIntegers('Ns', args.Ns, 1);
  const beta = checkReal('beta', args.beta, 2, 64);
  const rec = simulateCrlbNested({ Ns, beta, output: 'features' }, new Rng(seed, CRLB_PILOT_STREAM), trials);
  return fitCrlbControl(rec, Ns);
}
