#!/usr/bin/env node
// Behaviour check for refactors: runs the README's commands (and `reproduce --quick`) and stores
// their JSON, then compares two such snapshots value by value.
//
//   node scripts/compare-outputs.mjs capture <dir>     # run the commands, write <dir>/*.json
//   node scripts/compare-outputs.mjs compare <a> <b>   # exit 1 and list every difference
//
// Wall-clock fields (elapsed/seconds/startedAt/finishedAt/totalSeconds, the manifest's command line
// and machine description) are dropped before comparing; every other number must be identical
// (bit-for-bit, as printed by JSON.stringify). CSV files of the figures are compared as text.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'isacnet.js');

/** The README's commands with --json (threads pinned so the run is the same on any machine). */
const COMMANDS = {
  params: ['params', '--json'],
  sensing: ['sensing', '--N', '1,2,5,10,20', '--trials', '200000', '--seed', '7', '--json'],
  comm: ['comm', '--L', '1,2,3,8', '--pc', '0.5', '--trials', '100000', '--seed', '7', '--json'],
  optimize: ['optimize', '--backhaul', '6', '--e', '0.2', '--json'],
  'sensing-config': ['sensing', '--N', '4,6', '--trials', '20000', '--seed', '3', '--psi', '8', '--lambda-s', '2', '--json'],
  'comm-zf': ['comm', '--L', '1,2', '--gains', 'zf', '--trials', '20000', '--seed', '3', '--json'],
};

// `provenance` (version, settings, input hash) is metadata about the run, compared by its own tests.
const VOLATILE = new Set(['provenance', 'elapsedSeconds', 'seconds', 'startedAt', 'finishedAt', 'totalSeconds', 'command', 'node', 'platform', 'cpu', 'threads']);

function strip(v) {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) if (!VOLATILE.has(k)) o[k] = strip(x);
    return o;
  }
  return v;
}

function run(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`isacnet ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function capture(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, args] of Object.entries(COMMANDS)) {
    process.stderr.write(`capture ${name}: isacnet ${args.join(' ')}\n`);
    const out = run(args);
    let json;
    try {
      json = JSON.parse(out);
    } catch {
      json = { text: out };
    }
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(strip(json), null, 1));
  }
  const rq = path.join(dir, 'reproduce-quick');
  if (existsSync(rq)) rmSync(rq, { recursive: true });
  process.stderr.write('capture reproduce --quick\n');
  run(['reproduce', '--out', rq, '--quick', '--threads', '2']);
  for (const f of readdirSync(rq)) {
    const p = path.join(rq, f);
    if (f.endsWith('.json')) writeFileSync(path.join(dir, `reproduce-${f}`), JSON.stringify(strip(JSON.parse(readFileSync(p, 'utf8'))), null, 1));
    else if (f.endsWith('.csv')) writeFileSync(path.join(dir, `reproduce-${f}`), readFileSync(p));
  }
  rmSync(rq, { recursive: true });
}

function diff(a, b, at, out) {
  if (out.length > 50) return;
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${at}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`);
    return;
  }
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diff(a[k], b[k], `${at}.${k}`, out);
    return;
  }
  if (a !== b) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
}

function compare(da, db) {
  const names = new Set([...readdirSync(da), ...readdirSync(db)]);
  let bad = 0;
  for (const n of [...names].sort()) {
    const pa = path.join(da, n);
    const pb = path.join(db, n);
    if (!existsSync(pa) || !existsSync(pb)) {
      console.log(`${n}: only in ${existsSync(pa) ? da : db}`);
      bad++;
      continue;
    }
    const ta = readFileSync(pa, 'utf8');
    const tb = readFileSync(pb, 'utf8');
    if (ta === tb) {
      console.log(`${n}: identical`);
      continue;
    }
    bad++;
    if (n.endsWith('.json')) {
      const out = [];
      diff(JSON.parse(ta), JSON.parse(tb), n, out);
      console.log(`${n}: ${out.length} difference(s)\n  ${out.join('\n  ')}`);
    } else console.log(`${n}: differs`);
  }
  return bad;
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'capture' && a) capture(a);
else if (mode === 'compare' && a && b) process.exit(compare(a, b) === 0 ? 0 : 1);
else {
  console.error('usage: compare-outputs.mjs capture <dir> | compare <dirA> <dirB>');
  process.exit(2);
}
