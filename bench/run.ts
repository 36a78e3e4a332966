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
// Progress on stderr while the long cases run (the figures go to stdout): a line every 10 s with
// the bench and its elapsed time, and the time each bench took.
const started = Date.now();
for (const [i, f] of files.entries()) {
  const name = f.replace('.bench.ts', '');
  console.log(`\n## ${name}`);
  const t0 = Date.now();
  const beat = setInterval(() => process.stderr.write(`  … [${i + 1}/${files.length}] ${name} still running (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`), 10_000);
  try {
    const mod = (await import(new URL(f, dir).href)) as { run: () => Promise<void> };
    await mod.run();
  } finally {
    clearInterval(beat);
  }
  process.stderr.write(`  [${i + 1}/${files.length}] ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s (total ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
