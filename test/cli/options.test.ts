import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { resolveCommand } from '../../src/cli/options.ts';
import { RUN_COMMANDS, RUN_OPTION_SPECS } from '../../src/params/runOptions.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { optimizeReason, toJson } from '../../src/cli/commands/optimize.ts';
import { annotateContract } from '../../src/cli/format.ts';
import { runOptimize, type OptimizeSettings } from '../../src/reports/optimize.ts';
import { inlineRunner } from '../../src/registry/inline.ts';

const bin = path.resolve('bin/isacnet.js');

/** Runs the CLI in a child process (asynchronously, so that several runs overlap). */
function isacnet(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out: stdout, err: stderr });
    });
  });
}

function scenario(dir: string, name: string, values: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof values === 'string' ? values : JSON.stringify(values));
  return f;
}

/** The JSON of `optimize` without its timing. */
function optimizeJson(out: string): string {
  const o = JSON.parse(out) as Record<string, unknown>;
  delete o.timing;
  delete o.provenance; // the CLI's metadata (test/cli/format.test.ts); runOptimize returns the numbers
  return JSON.stringify(o);
}

test('commander options carry no defaults: every default comes from the run-option schema', () => {
  const program = buildProgram();
  for (const name of RUN_COMMANDS) {
    const cmd = program.commands.find((c) => c.name() === name) as Command;
    assert.ok(cmd, name);
    for (const o of cmd.options) assert.equal(o.defaultValue, undefined, `${name} --${o.long}: commander default ${String(o.defaultValue)}`);
    for (const s of RUN_OPTION_SPECS[name]) assert.ok(cmd.options.some((o) => o.attributeName() === s.key), `${name} declares --${s.flag}`);
  }
  // The help still shows the schema's defaults.
  const sensing = program.commands.find((c) => c.name() === 'sensing') as Command;
  assert.match(sensing.helpInformation(), /--trials <n>\s+random geometries for the CRLB Monte Carlo \(default\s+100000\)/);
});

