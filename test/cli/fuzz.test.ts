/**
 * A fuzz table of bad and extreme inputs over every sub-command (issue 13), run in-process through
 * `main` (no child process per case, so the table of ~250 cases takes seconds): each case checks the
 * exit code, that the message names the parameter (its flag, or the file and key for a config
 * file), that no stack trace is printed, and that it ends in bounded time.
 *
 * The bad values of every model parameter come from the schema (below its minimum, above its
 * maximum, not a number, hexadecimal, not finite, subnormal), so a new parameter is fuzzed too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';
import { PARAM_SPECS } from '../../src/params/schema.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-fuzz-'));
const file = (name: string, text: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const aFile = file('a-file', 'not a folder');

interface Case {
  args: string[];
  /** Expected exit code. */
  code: number;
  /** What stderr must mention (the flag, or the file and the key). */
  names?: RegExp;
  /** What stdout must match (valid extreme inputs). */
  out?: RegExp;
}

const CASES: Case[] = [];
const bad = (args: string[], names: RegExp): void => void CASES.push({ args, code: 2, names });

// Every model parameter, on the cheapest command that reads it (validation comes before any work).
for (const s of PARAM_SPECS) {
  const cmd = ['sensing', '--N', '4', '--trials', '2', '--windows', '0'];
  const flag = new RegExp(`--${s.flag}\\b`);
  const values = [String(s.min - 1), s.max === Infinity ? '1e400' : String(s.max * 10 + 1), 'abc', '0x10', '1e999', 'NaN', '-Infinity', '1e-320'];
  if (s.integer) values.push(String(s.min + 0.5));
  for (const v of values) bad([...cmd, `--${s.flag}`, v], flag);
}

