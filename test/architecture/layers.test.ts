/**
 * Architecture of src/: the import graph is read from the source tree at test time (no file list
 * here), so these tests follow files as they move.
 *
 * - no import cycle anywhere in src/ (Tarjan's strongly connected components);
 * - dependencies point down the folder ranks of LAYER_RANK, with the exceptions of FORBIDDEN_PAIRS
 *   and ONLY_IMPORTS; a top-level folder without a rank fails, so a new folder gets one on purpose;
 * - src/parallel knows nothing of the domain;
 * - library error messages carry no CLI flag text (`--psi`): that wording belongs to src/cli,
 *   src/web and src/params, which know the flags.
 *
 * Edges are static imports and re-exports (`import … from`, `import '…'`, `export … from`, also
 * multi-line and `import type`) and `import('…')` with a literal specifier (also in type positions).
 * Bare package and `node:` specifiers are ignored. Each checker has a self-test on synthetic input.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { FILL, ROOT, literalsIn, readIfExists, rel, scanJs, walk } from './sourceScan.ts';

// ---------------------------------------------------------------------------------------------
// Import extraction

export interface ImportRef {
  specifier: string;
  line: number;
}

const LIT = `(['"\`])${FILL}*\\1`;
const IMPORT_PATTERNS: RegExp[] = [
  new RegExp(`(?<![\\w$.])import\\s+[\\w$\\s{},*]*?\\bfrom\\s*${LIT}`, 'dg'), // import … from '…'
  new RegExp(`(?<![\\w$.])import\\s*${LIT}`, 'dg'), // import '…'
  new RegExp(`(?<![\\w$.])import\\s*\\(\\s*${LIT}`, 'dg'), // import('…')
  new RegExp(`(?<![\\w$.])export\\s+[\\w$\\s{},*]*?\\bfrom\\s*${LIT}`, 'dg'), // export … from '…'
];

/** Every import/re-export specifier of a TS/JS source, with its line, in source order. */
export function parseImports(source: string): ImportRef[] {
  const s = scanJs(source);
  const found = new Map<number, ImportRef>();
  for (const re of IMPORT_PATTERNS) {
    for (const m of s.skeleton.matchAll(re)) {
      const quoteAt = m.indices?.[1]?.[0] ?? -1; // the specifier's opening quote
      const lit = s.literalAt(quoteAt);
      if (lit === undefined || lit.kind === 'regex') continue;
      found.set(lit.start, { specifier: lit.text, line: s.lineOf(m.index ?? 0) });
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

// ---------------------------------------------------------------------------------------------
// Graph

export interface Edge {
  from: string;
  to: string;
  line: number;
  specifier: string;
}

const SOURCE_EXT = /\.(?:ts|mts|mjs)$/;

function resolveSpecifier(fromAbs: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromAbs), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, path.join(base, 'index.ts')];
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

interface Graph {
  files: string[];
  edges: Edge[];
  unresolved: string[];
}

function buildGraph(): Graph {
  const srcDir = path.join(ROOT, 'src');
  const files = walk(srcDir).filter((f) => SOURCE_EXT.test(f));
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  const present: string[] = [];
  for (const abs of files) {
    const text = readIfExists(abs);
    if (text === undefined) continue;
    const from = rel(abs);
    present.push(from);
    for (const ref of parseImports(text)) {
      if (!ref.specifier.startsWith('.') && !ref.specifier.startsWith('/')) continue; // package or node:
      const target = resolveSpecifier(abs, ref.specifier);
      if (target === undefined) {
        unresolved.push(`${from}:${ref.line} imports '${ref.specifier}', which is not a file`);
        continue;
      }
      edges.push({ from, to: rel(target), line: ref.line, specifier: ref.specifier });
    }
  }
  return { files: present, edges, unresolved };
}

// ---------------------------------------------------------------------------------------------
// Cycles

/** Strongly connected components that contain a cycle (size > 1, or a node importing itself). */
export function findCycles(nodes: string[], edges: Array<{ from: string; to: string }>): string[][] {
  const adj = new Map<string, string[]>();
  for (const v of nodes) adj.set(v, []);
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    if (!adj.has(e.to)) adj.set(e.to, []);
    adj.get(e.from)?.push(e.to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sccs: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of adj.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      const selfLoop = comp.length === 1 && (adj.get(v) ?? []).includes(v);
      if (comp.length > 1 || selfLoop) sccs.push(comp.sort());
    }
  };
  for (const v of [...adj.keys()].sort()) if (!index.has(v)) connect(v);
  return sccs.sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest cycle through the first file of a component, as `a -> b -> a`. */
export function exampleCycle(component: string[], edges: Array<{ from: string; to: string }>): string {
  const inside = new Set(component);
  const start = component[0];
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length) {
    const v = queue.shift() as string;
    for (const e of edges) {
      if (e.from !== v || !inside.has(e.to)) continue;
      if (e.to === start) {
        const chain = [start];
        for (let x: string | undefined = v; x !== undefined && x !== start; x = prev.get(x)) chain.unshift(x);
        chain.unshift(start);
        return chain.join(' -> ');
      }
      if (!seen.has(e.to)) {
        seen.add(e.to);
        prev.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return component.join(' -> ');
}

// ---------------------------------------------------------------------------------------------
// Layers

/** Rank of each top-level folder of src/; `index` stands for the files directly in src/ (index.ts and any other). */
export const LAYER_RANK: Readonly<Record<string, number>> = {
  math: 0,
  params: 0,
  parallel: 1,
  serve: 1,
  geometry: 1,
  sensing: 2,
  comm: 2,
  optimize: 3,
  registry: 3,
  reports: 4,
  figures: 5,
  index: 5,
  cli: 6,
  web: 6,
};

/** Folders that must not import each other although one might otherwise be allowed to. */
const FORBIDDEN_PAIRS: Array<[string, string]> = [
  ['sensing', 'comm'],
  ['optimize', 'registry'],
  ['cli', 'web'],
];

/** Folders restricted to an explicit list of imports (besides themselves). */
const ONLY_IMPORTS: Readonly<Record<string, string[]>> = {
  math: [],
  params: ['math'],
  parallel: ['math'],
  serve: [],
};

/** Top-level folder of a repository-relative path under src/ (`index` for files directly in src/). */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? 'index' : parts[1];
}

/** Why `from` may not import `to`, or undefined if it may. Paths are repository-relative. */
export function layerViolation(from: string, to: string): string | undefined {
  if (!to.startsWith('src/')) return undefined; // outside the layered tree
  const a = folderOf(from);
  const b = folderOf(to);
  if (!(a in LAYER_RANK)) return `folder src/${a} has no rank in LAYER_RANK`;
  if (!(b in LAYER_RANK)) return `folder src/${b} has no rank in LAYER_RANK`;
  if (a === b) return undefined;
  for (const [x, y] of FORBIDDEN_PAIRS) {
    if ((a === x && b === y) || (a === y && b === x)) return `${a} and ${b} must not import each other`;
  }
  const only = ONLY_IMPORTS[a];
  if (only !== undefined) return only.includes(b) ? undefined : `${a} may import only ${[a, ...only].join(', ')}`;
  if (LAYER_RANK[b] >= LAYER_RANK[a]) return `${a} (rank ${LAYER_RANK[a]}) may not import ${b} (rank ${LAYER_RANK[b]})`;
  return undefined;
}

export function layerViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const why = layerViolation(e.from, e.to);
    if (why !== undefined) out.push(`${e.from} -> ${e.to}  (line ${e.line}; ${why})`);
  }
  return out;
}

/** Top-level folders of src/ holding any file but without a rank (files directly in src/ are
 *  `index`), also when they import nothing yet. */
function unrankedFolders(): string[] {
  const srcDir = path.join(ROOT, 'src');
  const out: string[] = [];
  for (const f of walk(srcDir)) {
    const folder = folderOf(rel(f));
    if (!(folder in LAYER_RANK) && !out.includes(folder)) out.push(folder);
  }
  return out.map((f) => `src/${f} has no rank in LAYER_RANK (add it on purpose)`);
}

const DOMAIN = ['geometry', 'sensing', 'comm', 'optimize', 'reports', 'figures', 'registry', 'cli', 'web'];

export function parallelDomainImports(edges: Edge[]): string[] {
  return edges
    .filter((e) => folderOf(e.from) === 'parallel' && e.to.startsWith('src/') && DOMAIN.includes(folderOf(e.to)))
    .map((e) => `${e.from} -> ${e.to}  (line ${e.line}: src/parallel must stay domain-free; pass domain code in as a kernel)`);
}

// ---------------------------------------------------------------------------------------------
// CLI flag text in error messages

export interface FlagHit {
  line: number;
  flag: string;
  literal: string;
}

const FLAG = /--[A-Za-z][\w-]*/;

/** End of the statement that starts at `from` in the skeleton: after its `;` at depth 0, or at the
 *  bracket that closes the enclosing block. */
function statementEnd(skeleton: string, from: number): number {
  let depth = 0;
  for (let k = from; k < skeleton.length; k++) {
    const c = skeleton[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth < 0) return k;
    } else if (c === ';' && depth === 0) return k + 1;
  }
  return skeleton.length;
}

