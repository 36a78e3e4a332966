/**
 * Build the explorer with vite's JavaScript API (Node-only tooling; not part of the app bundle).
 */
import { build } from 'vite';
import { WEB_OUT_DIR, webConfig } from '../vite.config.ts';

/** Build the static app into `outDir` (default dist/web); returns the directory. */
export async function buildWebApp(outDir: string = WEB_OUT_DIR): Promise<string> {
  await build(webConfig(outDir));
  return outDir;
}
