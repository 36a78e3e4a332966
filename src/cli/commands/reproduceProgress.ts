/**
 * Progress of `isacnet reproduce` on the terminal: a bar per figure on a TTY (cli-progress), plain
 * lines otherwise (CI logs, pipes). The work itself is src/figures/reproduce.ts.
 */
import cliProgress from 'cli-progress';
import type { ProgressSink } from '../../figures/reproduce.ts';

/** Plain lines (non-TTY: CI logs, pipes): a line at start, every 10%, and at the end, per figure (figures run concurrently). */
export function lineProgress(stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  const lastDecile = new Map<string, number>();
  return {
    start(name, index, total) {
      lastDecile.set(name, -1);
      stream.write(`[${index + 1}/${total}] ${name}: started\n`);
    },
    update(name, fraction, label) {
      const decile = Math.floor(Math.min(1, Math.max(0, fraction)) * 10);
      if (decile > (lastDecile.get(name) ?? -1)) {
        lastDecile.set(name, decile);
        stream.write(`  ${name}: ${decile * 10}%${label ? ` (${label})` : ''}\n`);
      }
    },
    done(name, seconds, error) {
      stream.write(error ? `  ${name}: FAILED after ${seconds.toFixed(1)} s: ${error}\n` : `  ${name}: done in ${seconds.toFixed(1)} s\n`);
    },
  };
}

/** A progress bar per figure (TTY), all in one block (figures run concurrently). */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let multi: cliProgress.MultiBar | null = null;
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    start(name, index, total) {
      multi ??= new cliProgress.MultiBar(
        {
          format: '[{figIndex}/{figCount}] {name} [{bar}] {percentage}% | {duration_formatted} | {label}',
          stream,
          hideCursor: false,
          clearOnComplete: false,
          barsize: 30,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bars.set(name, multi.create(1000, 0, { label: '', figIndex: index + 1, figCount: total, name: name.padEnd(12) }));
    },
    update(name, fraction, label) {
      bars.get(name)?.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000), { label });
    },
    done(name, seconds, error) {
      const bar = bars.get(name);
      bar?.update(error ? bar.getProgress() * 1000 : 1000, { label: error ? `FAILED: ${error}` : `done in ${seconds.toFixed(1)} s` });
      bar?.stop();
      bars.delete(name);
      if (bars.size === 0) {
        multi?.stop();
        multi = null;
      }
    },
  };
}
