/**
 * The explorer bundles only pure library modules: walk the static import graph from its entry points
 * (page, Monte Carlo worker, analysis worker) and check that no module imports `node:` builtins or
 * the Node-only parts of isacnet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ENTRIES = ['src/web/main.ts', 'src/web/mc/mcWorker.ts', 'src/web/compute/analysisWorker.ts'];
const FORBIDDEN = [/^src\/cli\//, /^src\/figures\/render\.ts$/, /^src\/parallel\/nodePool\.ts$/, /^src\/parallel\/nodeWorker\.ts$/, /^src\/web\/node\//, /^src\/web\/serve\.ts$/];

test('the app imports no node: modules and no Node-only isacnet module', () => {
  const seen = new Set<string>();
  const bad: string[] = [];
  const stack = [...ENTRIES];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue; // erased at build time
      if (spec.startsWith('node:')) bad.push(`${file} imports ${spec}`);
      if (!spec.startsWith('.')) continue;
      const target = path.relative('.', path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      if (FORBIDDEN.some((r) => r.test(target))) bad.push(`${file} imports ${target}`);
      if (target.endsWith('.ts')) stack.push(target);
    }
  }
  assert.ok(seen.size > 30, `walked ${seen.size} modules`);
  assert.ok([...seen].some((f) => f.startsWith('src/sensing/')) && [...seen].some((f) => f.startsWith('src/comm/')) && [...seen].some((f) => f.startsWith('src/optimize/')));
  assert.deepEqual(bad, []);
});
