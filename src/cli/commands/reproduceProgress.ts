/**
 * Progress of `isacnet reproduce` on the terminal: a bar per figure on a TTY (cli-progress), plain
 * lines otherwise (CI logs, pipes). The work itself is src/figures/reproduce.ts.
 */
import cliProgress from 'cli-progress';
import type { ProgressSink } from '../../figures/reproduce.ts';

/** Plain lines (non-TTY: CI logs, pipes): a line at start, every 10%, and at the end. */
export function lineProgress(stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  let lastDecile = -1;
  return {
    start(name, index, total) {
      lastDecile = -1;
      stream.write(`[${index + 1}/${total}] ${name}: started\n`);
    },
    update(name, fraction, label) {
      const decile = Math.floor(Math.min(1, Math.max(0, fraction)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`  ${name}: ${decile * 10}%${label ? ` (${label})` : ''}\n`);
      }
    },
    done(name, seconds, error) {
      stream.write(error ? `  ${name}: FAILED after ${seconds.toFixed(1)} s: ${error}\n` : `  ${name}: done in ${seconds.toFixed(1)} s\n`);
    },
  };
}

/** A progress bar per figure (TTY). */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(name, index, total) {
      bar = new cliProgress.SingleBar(
        {
          format: `[${index + 1}/${total}] ${name.padEnd(6)} [{bar}] {percentage}% | {duration_formatted} | {label}`,
          stream,
          hideCursor: false,
          clearOnComplete: false,
          barsize: 30,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(1000, 0, { label: '' });
    },
    update(_name, fraction, label) {
      bar?.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000), { label });
    },
    done(name, seconds, error) {
      bar?.update(error ? (bar.getProgress() * 1000) : 1000, { label: error ? `FAILED: ${error}` : `done in ${seconds.toFixed(1)} s` });
      bar?.stop();
      bar = null;
    },
  };
}

