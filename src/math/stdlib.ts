/**
 * The one module that imports stdlib-js (https://stdlib.io, Apache-2.0): the five special functions
 * the library uses, re-exported under explicit names. Everything else calls them through
 * src/math/special.ts.
 *
 * Why a module of its own: each `@stdlib/math-base-special-*` package pulls in dozens of small
 * CommonJS packages (212 for these five), and resolving and loading them costs about 0.15 s at
 * every start of the `isacnet` command. `npm run build` (scripts/build.mjs) therefore replaces the
 * compiled form of this one file, dist/math/stdlib.js, with an esbuild bundle of the same five
 * functions (stdlib's licence comments kept): the same code, loaded from one file. The TypeScript
 * sources (tests, tsx) import the packages directly. test/math/stdlibBundle.test.ts checks that the
 * bundle and the packages return bit-identical values.
 */
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibGammainc from '@stdlib/math-base-special-gammainc';
import stdlibBetainc from '@stdlib/math-base-special-betainc';
import stdlibBeta from '@stdlib/math-base-special-beta';

export { stdlibGamma, stdlibGammaln, stdlibGammainc, stdlibBetainc, stdlibBeta };
