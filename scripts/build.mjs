#!/usr/bin/env node
// `npm run build`: compiles src/ (the web app aside) to ESM JavaScript with declarations and source
// maps in dist/ (tsconfig.build.json), bundles the stdlib-js functions (scripts/bundle-stdlib.mjs), builds the explorer into dist/web (vite), and writes
// dist/BUILD, the stamp bin/isacnet.js compares with the sources' modification times.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { bundleStdlib } from './bundle-stdlib.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync(bin('tsc'))) {
  console.error('build: TypeScript is not installed (run npm ci first)');
  process.exit(1);
}
// A clean tree: no outputs of deleted or moved sources survive (vite rebuilds dist/web below).
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// The compiled dist/math/stdlib.js imports the five @stdlib packages; replace it by their bundle
// (one file instead of 212 packages: start-up, see src/math/stdlib.ts).
const stdlibJs = path.join(dist, 'math', 'stdlib.js');
await bundleStdlib(stdlibJs, stdlibJs);
rmSync(`${stdlibJs}.map`, { force: true });
run(bin('vite'), ['build', '--config', 'src/web/vite.config.ts']);
writeFileSync(path.join(dist, 'BUILD'), `${new Date().toISOString()}\n`);
