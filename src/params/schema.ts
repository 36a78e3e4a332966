/**
 * The single parameter schema of isacnet: symbol, unit, default, allowed range and provenance of
 * every scalar parameter. The CLI help, config-file validation, docs (docs/parameters.md) and the
 * web app's parameter panel are all generated from this table.
 *
 * `source: 'paper'` marks values given in Section V of arXiv:2403.20228; `source: 'toolkit'` marks
 * values the paper leaves out, chosen by isacnet and documented here.
 */

export type ParamSource = 'paper' | 'toolkit';

export interface ParamSpec {
  /** camelCase key used in JSON configs and the library. */
  key: ParamKey;
  /** kebab-case CLI flag (without the leading dashes). */
  flag: string;
  /** Symbol in the paper's notation. */
  symbol: string;
  unit: string;
  default: number;
  /** Allowed range; `minExclusive`/`maxExclusive` make the bound open. */
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  source: ParamSource;
  description: string;
  /** Which paper equation or section uses it. */
  usedIn: string;
}

/** Keys of the scalar parameters, in the order of the schema (and of docs/parameters.md). */
export const PARAM_KEYS = [
  'mt',
  'mr',
  'ptW',
  'rcsM2',
  'lambdaB',
  'lambdaU',
  'lambdaS',
  'noisePowerDb',
  'alpha',
  'beta',
  'backhaul',
  'psi',
  'pc',
  'fcHz',
  'bandwidthHz',
  'gt',
  'gr',
  'e',
  'noisePsdDbmHz',
  'noiseFigureDb',
  'commBandwidthHz',
  'refDistanceM',
] as const;

export type ParamKey = (typeof PARAM_KEYS)[number];

