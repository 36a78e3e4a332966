/**
 * The public entry points, imported by package name as a user would (Node resolves the package's
 * own name through the `exports` map of package.json: self-reference): every subpath loads, the
 * root agrees with the subpaths and with the CLI, the root entry is Node-free (static walk of its
 * import graph), and every function or class exported from any entry of the exports map (the root
 * and each subpath) carries a doc comment with the fixed sections of docs/api.md and a runnable
 * `@example` (run by test/architecture/docExamples.test.ts).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as root from 'isacnet';
import { crlbProp1, crlbEq13, crlbTheorem1Printed, crlbAcceptanceEq16Lemma1, defaultParams, eq16CrlbModel, kappaSLemma1, optimizeTradeoff, rateExact, rateModel } from 'isacnet';
import * as sensing from 'isacnet/sensing';
import * as comm from 'isacnet/comm';
import * as optimize from 'isacnet/optimize';
import * as params from 'isacnet/params';
import * as math from 'isacnet/math';
import * as node from 'isacnet/node';
import { ROOT, scanJs } from './architecture/sourceScan.ts';

const CLI = path.join(ROOT, 'bin', 'isacnet.js');

function cliJson(args: string[]): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, [CLI, ...args, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, unknown>;
}

test('every entry of the exports map loads by package name', () => {
  type Entry = string | { source: string; types: string; default: string };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; types: string; exports: Record<string, Entry> };
  assert.equal(pkg.name, 'isacnet');
  assert.equal(pkg.types, './dist/index.d.ts');
  assert.deepEqual(Object.keys(pkg.exports).sort(), ['.', './comm', './math', './node', './optimize', './package.json', './params', './sensing']);
  for (const [key, entry] of Object.entries(pkg.exports)) {
    if (typeof entry === 'string') {
      assert.ok(statSync(path.join(ROOT, entry)).isFile(), entry);
      continue;
    }
    // The TypeScript source (condition `source`, used by the tests and tsx) and the compiled
    // JavaScript with its declarations (what the package ships; built by `npm run build`).
    assert.ok(statSync(path.join(ROOT, entry.source)).isFile(), entry.source);
    const stem = entry.source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '');
    assert.equal(entry.default, `${stem}.js`, key);
    assert.equal(entry.types, `${stem}.d.ts`, key);
  }
  const loaded: Record<string, object> = { '.': root, './sensing': sensing, './comm': comm, './optimize': optimize, './params': params, './math': math, './node': node };
  for (const [sub, m] of Object.entries(loaded)) assert.ok(Object.keys(m).length > 0, `isacnet${sub.slice(1)} exports nothing`);
});

test('the names a researcher starts from exist and are the same objects in the root and the subpaths', () => {
  for (const name of ['crlbProp1', 'rateExact', 'optimizeTradeoff', 'defaultParams', 'resolveParams', 'kappaSLemma1', 'rateTheorem2', 'defineKernel', 'runJobSync', 'inlineRunner', 'computeSensingReport']) {
    assert.equal(typeof (root as Record<string, unknown>)[name], 'function', name);
  }
  assert.equal(sensing.crlbProp1, root.crlbProp1);
  assert.equal(sensing.expectedNthDistance, root.expectedNthDistance);
  assert.equal(comm.rateExact, root.rateExact);
  assert.equal(comm.h1, root.h1);
  assert.equal(optimize.optimizeTradeoff, root.optimizeTradeoff);
  assert.equal(optimize.solveTradeoff, root.solveTradeoff);
  assert.equal(params.defaultParams, root.defaultParams);
  assert.equal(params.crlbScaleM2, root.crlbScaleM2);
  assert.equal(math.Rng, root.Rng);
  assert.equal(math.summarize, root.summarize);
  assert.equal(typeof node.createWorkerPool, 'function');
  assert.equal(typeof node.runJob, 'function');
  assert.ok(!('createWorkerPool' in root) && !('WorkerPool' in root), 'the Node pool is isacnet/node only');
  // What docs/api.md ("Not in the root entry") promises from the layer entries.
  const promised: Array<[string, object, string[]]> = [
    ['isacnet/comm', comm, ['integrateRate', 'LemmaAtZ', 'parseGainModel', 'zfInterferenceOneMinusLaplace', 'oneMinusPowInv', 'commKernels', 'zfInterferenceGain', 'hypoexpExpQuantile']],
    ['isacnet/sensing', sensing, ['simulateWindow', 'sensingKernels', 'nBar', 'crlbAcceptanceEq16Lemma1']],
    ['isacnet/optimize', optimize, ['assertFeasible', 'checkRateModelName', 'checkCrlbModelName', 'optimizeTradeoff']],
    ['isacnet/params', params, ['specByFlag', 'checkNumber', 'parseList', 'parametersMarkdown', 'resolveParams']],
    ['isacnet/math', math, ['gamma', 'gammaln', 'gammaincUpperRegularized', 'incompleteBeta', 'integrate', 'integrateGk21', 'gaussLegendre', 'rootIncreasing', 'maximizeUnimodal', 'goldenSectionMaximize', 'powInt', 'ArgumentError']],
    ['isacnet/node', node, ['createWorkerPool', 'runJob', 'WorkerPool', 'defaultThreads']],
  ];
  for (const [entry, m, names] of promised) for (const n of names) assert.notEqual((m as Record<string, unknown>)[n], undefined, `${entry} ${n}`);
});

test('closed forms at the paper defaults equal what `isacnet sensing` prints', () => {
  const out = cliJson(['sensing', '--N', '2,10,15', '--trials', '64', '--windows', '0']) as { points: Array<{ N: number; crlb: Record<string, number | null>; kappaS: { lemma1: number }; crlbAccept: { eq16: number | null } }> };
  const p = defaultParams();
  for (const pt of out.points) {
    assert.equal(crlbProp1(pt.N, p), pt.crlb.prop1, `prop1 N = ${pt.N}`);
    assert.equal(crlbEq13(pt.N, p), pt.crlb.eq13, `eq13 N = ${pt.N}`);
    assert.equal(crlbTheorem1Printed(pt.N, p), pt.crlb.thm1, `thm1 N = ${pt.N}`);
    assert.equal(kappaSLemma1(p.psi, p.lambdaS / p.lambdaB, pt.N), pt.kappaS.lemma1, `κ_s N = ${pt.N}`);
    // The report's Eq. (16) multiplies the normalized value by the scale; the library function
    // scales inside: equal to rounding.
    const eq16 = crlbAcceptanceEq16Lemma1(pt.N, p) as number;
    assert.ok(Math.abs(eq16 - (pt.crlbAccept.eq16 as number)) <= 1e-12 * eq16, `eq16 N = ${pt.N}`);
  }
  // Prop. 1 at N = 10 (m²): 2/(Σ_k (Γ(k)/Γ(k+½))²)² · 1/(|ζ|² (πλ_b)²), scipy (scripts/doc-example-references.py).
  assert.ok(Math.abs((crlbProp1(10, p) as number) / 557542.33638952 - 1) < 1e-12);
});

test('rateExact for one model agrees with the scipy reference of test/comm/fixtures/gen_comm.py', () => {
  const ref = (JSON.parse(readFileSync(path.join(ROOT, 'test/comm/fixtures/comm.json'), 'utf8')) as { rates: Array<{ L: number; pc: number; kappaC: number; alpha: number; mt: number; exact: number }> }).rates;
  for (const r of ref.slice(0, 3)) {
    const v = rateExact({ L: r.L, pc: r.pc, kappaC: r.kappaC, alpha: r.alpha, mt: r.mt });
    assert.ok(Math.abs(v / r.exact - 1) < 1e-6, `L = ${r.L}: ${v} vs ${r.exact}`);
  }
});

test('optimizeTradeoff gives what `isacnet optimize --backhaul 6 --e 0.2` prints', () => {
  const p = defaultParams();
  const r = optimizeTradeoff(rateModel('exact', p), eq16CrlbModel(p), { backhaul: 6, e: 0.2, maxL: 30, maxN: 200 });
  // The CLI adds a `<field>Reason` beside each missing value (issue 13): dropped for the comparison.
  const noReasons = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k.endsWith('Reason') ? undefined : x)));
  const cli = noReasons(cliJson(['optimize', '--backhaul', '6', '--e', '0.2'])) as { pareto: unknown[]; corners: unknown; timeSharing: unknown[]; containment: unknown };
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)));
  assert.equal(r.pareto.length, 88);
  // The CLI adds the non-localizable fraction and its flag to each point (issue 14; docs/errata.md S7).
  const cliCore = (cli.pareto as Array<Record<string, unknown>>).map((q) => ({ rate: q.rate, crlbA: q.crlbA, L: q.L, N: q.N, pc: q.pc, backhaulUse: q.backhaulUse }));
  assert.deepEqual(plain(r.pareto.map((q) => ({ rate: q.rate, crlbA: q.crlbA, L: q.L, N: q.N, pc: q.pc, backhaulUse: q.backhaulUse }))), cliCore);
  assert.ok((cli.pareto as Array<Record<string, unknown>>).every((q) => typeof q.nonLocalizableFraction === 'number' && q.localizableMinority === false));
  assert.deepEqual(plain(r.corners), cli.corners);
  assert.deepEqual(plain(r.timeSharing), cli.timeSharing);
  assert.deepEqual(plain(r.containment), cli.containment);
});

// ---------------------------------------------------------------------------------------------
// Static import graph of the root entry

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

/** Import and re-export statements of a module (code only: comments and strings are skipped). */
function importsOf(source: string): ImportStatement[] {
  const s = scanJs(source);
  const out: ImportStatement[] = [];
  const re = /(?<![\w$.])(import|export)\s*(type\s+)?(?:[\w$\s{},*]*?\bfrom\s*)?(['"])\u0001*\3|(?<![\w$.])import\s*\(\s*(['"])\u0001*\4/g;
  for (const m of s.skeleton.matchAll(re)) {
    const quote = (m.index ?? 0) + m[0].search(/['"]/);
    const lit = s.literalAt(quote);
    if (lit === undefined) continue;
    out.push({ specifier: lit.text, typeOnly: m[2] !== undefined });
  }
  return out;
}

/** The modules reachable from `entry` by value imports (type-only imports are erased), and the
 *  bare specifiers (packages, node: builtins) they import. */
function walkImports(entry: string): { modules: string[]; bare: Array<{ from: string; specifier: string }> } {
  const seen = new Set<string>();
  const bare: Array<{ from: string; specifier: string }> = [];
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of importsOf(readFileSync(path.join(ROOT, file), 'utf8'))) {
      if (imp.typeOnly) continue;
      if (!imp.specifier.startsWith('.')) {
        bare.push({ from: file, specifier: imp.specifier });
        continue;
      }
      stack.push(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), imp.specifier)).split(path.sep).join('/'));
    }
  }
  return { modules: [...seen].sort(), bare };
}