// Run options of every command.
const runBad: Array<[string[], RegExp]> = [
  [['sensing', '--N', '0'], /--N\b/],
  [['sensing', '--N', '1.5'], /--N\b/],
  [['sensing', '--N', ''], /--N\b/],
  [['sensing', '--N', ','], /--N\b/],
  [['sensing', '--N', '5-1'], /--N\b/],
  [['sensing', '--N', '1:0:5'], /--N\b/],
  [['sensing', '--N', '0x4'], /--N\b/],
  [['sensing', '--trials', '0'], /--trials\b/],
  [['sensing', '--trials', '1'], /--trials\b/],
  [['sensing', '--trials', '2.5'], /--trials\b/],
  [['sensing', '--trials', '-5'], /--trials\b/],
  [['sensing', '--trials', '1e999'], /--trials\b.*not finite/],
  [['sensing', '--seed', '-1'], /--seed\b/],
  [['sensing', '--seed', '1e300'], /--seed\b/],
  [['sensing', '--threads', '0'], /--threads\b/],
  [['sensing', '--threads', '65'], /--threads\b/],
  [['sensing', '--windows', '-1'], /--windows\b/],
  [['sensing', '--samples-per-window', '0'], /--samples-per-window\b/],
  [['sensing', '--format', 'xml'], /--format\b/],
  [['sensing', '--json', '--format', 'csv'], /--json and --format csv/],
  [['sensing', '--lambda-s', '1e4', '--trials', '1000'], /--lambda-s \(λ_s\): invalid value 10000; must be small enough for one network window/],
  [['sensing', '--N', '2000', '--trials', '1e9'], /--trials\b.*the estimate is/],
  [['comm', '--L', '0'], /--L\b/],
  [['comm', '--L', '1001'], /--L\b/],
  [['comm', '--L', '26', '--disc-bs', '100'], /--disc-bs: invalid value 100; must be at least 4·max\(--L\) = 104/],
  [['comm', '--disc-bs', '50.5', '--L', '1'], /--disc-bs\b/],
  [['comm', '--disc-bs', '19', '--L', '1'], /--disc-bs\b/],
  [['comm', '--pc', '1.5'], /--pc \(p\^c\)/],
  [['comm', '--pc', '-0.1'], /--pc \(p\^c\)/],
  [['comm', '--pc', '0:1e-9:1'], /--pc \(p\^c\)/],
  [['comm', '--trials', '1', '--L', '1'], /--trials\b/],
  [['comm', '--trials', '0', '--L', '1'], /--trials\b/],
  [['comm', '--acceptance', 'maybe'], /--acceptance\b/],
  [['comm', '--gains', 'rayleigh'], /--gains\b/],
  [['comm', '--coverage', '-1'], /--coverage\b/],
  [['comm', '--lambda-b', '0x10', '--L', '1'], /--lambda-b \(λ_b\): invalid value "0x10".*not a decimal number/],
  [['comm', '--lambda-b', '1e-320', '--L', '1'], /--lambda-b \(λ_b\).*smallest normal/],
  [['sensing', '--fc', '1e-300', '--N', '4'], /--fc \(f_c\): invalid value 1e-300.*\|ζ\|² = Infinity/],
  [['sensing', '--zeta2', '1e-300', '--N', '4'], /--zeta2 \(\|ζ\|²\): invalid value 1e-300.*overflows/],
  [['sensing', '--zeta2', '0'], /--zeta2\b/],
  [['sensing', '--zeta2', 'abc'], /--zeta2\b/],
  [['sensing', '--bandwidth', '1e11', '--fc', '1e-200'], /--fc \(f_c\)/],
  [['optimize', '--max-L', '0'], /--max-L\b/],
  [['optimize', '--max-N', '1'], /--max-N\b/],
  [['optimize', '--levels', '1'], /--levels\b/],
  [['optimize', '--decades', '0'], /--decades\b/],
  [['optimize', '--weight', '2'], /--weight \(w\)/],
  [['optimize', '--rate-model', 'thm3'], /--rate-model\b/],
  [['optimize', '--crlb-model', 'eq13'], /--crlb-model\b/],
  [['optimize', '--seed', '-3'], /--seed\b/],
  [['optimize', '--backhaul', '0'], /--backhaul \(C_backhaul\)/],
  [['reproduce', '--out', '', '--quick'], /--out\b/],
  [['reproduce', '--out', aFile, '--quick'], /--out\b.*a file, not a folder/],
  [['reproduce', '--out', '/proc/x', '--quick'], /--out\b.*cannot be created or written/],
  [['reproduce', '--out', path.join(dir, 'o'), '--only', ''], /--only\b/],
  [['reproduce', '--out', path.join(dir, 'o'), '--only', ','], /--only\b/],
  [['reproduce', '--out', path.join(dir, 'o'), '--only', 'fig9'], /--only\b/],
  [['reproduce', '--out', path.join(dir, 'o'), '--threads', '0'], /--threads\b/],
  [['reproduce', '--out', path.join(dir, 'o'), '--seed', '1.5'], /--seed\b/],
  [['params', '--json', 'extra'], /too many arguments|unknown|extra/],
  [['sensing', '--no-such-flag'], /--no-such-flag/],
  [['comm', '--L'], /--L/],
  [['nosuchcommand'], /nosuchcommand/],
];
for (const [args, names] of runBad) bad(args, names);

// Config files: the file and the key are named, values are typed.
const configs: Array<[string, string, string[], RegExp]> = [
  ['json-string.json', '{"json":"false"}', ['sensing', '--N', '4', '--trials', '2'], /json-string\.json: json must be true or false/],
  ['seed-string.json', '{"seed":"5"}', ['sensing', '--N', '4'], /seed-string\.json: seed must be a JSON number/],
  ['inf.json', '{"lambdaB":1e999}', ['sensing', '--N', '4'], /inf\.json: lambdaB must be .*got Infinity; not finite/],
  ['unknown.json', '{"lamdaB":2}', ['sensing'], /unknown\.json: unknown parameter "lamdaB"/],
  ['malformed.json', '{"seed":', ['sensing'], /--config: malformed JSON in .*malformed\.json/],
  ['array.json', '[1,2]', ['sensing'], /--config: malformed JSON/],
  ['only-empty.json', '{"only":""}', ['reproduce', '--out', path.join(dir, 'o2')], /only-empty\.json: only must be a non-empty/],
  ['out-empty.json', '{"out":""}', ['reproduce'], /out-empty\.json: out must be a non-empty/],
  ['out-number.json', '{"out":5}', ['reproduce'], /out-number\.json: out must be a non-empty/],
  ['threads.json', '{"threads":0}', ['optimize'], /threads\.json: threads must be an integer in \[1, 64\]/],
  ['quick.json', '{"quick":"yes"}', ['reproduce', '--out', path.join(dir, 'o3')], /quick\.json: quick must be true or false/],
  ['disc.json', '{"discBs":50.5}', ['comm', '--L', '1'], /disc\.json: discBs must be an integer/],
  ['pc-list.json', '{"pc":[0.5,"x"]}', ['comm', '--L', '1'], /pc-list\.json: pc\[1\] must be a JSON number/],
  ['fc.json', '{"fcHz":1e-300}', ['sensing', '--N', '4'], /fc\.json: fcHz must be .*\|ζ\|² = Infinity/],
];
for (const [name, text, args, names] of configs) bad([args[0], '--config', file(name, text), ...args.slice(1)], names);
bad(['sensing', '--config', path.join(dir, 'missing.json')], /--config: cannot read/);

