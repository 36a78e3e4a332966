/**
 * Doc examples that run (as stdlib-js does).
 *
 * Convention. In a `/** … *\/` doc comment of an exported symbol of src/ (outside src/cli and
 * src/web; also the module comment at the top of a file, and members of an exported class or
 * object), an `@example` block runs as TypeScript. The block is everything after the `@example` line
 * up to the next `@tag` line or the end of the comment; if it contains ``` fences, only the lines
 * inside the fences. Every export of the file is in scope under its own name. An `import` line of
 * the example that names the package (`import { a, b as c } from 'isacnet'`, or a subpath such as
 * `'isacnet/math'`) runs: the specifier is resolved through the `exports` map of package.json to its
 * entry file, so an example can use the whole public API as a reader would; other `import` lines are
 * dropped. An import sits on one line. A line that ends with a comment `// => <value>` asserts a
 * value:
 *
 *   f(1); // => 0.5                     the value of the expression statement on that line
 *   const x = f(1); // => 0.5           the value of the variable declared on that line
 *   f(2); // => 0.25 (±1e-12)           a relative tolerance (absolute when the value is 0)
 *
 * Values: a number (NaN, Infinity and -Infinity included), `true`, `false`, `null`, `undefined`, a
 * quoted string, or a JSON-like array or object (keys may be bare, strings single- or double-quoted),
 * compared deeply; typed arrays compare as arrays. Without a tolerance a number is compared to the
 * digits printed: |actual − printed| ≤ 0.5 × 10^(exponent of the last printed digit), so `0.333`
 * accepts 1/3 and `24` accepts 24.4. An assertion sits on one line; statements without `// =>` may
 * span lines.
 *
 * Implementation: per source file with examples, a temporary .mts module in os.tmpdir() imports the
 * file by absolute path (`import * as M from 'file:///…'`), destructures the exports each block uses
 * (turns its package imports into `const { … } = await import('file:///…/entry.ts')`), runs the blocks and prints what each `// =>` line evaluated to; it runs under
 * `node --import tsx` in a child process and the values are compared here. One test case per
 * example block, named after the file and the symbol. A self-test runs the same machinery on a tiny
 * temporary module with a right and a wrong `// =>` value.
 */
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, readIfExists, rel, scanJs, walk, type Comment, type Scanned } from './sourceScan.ts';

/** Name of the package whose imports an example may use (package.json `name`). */
const PACKAGE = 'isacnet';

// ---------------------------------------------------------------------------------------------
// Extraction

export interface ExampleLine {
  /** 1-based line in the source file. */
  line: number;
  code: string;
  /** Text after `// =>`, if the line asserts a value. */
  expected?: string;
  /** Set on an `import … from 'isacnet…'` line: the package specifier. */
  packageImport?: string;
}

export interface ExampleBlock {
  file: string;
  symbol: string;
  /** Line of the `@example` tag. */
  line: number;
  lines: ExampleLine[];
}

const DECL = /^(export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const\s+enum|const|let|var|enum|interface|type|namespace)\s+([A-Za-z_$][\w$]*)/;
const MEMBER = /^(?:(?:public|private|protected|static|readonly|async|get|set|override|declare)\s+)*\*?\s*([A-Za-z_$][\w$]*|\[[^\]]*\])/;

function braceDepths(skeleton: string): Int32Array {
  const depth = new Int32Array(skeleton.length + 1);
  let d = 0;
  for (let k = 0; k < skeleton.length; k++) {
    depth[k] = d;
    if (skeleton[k] === '{') d++;
    else if (skeleton[k] === '}') d--;
  }
  depth[skeleton.length] = d;
  return depth;
}

interface Attachment {
  symbol: string;
  runnable: boolean;
}