test('resolveCommand: config run options are honoured (seed, threads), flags override them, model parameters too', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-options-'));
  try {
    const config = scenario(dir, 'c.json', { seed: 5, threads: 1, psi: 9, maxL: 12 });
    const a = resolveCommand('optimize', { config });
    assert.equal(a.run.seed, 5);
    assert.equal(a.run.threads, 1);
    assert.equal(a.run.maxL, 12);
    assert.equal(a.params.psi, 9);
    const b = resolveCommand('optimize', { config, seed: '2', threads: '3', psi: '4' });
    assert.deepEqual([b.run.seed, b.run.threads, b.run.maxL, b.params.psi], [2, 3, 12, 4]);
    // comm: pc is a run option (a list), in the file and on the command line.
    const c = resolveCommand('comm', { config: scenario(dir, 'pc.json', { pc: [0.3, 0.9], L: '1-2' }) });
    assert.deepEqual(c.run.pc, [0.3, 0.9]);
    assert.deepEqual(c.run.L, [1, 2]);
    assert.deepEqual(resolveCommand('comm', { pc: '0.2,0.4' }).run.pc, [0.2, 0.4]);
    // A bad model parameter in the file names the file too; in a file, numbers are JSON numbers.
    assert.throws(() => resolveCommand('sensing', { config: scenario(dir, 'psi.json', { psi: 0 }) }), /psi\.json: psi must be an integer in \[1, 10000\] resource blocks, got 0/);
    assert.throws(() => resolveCommand('sensing', { config: scenario(dir, 'psi-string.json', { psi: '10' }) }), /psi-string\.json: psi must be a JSON number, an integer in \[1, 10000\] resource blocks, got "10"/);
    assert.equal(resolveCommand('sensing', { config: scenario(dir, 'zeta2.json', { zeta2: null, lambdaS: 2 }) }).params.lambdaS, 2);
    assert.equal(resolveCommand('sensing', { psi: '10' }).params.psi, 10, 'flags are strings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('optimize --config: the file\'s seed and threads are used (same JSON as --seed 5; not the JSON of seed 1)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-optimize-config-'));
  try {
    // (Flags overriding the file: resolveCommand above and test/params/runOptions.test.ts.)
    const base = ['optimize', '--backhaul', '3', '--crlb-model', 'mc', '--windows', '2', '--max-L', '4', '--levels', '4', '--json'];
    const config = scenario(dir, 'c.json', { seed: 5, threads: 1 });
    const [fromFile, fromFlag] = await Promise.all([isacnet([...base, '--config', config]), isacnet([...base, '--seed', '5', '--threads', '1'])]);
    for (const r of [fromFile, fromFlag]) assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(fromFile.out) as { params: { seed: number } }).params.seed, 5);
    assert.equal(optimizeJson(fromFile.out), optimizeJson(fromFlag.out), 'config seed 5 = --seed 5');
    // The seed matters here: the same settings in process (the command's own entry point) give this
    // JSON with seed 5 and a different one with seed 1.
    const { params, run } = resolveCommand('optimize', { config, backhaul: '3', crlbModel: 'mc', windows: '2', maxL: '4', levels: '4' });
    assert.equal(run.threads, 1);
    const settings = (seed: number): OptimizeSettings => ({ rateModel: run.rateModel, crlbModel: run.crlbModel, maxL: run.maxL, maxN: run.maxN, levels: run.levels, decades: run.decades, windows: run.windows, seed, threads: run.threads });
    const seed5 = optimizeJson(toJson(annotateContract(await runOptimize(params, settings(run.seed), () => ({ run: inlineRunner, close: async () => undefined })), optimizeReason)));
    const seed1 = optimizeJson(toJson(annotateContract(await runOptimize(params, settings(1), () => ({ run: inlineRunner, close: async () => undefined })), optimizeReason)));
    assert.equal(seed5, optimizeJson(fromFile.out));
    assert.notEqual(seed1, seed5, 'seed 5 and seed 1 give different simulated CRLBs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reproduce --config: seed, out, quick and threads of the file are honoured', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-repro-config-'));
  try {
    const out = path.join(dir, 'out');
    const config = scenario(dir, 'c.json', { seed: 5, out, quick: true, threads: 1 });
    const r = await isacnet(['reproduce', '--config', config, '--only', 'fig2']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\(quick mode, 1 threads\)/);
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { seed: number; threads: number; quick: boolean; figures: Array<{ name: string; seed: number }> };
    assert.equal(m.seed, 5);
    assert.equal(m.threads, 1);
    assert.equal(m.quick, true);
    assert.deepEqual(m.figures.map((f) => [f.name, f.seed]), [['fig2', 5]]);
    assert.ok(existsSync(path.join(out, 'fig2.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a config value of the wrong JSON type exits 2 naming --config, the file and the key', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isacnet-config-types-'));
  try {
    // (More wrong types, in process: test/params/runOptions.test.ts.)
    const cases: Array<[string[], unknown, RegExp]> = [
      [['sensing', '--trials', '10', '--windows', '0'], { json: 'false' }, /json must be true or false \(a JSON boolean\), got "false"/],
      [['optimize'], { seed: '7' }, /seed must be a JSON number, an integer in \[0, 9007199254740991\], got "7"/],
    ];
    const files = cases.map(([, values], i) => scenario(dir, `bad${i}.json`, values));
    const runs = await Promise.all(cases.map(([args], i) => isacnet([...args, '--config', files[i]])));
    for (const [i, [args, values, re]] of cases.entries()) {
      const file = files[i];
      const r = runs[i];
      assert.equal(r.code, 2, `${args.join(' ')} ${JSON.stringify(values)}: exit ${r.code}, ${r.err}`);
      assert.ok(r.err.startsWith(`isacnet: --config ${file}: `), r.err);
      assert.match(r.err, re);
      assert.equal(r.out, '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