function closingParen(skeleton: string, open: number): number {
  let depth = 0;
  for (let k = open; k < skeleton.length; k++) {
    const c = skeleton[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return skeleton.length;
}

/** String and template literals inside `throw …;` statements and `new XxxError(…)` calls that
 *  contain `--` followed by a letter. Comments never count. */
export function flagTextInErrors(source: string): FlagHit[] {
  const s = scanJs(source);
  const spans: Array<[number, number]> = [];
  for (const m of s.skeleton.matchAll(/(?<![\w$.])throw\b/g)) {
    const at = m.index ?? 0;
    spans.push([at, statementEnd(s.skeleton, at + m[0].length)]);
  }
  for (const m of s.skeleton.matchAll(/(?<![\w$.])new\s+(?:[\w$]+\.)*[\w$]*Error\s*\(/g)) {
    const at = m.index ?? 0;
    spans.push([at, closingParen(s.skeleton, at + m[0].length - 1)]);
  }
  const hits = new Map<number, FlagHit>();
  for (const [a, b] of spans) {
    for (const lit of literalsIn(s, a, b)) {
      if (lit.kind === 'regex') continue;
      const m = FLAG.exec(lit.text);
      if (m !== null) hits.set(lit.start, { line: s.lineOf(lit.start), flag: m[0], literal: lit.text.length > 70 ? `${lit.text.slice(0, 67)}...` : lit.text });
    }
  }
  return [...hits.entries()].sort((x, y) => x[0] - y[0]).map(([, h]) => h);
}

// ---------------------------------------------------------------------------------------------
// Reporting

function expectNone(problems: string[], title: string): void {
  if (problems.length === 0) return;
  assert.fail(`${title} (${problems.length}):\n  ${problems.join('\n  ')}`);
}

const graph = buildGraph();

// ---------------------------------------------------------------------------------------------
// Tests on the real tree

test('the source tree is where the architecture tests look for it', () => {
  assert.ok(existsSync(path.join(ROOT, 'src')), `no src/ under ${ROOT}`);
  assert.ok(graph.files.length > 20, `only ${graph.files.length} source files found under src/`);
  assert.ok(graph.edges.length > 20, `only ${graph.edges.length} relative imports found under src/`);
});

test('every relative import in src/ resolves to a file', () => {
  expectNone(graph.unresolved, 'relative imports that do not resolve');
});

test('no import cycle anywhere in src/', () => {
  const cycles = findCycles(graph.files, graph.edges);
  expectNone(
    cycles.map((c) => `cycle of ${c.length} file(s): ${c.join(', ')}\n      e.g. ${exampleCycle(c, graph.edges)}`),
    'import cycles in src/',
  );
});

test('dependencies point down only', () => {
  expectNone([...unrankedFolders(), ...layerViolations(graph.edges)], 'imports against the folder ranks');
});

test('src/parallel knows no domain', () => {
  expectNone(parallelDomainImports(graph.edges), 'src/parallel imports domain code');
});

test('no CLI flag text in library error messages', () => {
  const problems: string[] = [];
  for (const abs of walk(path.join(ROOT, 'src')).filter((f) => SOURCE_EXT.test(f))) {
    const file = rel(abs);
    if (['cli', 'web', 'params'].includes(folderOf(file))) continue;
    const text = readIfExists(abs);
    if (text === undefined) continue;
    for (const h of flagTextInErrors(text)) problems.push(`${file}:${h.line}: ${h.flag} in "${h.literal}"`);
  }
  expectNone(problems, 'error messages outside src/cli, src/web, src/params that name a CLI flag (name the parameter; let the CLI add its flag)');
});

// ---------------------------------------------------------------------------------------------
// Self-tests: each checker catches a synthetic bad input

test('self-test: the import parser sees every form and nothing in comments or strings', () => {
  const src = [
    "import a from './a.ts';",
    "import type { B } from '../b.ts';",
    'import {',
    '  c1,',
    '  type c2,',
    "} from './c.ts';",
    "import * as d from './d.ts';",
    "import './e.ts';",
    "export { f } from './f.ts';",
    "export * from './g.ts';",
    "export * as h from './h.ts';",
    "export type {\n  I,\n} from './i.ts';",
    "const j = await import('./j.ts');",
    "type K = import('./k.ts').K;",
    "import def, { l } from \"./l.ts\";",
    "import fs from 'node:fs';",
    "// import x from './commented.ts';",
    "/* export * from './blocked.ts'; */",
    "const s = \"import y from './in-string.ts'\";",
    "const t = `import z from './in-template.ts'`;",
    "const re = /from '\\.\\/in-regex.ts'/;",
    'const m = import.meta.url;',
    "export const from = 'not-an-import.ts';",
  ].join('\n');
  assert.deepEqual(
    parseImports(src).map((r) => `${r.line}:${r.specifier}`),
    ['1:./a.ts', '2:../b.ts', '3:./c.ts', '7:./d.ts', '8:./e.ts', '9:./f.ts', '10:./g.ts', '11:./h.ts', '12:./i.ts', '15:./j.ts', '16:./k.ts', '17:./l.ts', '18:node:fs'],
  );
});

test('self-test: Tarjan finds a three-file cycle and a self-import, and no cycle in a DAG', () => {
  const edges = [
    { from: 'src/a.ts', to: 'src/b.ts' },
    { from: 'src/b.ts', to: 'src/c.ts' },
    { from: 'src/c.ts', to: 'src/a.ts' },
    { from: 'src/c.ts', to: 'src/d.ts' },
    { from: 'src/e.ts', to: 'src/e.ts' },
  ];
  const cycles = findCycles(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts'], edges);
  assert.deepEqual(cycles, [['src/a.ts', 'src/b.ts', 'src/c.ts'], ['src/e.ts']]);
  assert.equal(exampleCycle(cycles[0], edges), 'src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts');
  assert.deepEqual(findCycles(['x', 'y', 'z'], [{ from: 'x', to: 'y' }, { from: 'y', to: 'z' }, { from: 'x', to: 'z' }]), []);
});

test('self-test: the layer rules reject upward, sideways and unranked imports', () => {
  const e = (from: string, to: string): Edge => ({ from, to, line: 1, specifier: '' });
  const ok = [
    e('src/comm/a.ts', 'src/math/b.ts'),
    e('src/comm/a.ts', 'src/comm/sub/b.ts'),
    e('src/optimize/a.ts', 'src/sensing/b.ts'),
    e('src/index.ts', 'src/reports/b.ts'),
    e('src/cli/main.ts', 'src/index.ts'),
    e('src/parallel/job.ts', 'src/math/rng.ts'),
    e('src/params/a.ts', 'src/math/b.ts'),
  ];
  assert.deepEqual(layerViolations(ok), []);
  const bad = [
    e('src/math/a.ts', 'src/params/b.ts'), // math may import only math
    e('src/params/a.ts', 'src/geometry/b.ts'), // params only params, math
    e('src/sensing/a.ts', 'src/comm/b.ts'), // forbidden pair
    e('src/comm/a.ts', 'src/sensing/b.ts'),
    e('src/registry/a.ts', 'src/optimize/b.ts'),
    e('src/web/a.ts', 'src/cli/b.ts'),
    e('src/parallel/a.ts', 'src/geometry/b.ts'), // parallel only math
    e('src/geometry/a.ts', 'src/optimize/b.ts'), // upward
    e('src/index.ts', 'src/figures/x.ts'), // same rank, different folders
    e('src/shiny/a.ts', 'src/math/b.ts'), // unranked
    e('src/math/a.ts', 'src/shiny/b.ts'),
  ];
  const v = layerViolations(bad);
  assert.equal(v.length, bad.length, v.join('\n'));
  assert.match(v[0], /^src\/math\/a\.ts -> src\/params\/b\.ts .*math may import only math/);
  assert.match(v[2], /sensing and comm must not import each other/);
  assert.match(v[9], /src\/shiny has no rank/);
  assert.deepEqual(parallelDomainImports([bad[6], ok[5]]).length, 1);
});

test('self-test: flag text in throw statements and Error constructors is caught, comments are not', () => {
  const src = [
    'export function f(psi: number, n: number): number {',
    '  // a comment may say --psi freely',
    '  if (!(psi >= 1)) throw new ParamError(`--psi (ψ): invalid value ${psi}`);',
    '  if (n < 0) {',
    '    throw new RangeError(',
    '      /* --not-this */ "n must be ≥ 0, got " + n + ", see --N",',
    '    );',
    '  }',
    "  if (n > 9) throw new Error('n too large: ' + JSON.stringify({ n, hint: '--max-N' }))",
    '  }',
    "  const e = new ParamError('--trials: bad');",
    "  const label = '--not-an-error'; // not in an error",
    '  if (n === 3) throw new Error(`n = ${n} is not allowed (parameter N)`);',
    '  if (n === 4) throw errorFor(`--seed`);',
    '  return label.length + e.message.length;',
    '}',
  ].join('\n');
  assert.deepEqual(
    flagTextInErrors(src).map((h) => `${h.line}:${h.flag}`),
    ['3:--psi', '6:--N', '9:--max-N', '11:--trials', '14:--seed'],
  );
  assert.deepEqual(flagTextInErrors('throw new Error("x -- y, a--1, parameter N");'), []);
});