function attachmentOf(s: Scanned, c: Comment, depth: Int32Array): Attachment {
  const afterSource = s.source.slice(c.end);
  const after = s.skeleton.slice(c.end).trimStart();
  const first = s.skeleton.slice(0, c.start).trim() === '';
  if (first && (/^[ \t]*\r?\n[ \t]*\r?\n/.test(afterSource) || /^import\b/.test(after) || after === '')) {
    return { symbol: 'module', runnable: true };
  }
  if (depth[c.start] === 0) {
    const m = DECL.exec(after);
    if (m === null) return { symbol: `(no declaration after the comment at line ${s.lineOf(c.start)})`, runnable: false };
    return { symbol: m[2], runnable: m[1] !== undefined };
  }
  // A member: name it after the enclosing top-level declaration.
  const member = MEMBER.exec(after)?.[1] ?? '?';
  let outer: Attachment = { symbol: '?', runnable: false };
  for (const m of s.skeleton.slice(0, c.start).matchAll(/(?<![\w$.])(export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|const|let|var|namespace|function)\s+([A-Za-z_$][\w$]*)/g)) {
    if (depth[m.index ?? 0] === 0) outer = { symbol: m[2], runnable: m[1] !== undefined };
  }
  return { symbol: `${outer.symbol}.${member}`, runnable: outer.runnable };
}

