/**
 * `isacnet web [--port p] [--host h]`: serve the prebuilt explorer (dist/web, shipped in the package
 * and built by `npm run build`) on a local address. No devDependency needed; `npm run web` is the
 * development variant that rebuilds first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ParamError } from '../../params/validate.ts';
import { serveStatic } from '../../serve/staticServer.ts';

/** dist/web, two levels above src/cli/commands/ or dist/cli/commands/, one more for the package root. */
export const PREBUILT_WEB_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('serve the explorer (prebuilt dist/web) on a local address; Ctrl-C stops it')
    .option('--port <n>', 'TCP port (0 picks a free one); default 5173')
    .option('--host <addr>', 'address to listen on; default 127.0.0.1')
    .action(async (opts: { port?: string; host?: string }) => {
      const port = opts.port === undefined ? 5173 : Number(opts.port);
      if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
        throw new ParamError(`--port: invalid value ${JSON.stringify(opts.port)}; allowed range is an integer in [0, 65535]`);
      }
      const host = opts.host ?? '127.0.0.1';
      if (!existsSync(`${PREBUILT_WEB_DIR}index.html`)) {
        throw new Error(`no built explorer in ${PREBUILT_WEB_DIR}: run \`npm run build\` (or \`npm run build:web\`) first`);
      }
      let s: Awaited<ReturnType<typeof serveStatic>>;
      try {
        s = await serveStatic(PREBUILT_WEB_DIR, port, host);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ParamError(`--port: ${(e as Error).message}: pass --port <n>, or --port 0`);
        throw e;
      }
      process.stdout.write(`isacnet explorer: ${s.url}\npress Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void s.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
