/**
 * `isacnet/params`: the parameter schema (symbol, unit, default, range and provenance of every
 * parameter; Section V of arXiv:2403.20228 plus the toolkit's documented choices), its validation
 * (`resolveParams`: defaults ← config ← overrides), the derived quantities with explicit units
 * (|ζ|² of Eq. (5), the CRLB scale 1/(|ζ|²(πλ_b)^β)) and the Markdown table of docs/parameters.md.
 * Browser-safe.
 */
export * from './schema.ts';
export * from './validate.ts';
export * from './derived.ts';
export * from './docs.ts';
