/**
 * Reproduction benchmark (`npm run bench -- reproduce`): wall time of `isacnet reproduce --quick`
 * and of the full `isacnet reproduce` (what `npm start` runs), each as a fresh process on 2 worker
 * threads (the budget machine: 2 cores), with the time of every figure from the manifest, against
 * the budgets of issue 11 (quick < 8 s, full < 60 s on 2 cores; the earlier issue's were 30 s and 5 min). Set ISACNET_BENCH_SKIP_FULL=1 to time the
 * quick mode only, ISACNET_BENCH_KEEP=<dir> to keep the outputs (in <dir>/quick and <dir>/full).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Manifest {
  totalSeconds: number;
  figures: Array<{ name: string; seconds: number; trials: number | null; error?: string }>;
}

function timeRun(label: string, args: string[], budgetSeconds: number, keepAs: string): void {
  const keep = process.env.ISACNET_BENCH_KEEP;
  const dir = keep ? path.resolve(keep, keepAs) : mkdtempSync(path.join(tmpdir(), 'isacnet-bench-'));
  try {
    const bin = path.resolve('bin/isacnet.js');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'reproduce', '--out', dir, '--threads', '2', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const wall = (performance.now() - t0) / 1000;
    if (r.status !== 0) {
      console.log(`${label}: FAILED (exit ${r.status}) after ${wall.toFixed(1)} s\n${r.stderr.slice(-2000)}`);
      return;
    }
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const figs = m.figures.map((f) => `${f.name} ${f.seconds.toFixed(1)} s${f.trials !== null ? ` (${f.trials.toLocaleString('en-US')} trials)` : ''}${f.error ? ' FAILED' : ''}`).join(', ');
    console.log(`${label}: ${wall.toFixed(1)} s wall (process start to exit; figures and report ${m.totalSeconds.toFixed(1)} s) — budget ${budgetSeconds} s: ${wall < budgetSeconds ? 'within' : 'OVER'}`);
    console.log(`  per figure: ${figs}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  timeRun('reproduce --quick (2 threads)', ['--quick'], 8, 'quick');
  if (process.env.ISACNET_BENCH_SKIP_FULL === '1') {
    console.log('reproduce (full): skipped (ISACNET_BENCH_SKIP_FULL=1)');
    return;
  }
  timeRun('reproduce, full mode = npm start (2 threads)', [], 60, 'full');
}
