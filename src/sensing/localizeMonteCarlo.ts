/**
 * Monte Carlo of localization estimators against the CRLB (beyond arXiv:2403.20228), in normalized
 * units (πλ_b = 1; the SNR η is |ζ|² in these units, η = |ζ|²(πλ_b)^{1−β} for |ζ|² in m^{2β−2}).
 *
 * Method: one trial = one geometry of the n_max nearest BSs (drawn like `sensing.crlbNested`: areas
 * Γ_k = E_1 + … + E_k, d_k = √Γ_k, uniform bearings; target at the origin), then `draws` noise
 * draws of the n_max × n_max standard normals z_ij of the range-sum model (src/sensing/localization.ts).
 * For every SNR η of `etas` and every N of `Ns` the range sums are r_ij = d_i + d_j + z_ij (d_i d_j)^{β/2}/√η
 * over the first N BSs (common random numbers across N and η), and the MLE and the LS estimate are
 * computed. The per-geometry CRLB at η is crlb1/η (crlb1 = tr F⁻¹ with |ζ|² = 1).
 *
 * Kernel `sensing.localize`: args { Ns (ascending integers ≥ 2), etas (SNRs > 0), beta, draws ≥ 1,
 * outlierMultiple > 0 }. Record (one per geometry), for each N (index a): [crlb1] then for each η
 * (index s) and estimator (MLE, then LS) the 4 sums over the draws [Σ‖e‖², Σ e_x, Σ e_y, outliers],
 * outliers = draws with ‖e‖ > outlierMultiple · √(crlb1/η). Width = |Ns| (1 + 8|etas|).
 *
 * Powers go through `portablePow` (no Math.pow), so that Node and the browser give the same bits.
 *
 * Random draws per trial, in order: for k = 1…n_max one Exp(1) (−ln U) then one uniform bearing;
 * then for each draw the n_max² normals z_ij row by row.
 */
import type { Rng } from '../math/rng.ts';
import type { MonteCarloJob } from '../parallel/job.ts';
import { defineKernel, type KernelArgs } from '../parallel/kernel.ts';
import { ArgumentError, checkAscendingIntegers, checkInteger, checkReal } from '../math/argumentError.ts';
import { crlbFromStats, type FimStats } from './fim.ts';
import { powInt } from '../math/powInt.ts';
import { localizeLs, localizeMle, problemRegion, type RangeSumProblem } from './localization.ts';

/** Registry name of the localization kernel (record layout in the module comment). */
export const LOCALIZE_KERNEL = 'sensing.localize';

/** Geometries per chunk of the localization job (part of the result's identity: fixed). */
export const LOCALIZE_CHUNK = 8;

/** Sums recorded per (N, η, estimator). */
export const LOCALIZE_FIELDS = ['sumSq', 'sumEx', 'sumEy', 'outliers'] as const;

export interface LocalizeArgs {
  /** Cluster sizes, ascending integers ≥ 2 (N = 1 fixes no 2-D position). */
  Ns: number[];
  /** Normalized SNRs η > 0 (|ζ|² with πλ_b = 1). */
  etas: number[];
  /** Sensing path-loss exponent β ≥ 2. */
  beta: number;
  /** Noise draws per geometry. */
  draws: number;
  /** Outlier threshold in units of √CRLB of the geometry. */
  outlierMultiple: number;
}

function parseArgs(args: KernelArgs): LocalizeArgs {
  const Ns = checkAscendingIntegers('Ns', args.Ns, 2, 1000);
  const etas = args.etas;
  if (!Array.isArray(etas) || etas.length === 0) throw new ArgumentError('etas', etas, 'a non-empty array of positive numbers');
  etas.forEach((e, i) => checkReal(`etas[${i}]`, e, 0, Number.MAX_VALUE, { minExclusive: true }));
  return {
    Ns,
    etas: etas as number[],
    beta: checkReal('beta', args.beta, 2, 64),
    draws: checkInteger('draws', args.draws, 1, 1e6),
    outlierMultiple: checkReal('outlierMultiple', args.outlierMultiple, 0, 1e6, { minExclusive: true }),
  };
}

/**
 * x^y with the same bits in every JavaScript engine: Math.pow is not correctly rounded and differs
 * between Node's and Chromium's V8 in the last bit (10% of arguments measured), which the MLE's
 * iterations amplify; integer y goes through repeated squaring, other y through exp(y ln x)
 * (Math.exp and Math.log agree across the engines tested).
 */
function portablePow(x: number, y: number): number {
  return Number.isInteger(y) && y >= 0 && y <= 64 ? powInt(x, y) : Math.exp(y * Math.log(x));
}

/**
 * Record width of the kernel for |Ns| cluster sizes and |etas| SNRs.
 *
 * Formula: not in the paper (record layout: per N one CRLB, then 4 sums per SNR and estimator).
 * Method: |Ns| (1 + 8 |etas|).
 * Accuracy: exact.
 * References: src/sensing/localizeMonteCarlo.ts (module comment).
 *
 * @example
 * import { localizeRecordWidth } from 'isacnet';
 * localizeRecordWidth(3, 5); // => 123
 */
export function localizeRecordWidth(nN: number, nEta: number): number {
  return nN * (1 + 8 * nEta);
}