/** The schema: one entry per scalar parameter (symbol, unit, default, allowed range, provenance, equation). */
export const PARAM_SPECS: readonly ParamSpec[] = [
  { key: 'mt', flag: 'mt', symbol: 'M_t', unit: 'antennas', default: 4, min: 2, max: 64, integer: true, source: 'paper', description: 'transmit antennas per BS (ZF needs M_t ≥ 2: one user and one target beam)', usedIn: 'Eq. (2), Gamma(M_t − 1) gains below Eq. (18)' },
  { key: 'mr', flag: 'mr', symbol: 'M_r', unit: 'antennas', default: 5, min: 1, max: 64, integer: true, source: 'paper', description: 'receive antennas per BS', usedIn: 'Eq. (4)' },
  { key: 'ptW', flag: 'pt', symbol: 'P_t', unit: 'W', default: 1, min: 0, max: 1e4, minExclusive: true, source: 'paper', description: 'total transmit power per BS (p^c + p^s = 1 is the normalized split)', usedIn: 'Section V' },
  { key: 'rcsM2', flag: 'rcs', symbol: 'σ', unit: 'm²', default: 1, min: 0, max: 1e6, minExclusive: true, source: 'paper', description: 'average radar cross section of a target', usedIn: '|ζ|² of Eq. (5)' },
  { key: 'lambdaB', flag: 'lambda-b', symbol: 'λ_b', unit: '/km²', default: 1, min: 0, max: 1e4, minExclusive: true, source: 'paper', description: 'BS density', usedIn: 'Eqs. (12)–(16), Lemma 2, Theorem 2' },
  { key: 'lambdaU', flag: 'lambda-u', symbol: 'λ_u', unit: '/km²', default: 1, min: 0, max: 1e4, source: 'paper', description: 'user density', usedIn: 'κ_c (Section IV)' },
  { key: 'lambdaS', flag: 'lambda-s', symbol: 'λ_s', unit: '/km²', default: 1, min: 0, max: 1e4, source: 'paper', description: 'target density', usedIn: 'Lemma 1 (Eq. 15)' },
  { key: 'noisePowerDb', flag: 'noise-power-db', symbol: 'σ_s²', unit: 'dB (re 1 W)', default: -80, min: -250, max: 50, source: 'paper', description: 'radar receiver noise power', usedIn: '|ζ|² of Eq. (5)' },
  { key: 'alpha', flag: 'alpha', symbol: 'α', unit: '', default: 4, min: 2, max: 8, minExclusive: true, source: 'paper', description: 'communication path-loss exponent (α > 2 for a finite interference)', usedIn: 'Eqs. (7)–(9), Lemma 2' },
  { key: 'beta', flag: 'beta', symbol: 'β', unit: '', default: 2, min: 2, max: 8, source: 'paper', description: 'sensing path-loss exponent per hop (β ≥ 2)', usedIn: 'Eqs. (4), (5), (12)–(14)' },
  { key: 'backhaul', flag: 'backhaul', symbol: 'C_backhaul', unit: 'nats/s/Hz', default: 6, min: 0, max: 1e3, minExclusive: true, source: 'paper', description: 'backhaul capacity per cluster', usedIn: 'Eq. (10)' },
  { key: 'psi', flag: 'psi', symbol: 'ψ', unit: 'resource blocks', default: 15, min: 1, max: 1e4, integer: true, source: 'paper', description: 'maximum load of a BS (users or targets served at once)', usedIn: 'Lemma 1, κ_c' },
  { key: 'pc', flag: 'pc', symbol: 'p^c', unit: 'fraction of P_t', default: 0.5, min: 0, max: 1, source: 'toolkit', description: 'communication share of the transmit power; p^s = 1 − p^c', usedIn: 'Eq. (1)' },
  { key: 'fcHz', flag: 'fc', symbol: 'f_c', unit: 'Hz', default: 3.5e9, min: 0, max: 1e12, minExclusive: true, source: 'toolkit', description: 'carrier frequency (not given by the paper)', usedIn: '|ζ|² of Eq. (5); path loss at d_0 of the SINR (not in the paper)' },
  { key: 'bandwidthHz', flag: 'bandwidth', symbol: 'B', unit: 'Hz', default: 100e6, min: 0, max: 1e11, minExclusive: true, source: 'toolkit', description: 'effective (RMS) bandwidth of the radar waveform (not given by the paper)', usedIn: '|ζ|² of Eq. (5)' },
  { key: 'gt', flag: 'gt', symbol: 'G_t', unit: 'linear', default: 4, min: 0, max: 1e6, minExclusive: true, source: 'toolkit', description: 'transmit beamforming gain (toolkit default: M_t, the full array gain)', usedIn: '|ζ|² of Eq. (5)' },
  { key: 'gr', flag: 'gr', symbol: 'G_r', unit: 'linear', default: 5, min: 0, max: 1e6, minExclusive: true, source: 'toolkit', description: 'receive beamforming gain (toolkit default: M_r, the full array gain)', usedIn: '|ζ|² of Eq. (5)' },
  { key: 'e', flag: 'e', symbol: 'e', unit: 'nats/s/Hz per BS', default: 0.2, min: 0, max: 1e3, source: 'toolkit', description: 'backhaul demand of one sensing BS (not given by the paper)', usedIn: 'Eq. (10)' },
  { key: 'noisePsdDbmHz', flag: 'noise-psd', symbol: 'N_0', unit: 'dBm/Hz', default: -174, min: -250, max: 0, source: 'toolkit', description: 'noise power spectral density at the user (toolkit default: thermal noise kT at 290 K); used with --noise on', usedIn: 'SINR with noise (not in the paper; Eq. (8) is an SIR)' },
  { key: 'noiseFigureDb', flag: 'noise-figure', symbol: 'NF', unit: 'dB', default: 7, min: 0, max: 50, source: 'toolkit', description: 'receiver noise figure of the user (toolkit default: 7 dB, a typical handset); used with --noise on', usedIn: 'SINR with noise (not in the paper)' },
  { key: 'commBandwidthHz', flag: 'comm-bandwidth', symbol: 'B_c', unit: 'Hz', default: 100e6, min: 0, max: 1e11, minExclusive: true, source: 'toolkit', description: 'communication bandwidth over which the noise is collected (toolkit default: a 100 MHz carrier); used with --noise on', usedIn: 'SINR with noise (not in the paper)' },
  { key: 'refDistanceM', flag: 'ref-distance', symbol: 'd_0', unit: 'm', default: 1, min: 0, max: 1e4, minExclusive: true, source: 'toolkit', description: 'reference distance of the path loss (c/(4π f_c d_0))² (d/d_0)^{−α}, free space up to d_0; used with --noise on', usedIn: 'SINR with noise (not in the paper)' },
];

