/**
 * Markdown table of the parameter schema (docs/parameters.md is generated from it, and a test
 * checks the committed file is current).
 */
import { PARAM_SPECS, ZETA2_SPEC } from './schema.ts';
import { describeRange } from './validate.ts';
import { RUN_COMMANDS, RUN_OPTION_SPECS, defaultText, type RunOptionSpec } from './runOptions.ts';

function runOptionAllowed(s: RunOptionSpec): string {
  switch (s.kind) {
    case 'integer':
    case 'number':
      return describeRange(s);
    case 'integerList':
    case 'numberList':
      return `list, each ${describeRange(s)}`;
    case 'boolean':
      return 'true / false';
    case 'path':
      return 'path';
    case 'url':
      return 'URL';
    case 'enum':
      return s.values.join(' \\| ');
    case 'nameList':
      return 'names';
  }
}

/**
 * The Markdown of docs/parameters.md: the parameter table and the run options of every command.
 *
 * Formula: not in the paper (the defaults it lists are Section V of arXiv:2403.20228 plus the toolkit's).
 * Method: one table row per `PARAM_SPECS` entry (and |ζ|²), then the run-option tables.
 * Accuracy: exact; a test checks that the committed docs/parameters.md equals this output
 * (test/params/schema.test.ts).
 * References: docs/parameters.md; scripts/gen-param-docs.ts.
 *
 * @example
 * import { parametersMarkdown } from 'isacnet/params';
 * parametersMarkdown().split('\n')[0]; // => "# Parameters"
 */
export function parametersMarkdown(): string {
  const lines = [
    '# Parameters',
    '',
    'Generated from `src/params/schema.ts` by `node --import tsx scripts/gen-param-docs.ts`; do not edit by hand.',
    'The same schema drives the CLI flags, config-file validation and the web explorer.',
    '',
    '`paper` marks values given in Section V of arXiv:2403.20228; `toolkit` marks values the paper leaves out,',
    'chosen and documented by isacnet. In a JSON scenario file (`--config`), use the *key* column; flags override the file.',
    '',
    '| key | flag | symbol | unit | default | allowed range | source | meaning | used in |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of PARAM_SPECS) {
    lines.push(`| \`${s.key}\` | \`--${s.flag}\` | ${s.symbol} | ${s.unit || '–'} | ${s.default} | ${describeRange(s)} | ${s.source} | ${s.description} | ${s.usedIn} |`);
  }
  lines.push(
    `| \`zeta2\` | \`--zeta2\` | ${ZETA2_SPEC.symbol} | ${ZETA2_SPEC.unit} | derived | > 0 | toolkit | ${ZETA2_SPEC.description} | Eq. (5) |`,
    '',
    '## Run options',
    '',
    'Generated from `src/params/runOptions.ts`. Every run option may also be given in the config file under its *key*;',
    'the resolution is defaults ← config file ← flags (the CLI itself sets no defaults). In the file (parameters and run',
    'options alike), integers and numbers are JSON numbers (`"seed": 5`, not `"5"`), lists are a JSON array of numbers,',
    'one number or a string in the flag syntax (`"1-20"`, `"1,2,5"`, `"2:2:20"`), booleans are `true`/`false`, paths and',
    'model names are strings, `only` is an array of names or a comma-separated string. A value of the wrong type and a key',
    'that is neither a parameter nor a run option are errors naming the file and the key; run options of other commands',
    'are ignored (one file may serve several commands).',
    '',
    '| command | key | flag | default | allowed | meaning |',
    '|---|---|---|---|---|---|',
  );
  for (const c of RUN_COMMANDS) {
    for (const r of RUN_OPTION_SPECS[c]) {
      lines.push(`| ${c} | \`${r.key}\` | \`--${r.flag}\` | ${defaultText(r) ?? (r.kind === 'boolean' ? 'false' : '–')} | ${runOptionAllowed(r)} | ${r.description.replace(/\|/g, '\\|')} |`);
    }
  }
  lines.push(
    '',
    'Units: distances in metres inside the sensing model (densities are converted from /km² to /m²), so',
    '|ζ|² is in m² and the CRLB in m² (β = 2). `crlbNormalized` = CRLB·|ζ|²(πλ_b)^β is unit-free.',
    '',
  );
  return lines.join('\n');
}
