/**
 * Running and summarizing the network-level sensing simulation (src/sensing/network.ts).
 *
 * Per (ψ, N) it reports:
 *  - κ_s from simulation: accepted/requested requests pooled over all targets of all windows (ratio
 *    estimator; 95% CI from the between-window spread, windows being iid), the BS-average
 *    acceptance E[min(1, ψ/n)], and the mean and dispersion index Var/mean of the per-BS load n;
 *  - the CRLB with acceptance over sampled targets: the median with its distribution-free 95% CI,
 *    the fraction of non-localizable targets (≤ 1 accepted BS, CRLB = ∞; with its CI, plus the
 *    sampled fraction with ≥ 2 BSs but a singular FIM, and a flag when together they reach ½, where
 *    the median itself is ∞), and a finite statistic,
 *    the mean conditional on at least 4 accepted BSs (`conditionalMean4`). The plain mean is `null`:
 *    whenever a request can be declined (κ_s < 1) a cluster of 2 or 3 BSs (E[CRLB] = ∞ given it) or
 *    of ≤ 1 BS (CRLB = ∞) has positive probability, so E[CRLB_a] = ∞.
 * Values that do not exist are `null`.
 */
import type { JobRunner } from '../parallel/job.ts';
import { RecordReader } from '../parallel/record.ts';
import { meanCi95, medianCi95Sorted, quantileSorted, ratioEstimateCi95, sorted } from '../math/stats.ts';
import type { MonteCarloJob } from '../parallel/job.ts';
import { NF, SENSING_NET_FIELDS, sensingNetworkKernel, sensingNetworkRecordWidth, sensingNetworkSide, type SensingNetworkArgs } from './network.ts';

export interface ConditionalMean {
  /** Minimum accepted cluster size conditioned on. */
  minCluster: number;
  mean: number | null;
  ci95: [number, number] | null;
  /** Fraction of sampled targets excluded (cluster smaller than minCluster). */
  fractionExcluded: number;
  warning?: string;
}

export interface SensingNetworkPoint {
  psi: number;
  N: number;
  kappa: {
    mc: number | null;
    ci95: [number, number] | null;
    bsAverage: number | null;
    loadMean: number;
    loadDispersion: number | null;
  };
  /** Targets (all of every window) with ≤ 1 accepted BS: CRLB_a = ∞. */
  nonLocalizableFraction: number | null;
  /** Its 95% CI (ratio estimator over windows). */
  nonLocalizableCi95: [number, number] | null;
  /** Sampled targets with ≥ 2 accepted BSs whose FIM is (numerically) singular: collinear bearings. */
  singularFraction: number | null;
  /** nonLocalizableFraction + singularFraction ≥ ½: the median CRLB_a is ∞, Eq. (16) describes a minority. */
  localizableMinority: boolean;
  clusterAtMost3Fraction: number | null;
  crlb: {
    mean: null;
    median: number | null;
    medianCi95: [number, number] | null;
    trials: number;
    conditionalMean4: ConditionalMean;
    warning: string;
  };
}

export interface SensingNetworkOptions {
  muS: number;
  Ns: number[];
  psis: number[];
  beta: number;
  windows: number;
  seed: number;
  /** Targets per window whose CRLB is recorded (default 256). */
  samplesPerWindow?: number;
  /** Torus side in λ_b^{−1/2} (default `sensingNetworkSide(max N)`). */
  side?: number;
  /** Windows per chunk (default 2; part of the result's identity). */
  chunkSize?: number;
}

/** Windows per chunk of the network simulation by default (part of a result's identity, with the seed). */
export const SENSING_NETWORK_CHUNK = 2;

/**
 * The Monte Carlo job of a network simulation.
 *
 * Formula: not in the paper (a job description: the mechanism of Section III-B of arXiv:2403.20228 by
 * simulation, see `simulateSensingNetwork`).
 * Method: arguments checked now; `windows` trials of kernel `sensing.network`, 2 windows per chunk
 * (part of the result's identity), torus side from `sensingNetworkSide` unless given.
 * Accuracy: not applicable (a job description).
 * References: docs/sensing.md (network-level simulation).
 *
 * @example
 * import { sensingNetworkJob } from 'isacnet';
 * const job = sensingNetworkJob({ muS: 1, Ns: [10, 15], psis: [15], beta: 2, windows: 4, seed: 1 });
 * [job.kernel, job.trials, job.chunkSize]; // => ["sensing.network", 4, 2]
 */
