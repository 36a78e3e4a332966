/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (each exports `run(): Promise<void>` and
 * prints its own figures). Pass names to run a subset: `npm run bench -- sensing`.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';

const filters = process.argv.slice(2);
const dir = new URL('./', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
console.log(`isacnet benchmarks — node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'cpu'}`);
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  const mod = (await import(new URL(f, dir).href)) as { run: () => Promise<void> };
  await mod.run();
}