/** The specifier of an `import … from 'isacnet'` (or `'isacnet/…'`) line, else undefined. */
export function packageImportSpecifier(line: string): string | undefined {
  const m = /\bfrom\s*(['"])([^'"]+)\1\s*;?\s*$/.exec(line);
  if (m === null) return undefined;
  return m[2] === PACKAGE || m[2].startsWith(`${PACKAGE}/`) ? m[2] : undefined;
}

/** Absolute path of the entry file a package specifier names, through package.json `exports`. */
export function resolvePackageSpecifier(spec: string, root = ROOT): string | undefined {
  type Target = string | { source?: string };
  const pkg = JSON.parse(readIfExists(path.join(root, 'package.json')) ?? '{}') as { name?: string; exports?: Record<string, Target> | string };
  if (pkg.name !== PACKAGE || pkg.exports === undefined) return undefined;
  const key = spec === PACKAGE ? '.' : `.${spec.slice(PACKAGE.length)}`;
  const entry: Target | undefined = typeof pkg.exports === 'string' ? (key === '.' ? pkg.exports : undefined) : pkg.exports[key];
  // Conditional entries: the examples run against the TypeScript sources (`source` condition).
  const target = typeof entry === 'string' ? entry : entry?.source;
  return typeof target === 'string' ? path.join(root, target) : undefined;
}

/**
 * A package import line as a statement of the runner: `import { a, b as c, type T } from 'isacnet'`
 * → `const { a, b: c } = await import('file:///…/src/index.ts');` (type-only imports vanish), with
 * the names it binds.
 */
export function packageImportStatement(code: string, url: string): { statement: string; names: string[] } {
  const m = /^\s*import\s+(type\s+)?(.*?)\s+from\s*['"][^'"]+['"]\s*;?\s*$/.exec(code);
  if (m === null) throw new SyntaxError(`cannot read the import ${JSON.stringify(code.trim())} (one import per line: import { a, b } from '${PACKAGE}')`);
  if (m[1] !== undefined) return { statement: '', names: [] };
  const clause = m[2].trim();
  const src = `await import(${JSON.stringify(url)})`;
  const star = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(clause);
  if (star !== null) return { statement: `const ${star[1]} = ${src};`, names: [star[1]] };
  const parts = /^(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\})?$/.exec(clause);
  if (parts === null) throw new SyntaxError(`cannot read the import clause ${JSON.stringify(clause)}`);
  const fields: string[] = [];
  const names: string[] = [];
  if (parts[1] !== undefined) {
    fields.push(`default: ${parts[1]}`);
    names.push(parts[1]);
  }
  for (const spec of (parts[2] ?? '').split(',')) {
    const s = /^\s*(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(spec);
    if (s === null || s[1] !== undefined) continue;
    fields.push(s[3] !== undefined ? `${s[2]}: ${s[3]}` : s[2]);
    names.push(s[3] ?? s[2]);
  }
  return { statement: fields.length ? `const { ${fields.join(', ')} } = ${src};` : `${src};`, names };
}

/** The `@example` blocks of a source file, and the examples that cannot run (not on an export). */
export function extractExamples(file: string, source: string): { blocks: ExampleBlock[]; misplaced: string[] } {
  const s = scanJs(source);
  const depth = braceDepths(s.skeleton);
  const blocks: ExampleBlock[] = [];
  const misplaced: string[] = [];
  for (const c of s.comments) {
    if (c.kind !== 'block' || !c.text.startsWith('/**') || !c.text.includes('@example')) continue;
    const startLine = s.lineOf(c.start);
    const lines = c.text
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((t, k) => ({ text: t.replace(/^\s*\* ?/, '').replace(/\r$/, ''), line: startLine + k }));
    const where = attachmentOf(s, c, depth);
    for (let k = 0; k < lines.length; k++) {
      if (!/^\s*@example\b/.test(lines[k].text)) continue;
      const tagLine = lines[k].line;
      // The block: up to the next @tag outside a fence; with fences, only the fenced lines.
      const raw: Array<{ text: string; line: number; fence: boolean; inside: boolean }> = [];
      let inFence = false;
      let j = k + 1;
      for (; j < lines.length; j++) {
        const t = lines[j].text;
        const fence = /^\s*```/.test(t);
        if (!inFence && !fence && /^\s*@\w/.test(t)) break;
        if (fence) inFence = !inFence;
        raw.push({ ...lines[j], fence, inside: inFence && !fence });
      }
      k = j - 1;
      const body = raw.some((r) => r.fence) ? raw.filter((r) => r.inside) : raw;
      if (!where.runnable) {
        misplaced.push(`${file}:${tagLine}: @example on ${where.symbol}, which is not exported (an example must be runnable from the module's exports)`);
        continue;
      }
      const exampleLines: ExampleLine[] = [];
      for (const b of body) {
        if (b.text.trim() === '') continue;
        if (/^\s*import\s/.test(b.text)) {
          const spec = packageImportSpecifier(b.text);
          if (spec !== undefined) exampleLines.push({ line: b.line, code: b.text, packageImport: spec });
          continue;
        }
        const ls = scanJs(b.text);
        const last = ls.comments[ls.comments.length - 1];
        const m = last !== undefined && last.kind === 'line' ? /^\/\/\s*=>\s*(.*?)\s*$/.exec(last.text) : null;
        if (m !== null && last !== undefined) exampleLines.push({ line: b.line, code: b.text.slice(0, last.start).trimEnd(), expected: m[1] });
        else exampleLines.push({ line: b.line, code: b.text });
      }
      blocks.push({ file, symbol: where.symbol, line: tagLine, lines: exampleLines });
    }
  }
  return { blocks, misplaced };
}

/** Names a module exports at run time (static parse: declarations and `export { … }` lists). */
export function exportedValueNames(source: string): string[] {
  const sk = scanJs(source).skeleton;
  const names = new Set<string>();
  for (const m of sk.matchAll(/(?<![\w$.])export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const\s+enum|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of sk.matchAll(/(?<![\w$.])export\s*\{([^}]*)\}/g)) {
    for (const spec of m[1].split(',')) {
      const p = /^\s*(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(spec);
      if (p !== null && p[1] === undefined) names.add(p[3] ?? p[2]);
    }
  }
  for (const m of sk.matchAll(/(?<![\w$.])export\s*\*\s*as\s+([\w$]+)/g)) names.add(m[1]);
  names.delete('default');
  return [...names].sort();
}

// ---------------------------------------------------------------------------------------------
// Expected values and comparison

export type Expected =
  | { kind: 'number'; value: number; raw: string; tol: number; relative: boolean }
  | { kind: 'literal'; value: string | boolean | null | undefined }
  | { kind: 'array'; items: Expected[] }
  | { kind: 'object'; entries: Array<[string, Expected]> };

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** Parse the text after `// =>`. Throws on malformed input. */
export function parseExpected(text: string): Expected {
  let src = text.trim();
  let relTol: number | undefined;
  const t = /\(\s*(?:±|\+-|\+\/-)\s*([0-9.]+(?:[eE][+-]?\d+)?)\s*\)$/.exec(src);
  if (t !== null) {
    relTol = Number(t[1]);
    src = src.slice(0, t.index).trim();
  }
  let i = 0;
  const ws = (): void => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`cannot parse expected value ${JSON.stringify(text)}: ${what} at column ${i + 1}`);
  };
  const value = (): Expected => {
    ws();
    const rest = src.slice(i);
    for (const [word, v] of [['true', true], ['false', false], ['null', null], ['undefined', undefined]] as const) {
      if (rest.startsWith(word) && !/[\w$]/.test(rest[word.length] ?? '')) {
        i += word.length;
        return { kind: 'literal', value: v };
      }
    }
    for (const word of ['NaN', 'Infinity', '-Infinity']) {
      if (rest.startsWith(word) && !/[\w$]/.test(rest[word.length] ?? '')) {
        i += word.length;
        return { kind: 'number', value: Number(word), raw: word, tol: 0, relative: false };
      }
    }
    const num = NUMBER.exec(rest);
    if (num !== null) {
      i += num[0].length;
      const raw = num[0];
      if (relTol !== undefined) return { kind: 'number', value: Number(raw), raw, tol: relTol, relative: Number(raw) !== 0 };
      const [mant, exp] = raw.toLowerCase().split('e');
      const decimals = mant.includes('.') ? mant.length - mant.indexOf('.') - 1 : 0;
      return { kind: 'number', value: Number(raw), raw, tol: 0.5 * 10 ** (Number(exp ?? 0) - decimals), relative: false };
    }
    const c = src[i];
    if (c === '"' || c === '\'') {
      let j = i + 1;
      let out = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const e = src[j + 1];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else out += src[j++];
      }
      if (j >= src.length) fail('unterminated string');
      i = j + 1;
      return { kind: 'literal', value: out };
    }
    if (c === '[') {
      i++;
      const items: Expected[] = [];
      ws();
      if (src[i] === ']') {
        i++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (src[i] === ',') {
          i++;
          ws();
          if (src[i] === ']') {
            i++;
            return { kind: 'array', items };
          }
          continue;
        }
        if (src[i] === ']') {
          i++;
          return { kind: 'array', items };
        }
        fail('expected , or ]');
      }
    }
    if (c === '{') {
      i++;
      const entries: Array<[string, Expected]> = [];
      for (;;) {
        ws();
        if (src[i] === '}') {
          i++;
          return { kind: 'object', entries };
        }
        let key: string;
        const k = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_$][\w$]*))/.exec(src.slice(i));
        if (k === null) return fail('expected a key');
        key = k[1] ?? k[2] ?? k[3];
        i += k[0].length;
        ws();
        if (src[i] !== ':') fail('expected :');
        i++;
        entries.push([key, value()]);
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== '}') fail('expected , or }');
      }
    }
    return fail('unexpected character');
  };
  const v = value();
  ws();
  if (i !== src.length) fail('trailing text');
  return v;
}

