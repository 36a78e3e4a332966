import { computeFig5 } from '../src/figures/fig5.ts';
import { computeFig4 } from '../src/figures/fig4.ts';
import { defaultParams } from '../src/params/index.ts';
import { inlineRunner } from '../src/index.ts';
const g = globalThis as unknown as { __keys?: Map<string, number> };
for (const [name, f] of [['fig5', computeFig5], ['fig4', computeFig4]] as const) {
  g.__keys = new Map();
  const t0 = performance.now();
  await f({ quick: process.env.FULL !== '1', seed: 1, params: defaultParams(), run: inlineRunner });
  const calls = [...g.__keys.values()].reduce((a, b) => a + b, 0);
  console.log(name, ((performance.now() - t0) / 1000).toFixed(2), 's; rateExact calls', calls, 'unique', g.__keys.size);
}