test('the import parser sees value and type imports, re-exports and dynamic imports, not comments', () => {
  const src = [
    "import a from './a.ts';",
    "import type { B } from './b.ts';",
    "export { c } from './c.ts';",
    "export type { D } from './d.ts';",
    "export * from './e.ts';",
    "import { type F } from './f.ts';",
    "const g = await import('./g.ts');",
    "import 'node:fs';",
    "// import x from 'node:os';",
    "const s = \"import y from 'node:path'\";",
  ].join('\n');
  assert.deepEqual(
    importsOf(src).map((i) => `${i.typeOnly ? 'type ' : ''}${i.specifier}`),
    ['./a.ts', 'type ./b.ts', './c.ts', 'type ./d.ts', './e.ts', './f.ts', './g.ts', 'node:fs'],
  );
});

test('nothing reachable from src/index.ts imports a node: module (the root entry is browser-safe)', () => {
  const { modules, bare } = walkImports('src/index.ts');
  assert.ok(modules.length > 50, `walked only ${modules.length} modules`);
  for (const f of ['src/sensing/closedForms.ts', 'src/comm/exactRate.ts', 'src/optimize/tradeoff.ts', 'src/registry/inline.ts', 'src/reports/sensing.ts']) assert.ok(modules.includes(f), f);
  const nodeOnly = modules.filter((f) => /^src\/(?:parallel\/node|registry\/node|cli\/|web\/|figures\/)/.test(f));
  assert.deepEqual(nodeOnly, [], 'Node-only or shell modules reachable from the root');
  const builtins = bare.filter((b) => b.specifier.startsWith('node:') || !b.specifier.startsWith('@stdlib/'));
  assert.deepEqual(builtins.map((b) => `${b.from} imports ${b.specifier}`), []);
});

