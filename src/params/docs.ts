/**
 * Markdown table of the parameter schema (docs/parameters.md is generated from it, and a test
 * checks the committed file is current).
 */
import { PARAM_SPECS, ZETA2_SPEC } from './schema.ts';
import { describeRange } from './validate.ts';

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
    'Run settings (`N`, `L`, `trials`, `seed`, `threads`) may also be given in a config file.',
    '',
    'Units: distances in metres inside the sensing model (densities are converted from /km² to /m²), so',
    '|ζ|² is in m² and the CRLB in m² (β = 2). `crlbNormalized` = CRLB·|ζ|²(πλ_b)^β is unit-free.',
    '',
  );
  return lines.join('\n');
}
