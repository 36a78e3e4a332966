/**
 * `npm run build:web`: build the explorer into dist/web (vite, src/web/vite.config.ts) and say what
 * was written: the folder, its files with their sizes, the total and the time taken.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWebApp } from './build.ts';
import { WEB_OUT_DIR } from '../vite.config.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const t0 = performance.now();
await buildWebApp(WEB_OUT_DIR);
const list = files(WEB_OUT_DIR).sort();
let total = 0;
const rel = path.relative(process.cwd(), WEB_OUT_DIR) || '.';
for (const f of list) {
  const size = statSync(f).size;
  total += size;
  console.log(`  ${path.relative(WEB_OUT_DIR, f).padEnd(48)} ${(size / 1024).toFixed(1).padStart(8)} kB`);
}
console.log(`wrote ${rel}/ (${list.length} files, ${(total / 1024).toFixed(1)} kB) in ${((performance.now() - t0) / 1000).toFixed(1)} s; serve it with \`npm run web -- --no-build\` or any static host`);
