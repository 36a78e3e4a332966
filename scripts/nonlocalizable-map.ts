/**
 * Where Eq. (16) of arXiv:2403.20228 stops being meaningful (docs/errata.md S7): a map over the target
 * density λ_s/λ_b and the load limit ψ of the fraction of targets that cannot be localized (≤ 1
 * accepted BS), from the network simulation of the request/acceptance mechanism
 * (src/sensing/network.ts), beside the independent-acceptance model P(Binomial(N, κ_s) ≤ 1) with the
 * corrected κ_s. For each cell: the fraction at N = 2, 6, 10, 20, the smallest N at which it reaches
 * 10% and 50% (the median CRLB_a is then ∞), Eq. (16)'s optimal N (Lemma 1) and the fraction there.
 *
 * Run: npx tsx scripts/nonlocalizable-map.ts [--windows 40] [--seed 14] [--json out.json]
 * (seeded; the numbers depend on the seed and windows only).
 */
import { writeFileSync, renameSync } from 'node:fs';
import { runJobSync } from '../src/registry/inline.ts';
import { sensingNetworkJob, summarizeSensingNetwork } from '../src/sensing/networkSummary.ts';
import { kappaSLemma1, kappaSNegBinomial } from '../src/sensing/acceptance.ts';
import { argminN, crlbAcceptanceEq16Normalized, nonLocalizableIndependent } from '../src/sensing/crlbAcceptance.ts';

const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const windows = Number(arg('windows', '40'));
const seed = Number(arg('seed', '14'));
const jsonOut = arg('json', '');
const MU = [0.5, 1, 2, 5, 10];
const PSI = [3, 5, 8, 15, 40];
const N_MAX = 30;
const Ns = Array.from({ length: N_MAX - 1 }, (_, i) => i + 2);

interface Cell {
  muS: number;
  psi: number;
  at: Record<string, number | null>;
  first10: number | null;
  first50: number | null;
  eq16OptimalN: number | null;
  atEq16Optimum: number | null;
  maxAbsModelError: number;
}
const cells: Cell[] = [];
for (const muS of MU) {
  const job = sensingNetworkJob({ muS, Ns, psis: PSI, beta: 2, windows, seed: seed + Math.round(muS * 100), samplesPerWindow: 16 });
  const pts = summarizeSensingNetwork(runJobSync(job), job);
  for (const psi of PSI) {
    const row = pts.filter((q) => q.psi === psi);
    const f = (N: number): number | null => {
      const q = row.find((r) => r.N === N);
      return q && q.nonLocalizableFraction !== null ? q.nonLocalizableFraction + (q.singularFraction ?? 0) : null;
    };
    const firstAt = (lim: number): number | null => Ns.find((N) => (f(N) ?? 0) >= lim) ?? null;
    const opt = argminN((N) => (N < 2 ? null : crlbAcceptanceEq16Normalized(N, kappaSLemma1(psi, muS, N), 2)), N_MAX);
    let maxErr = 0;
    for (const N of Ns) {
      const v = f(N);
      if (v !== null) maxErr = Math.max(maxErr, Math.abs(v - nonLocalizableIndependent(N, kappaSNegBinomial(psi, muS, N))));
    }
    cells.push({
      muS,
      psi,
      at: Object.fromEntries([2, 6, 10, 20].map((N) => [String(N), f(N)])),
      first10: firstAt(0.1),
      first50: firstAt(0.5),
      eq16OptimalN: opt,
      atEq16Optimum: opt === null ? null : f(opt),
      maxAbsModelError: maxErr,
    });
  }
}
const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);
console.log(`non-localizable targets (≤ 1 accepted BS), network simulation, β = 2, ${windows} windows, seed ${seed}`);
console.log('| λ_s/λ_b | ψ | N = 2 | N = 6 | N = 10 | N = 20 | ≥ 10% from N | ≥ 50% from N | Eq. (16) N* | at N* | model error |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of cells) {
  console.log(`| ${c.muS} | ${c.psi} | ${pct(c.at['2'])} | ${pct(c.at['6'])} | ${pct(c.at['10'])} | ${pct(c.at['20'])} | ${c.first10 ?? '—'} | ${c.first50 ?? '—'} | ${c.eq16OptimalN ?? '—'} | ${pct(c.atEq16Optimum)} | ${c.maxAbsModelError.toFixed(3)} |`);
}
if (jsonOut) {
  writeFileSync(`${jsonOut}.tmp`, JSON.stringify({ windows, seed, beta: 2, Ns, cells }, null, 1));
  renameSync(`${jsonOut}.tmp`, jsonOut);
}
