/**
 * `isacnet optimize`: the backhaul-limited S&C trade-off of Sections II-D and V of arXiv:2403.20228
 * for one scenario: the Pareto boundary of the achievable rate–CRLB region under Eq. (10)
 * (R_c + e·N ≤ C_backhaul), the two corners, the time-sharing line between them, the
 * non-cooperative baseline and, with --weight, the weighted optimum.
 *
 * JSON contract (--json): { "params", "pareto": [ { "rate", "crlbA", "L", "N", "pc", "backhaulUse" } ],
 * "timeSharing": [ { "rate", "crlbA", "tau" } ], "corners": { "comm", "sens" }, "weighted"? }, points
 * sorted by rate; also "nonCooperative", "containment", "warnings", and "timing" (outside the points).
 * Values that do not exist (an infinite CRLB, L without communication) are null.
 */
import type { Command } from 'commander';
import { addParamOptions, addRunOptions, resolveCommand } from '../options.ts';
import { chosenFormat, toJson, writeOutput } from '../format.ts';
import { provenance } from '../../params/provenance.ts';
import type { Params } from '../../params/schema.ts';
import type { OptimizeOutput, OptimizeSettings } from '../../reports/optimize.ts';


export { toJson };

/** CSV units of a Pareto row. */
function optimizeUnit(path: readonly string[]): string {
  const k = path[path.length - 1];
  return k === 'rate' || k === 'backhaulUse' ? 'nats_per_s_hz' : k === 'crlbA' ? 'm2' : '';
}

const num = (v: number | null, digits = 4): string => (v === null ? '—' : Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(digits - 1) : v.toFixed(digits));

function table(o: OptimizeOutput): string {
  const p = o.params as Params & Record<string, unknown>;
  const lines: string[] = [];
  lines.push(`Backhaul-limited S&C trade-off, Eq. (10): R_c + e·N ≤ C_backhaul = ${p.backhaul} nats/s/Hz, e = ${p.e} nats/s/Hz per sensing BS`);
  lines.push(`models: rate ${String(p.rateModel)} (κ_c as printed), CRLB_a ${p.crlbModel === 'eq16' ? 'Eq. (16) with Lemma 1 κ_s' : 'simulated median (network simulation)'}; L ≤ ${p.maxL}, N ≤ ${p.e > 0 ? `⌊C/e⌋ = ${Math.floor(p.backhaul / p.e + 1e-12)}` : p.maxN}`);
  const c = o.corners;
  lines.push(
    `corners: communication only R* = ${num(c.comm.rate)} nats/s/Hz (L = ${c.comm.L}, p^c = ${num(c.comm.pc)}${c.comm.backhaulBound ? ', capped by the backhaul' : ''}); sensing only CRLB* = ${num(c.sens.crlbA)} m² (N = ${c.sens.N})`,
  );
  lines.push('');
  lines.push('Pareto boundary (max R_c s.t. CRLB_a ≤ c):');
  lines.push(`${'rate'.padStart(9)} ${'CRLB_a (m²)'.padStart(12)} ${'L'.padStart(3)} ${'N'.padStart(3)} ${'p^c'.padStart(8)} ${'backhaul'.padStart(9)} ${'non-loc'.padStart(8)}`);
  for (const q of o.pareto) {
    const nl = q.nonLocalizableFraction === null ? '—' : `${(100 * q.nonLocalizableFraction).toFixed(1)}%${q.localizableMinority ? '!' : ''}`;
    lines.push(`${num(q.rate).padStart(9)} ${num(q.crlbA).padStart(12)} ${String(q.L ?? '—').padStart(3)} ${String(q.N).padStart(3)} ${num(q.pc).padStart(8)} ${num(q.backhaulUse).padStart(9)} ${nl.padStart(8)}`);
  }
  lines.push(`non-loc: targets that cannot be localized (≤ 1 accepted BS or a singular FIM), left out of CRLB_a (${p.crlbModel === 'mc' ? 'network simulation' : 'independent acceptance with the corrected κ_s'}); ! = a majority`);
  lines.push('');
  const cm = o.containment;
  lines.push(
    `time-sharing (R = τR*, CRLB = CRLB*/(1 − τ)): ${cm.contained ? 'inside the cooperative region at every sampled τ' : `better than the cooperative scheme for τ in [${num(cm.uncoveredTau?.[0] ?? null, 3)}, ${num(cm.uncoveredTau?.[1] ?? null, 3)}]`}` +
      (cm.rateGainAtPareto ? `; cooperative rate gain at equal CRLB_a: up to ${num(cm.rateGainAtPareto.max, 3)} nats/s/Hz` : ''),
  );
  const nc = o.nonCooperative;
  if (nc.length > 0) {
    const last = nc[nc.length - 1];
    lines.push(`non-cooperative (L = 1, N = ${last.N}): CRLB_a ≥ ${num(nc[0].crlbA)} m², rate ≤ ${num(last.rate)} nats/s/Hz`);
  }
  if (o.weighted) {
    const w = o.weighted;
    lines.push(`weighted optimum (w = ${w.w}: max w·R_c − (1 − w)·ln CRLB_a): rate ${num(w.rate)}, CRLB_a ${num(w.crlbA)} m², L = ${w.L ?? '—'}, N = ${w.N}, p^c = ${num(w.pc)}, backhaul ${num(w.backhaulUse)}`);
  }
  for (const w of o.warnings) lines.push(`warning: ${w}`);
  lines.push(`(${o.timing.rateEvaluations} rate evaluations, ${o.timing.seconds.toFixed(1)} s)`);
  return lines.join('\n') + '\n';
}

/** Why a value of the optimize contract is missing (JSON `<field>Reason`). */
export function optimizeReason(path: readonly string[]): string | undefined {
  const key = path[path.length - 1];
  if (key === 'L') return 'no communication (p^c = 0)';
  if (key === 'crlbA') return 'infinite CRLB (no sensing: time share τ = 1, p^s = 0 or N < 2)';
  return undefined;
}

export function registerOptimizeCommand(program: Command): void {
  addParamOptions(
    addRunOptions(
      program
        .command('optimize')
        .description('backhaul-limited S&C trade-off: Pareto boundary of the rate–CRLB region, corners, time-sharing, weighted optimum (Eq. 10, Section V)'),
      'optimize',
    ),
  ).action(async (opts: Record<string, unknown>) => {
    const { createWorkerPool } = await import('../../registry/nodePool.ts');
    const { runOptimize } = await import('../../reports/optimize.ts');
    const { params: p, run } = resolveCommand('optimize', opts);
    const settings: OptimizeSettings = {
      rateModel: run.rateModel,
      crlbModel: run.crlbModel,
      maxL: run.maxL,
      maxN: run.maxN,
      levels: run.levels,
      decades: run.decades,
      windows: run.windows,
      seed: run.seed,
      threads: run.threads,
      ...(run.weight !== undefined ? { weight: run.weight } : {}),
    };
    const out = await runOptimize(p, settings, (threads) => {
      const pool = createWorkerPool(threads);
      return { run: (job, onProgress) => pool.run(job, onProgress), close: () => pool.close() };
    });
    const format = chosenFormat(run);
    const prov = provenance('optimize', p, run, run.crlbModel === 'mc' ? { network: (await import('../../sensing/networkSummary.ts')).SENSING_NETWORK_CHUNK } : {});
    writeOutput(format, { ...out, provenance: prov } as unknown as Record<string, unknown> & { provenance: unknown }, out.pareto, optimizeUnit, () => table(out), optimizeReason);
  });
}
