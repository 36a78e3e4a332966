/**
 * Every repository path mentioned in prose exists: tokens that start with one of the folder names
 * src, test, bench, scripts, examples or docs and a slash, in the comments of the files under src/,
 * test/, bench/ and scripts/
 * (TS/JS comments; Python comments and docstrings; CSS and HTML comments) and anywhere in the
 * Markdown files (docs/, README.md, and any .md in the scanned folders) must name a file or a folder
 * of the repository, so that a moved or renamed file cannot leave stale pointers behind.
 *
 * Not checked: tokens with glob or placeholder characters (`*`, braces, angle brackets, `$`, an
 * ellipsis), tokens inside URLs, the generated docs/api/ tree. A token that follows
 * `npm test --` is a test-runner filter (scripts/run-tests.mjs runs the test files whose path
 * contains it): it must match at least one test file.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, lineAt, lineStarts, readIfExists, rel, scanJs, walk } from './sourceScan.ts';

export interface Mention {
  file: string;
  line: number;
  path: string;
  /** True when the token is an `npm test --` filter rather than a path. */
  filter: boolean;
}

/** A piece of a file's text that counts as prose, with its offset in the file. */
interface Region {
  offset: number;
  text: string;
}

const PATH_TOKEN = /(?<![\w./-])(?:src|test|bench|scripts|examples|docs)\/[\w.\-/*{}<>$…+~]*/g;
const IGNORED_CHARS = /[*{}<>$…]|\.\.\./;
const TRAILING = /[.,):;'"`\]!?]+$/;
const NPM_TEST_FILTER = /npm (?:run )?test\s+--\s+(?:[\w./-]+\s+)*$/;

function pythonRegions(text: string): Region[] {
  const out: Region[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const triple = text.slice(i, i + 3);
    if (triple === '"""' || triple === "'''") {
      let e = text.indexOf(triple, i + 3);
      e = e === -1 ? text.length : e + 3;
      out.push({ offset: i, text: text.slice(i, e) });
      i = e;
    } else if (c === '"' || c === '\'') {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '#') {
      let e = text.indexOf('\n', i);
      if (e === -1) e = text.length;
      out.push({ offset: i, text: text.slice(i, e) });
      i = e;
    } else i++;
  }
  return out;
}

function delimitedRegions(text: string, open: string, close: string): Region[] {
  const out: Region[] = [];
  let i = text.indexOf(open);
  while (i !== -1) {
    let e = text.indexOf(close, i + open.length);
    e = e === -1 ? text.length : e + close.length;
    out.push({ offset: i, text: text.slice(i, e) });
    i = text.indexOf(open, e);
  }
  return out;
}

/** The prose regions of a file, by its extension; undefined for files that have none (data). */
function proseRegions(file: string, text: string): Region[] | undefined {
  const ext = path.extname(file).toLowerCase();
  if (['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'].includes(ext)) {
    return scanJs(text).comments.map((c) => ({ offset: c.start, text: c.text }));
  }
  if (ext === '.py' || ext === '.sh') return ext === '.py' ? pythonRegions(text) : pythonRegions(text).filter((r) => r.text.startsWith('#'));
  if (ext === '.css') return delimitedRegions(text, '/*', '*/');
  if (ext === '.html') return delimitedRegions(text, '<!--', '-->');
  if (ext === '.md') return [{ offset: 0, text }];
  return undefined;
}

/** Path mentions in the prose of one file (repository-relative name, for the type and messages). */
export function mentionsIn(file: string, text: string): Mention[] {
  const regions = proseRegions(file, text);
  if (regions === undefined) return [];
  const starts = lineStarts(text);
  const out: Mention[] = [];
  for (const r of regions) {
    for (const m of r.text.matchAll(PATH_TOKEN)) {
      const at = m.index ?? 0;
      let token = m[0];
      // Part of a URL? Look at the whole whitespace-delimited word.
      const lineStart = r.text.lastIndexOf('\n', at) + 1;
      const before = r.text.slice(lineStart, at);
      const word = before.slice(Math.max(before.search(/\S*$/), 0));
      if (word.includes('://')) continue;
      while (TRAILING.test(token)) token = token.replace(TRAILING, '');
      if (IGNORED_CHARS.test(token) || token.startsWith('docs/api/') || token === 'docs/api') continue;
      if (!token.includes('/')) continue;
      // A test filter after `npm test --`, possibly wrapped onto the next line of the comment.
      const preceding = r.text.slice(Math.max(0, at - 200), at).replace(/\n\s*(?:\*(?!\/)|\/\/+|#)?/g, ' ');
      out.push({ file, line: lineAt(starts, r.offset + at), path: token, filter: NPM_TEST_FILTER.test(preceding) });
    }
  }
  return out;
}

/** Mentions that name nothing: no such file or folder, or a test filter that matches no test file. */
export function missingMentions(mentions: Mention[], exists: (p: string) => boolean, testFiles: string[]): string[] {
  const out: string[] = [];
  for (const m of mentions) {
    const ok = m.filter ? testFiles.some((f) => f.includes(m.path)) : exists(m.path);
    if (!ok) out.push(`${m.file}:${m.line}: ${m.path}${m.filter ? ' (npm test filter matching no test file)' : ''}`);
  }
  return out;
}

/** Files whose prose is checked: everything under the folders src, test, bench, scripts and
 *  examples (where present), the Markdown under docs/ (without the generated API tree) and README.md. */
function scannedFiles(): string[] {
  const files: string[] = [];
  for (const dir of ['src', 'test', 'bench', 'scripts', 'examples']) files.push(...walk(path.join(ROOT, dir)));
  files.push(...walk(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && !rel(f).startsWith('docs/api/')));
  for (const name of ['README.md']) if (existsSync(path.join(ROOT, name))) files.push(path.join(ROOT, name));
  return files;
}

test('every src/, test/, bench/, scripts/, examples/, docs/ path named in comments and docs exists', () => {
  const files = scannedFiles();
  assert.ok(files.length > 50, `only ${files.length} files scanned under ${ROOT}`);
  const mentions: Mention[] = [];
  for (const abs of files) {
    const text = readIfExists(abs);
    if (text !== undefined) mentions.push(...mentionsIn(rel(abs), text));
  }
  assert.ok(mentions.length > 50, `only ${mentions.length} path mentions found: is the extraction broken?`);
  const testFiles = walk(path.join(ROOT, 'test')).map(rel).filter((f) => f.endsWith('.test.ts'));
  const missing = missingMentions(mentions, (p) => existsSync(path.join(ROOT, p)), testFiles);
  if (missing.length) assert.fail(`paths named in comments or docs that do not exist (${missing.length}):\n  ${missing.join('\n  ')}`);
});

test('self-test: stale paths are caught, globs, URLs, strings and existing paths are not', () => {
  const ts = [
    '/**',
    ' * Moved from src/gone/old.ts; see src/math/special.ts. Also (src/math), `test/math/`:',
    ' * patterns src/*.ts, src/sensing/{a,b}.ts, src/<folder>/x.ts, src/… and docs/api/index.html are skipped,',
    ' * as is https://example.com/tree/main/src/nope.ts and the url https://x.org/?p=src/nope2.ts.',
    ' * A filter wrapped onto the next line: `npm test --',
    ' * test/math/spec`; but after `npm test -- x` a path is a path: test/math/nosuch.',
    ' */',
    "const s = 'src/in-a-string.ts'; // but src/in-a-comment.ts counts",
    '// run `npm test -- test/math/spec` and `npm test -- test/math/nosuch`',
  ].join('\n');
  const py = '"""Golden values for src/py-doc-missing.py."""\nx = "src/py-string.py"  # and src/py-comment-missing/\n';
  const md = '# Doc\n\nSee `src/math/special.ts`, [here](docs/missing.md) and README.md.\n';
  const mentions = [...mentionsIn('src/x.ts', ts), ...mentionsIn('test/gen.py', py), ...mentionsIn('docs/x.md', md), ...mentionsIn('test/data.json', '{"a": "src/json.ts"}')];
  assert.deepEqual(
    mentions.map((m) => `${m.line}:${m.path}${m.filter ? ' (filter)' : ''}`),
    ['2:src/gone/old.ts', '2:src/math/special.ts', '2:src/math', '2:test/math/', '6:test/math/spec (filter)', '6:test/math/nosuch', '8:src/in-a-comment.ts', '9:test/math/spec (filter)', '9:test/math/nosuch (filter)', '1:src/py-doc-missing.py', '2:src/py-comment-missing/', '3:src/math/special.ts', '3:docs/missing.md'],
  );
  const existing = new Set(['src/math/special.ts', 'src/math', 'test/math']);
  const missing = missingMentions(mentions, (p) => existing.has(p.replace(/\/$/, '')), ['test/math/special.test.ts']);
  assert.deepEqual(missing, [
    'src/x.ts:2: src/gone/old.ts',
    'src/x.ts:6: test/math/nosuch',
    'src/x.ts:8: src/in-a-comment.ts',
    'src/x.ts:9: test/math/nosuch (npm test filter matching no test file)',
    'test/gen.py:1: src/py-doc-missing.py',
    'test/gen.py:2: src/py-comment-missing/',
    'docs/x.md:3: docs/missing.md',
  ]);
});
