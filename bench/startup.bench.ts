/**
 * Start-up time of the `isacnet` command (compiled dist/, as the package ships it) next to a bare
 * `node -e 0` in the same run: the best of 7 runs of each (best-of removes scheduler noise; the
 * spread is printed too). Needs `npm run build` first (it says so otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'isacnet.js');

function times(args: string[], runs = 7): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ISACNET_FROM_SOURCE: '' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    out.push((performance.now() - t0) / 1000);
  }
  return out.sort((a, b) => a - b);
}

export async function run(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'BUILD'))) {
    console.log('no dist/ build: run `npm run build` first (start-up is measured on the compiled CLI)');
    return;
  }
  const cases: Array<[string, string[]]> = [
    ['node -e 0 (peer: the runtime alone)', ['-e', '0']],
    ['isacnet --help', [CLI, '--help']],
    ['isacnet --version', [CLI, '--version']],
    ['isacnet sensing --N 10 --trials 1000 --json', [CLI, 'sensing', '--N', '10', '--trials', '1000', '--json']],
  ];
  for (const [label, args] of cases) {
    const t = times(args);
    console.log(`${label.padEnd(48)} best ${t[0].toFixed(3)} s  median ${t[3].toFixed(3)} s  worst ${t[6].toFixed(3)} s`);
  }
}