// Valid but extreme inputs: they run (exit 0) in bounded time.
const ok = (args: string[], out: RegExp): void => void CASES.push({ args, code: 0, out });
ok(['sensing', '--N', '4', '--trials', '2', '--windows', '0', '--threads', '1', '--json'], /"ci95Reason"|"ci95": \[/);
ok(['sensing', '--N', '1,2,3', '--trials', '2', '--windows', '0', '--threads', '1', '--json'], /"meanReason": "(singular FIM|mean does not exist)"/);
ok(['sensing', '--pc', '1', '--N', '4', '--trials', '2', '--windows', '0', '--threads', '1', '--json'], /"prop1Reason": "singular FIM"/);
ok(['sensing', '--pc', '1', '--N', '4', '--trials', '2', '--windows', '0', '--threads', '1'], /every CRLB in m² is infinite/);
ok(['sensing', '--lambda-s', '0', '--N', '4', '--trials', '2', '--threads', '1', '--json'], /"mcReason": "no targets"/);
ok(['comm', '--L', '1', '--trials', '2', '--threads', '1', '--json'], /"ci95": \[/);
ok(['comm', '--L', '26', '--trials', '2', '--threads', '1', '--json'], /"discBs": 104/);
ok(['comm', '--pc', '0', '--L', '1', '--trials', '2', '--threads', '1', '--json'], /"exact": 0/);
ok(['comm', '--pc', '1', '--L', '2', '--trials', '2', '--threads', '1'], /R_c in nats/);
ok(['params'], /lambda-b/);

interface Outcome {
  c: Case;
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run the cases in-process, capturing stdout and stderr (the test reporter writes nothing meanwhile). */
async function runAll(): Promise<{ outcomes: Outcome[]; ms: number }> {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  try {
    for (const c of CASES) {
      const t0 = Date.now();
      const out: string[] = [];
      const err: string[] = [];
      process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
      process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
      let code: number;
      try {
        code = await main(['node', 'isacnet', ...c.args]);
      } catch (e) {
        code = -1;
        err.push(`main threw: ${(e as Error).stack}`);
      }
      outcomes.push({ c, code, stdout: out.join(''), stderr: err.join(''), ms: Date.now() - t0 });
    }
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    rmSync(dir, { recursive: true, force: true });
  }
  return { outcomes, ms: Date.now() - started };
}

test(`fuzz table: ${CASES.length} bad or extreme inputs`, async (t) => {
  assert.ok(CASES.length >= 100, `only ${CASES.length} cases`);
  const { outcomes, ms: total } = await runAll();
  for (const { c, code, stdout, stderr, ms } of outcomes) {
    const label = `isacnet ${c.args.join(' ')}`;
    await t.test(label, () => {
      assert.equal(code, c.code, `${label}: exit ${code}\n${stderr}`);
      if (c.names) assert.match(stderr, c.names, label);
      if (c.out) assert.match(stdout, c.out, label);
      assert.doesNotMatch(stderr, /\n\s+at \S+ \(|node:internal/, `${label}: stack trace\n${stderr}`);
      assert.ok(ms < 15_000, `${label}: took ${ms} ms`);
    });
  }
  // Errors are found before any work: the whole table stays short.
  assert.ok(total < 120_000, `the table took ${total} ms`);
});
