#!/usr/bin/env node
// Proves the npm package works as a new user gets it: packs the package (`npm pack`, which builds it
// through `prepare`), installs the tarball into a fresh temporary project and there
//  (a) imports named functions from 'isacnet' and from a subpath in plain Node ESM and checks values,
//  (b) type-checks a small TypeScript consumer against the shipped declarations (strict),
//  (c) runs `npx isacnet sensing … --json` from the installed package, and checks the tarball holds
//      no tests, benchmarks or CI files.
// Run by .ci/run; `node scripts/check-package.mjs` locally. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'isacnet-pack-'));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
const step = (s) => process.stdout.write(`check-package: ${s}\n`);

try {
  step('npm pack');
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], root));
  const files = packed[0].files.map((f) => f.path);
  const bad = files.filter((f) => /^(test|bench|\.ci|scripts|examples|src)\//.test(f) || f.endsWith('.test.js'));
  if (bad.length > 0) throw new Error(`the tarball ships files it should not: ${bad.slice(0, 5).join(', ')}`);
  for (const need of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/registry/nodeWorker.js', 'dist/web/index.html', 'bin/isacnet.js', 'LICENSE']) {
    if (!files.includes(need)) throw new Error(`the tarball lacks ${need}`);
  }
  step(`${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB packed`);
  const tarball = path.join(work, packed[0].filename);
  const app = path.join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'isacnet-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  step('npm install <tarball> into a fresh project');
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);

  // The shipped stdlib functions are one bundled file (start-up: src/math/stdlib.ts), not imports.
  const stdlibJs = readFileSync(path.join(app, 'node_modules', 'isacnet', 'dist', 'math', 'stdlib.js'), 'utf8');
  if (/^\s*import\s|require\(["']@stdlib/m.test(stdlibJs)) throw new Error('dist/math/stdlib.js is not the stdlib bundle (it imports packages)');

  step('(a) plain Node ESM import');
  writeFileSync(
    path.join(app, 'use.mjs'),
    [
      "import { crlbProp1, rateExact, optimizeTradeoff, defaultParams } from 'isacnet';",
      "import { kappaSLemma1 } from 'isacnet/sensing';",
      'const p = defaultParams();',
      'const crlb = crlbProp1(10, p);',
      // Prop. 1 at N = 10 and the paper's defaults, as `isacnet sensing --N 10 --json` prints it (m²).
      "if (!(Math.abs(crlb / 557542.33638952 - 1) < 1e-12)) throw new Error(`crlbProp1(10) = ${crlb}`);",
      'const r = rateExact({ L: 2, pc: 0.5, kappaC: 1, alpha: 4, mt: 4 });',
      "if (!(Math.abs(r - 2.61282062) < 1e-6)) throw new Error(`rateExact = ${r}`);",
      "if (typeof optimizeTradeoff !== 'function') throw new Error('optimizeTradeoff missing');",
      'console.log(JSON.stringify({ crlb, r, kappa: kappaSLemma1(15, 1, 10) }));',
    ].join('\n'),
  );
  step(sh(process.execPath, ['use.mjs'], app).trim());

  step('(b) TypeScript consumer against the shipped declarations');
  writeFileSync(
    path.join(app, 'consumer.ts'),
    [
      "import { crlbProp1, defaultParams, type Params, type CoMPRateParams } from 'isacnet';",
      "import { rateExact } from 'isacnet/comm';",
      'const p: Params = { ...defaultParams(), psi: 10 };',
      'const m: CoMPRateParams = { L: 3, pc: 0.4, kappaC: 0.9, alpha: 4, mt: 4 };',
      'const crlb: number | null = crlbProp1(6, p); // null where the CRLB does not exist (N = 1)',
      'const value: number = (crlb ?? Infinity) + rateExact(m);',
      'export default value;',
    ].join('\n'),
  );
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: false, lib: ['ES2022', 'DOM'] }, files: ['consumer.ts'] }, null, 2),
  );
  sh(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
  step('type-check passed');

  step('(c) npx isacnet from the installed package');
  const out = JSON.parse(sh('npx', ['--no-install', 'isacnet', 'sensing', '--N', '10', '--trials', '1000', '--seed', '7', '--json'], app));
  if (!Array.isArray(out.points) || out.points[0].N !== 10) throw new Error('unexpected sensing JSON');
  const version = sh('npx', ['--no-install', 'isacnet', '--version'], app).trim();
  step(`isacnet --version: ${version}`);
  step('ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
