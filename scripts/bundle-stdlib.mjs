// Bundles the stdlib-js special functions (src/math/stdlib.ts and its compiled form) into one ESM
// file with esbuild, so that loading them reads one file instead of resolving 212 small CommonJS
// packages (about 0.15 s at every `isacnet` start). Used by scripts/build.mjs on
// dist/math/stdlib.js and by test/math/stdlibBundle.test.ts, which checks bit-identical values.
// No minification: the code is stdlib's own, only concatenated; its licence comments are kept.
import { build } from 'esbuild';

/**
 * @param {string} entry the module to bundle (imports '@stdlib/math-base-special-*')
 * @param {string} outfile where to write the bundle (may be `entry` itself)
 */
export async function bundleStdlib(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    target: 'node20',
    legalComments: 'eof',
    sourcemap: false,
    logLevel: 'warning',
    banner: { js: '// stdlib-js special functions (Apache-2.0, https://stdlib.io) bundled by scripts/bundle-stdlib.mjs' },
  });
}
