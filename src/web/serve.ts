/**
 * `npm run web`: build the explorer into dist/web and serve it on localhost, printing the address.
 * Options: `--port <n>` (default 5173; 0 picks a free port), `--host <addr>` (default 127.0.0.1),
 * `--no-build` (serve the existing dist/web). The build is plain static files with relative paths:
 * any static host can serve dist/web as it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildWebApp } from './node/build.ts';
import { serveStatic } from '../serve/staticServer.ts';
import { WEB_OUT_DIR } from './vite.config.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? process.env.PORT ?? 5173);
  const host = option('host') ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: invalid value ${JSON.stringify(option('port'))}; allowed range is an integer in [0, 65535]`);
    process.exit(2);
  }
  if (!process.argv.includes('--no-build')) {
    const t0 = performance.now();
    await buildWebApp(WEB_OUT_DIR);
    console.log(`built ${path.relative(process.cwd(), WEB_OUT_DIR)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else if (!existsSync(path.join(WEB_OUT_DIR, 'index.html'))) {
    console.error(`${WEB_OUT_DIR} has no build; run without --no-build`);
    process.exit(1);
  }
  let s: Awaited<ReturnType<typeof serveStatic>>;
  try {
    s = await serveStatic(WEB_OUT_DIR, port, host);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.error(`--port: ${(e as Error).message}: pass --port <n> (npm run web -- --port 5174), or --port 0`);
    process.exit(2);
  }
  console.log(`isacnet explorer: ${s.url}`);
  console.log('press Ctrl-C to stop');
  const stop = (): void => {
    void s.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