export type Params = Record<ParamKey, number> & {
  /** |ζ|² override in m² (Eq. 5); `null` means derived from the other parameters. */
  zeta2: number | null;
};

/**
 * The schema entry of one parameter.
 *
 * Formula: not in the paper (metadata; `usedIn` names the equations of arXiv:2403.20228 that use it).
 * Method: lookup in PARAM_SPECS.
 * Accuracy: exact.
 * References: docs/parameters.md (generated from the same table).
 *
 * @example
 * import { specOf } from 'isacnet';
 * specOf('lambdaB').unit; // => "/km²"
 * specOf('psi').default; // => 15
 */
export function specOf(key: ParamKey): ParamSpec {
  const s = PARAM_SPECS.find((p) => p.key === key);
  if (!s) throw new Error(`no parameter ${key}`);
  return s;
}

/**
 * The schema entry of the parameter whose CLI flag (without dashes) is `flag`, or undefined.
 *
 * Formula: not in the paper (schema lookup; ψ is Section V of arXiv:2403.20228).
 * Method: linear search of `PARAM_SPECS`.
 * Accuracy: exact.
 * References: docs/parameters.md; test/params/schema.test.ts.
 *
 * @example
 * import { specByFlag } from 'isacnet/params';
 * specByFlag('lambda-b')?.key; // => "lambdaB"
 * specByFlag('psi')?.default; // => 15
 * specByFlag('--psi'); // => undefined
 */
export function specByFlag(flag: string): ParamSpec | undefined {
  return PARAM_SPECS.find((p) => p.flag === flag);
}

/**
 * The default parameters: the values of Section V of arXiv:2403.20228 plus the toolkit's documented
 * choices for what the paper leaves out (f_c, B, G_t, G_r, p^c, e). A fresh object on every call.
 *
 * Formula: not in the paper (Section V lists M_t = 4, M_r = 5, P_t = 1 W, σ = 1, λ_b = λ_u = λ_s = 1 /km²,
 * σ_s² = −80 dB, α = 4, β = 2, C_backhaul = 6 nats/s/Hz, ψ = 15).
 * Method: the `default` column of PARAM_SPECS; `zeta2` null (|ζ|² derived from Eq. (5)).
 * Accuracy: exact; test/params/schema.test.ts checks the Section V values and that every default is
 * inside its allowed range.
 * References: arXiv:2403.20228, Section V; docs/parameters.md.
 *
 * @example
 * import { defaultParams } from 'isacnet';
 * const p = defaultParams();
 * [p.mt, p.mr, p.lambdaB, p.alpha, p.beta, p.psi, p.backhaul]; // => [4, 5, 1, 4, 2, 15, 6]
 * p.zeta2; // => null
 */
export function defaultParams(): Params {
  const p = { zeta2: null } as Params;
  for (const s of PARAM_SPECS) p[s.key] = s.default;
  return p;
}

/** |ζ|² override spec (not a plain scalar parameter: its default is derived from Eq. (5)). */
export const ZETA2_SPEC = {
  key: 'zeta2',
  flag: 'zeta2',
  symbol: '|ζ|²',
  unit: 'm²',
  min: 0,
  max: Number.MAX_VALUE,
  minExclusive: true,
  description: 'sensing gain of Eq. (5); default derived as p^s P_t G_t G_r B² σ / (8π f_c² σ_s²)',
} as const;