/**
 * Simulate `count` geometries (see the module comment for the record layout).
 *
 * Formula: not in the paper: per geometry, the CRLB tr F⁻¹ of Eqs. (5)–(6) of arXiv:2403.20228 and the
 * squared errors of the MLE and the LS estimate over noise draws of the range-sum model whose FIM is
 * Eq. (5) (docs/sensing.md).
 * Method: nested geometry of max(Ns) BSs; common noise across N and η; `localizeMle` (grid 16, 3 starts)
 * and `localizeLs` on the first N BSs.
 * Accuracy: exact in distribution; at high SNR the MLE's MSE equals the CRLB within Monte Carlo error
 * (test/sensing/localization.test.ts).
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { simulateLocalize, Rng } from 'isacnet';
 * // one geometry of 4 BSs, one noise draw at η = 10⁸: the MLE error is close to the bound
 * const rec = simulateLocalize({ Ns: [4], etas: [1e8], beta: 2, draws: 1, outlierMultiple: 5 }, new Rng(1), 1);
 * [rec.length, rec[1] / (rec[0] / 1e8) < 20]; // => [9, true]
 */
export function simulateLocalize(args: LocalizeArgs, rng: Rng, count: number): Float64Array {
  const { Ns, etas, beta, draws, outlierMultiple } = args;
  const nN = Ns.length;
  const nS = etas.length;
  const nMax = Ns[nN - 1];
  const width = localizeRecordWidth(nN, nS);
  const out = new Float64Array(count * width);
  const bsX = new Float64Array(nMax);
  const bsY = new Float64Array(nMax);
  const d = new Float64Array(nMax);
  const g = new Float64Array(nMax);
  const sd = new Float64Array(nMax);
  const z = new Float64Array(nMax * nMax);
  const ranges = new Float64Array(nMax * nMax);
  const crlb1 = new Float64Array(nN);
  const st: FimStats = { w: 0, sx: 0, sy: 0, c2: 0, d2: 0 };
  for (let t = 0; t < count; t++) {
    const base = t * width;
    st.w = 0;
    st.sx = 0;
    st.sy = 0;
    st.c2 = 0;
    st.d2 = 0;
    let area = 0;
    let next = 0;
    for (let k = 0; k < nMax; k++) {
      area += -Math.log(rng.uniformOpen());
      const theta = 2 * Math.PI * rng.uniform();
      d[k] = Math.sqrt(area);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      bsX[k] = d[k] * c;
      bsY[k] = d[k] * s;
      const dBeta = portablePow(d[k], beta);
      g[k] = 1 / dBeta;
      sd[k] = Math.sqrt(dBeta);
      st.w += g[k];
      st.sx += g[k] * c;
      st.sy += g[k] * s;
      st.c2 += g[k] * (c * c - s * s);
      st.d2 += g[k] * 2 * s * c;
      if (k + 1 === Ns[next]) {
        crlb1[next] = crlbFromStats(st, 1);
        out[base + next * (1 + 8 * nS)] = crlb1[next];
        next++;
      }
    }
    for (let r = 0; r < draws; r++) {
      for (let k = 0; k < nMax * nMax; k++) z[k] = rng.normal();
      for (let s = 0; s < nS; s++) {
        const noise = 1 / Math.sqrt(etas[s]);
        for (let i = 0; i < nMax; i++) for (let j = 0; j < nMax; j++) ranges[i * nMax + j] = d[i] + d[j] + z[i * nMax + j] * sd[i] * sd[j] * noise;
        for (let a = 0; a < nN; a++) {
          const problem: RangeSumProblem = { n: Ns[a], bsX, bsY, ranges, stride: nMax, gains: g, zeta2: etas[s] };
          const limit = outlierMultiple * outlierMultiple * (crlb1[a] / etas[s]);
          const off = base + a * (1 + 8 * nS) + 1 + s * 8;
          const region = problemRegion(problem);
          const mle = localizeMle(problem, { region });
          const ls = localizeLs(problem, region);
          const e2m = mle.x * mle.x + mle.y * mle.y;
          out[off] += e2m;
          out[off + 1] += mle.x;
          out[off + 2] += mle.y;
          if (e2m > limit) out[off + 3] += 1;
          const e2l = ls.x * ls.x + ls.y * ls.y;
          out[off + 4] += e2l;
          out[off + 5] += ls.x;
          out[off + 6] += ls.y;
          if (e2l > limit) out[off + 7] += 1;
        }
      }
    }
  }
  return out;
}

/** Kernel `sensing.localize` (record layout in the module comment). */
export const localizeKernel = defineKernel<LocalizeArgs>({ name: LOCALIZE_KERNEL, parseArgs, simulate: simulateLocalize });

/**
 * The Monte Carlo job of the localization kernel: `geometries` trials in chunks of LOCALIZE_CHUNK.
 *
 * Formula: not in the paper (estimators against the CRLB of Eqs. (5)–(6) of arXiv:2403.20228).
 * Method: Ns sorted and deduplicated; chunk c drawn from the stream (seed, c), so the records depend on
 * the seed only, never on the thread count.
 * Accuracy: see `simulateLocalize`.
 * References: docs/sensing.md (Localization by estimators).
 *
 * @example
 * import { localizeJob } from 'isacnet';
 * const job = localizeJob({ Ns: [6, 4], etas: [1], beta: 2, draws: 5, outlierMultiple: 5 }, 100, 1);
 * [job.kernel, job.trials, job.chunkSize, job.args.Ns]; // => ["sensing.localize", 100, 8, [4, 6]]
 */
export function localizeJob(args: LocalizeArgs, geometries: number, seed: number): MonteCarloJob {
  const Ns = [...new Set(args.Ns)].sort((a, b) => a - b);
  return localizeKernel.job({ ...args, Ns }, geometries, seed, LOCALIZE_CHUNK);
}