/** Decoded value from the child (numbers that JSON cannot carry come as { $num }). */
function decodeNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && '$num' in v) return Number((v as { $num: string }).$num);
  return undefined;
}

export function formatActual(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x !== null && typeof x === 'object') {
      if ('$num' in x) return (x as { $num: string }).$num;
      if ('$undefined' in x) return 'undefined';
    }
    return x;
  });
}

function describeExpected(e: Expected): string {
  if (e.kind === 'number') return e.tol === 0 ? e.raw : `${e.raw} (±${e.relative ? `${e.tol} relative` : e.tol.toPrecision(2)})`;
  if (e.kind === 'literal') return e.value === undefined ? 'undefined' : JSON.stringify(e.value);
  if (e.kind === 'array') return `[${e.items.map(describeExpected).join(', ')}]`;
  return `{ ${e.entries.map(([k, x]) => `${k}: ${describeExpected(x)}`).join(', ')} }`;
}

/** Undefined when `actual` matches, else where and how it differs. */
export function compareValue(expected: Expected, actual: unknown, at = ''): string | undefined {
  const pre = at === '' ? '' : `at ${at}: `;
  const got = `got ${formatActual(actual)}`;
  switch (expected.kind) {
    case 'number': {
      const a = decodeNumber(actual);
      if (a === undefined) return `${pre}expected a number, ${got}`;
      const e = expected.value;
      if (Number.isNaN(e) || !Number.isFinite(e)) return Object.is(a, e) ? undefined : `${pre}expected ${expected.raw}, ${got}`;
      const bound = expected.relative ? expected.tol * Math.abs(e) : expected.tol;
      return Math.abs(a - e) <= bound ? undefined : `${pre}expected ${describeExpected(expected)}, ${got} (off by ${Math.abs(a - e).toPrecision(3)})`;
    }
    case 'literal': {
      if (expected.value === undefined) {
        return actual !== null && typeof actual === 'object' && '$undefined' in actual ? undefined : `${pre}expected undefined, ${got}`;
      }
      return actual === expected.value ? undefined : `${pre}expected ${describeExpected(expected)}, ${got}`;
    }
    case 'array': {
      if (!Array.isArray(actual)) return `${pre}expected an array, ${got}`;
      if (actual.length !== expected.items.length) return `${pre}expected ${expected.items.length} elements, ${got}`;
      for (let k = 0; k < actual.length; k++) {
        const d = compareValue(expected.items[k], actual[k], `${at}[${k}]`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    case 'object': {
      if (actual === null || typeof actual !== 'object' || Array.isArray(actual) || '$num' in actual || '$undefined' in actual) return `${pre}expected an object, ${got}`;
      const rec = actual as Record<string, unknown>;
      const keys = Object.keys(rec).sort();
      const want = expected.entries.map(([k]) => k).sort();
      if (keys.join('\u0000') !== want.join('\u0000')) return `${pre}expected keys ${want.join(', ')}, got keys ${keys.join(', ')}`;
      for (const [k, x] of expected.entries) {
        const d = compareValue(x, rec[k], `${at}.${k}`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
  }
  return 'unreachable';
}

// ---------------------------------------------------------------------------------------------
// Running

const MARKER = '@@ISACNET-DOC-EXAMPLE-RESULTS@@';

interface LineResult {
  block: number;
  line: number;
  value?: unknown;
  error?: string;
}

const RUNTIME = String.raw`
const __out: Array<{ block: number; line: number; value?: unknown; error?: string }> = [];
function __enc(v: unknown, d: number): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
  if (v === undefined) return { $undefined: true };
  if (typeof v === 'bigint') return { $bigint: String(v) };
  if (typeof v === 'function') return { $function: v.name };
  if (typeof v === 'symbol') return { $symbol: String(v) };
  if (v === null || typeof v !== 'object') return v;
  if (d > 32) return { $deep: true };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => __enc(x, d + 1));
  if (Array.isArray(v)) return v.map((x) => __enc(x, d + 1));
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [__enc(k, d + 1), __enc(x, d + 1)]) };
  if (v instanceof Set) return { $set: [...v].map((x) => __enc(x, d + 1)) };
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = __enc(x, d + 1);
  return o;
}
function __err(e: unknown): string {
  return e instanceof Error ? e.name + ': ' + e.message : String(e);
}
async function __rec(block: number, line: number, f: () => Promise<unknown>): Promise<void> {
  try {
    __out.push({ block, line, value: __enc(await f(), 0) });
  } catch (e) {
    __out.push({ block, line, error: __err(e) });
  }
}
`;

/** The temporary module that runs the blocks of one source file; it exports what they evaluated to. */
export function buildRunner(absFile: string, exportNames: string[], blocks: ExampleBlock[]): string {
  const parts = [`import * as __M from ${JSON.stringify(pathToFileURL(absFile).href)};`, RUNTIME, 'export { __out };'];
  blocks.forEach((b, k) => {
    const code = b.lines.map((l) => l.code).join('\n');
    const declared = new Set([...code.matchAll(/(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
    const used = new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
    const imports = new Map<number, string>();
    for (const l of b.lines) {
      if (l.packageImport === undefined) continue;
      const target = resolvePackageSpecifier(l.packageImport);
      if (target === undefined) {
        imports.set(l.line, `__out.push({ block: ${k}, line: ${l.line}, error: ${JSON.stringify(`cannot resolve '${l.packageImport}' through the exports of package.json`)} });`);
        continue;
      }
      try {
        const s = packageImportStatement(l.code, pathToFileURL(target).href);
        for (const n of s.names) declared.add(n);
        imports.set(l.line, s.statement);
      } catch (e) {
        imports.set(l.line, `__out.push({ block: ${k}, line: ${l.line}, error: ${JSON.stringify((e as Error).message)} });`);
      }
    }
    const names = exportNames.filter((n) => used.has(n) && !declared.has(n));
    parts.push(`// block ${k}: ${b.file} ${b.symbol}`, 'try {');
    if (names.length) parts.push(`  const { ${names.join(', ')} } = __M;`);
    for (const l of b.lines) {
      if (l.packageImport !== undefined) {
        parts.push(imports.get(l.line) ?? '');
        continue;
      }
      if (l.expected === undefined) {
        parts.push(l.code);
        continue;
      }
      const decl = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(l.code);
      if (decl !== null) parts.push(`${l.code} await __rec(${k}, ${l.line}, async () => ${decl[1]});`);
      else if (/^\s*(?:const|let|var)\s/.test(l.code)) parts.push(`${l.code} __out.push({ block: ${k}, line: ${l.line}, error: 'a // => value needs an expression or a single declared variable' });`);
      else parts.push(`await __rec(${k}, ${l.line}, async () => (${l.code.trim().replace(/;$/, '')}));`);
    }
    parts.push(`} catch (e) {`, `  __out.push({ block: ${k}, line: ${b.line}, error: 'the example threw: ' + __err(e) });`, `}`);
  });
  return parts.join('\n');
}

/** The driver: imports every runner in turn (a runner that fails to load fails only its file). */
function buildDriver(runners: Array<{ key: string; runner: string }>): string {
  return [
    'const results: Record<string, { results: unknown[]; failure?: string }> = {};',
    `for (const [key, url] of ${JSON.stringify(runners.map((r) => [r.key, pathToFileURL(r.runner).href]))} as Array<[string, string]>) {`,
    '  try {',
    '    const m = (await import(url)) as { __out: unknown[] };',
    '    results[key] = { results: m.__out };',
    '  } catch (e) {',
    "    results[key] = { results: [], failure: 'the examples did not load: ' + (e instanceof Error ? e.name + ': ' + e.message : String(e)) };",
    '  }',
    '}',
    `process.stdout.write('\\n${MARKER}' + JSON.stringify(results) + '\\n');`,
  ].join('\n');
}

export interface FileRun {
  results: LineResult[];
  /** Set when the examples of the file did not run (load error, crash, timeout). */
  failure?: string;
}

export interface ExampleFile {
  absFile: string;
  source: string;
  blocks: ExampleBlock[];
}

/** Run the examples of the given files in one child `node --import tsx`; results by absolute file
 *  name. Never rejects. */
export function runExamples(items: ExampleFile[], tmpDir: string): Promise<Map<string, FileRun>> {
  const runners = items.map((it, k) => {
    const runner = path.join(tmpDir, `${k}-${path.basename(it.absFile).replace(/[^\w.-]+/g, '_')}.examples.mts`);
    writeFileSync(runner, buildRunner(it.absFile, exportedValueNames(it.source), it.blocks));
    return { key: it.absFile, runner };
  });
  const driver = path.join(tmpDir, 'driver.mts');
  writeFileSync(driver, buildDriver(runners));
  const everyone = (failure: string): Map<string, FileRun> => new Map(items.map((it) => [it.absFile, { results: [], failure }]));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', driver], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000); // a hang guard, not a timing: the examples take ~20–40 s, more on a loaded machine
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(everyone(`could not start node: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const at = stdout.lastIndexOf(MARKER);
      if (at === -1) {
        resolve(everyone(`the example runner exited (${signal ?? code}) without results:\n${stderr.trim().split('\n').slice(0, 15).join('\n')}`));
        return;
      }
      const parsed = JSON.parse(stdout.slice(at + MARKER.length)) as Record<string, FileRun>;
      resolve(new Map(items.map((it) => [it.absFile, parsed[it.absFile] ?? { results: [], failure: 'no results reported' }])));
    });
  });
}

/** Failures of block number `k` of a file, given the file's run. */
export function blockFailures(block: ExampleBlock, k: number, run: FileRun): string[] {
  if (run.failure !== undefined) return [`${block.file}:${block.line}: ${run.failure}`];
  const out: string[] = [];
  const mine = run.results.filter((r) => r.block === k);
  for (const r of mine) if (r.error !== undefined && !block.lines.some((l) => l.line === r.line && l.expected !== undefined)) out.push(`${block.file}:${r.line}: ${r.error}`);
  for (const l of block.lines) {
    if (l.expected === undefined) continue;
    const r = mine.find((x) => x.line === l.line);
    const prefix = `${block.file}:${l.line}: \`${l.code.trim()}\``;
    if (r === undefined) {
      out.push(`${prefix}: not reached`);
      continue;
    }
    if (r.error !== undefined) {
      out.push(`${prefix}: expected ${l.expected}, but it threw ${r.error}`);
      continue;
    }
    let exp: Expected;
    try {
      exp = parseExpected(l.expected);
    } catch (e) {
      out.push(`${prefix}: ${(e as Error).message}`);
      continue;
    }
    const d = compareValue(exp, r.value);
    if (d !== undefined) out.push(`${prefix}: ${d}`);
  }
  return out;
}

function failIfAny(problems: string[]): void {
  if (problems.length) assert.fail(`doc example failed:\n  ${problems.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// The real tree

const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'isacnet-doc-examples-'));
after(() => rmSync(tmpDir, { recursive: true, force: true }));

const found: Array<ExampleFile & { file: string }> = [];
const misplaced: string[] = [];
for (const abs of walk(path.join(ROOT, 'src')).filter((f) => /\.(?:ts|mts)$/.test(f))) {
  const file = rel(abs);
  if (/^src\/(?:cli|web)\//.test(file)) continue;
  const source = readIfExists(abs);
  if (source === undefined || !source.includes('@example')) continue;
  const ex = extractExamples(file, source);
  misplaced.push(...ex.misplaced);
  if (ex.blocks.length) found.push({ file, absFile: abs, source, blocks: ex.blocks });
}
// One child process for all files, started now; each test case awaits it.
const runs: Promise<Map<string, FileRun>> = found.length ? runExamples(found, tmpDir) : Promise.resolve(new Map());

if (found.length === 0) {
  test('no @example blocks in src/ yet (nothing to run)', () => {});
}
for (const f of found) {
  const count = new Map<string, number>();
  for (const b of f.blocks) count.set(b.symbol, (count.get(b.symbol) ?? 0) + 1);
  const seen = new Map<string, number>();
  f.blocks.forEach((b, k) => {
    const n = (seen.get(b.symbol) ?? 0) + 1;
    seen.set(b.symbol, n);
    const name = `${f.file} ${b.symbol}${(count.get(b.symbol) ?? 0) > 1 ? ` (example ${n})` : ''}`;
    test(name, async () => {
      const run = (await runs).get(f.absFile) ?? { results: [], failure: 'not run' };
      failIfAny(blockFailures(b, k, run));
    });
  });
}

test('every @example sits on an exported symbol or the module comment', () => {
  if (misplaced.length) assert.fail(`examples that cannot run (${misplaced.length}):\n  ${misplaced.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------
// Self-tests

test('self-test: expected values, printed-digit and explicit tolerances', () => {
  const ok = (text: string, actual: unknown): void => assert.equal(compareValue(parseExpected(text), actual), undefined, `${text} vs ${formatActual(actual)}`);
  const bad = (text: string, actual: unknown): void => assert.notEqual(compareValue(parseExpected(text), actual), undefined, `${text} vs ${formatActual(actual)} should differ`);
  ok('0.333', 1 / 3);
  bad('0.334', 1 / 3);
  ok('24', 24.4);
  bad('24', 24.6);
  ok('1.25e-3', 0.0012504);
  bad('1.25e-3', 0.001256);
  ok('0.3 (±1e-6)', 0.3000002);
  bad('0.3 (±1e-6)', 0.300001);
  ok('0 (±1e-12)', -5e-13);
  bad('0 (±1e-12)', 2e-12);
  ok('NaN', { $num: 'NaN' });
  bad('NaN', 0);
  ok('-Infinity', { $num: '-Infinity' });
  ok('true', true);
  bad('true', 1);
  ok('null', null);
  ok('undefined', { $undefined: true });
  ok("'abc'", 'abc');
  ok('"a\\"b"', 'a"b');
  bad('"abc"', 'abd');
  ok('[1, 0.5, "x", [true]]', [1, 0.52, 'x', [true]]);
  bad('[1, 0.5]', [1, 0.5, 3]);
  ok('{ x: 0.3, "y": [1, 2] }', { y: [1, 2], x: 0.31 });
  bad('{ x: 0.3 }', { x: 0.3, extra: 1 });
  assert.match(compareValue(parseExpected('[1, { a: 2.5 }]'), [1, { a: 2.7 }]) ?? '', /at \[1\]\.a: expected 2\.5/);
  assert.throws(() => parseExpected('[1, 2'), SyntaxError);
});

test('self-test: a synthetic module with a right and a wrong // => value', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isacnet-doc-examples-self-'));
  try {
    const source = [
      '/**',
      ' * Twice x.',
      ' *',
      ' * @example',
      ' * ```ts',
      ' * double(2); // => 4',
      ' * const h = double(0.25); // => 0.5',
      " * const label: string = 'a // => b'; // a comment, not an assertion",
      ' * [double(1), double(1.5)]; // => [2, 3]',
      ' * new Float64Array([double(0.5)]); // => [1]',
      " * import { powInt as pow, type Summary } from 'isacnet/math';",
      " * import { unrelated } from 'some-other-package';",
      ' * pow(double(1), 10); // => 1024',
      ' * ```',
      ' * @param x a number',
      ' */',
      'export function double(x: number): number {',
      '  return 2 * x;',
      '}',
      '',
      '/**',
      ' * @example',
      ' * half(3); // => 1.4',
      ' * half(1); // => 0.5',
      ' * boom(); // => 1',
      ' * ({ a: half(4), b: "x" }); // => { a: 2, b: "x" }',
      ' */',
      'export const half = (x: number): number => x / 2;',
      '',
      'export function boom(): number {',
      "  throw new Error('boom');",
      '}',
      '',
      '/**',
      ' * @example',
      ' * secret(); // => 1',
      ' */',
      'function secret(): number {',
      '  return 1;',
      '}',
      'export const used = secret;',
    ].join('\n');
    const abs = path.join(dir, 'tiny.mts');
    writeFileSync(abs, source);
    const { blocks, misplaced: wrongPlace } = extractExamples('tiny.mts', source);
    assert.deepEqual(blocks.map((b) => `${b.symbol}:${b.lines.filter((l) => l.expected !== undefined).map((l) => l.line).join(',')}`), ['double:6,7,9,10,13', 'half:23,24,25,26']);
    assert.equal(wrongPlace.length, 1);
    assert.match(wrongPlace[0], /secret, which is not exported/);
    assert.deepEqual(exportedValueNames(source), ['boom', 'double', 'half', 'used']);
    // A second module whose example does not even compile fails alone.
    const brokenSource = '/**\n * @example\n * broken(; // => 1\n */\nexport function broken(): number {\n  return 1;\n}\n';
    const brokenAbs = path.join(dir, 'broken.mts');
    writeFileSync(brokenAbs, brokenSource);
    const brokenBlocks = extractExamples('broken.mts', brokenSource).blocks;
    const runs = await runExamples([{ absFile: abs, source, blocks }, { absFile: brokenAbs, source: brokenSource, blocks: brokenBlocks }], dir);
    const brokenFailures = blockFailures(brokenBlocks[0], 0, runs.get(brokenAbs) ?? { results: [] });
    assert.equal(brokenFailures.length, 1);
    assert.match(brokenFailures[0], /^broken\.mts:2: the examples did not load: .*Error/);
    const run = runs.get(abs) ?? { results: [], failure: 'missing' };
    assert.equal(run.failure, undefined, run.failure);
    assert.deepEqual(blockFailures(blocks[0], 0, run), []);
    const f = blockFailures(blocks[1], 1, run);
    assert.equal(f.length, 2, f.join('\n'));
    assert.match(f[0], /^tiny\.mts:23: `half\(3\);`: expected 1\.4 \(±0\.050\), got 1\.5/);
    assert.match(f[1], /^tiny\.mts:25: `boom\(\);`: expected 1, but it threw Error: boom/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('self-test: package imports resolve through the exports of package.json', () => {
  assert.equal(packageImportSpecifier("import { a } from 'isacnet';"), 'isacnet');
  assert.equal(packageImportSpecifier('import { a } from "isacnet/math"'), 'isacnet/math');
  assert.equal(packageImportSpecifier("import { a } from 'isacnetx';"), undefined);
  assert.equal(packageImportSpecifier("import { a } from './x.ts';"), undefined);
  assert.equal(resolvePackageSpecifier('isacnet'), path.join(ROOT, 'src', 'index.ts'));
  assert.equal(resolvePackageSpecifier('isacnet/math'), path.join(ROOT, 'src', 'math', 'index.ts'));
  assert.equal(resolvePackageSpecifier('isacnet/nope'), undefined);
  assert.deepEqual(packageImportStatement("import { a, b as c, type T } from 'isacnet';", 'file:///x.ts'), {
    statement: 'const { a, b: c } = await import("file:///x.ts");',
    names: ['a', 'c'],
  });
  assert.deepEqual(packageImportStatement("import * as lib from 'isacnet'", 'file:///x.ts'), { statement: 'const lib = await import("file:///x.ts");', names: ['lib'] });
  assert.deepEqual(packageImportStatement("import type { T } from 'isacnet';", 'file:///x.ts'), { statement: '', names: [] });
  assert.throws(() => packageImportStatement("import { a,", 'file:///x.ts'), SyntaxError);
});
