/**
 * Real notation in the rendered figures: Vega draws its labels as plain text, so the specs write the
 * paper's symbols in a TeX-like shorthand (`R_c`, `p^c`, `CRLB_a`, `|ζ|²`, `C_backhaul`) and the axis
 * formats give `1.0e+7`. `richSvgText` rewrites the text of every `<text>` element of a rendered
 * SVG: `x_{ab}` / `x_ab` become a subscript `<tspan>`, `x^{ab}` / `x^ab` a superscript, and a number in
 * e-notation becomes 10 with a superscript exponent (`1.0e+7` → 10⁷ drawn as 10<tspan>7</tspan>,
 * `2.5e-3` → 2.5×10⁻³). resvg (the PNG) and browsers both honour `baseline-shift` on a tspan.
 */

const SUB = '<tspan baseline-shift="sub" font-size="75%">';
const SUP = '<tspan baseline-shift="super" font-size="75%">';
const END = '</tspan>';

/** One text run (already XML-escaped) with its shorthand turned into tspans. */
export function richText(text: string): string {
  let t = text.replace(/(^|[^\w.])(\d+(?:\.\d+)?)e([+-]?)(\d+)(?![\w.])/g, (_all, pre: string, mant: string, sign: string, exp: string) => {
    const e = `${sign === '-' ? '−' : ''}${String(Number(exp))}`;
    const m = Number(mant);
    return `${pre}${m === 1 ? '' : `${mant}×`}10${SUP}${e}${END}`;
  });
  t = t.replace(/([\p{L}\p{N})|*])_\{([^}]+)\}/gu, (_a, base: string, sub: string) => `${base}${SUB}${sub}${END}`);
  t = t.replace(/([\p{L}\p{N})|*])_([\p{L}\p{N}]+)/gu, (_a, base: string, sub: string) => `${base}${SUB}${sub}${END}`);
  t = t.replace(/([\p{L}\p{N})|*])\^\{([^}]+)\}/gu, (_a, base: string, sup: string) => `${base}${SUP}${sup}${END}`);
  t = t.replace(/([\p{L}\p{N})|*])\^([\p{L}\p{N}]+)/gu, (_a, base: string, sup: string) => `${base}${SUP}${sup}${END}`);
  return t;
}

/** Rewrite the text of every `<text>` element, also inside its line `<tspan>`s (see the module comment). */
export function richSvgText(svg: string): string {
  return svg.replace(/(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g, (_all, open: string, body: string, close: string) => `${open}${body.replace(/(^|>)([^<]+)/g, (_m, gt: string, run: string) => `${gt}${richText(run)}`)}${close}`);
}
