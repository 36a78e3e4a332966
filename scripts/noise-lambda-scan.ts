// Where does the paper's noise-free (SIR) model stop being accurate? Scans the BS density λ_b and
// compares the exact rate with noise (SINR) with the exact rate without it, at the paper's
// parameters (λ_u = 1 /km², ψ = 15, M_t = 4, α = 4, p^c = 0.5, κ_c as printed at μ_c = λ_u/λ_b) and
// the toolkit's noise defaults (N_0 = −174 dBm/Hz, B_c = 100 MHz, NF = 7 dB, f_c = 3.5 GHz,
// d_0 = 1 m), P_t = 1 W (the paper's) and P_t = 40 W (a macro BS). The gap is
// (R_SIR − R_SINR)/R_SINR; it falls with λ_b because ν ∝ λ_b^{−α/2}. For each L the script finds
// the λ_b where the gap is 1% (bisection in ln λ_b).
//
//   npx tsx scripts/noise-lambda-scan.ts            # markdown tables on stdout (~4 min of CPU)
//
// The numbers are in docs/communication.md ("Communication with noise"); the Monte Carlo check of
// the thresholds is `isacnet comm --noise on --lambda-b <λ_b*> --L <L> --trials 400000 --seed 7`.
import { defaultParams, type Params } from '../src/params/schema.ts';
import { coMPRateParamsAt, normalizedNoise, usersPerBs } from '../src/params/derived.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
import { rateExact } from '../src/comm/exactRate.ts';

const Ls = [1, 2, 4, 8, 13, 20];
const pc = 0.5;

function gapAt(p: Params, L: number): { gap: number; sinr: number; sir: number; nu: number } {
  const kappa = kappaCPrinted(p.psi, usersPerBs(p), L);
  const m = coMPRateParamsAt(p, L, pc, kappa);
  const nu = normalizedNoise(p);
  const sir = rateExact(m);
  const sinr = rateExact({ ...m, noise: nu });
  return { gap: (sir - sinr) / sinr, sinr, sir, nu };
}

function threshold(p: Params, L: number, target = 0.01): { lambdaB: number; nu: number; snrDb: number } {
  let lo = Math.log(1e-3);
  let hi = Math.log(1e7);
  for (let i = 0; i < 30; i++) {
    const mid = 0.5 * (lo + hi);
    if (gapAt({ ...p, lambdaB: Math.exp(mid) }, L).gap > target) lo = mid;
    else hi = mid;
  }
  const lambdaB = Math.exp(0.5 * (lo + hi));
  const nu = normalizedNoise({ ...p, lambdaB });
  // Mean SNR from the nearest BS: 1/(ν E[u_1^{α/2}]) with u_1 ~ Exp(1): E = Γ(1 + α/2).
  const snrDb = -10 * Math.log10(nu * gammaOnePlus(p.alpha / 2));
  return { lambdaB, nu, snrDb };
}

function gammaOnePlus(x: number): number {
  // Γ(1 + x) for the α/2 used here (Lanczos would do; the scan uses α = 4: Γ(3) = 2).
  if (Number.isInteger(x)) {
    let g = 1;
    for (let k = 2; k <= x; k++) g *= k;
    return g;
  }
  throw new Error('integer α/2 only in this script');
}

const scenarios: Array<[string, Params]> = [
  ['P_t = 1 W (paper)', defaultParams()],
  ['P_t = 40 W (macro BS)', { ...defaultParams(), ptW: 40 }],
];

console.log('| scenario | L | λ_b where the gap is 1% (/km²) | ν there | mean SNR from the nearest BS there |');
console.log('|---|---|---|---|---|');
for (const [name, p] of scenarios) {
  for (const L of Ls) {
    const t = threshold(p, L);
    console.log(`| ${name} | ${L} | ${t.lambdaB.toPrecision(3)} | ${t.nu.toPrecision(3)} | ${t.snrDb.toFixed(1)} dB |`);
  }
}
console.log('');
console.log('| λ_b (/km²) | L | R_c SIR (exact) | R_c SINR (exact) | gap |');
console.log('|---|---|---|---|---|');
for (const lambdaB of [1, 10, 100, 1000, 10000]) {
  for (const L of [1, 4]) {
    const g = gapAt({ ...defaultParams(), lambdaB }, L);
    console.log(`| ${lambdaB} | ${L} | ${g.sir.toFixed(4)} | ${g.sinr.toFixed(4)} | ${(100 * g.gap).toFixed(2)}% |`);
  }
}
