#!/usr/bin/env node
// Entry point of the `isacnet` command. Runs the compiled CLI (dist/, `npm run build`; what the
// package ships) with no transpiler at run time. In a source checkout whose src/ is newer than the
// last build (or never built), it runs the TypeScript sources through tsx instead, so a developer
// never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

// The parent as it was at start-up, before the seconds of module loading: the run's watchdog
// (src/cli/watchdog.ts) stops the run when this parent is gone.
globalThis.__isacnetParentPid = process.ppid;

const stamp = new URL('../dist/BUILD', import.meta.url);
const srcDir = new URL('../src/', import.meta.url);

function newestSource(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'web') continue; // the explorer does not affect the CLI
    const p = new URL(e.isDirectory() ? `${e.name}/` : e.name, dir);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : -1;
const fromSource = process.env.ISACNET_FROM_SOURCE === '1' || built < 0 || (existsSync(srcDir) && newestSource(srcDir) > built);
let main;
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv);
