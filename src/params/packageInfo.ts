/**
 * The package's name and version, read from package.json (two levels up from src/params/ and from
 * dist/params/). Node only (reads a file): not part of the browser-safe entries.
 */
import { readFileSync } from 'node:fs';

/** Package name and version from package.json. */
export function packageInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
