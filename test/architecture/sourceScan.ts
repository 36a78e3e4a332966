/**
 * Shared helpers of the architecture tests (not a test file itself): a small lexer for
 * TypeScript/JavaScript source and a directory walker.
 *
 * `scanJs` splits a source text into comments, string/template/regex literals and code, and returns a
 * "skeleton": the source with the same length and the same line breaks, in which comments are blanked
 * to spaces and the contents of literals are replaced by FILL characters (quotes, backticks and the
 * `${` / `}` of template substitutions are kept). Regular expressions run on the skeleton therefore
 * never match inside a comment or a string, and brackets inside literals never disturb a depth count.
 * Positions in the skeleton are positions in the source, so a match in the skeleton can be mapped
 * back to its literal (`literalAt`) and its line (`lineOf`).
 *
 * The lexer is deliberately simple: a `/` starts a regular expression when the previous significant
 * character is an operator, an opening bracket, `,`, `;`, `}`, the start of the file or a keyword
 * such as `return`; otherwise it is a division. That is the usual heuristic and is right for every
 * file of this repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/architecture/sourceScan.ts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Character that replaces the contents of literals in the skeleton. */
export const FILL = '\u0001';

export interface Literal {
  kind: 'string' | 'template' | 'regex';
  /** Offset of the opening quote, backtick or slash. */
  start: number;
  /** Offset just after the closing quote, backtick or flags. */
  end: number;
  /** Contents: the characters between the quotes (escapes kept raw); for a template its text parts
   *  joined by `${…}`; for a regular expression its body. */
  text: string;
}

export interface Comment {
  kind: 'line' | 'block';
  start: number;
  end: number;
  /** Full text including the delimiters. */
  text: string;
}

export interface Scanned {
  source: string;
  skeleton: string;
  /** Sorted by start. */
  literals: Literal[];
  comments: Comment[];
  /** The literal that starts at `offset`, if any. */
  literalAt(offset: number): Literal | undefined;
  /** 1-based line of `offset`. */
  lineOf(offset: number): number;
}

const REGEX_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

function isIdentChar(c: string): boolean {
  return /[\w$]/.test(c);
}

/** Offsets at which lines start, for `lineOf`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset` given the line starts of the text. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function scanJs(source: string): Scanned {
  const n = source.length;
  const out: string[] = source.split('');
  const literals: Literal[] = [];
  const comments: Comment[] = [];
  const fill = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = FILL;
  };
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };

  /** Open templates: brace depth at which their current `${` substitution started, and their text so far. */
  const templates: Array<{ start: number; depth: number; parts: string[] }> = [];
  let depth = 0;
  let i = 0;

  /** Previous significant character of the skeleton before offset `i` (comments are already blanked). */
  const regexAllowed = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(out[k])) k--;
    if (k < 0) return true;
    const c = out[k];
    if (c === FILL || c === '\'' || c === '"' || c === '`' || c === ')' || c === ']') return false;
    if (isIdentChar(c)) {
      let s = k;
      while (s > 0 && isIdentChar(out[s - 1])) s--;
      return REGEX_KEYWORDS.has(out.slice(s, k + 1).join(''));
    }
    return true;
  };

  /** Scan template text from `i` (just after a backtick or a closing `}`) to its end or next `${`. */
  const scanTemplateText = (t: { start: number; depth: number; parts: string[] }): void => {
    const from = i;
    let text = '';
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '`') {
        fill(from, i);
        t.parts.push(text);
        i++;
        templates.pop();
        literals.push({ kind: 'template', start: t.start, end: i, text: t.parts.join('${…}') });
        return;
      }
      if (c === '$' && source[i + 1] === '{') {
        fill(from, i);
        t.parts.push(text);
        t.depth = depth;
        depth++;
        i += 2;
        return;
      }
      text += c;
      i++;
    }
    // Unterminated template: close it at the end of the file.
    fill(from, n);
    t.parts.push(text);
    templates.pop();
    literals.push({ kind: 'template', start: t.start, end: n, text: t.parts.join('${…}') });
  };

  if (source.startsWith('#!')) {
    const e = source.indexOf('\n') === -1 ? n : source.indexOf('\n');
    comments.push({ kind: 'line', start: 0, end: e, text: source.slice(0, e) });
    blank(0, e);
    i = e;
  }

  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (c === '/' && d === '/') {
      let e = source.indexOf('\n', i);
      if (e === -1) e = n;
      comments.push({ kind: 'line', start: i, end: e, text: source.slice(i, e) });
      blank(i, e);
      i = e;
    } else if (c === '/' && d === '*') {
      let e = source.indexOf('*/', i + 2);
      e = e === -1 ? n : e + 2;
      comments.push({ kind: 'block', start: i, end: e, text: source.slice(i, e) });
      blank(i, e);
      i = e;
    } else if (c === '\'' || c === '"') {
      const start = i;
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      const end = Math.min(i + 1, n);
      literals.push({ kind: 'string', start, end, text: source.slice(start + 1, Math.min(i, n)) });
      fill(start + 1, Math.min(i, n));
      i = end;
    } else if (c === '`') {
      const t = { start: i, depth: -1, parts: [] as string[] };
      templates.push(t);
      i++;
      scanTemplateText(t);
    } else if (c === '/' && regexAllowed(i)) {
      // Regular expression literal, if it closes on this line; otherwise treat `/` as an operator.
      let k = i + 1;
      let inClass = false;
      let closed = -1;
      while (k < n && source[k] !== '\n') {
        const ch = source[k];
        if (ch === '\\') {
          k += 2;
          continue;
        }
        if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) {
          closed = k;
          break;
        }
        k++;
      }
      if (closed === -1) {
        i++;
        continue;
      }
      let e = closed + 1;
      while (e < n && /[a-z]/i.test(source[e])) e++;
      literals.push({ kind: 'regex', start: i, end: e, text: source.slice(i + 1, closed) });
      fill(i + 1, closed);
      i = e;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      const t = templates[templates.length - 1];
      i++;
      if (t !== undefined && t.depth === depth) scanTemplateText(t);
    } else {
      i++;
    }
  }

  literals.sort((a, b) => a.start - b.start);
  const byStart = new Map(literals.map((l) => [l.start, l] as const));
  const starts = lineStarts(source);
  return {
    source,
    skeleton: out.join(''),
    literals,
    comments,
    literalAt: (offset) => byStart.get(offset),
    lineOf: (offset) => lineAt(starts, offset),
  };
}

/** Literals whose opening quote lies in [from, to). */
export function literalsIn(s: Scanned, from: number, to: number): Literal[] {
  return s.literals.filter((l) => l.start >= from && l.start < to);
}

/** Every file under `dir` (absolute), recursively, sorted; skips node_modules and dot-folders. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out; // folder moved away meanwhile
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    if (isDir) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** File text, or undefined if it vanished between listing and reading (files are being moved). */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Repository-relative path with forward slashes. */
export function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
