import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gaussLegendre } from '../../src/math/gaussLegendre.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/gauss_legendre.json', import.meta.url), 'utf8')) as Record<string, { nodes: number[]; weights: number[] }>;

// numpy returns nodes ascending; ours descend. Newton to |dx| < 1e-16 gives nodes to a few ulp; the
// weights inherit ~n·ulp from the recurrence, so 1e-13 absolute is a safe bound up to n = 128.
test('nodes and weights match numpy leggauss to 1e-13 (n = 1…128)', () => {
  for (const [key, ref] of Object.entries(fx)) {
    const n = Number(key);
    const r = gaussLegendre(n);
    const nodes = Array.from(r.nodes).reverse();
    const weights = Array.from(r.weights).reverse();
    for (let i = 0; i < n; i++) {
      assert.ok(Math.abs(nodes[i] - ref.nodes[i]) < 1e-13, `n=${n} node ${i}`);
      assert.ok(Math.abs(weights[i] - ref.weights[i]) < 1e-13, `n=${n} weight ${i}`);
    }
  }
});

test('the 16-point rule integrates x^30 exactly', () => {
  const { nodes, weights } = gaussLegendre(16);
  let s = 0;
  for (let i = 0; i < 16; i++) s += weights[i] * nodes[i] ** 30;
  assert.ok(Math.abs(s - 2 / 31) < 1e-15);
});
