/**
 * Vite configuration of the isacnet web explorer: root `src/web`, output `dist/web`, relative asset
 * paths (`base: './'`) so that the static build can be hosted under any URL prefix, ES-module
 * workers (the Monte Carlo workers import the library's kernels).
 *
 * Used by `npm run build:web`, by `npm run web` (src/web/serve.ts) and by the browser tests.
 */
import { defineConfig, type InlineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The explorer's build configuration; `outDir` can be redirected (the tests build into a temp dir). */
export function webConfig(outDir: string = WEB_OUT_DIR): InlineConfig {
  return {
    root: WEB_ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 400,
    },
    worker: { format: 'es' },
  };
}

export default defineConfig(webConfig());