export function sensingNetworkJob(o: SensingNetworkOptions): MonteCarloJob {
  const Ns = [...o.Ns].sort((a, b) => a - b);
  const args: SensingNetworkArgs = {
    side: o.side ?? sensingNetworkSide(Ns[Ns.length - 1]),
    muS: o.muS,
    Ns,
    psis: o.psis,
    beta: o.beta,
    samplesPerWindow: o.samplesPerWindow ?? 256,
  };
  return sensingNetworkKernel.job(args, o.windows, o.seed, o.chunkSize ?? SENSING_NETWORK_CHUNK);
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Summaries per (ψ, N), ψ outer, N inner (ascending), CRLBs multiplied by `scale`.
 *
 * Formula: the simulated κ_s of Lemma 1 (Eq. (15) of arXiv:2403.20228) as accepted/requested requests,
 * and the CRLB with acceptance of Eq. (16) as its median (the mean is infinite when κ_s < 1).
 * Method: ratio estimator pooled over windows with a 95% CI from the between-window spread; median
 * with its distribution-free CI; mean conditional on ≥ 4 accepted BSs.
 * Accuracy: as the sample (400 windows give κ_s to ±0.0025 at N = 15, docs/errata.md S5); JSON-safe
 * nulls where a statistic does not exist (test/sensing/network.test.ts).
 * References: arXiv:2403.20228, Lemma 1 and Eq. (16); docs/sensing.md; docs/errata.md S5–S6.
 *
 * @example
 * import { sensingNetworkJob, summarizeSensingNetwork, runJobSync } from 'isacnet';
 * const job = sensingNetworkJob({ muS: 1, Ns: [10, 15], psis: [15], beta: 2, windows: 4, seed: 1 });
 * const points = summarizeSensingNetwork(runJobSync(job), job);
 * // 4 windows, seed 1: simulated κ_s for N = 10 and 15 (Lemma 1: 0.9647, 0.8264)
 * points.map((q) => q.kappa.mc); // => [0.98010, 0.87980]
 * points[0].crlb.mean; // => null
 */
export function summarizeSensingNetwork(out: Float64Array, job: MonteCarloJob, scale = 1): SensingNetworkPoint[] {
  const a = sensingNetworkKernel.parseArgs(job.args);
  const K = a.samplesPerWindow;
  const width = sensingNetworkRecordWidth(a.psis.length, a.Ns.length, K);
  const windows = out.length / width;
  const blockWidth = NF + 2 * K;
  const points: SensingNetworkPoint[] = [];
  for (let pi = 0; pi < a.psis.length; pi++) {
    for (let ni = 0; ni < a.Ns.length; ni++) {
      const N = a.Ns[ni];
      const psi = a.psis[pi];
      const block = new RecordReader(out, width, SENSING_NET_FIELDS, (pi * a.Ns.length + ni) * blockWidth);
      const crlb: number[] = [];
      const cond: number[] = [];
      let excluded = 0;
      let singular = 0;
      for (let w = 0; w < windows; w++) {
        for (let t = 0; t < K; t++) {
          const v = block.extra(w, t);
          if (Number.isNaN(v)) continue;
          crlb.push(v);
          if (v === Infinity && block.extra(w, K + t) >= 2) singular++;
          if (block.extra(w, K + t) >= 4) cond.push(v * scale);
          else excluded++;
        }
      }
      const requests = block.sum('requests');
      const targets = block.sum('targets');
      const nonLoc = block.sum('nonLocalizable');
      const bsCount = block.sum('bsCount');
      const bsAcceptSum = block.sum('bsAcceptSum');
      const loadSq = block.sum('loadSq');
      const le3 = block.sum('clusterLe3');
      let kappaMc: number | null = null;
      let kappaCi: [number, number] | null = null;
      if (requests > 0) {
        const e = ratioEstimateCi95(windows, (w) => block.get(w, 'accepted'), (w) => block.get(w, 'requests'));
        kappaMc = e.ratio;
        kappaCi = e.ci95;
      }
      const nonLocCi = targets > 0 ? ratioEstimateCi95(windows, (w) => block.get(w, 'nonLocalizable'), (w) => block.get(w, 'targets')).ci95 : null;
      const nonLocFraction = targets > 0 ? nonLoc / targets : null;
      const singularFraction = crlb.length > 0 ? singular / crlb.length : null;
      const loadMean = bsCount > 0 ? requests / bsCount : 0;
      const loadVar = bsCount > 0 ? loadSq / bsCount - loadMean * loadMean : 0;
      const s = sorted(crlb);
      const median = s.length > 0 ? finiteOrNull(quantileSorted(s, 0.5) * scale) : null;
      const mci = s.length > 0 ? medianCi95Sorted(s) : [NaN, NaN];
      const medianCi95: [number, number] | null = Number.isFinite(mci[0]) && Number.isFinite(mci[1]) ? [mci[0] * scale, mci[1] * scale] : null;
      let condMean: number | null = null;
      let condCi: [number, number] | null = null;
      if (cond.length >= 2 && cond.every((v) => Number.isFinite(v))) {
        const m = meanCi95(cond);
        condMean = m.mean;
        condCi = m.ci95;
      }
      const conditionalMean4: ConditionalMean = {
        minCluster: 4,
        mean: condMean,
        ci95: condCi,
        fractionExcluded: crlb.length > 0 ? excluded / crlb.length : 1,
        ...(N >= 4 ? { warning: 'clusters of 4 or 5 BSs have infinite CRLB variance: the CI is indicative only' } : {}),
      };
      const warning =
        N === 1
          ? 'N = 1: a single BS cannot localize (CRLB = ∞)'
          : 'E[CRLB_a] = ∞: when requests can be declined, clusters of ≤ 3 accepted BSs occur with positive probability (E[CRLB] = ∞ for them); report the median, the non-localizable fraction and the conditional mean';
      points.push({
        psi,
        N,
        kappa: {
          mc: kappaMc,
          ci95: kappaCi,
          bsAverage: bsCount > 0 ? bsAcceptSum / bsCount : null,
          loadMean,
          loadDispersion: loadMean > 0 ? loadVar / loadMean : null,
        },
        nonLocalizableFraction: nonLocFraction,
        nonLocalizableCi95: nonLocCi,
        singularFraction,
        localizableMinority: nonLocFraction !== null && nonLocFraction + (singularFraction ?? 0) >= 0.5,
        clusterAtMost3Fraction: targets > 0 ? le3 / targets : null,
        crlb: { mean: null, median, medianCi95, trials: crlb.length, conditionalMean4, warning },
      });
    }
  }
  return points;
}

/**
 * Run a network simulation with `run` (e.g. a WorkerPool's run, or runJobSync) and summarize it.
 *
 * Formula: as `summarizeSensingNetwork` (Lemma 1 and Eq. (16) of arXiv:2403.20228 by simulation).
 * Method: `sensingNetworkJob`, then `run`, then `summarizeSensingNetwork`.
 * Accuracy: as `summarizeSensingNetwork`; identical records for 1 and 2 threads
 * (test/sensing/network.test.ts).
 * References: docs/sensing.md.
 *
 * @example
 * import { runSensingNetwork, inlineRunner } from 'isacnet';
 * const points = await runSensingNetwork({ muS: 1, Ns: [10], psis: [15], beta: 2, windows: 4, seed: 1 }, inlineRunner);
 * // seed 1, 4 windows
 * points[0].kappa.mc; // => 0.98494
 */
export async function runSensingNetwork(
  o: SensingNetworkOptions,
  run: JobRunner,
  scale = 1,
): Promise<SensingNetworkPoint[]> {
  const job = sensingNetworkJob(o);
  return summarizeSensingNetwork(await run(job), job, scale);
}