test('the Node entry does import node: modules (which is why it is a separate subpath)', () => {
  const { bare } = walkImports('src/registry/nodePool.ts');
  assert.ok(bare.some((b) => b.specifier === 'node:worker_threads'));
});

// ---------------------------------------------------------------------------------------------
// Doc comments of the root's functions and classes

/** Export lists of src/index.ts: exported name → [source module, name in the module]. */
function rootExports(): Map<string, { module: string; local: string }> {
  const text = readFileSync(path.join(ROOT, 'src/index.ts'), 'utf8');
  const sk = scanJs(text);
  const out = new Map<string, { module: string; local: string }>();
  for (const m of sk.skeleton.matchAll(/(?<![\w$.])export\s*\{([^}]*)\}\s*from\s*(['"])\u0001*\2/g)) {
    const lit = sk.literalAt((m.index ?? 0) + m[0].search(/['"]/));
    if (lit === undefined) continue;
    const module = path.join('src', lit.text).split(path.sep).join('/');
    for (const spec of m[1].split(',')) {
      const p = /^\s*(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(spec);
      if (p !== null && p[1] === undefined) out.set(p[3] ?? p[2], { module, local: p[2] });
    }
  }
  return out;
}

/** The `/** … *\/` comment right before the declaration of `name` in `source`, or undefined. */
function docCommentOf(source: string, name: string): string | undefined {
  const s = scanJs(source);
  const decl = new RegExp(`(?<![\\w$.])export\\s+(?:abstract\\s+)?(?:async\\s+)?(?:function\\s*\\*?|class|const|let)\\s+${name.replace(/\$/g, '\\$')}(?![\\w$])`).exec(s.skeleton);
  if (decl === null) return undefined;
  const before = s.comments.filter((c) => c.end <= decl.index && c.text.startsWith('/**'));
  const c = before[before.length - 1];
  if (c === undefined || s.skeleton.slice(c.end, decl.index).trim() !== '') return undefined;
  return c.text;
}

/** What a doc comment of a public function or class lacks (docs/api.md, "Doc comments"). */
export function missingSections(doc: string): string[] {
  const missing: string[] = [];
  const body = doc.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  // The formula's place in the paper: an equation number, a numbered result, an unnumbered formula of
  // a section (κ_c of Section IV), or "not in the paper".
  if (!/(?:Eqs?\.\s*\(\d+\)|Prop\.\s*1|Theorem\s*[12]|Lemma\s*[12]|Section\s+[IV]+[^;\n]*unnumbered|not in the paper)/.test(body)) missing.push('formula (Eq. (n) of arXiv:2403.20228, or "not in the paper")');
  for (const section of ['Method:', 'Accuracy:', 'References:']) if (!body.includes(section)) missing.push(section);
  const example = body.split(/@example\b/)[1];
  if (example === undefined) missing.push('@example');
  else if (!/\/\/\s*=>/.test(example)) missing.push('a `// => value` line in the @example');
  return missing;
}

test('self-test: the doc-comment check names every missing section', () => {
  const full = '/**\n * Sum.\n *\n * Formula: Eq. (5) of arXiv:2403.20228.\n * Method: a loop.\n * Accuracy: exact.\n * References: none.\n *\n * @example\n * f(1); // => 1\n */';
  assert.deepEqual(missingSections(full), []);
  assert.deepEqual(missingSections('/** Sum. */'), ['formula (Eq. (n) of arXiv:2403.20228, or "not in the paper")', 'Method:', 'Accuracy:', 'References:', '@example']);
  assert.deepEqual(missingSections(full.replace('// => 1', '')), ['a `// => value` line in the @example']);
  assert.equal(docCommentOf('/** A. */\nexport function a(): void {}\n/** B. */\n\nconst x = 1;\nexport function b(): void {}', 'b'), undefined);
  assert.equal(docCommentOf('/** A. */\nexport function a(): void {}', 'a'), '/** A. */');
});

test('docs/api.md lists every export of src/index.ts', () => {
  const api = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');
  const text = readFileSync(path.join(ROOT, 'src/index.ts'), 'utf8');
  const sk = scanJs(text).skeleton;
  const names: string[] = [];
  for (const m of sk.matchAll(/(?<![\w$.])export\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const spec of m[1].split(',')) {
      const p = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(spec);
      if (p !== null) names.push(p[2] ?? p[1]);
    }
  }
  assert.ok(names.length > 150, `only ${names.length} exports parsed`);
  const missing = names.filter((n) => !api.includes(`\`${n}\``));
  assert.deepEqual(missing, [], 'exports of src/index.ts missing from docs/api.md');
  for (const n of Object.keys(root)) assert.ok(names.includes(n), `${n} is exported at run time but not listed in src/index.ts`);
});

test('every function and class exported from src/index.ts has a doc comment with the fixed sections and an @example', () => {
  const problems: string[] = [];
  const exports = rootExports();
  assert.ok(exports.size > 100, `only ${exports.size} value exports parsed from src/index.ts`);
  for (const [name, { module, local }] of exports) {
    const value = (root as Record<string, unknown>)[name];
    assert.notEqual(value, undefined, `${name} is listed in src/index.ts but not exported at run time`);
    const doc = docCommentOf(readFileSync(path.join(ROOT, module), 'utf8'), local);
    if (doc === undefined) {
      problems.push(`${module} ${local}: no doc comment`);
      continue;
    }
    if (typeof value !== 'function') continue; // constants and kernel objects: a doc comment suffices
    const missing = missingSections(doc);
    if (missing.length) problems.push(`${module} ${local}: missing ${missing.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

// ---------------------------------------------------------------------------------------------
// Doc comments of the functions and classes of every entry (root and subpaths)

/** Resolve a relative import specifier of `from` (a repository path) to a repository path. */
function resolveRelative(from: string, specifier: string): string {
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(from), specifier)).split(path.sep).join('/');
}

/**
 * Where the value export `name` of `file` is declared: [module, name in the module], following
 * `export { a as b } from`, `export *`, and local `export { a }` of a declaration or an import
 * (undefined if `file` does not export `name` as a value).
 */
function declarationOf(file: string, name: string, seen = new Set<string>()): { module: string; local: string } | undefined {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const sk = scanJs(readFileSync(path.join(ROOT, file), 'utf8'));
  const esc = name.replace(/\$/g, '\\$');
  if (new RegExp(`(?<![\\w$.])export\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\s*\\*?|class|const|let|var)\\s+${esc}(?![\\w$])`).test(sk.skeleton)) return { module: file, local: name };
  const spec = (s: string): { local: string; exported: string } | undefined => {
    const p = /^\s*(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(s);
    return p === null || p[1] !== undefined ? undefined : { local: p[2], exported: p[3] ?? p[2] };
  };
  // export { a as b } from '…' and export { a as b } (local)
  for (const m of sk.skeleton.matchAll(/(?<![\w$.])export\s*(type\s+)?\{([^}]*)\}(\s*from\s*(['"])\u0001*\4)?/g)) {
    if (m[1] !== undefined) continue;
    for (const s of m[2].split(',')) {
      const e = spec(s);
      if (e === undefined || e.exported !== name) continue;
      if (m[3] !== undefined) {
        const lit = sk.literalAt((m.index ?? 0) + m[0].search(/['"]/));
        if (lit !== undefined) return declarationOf(resolveRelative(file, lit.text), e.local, seen);
      }
      // A local name: a declaration of this file, or an import.
      if (new RegExp(`(?<![\\w$.])(?:abstract\\s+)?(?:async\\s+)?(?:function\\s*\\*?|class|const|let|var)\\s+${e.local.replace(/\$/g, '\\$')}(?![\\w$])`).test(sk.skeleton)) return { module: file, local: e.local };
      for (const im of sk.skeleton.matchAll(/(?<![\w$.])import\s*(type\s+)?\{([^}]*)\}\s*from\s*(['"])\u0001*\3/g)) {
        if (im[1] !== undefined) continue;
        for (const t of im[2].split(',')) {
          const i = spec(t);
          if (i === undefined || i.exported !== e.local) continue;
          const lit = sk.literalAt((im.index ?? 0) + im[0].search(/['"]/));
          if (lit !== undefined) return declarationOf(resolveRelative(file, lit.text), i.local, seen);
        }
      }
    }
  }
  for (const m of sk.skeleton.matchAll(/(?<![\w$.])export\s*\*\s*from\s*(['"])\u0001*\1/g)) {
    const lit = sk.literalAt((m.index ?? 0) + m[0].search(/['"]/));
    if (lit === undefined) continue;
    const found = declarationOf(resolveRelative(file, lit.text), name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

test('every function and class exported from every entry of the exports map has a doc comment with the fixed sections and an @example', () => {
  type Entry = string | { source: string };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Entry> };
  const loaded: Record<string, object> = { '.': root, './sensing': sensing, './comm': comm, './optimize': optimize, './params': params, './math': math, './node': node };
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const [key, entry] of Object.entries(pkg.exports)) {
    if (typeof entry === 'string') continue; // package.json
    const file = entry.source.replace(/^\.\//, '');
    const m = loaded[key];
    assert.notEqual(m, undefined, `${key} is not imported by this test`);
    for (const [name, value] of Object.entries(m)) {
      const where = declarationOf(file, name);
      if (where === undefined) {
        problems.push(`${file} ${name}: exported at run time, declaration not found`);
        continue;
      }
      const id = `${where.module} ${where.local}`;
      if (checked.has(id)) continue;
      checked.add(id);
      const doc = docCommentOf(readFileSync(path.join(ROOT, where.module), 'utf8'), where.local);
      if (doc === undefined) {
        problems.push(`${id}: no doc comment (isacnet${key.slice(1)} ${name})`);
        continue;
      }
      if (typeof value !== 'function') continue; // constants and kernel objects: a doc comment suffices
      const missing = missingSections(doc);
      if (missing.length) problems.push(`${id}: missing ${missing.join(', ')} (isacnet${key.slice(1)} ${name})`);
    }
  }
  assert.ok(checked.size > 200, `only ${checked.size} declarations checked`);
  assert.deepEqual(problems, []);
});
