/**
 * Gain models of the CoMP rate (Eq. 8 of arXiv:2403.20228).
 *
 * - `gamma`: the paper's laws (below Eq. 18): desired gains Gamma(M_t − 1, p^c) (shape, scale),
 *   interference gains Γ(1, 1) = Exp(1) (moment matched: E g_j = p^c + p^s = 1).
 * - `zf`: the full zero-forcing channel simulation of zf.ts (complex Gaussian channels, random
 *   target bearings): desired gains are exactly Gamma(M_t − 1, p^c); interference gains are
 *   λ1 E1 + λ2 E2 (mean 1, variance 1 − 2p^c p^s(1 − |ρ|²) < 1 for 0 < p^c < 1).
 *
 * The exact Laplace transform of the ZF interference gain, used for the KS distance and the
 * analysis: E[e^{−s g}] = E_b[1/(1 + s + s² p^c p^s b)], b = 1 − |ρ|² ~ Beta(M_t − 1, 1).
 */
import type { Rng } from '../math/rng.ts';
import { checkOneOf } from '../math/argumentError.ts';
import { ZfGainSampler } from './zf.ts';
import { gaussLegendre } from '../math/gaussLegendre.ts';

export type GainModel = 'gamma' | 'zf';
/** The gain models: `gamma` (the paper's laws below Eq. (18)) and `zf` (full zero-forcing simulation). */
export const GAIN_MODELS: readonly GainModel[] = ['gamma', 'zf'];

/**
 * A gain model name ('gamma' or 'zf'), or an ArgumentError naming `gains`.
 *
 * Formula: not in the paper (chooses between the laws below Eq. (18) of arXiv:2403.20228 and the ZF
 * simulation of Eq. (2)).
 * Method: `checkOneOf('gains', value, GAIN_MODELS)`.
 * Accuracy: exact (string comparison).
 * References: docs/communication.md (gain models); docs/errata.md C8.
 *
 * @example
 * import { parseGainModel } from 'isacnet/comm';
 * parseGainModel('zf'); // => "zf"
 * let msg = '';
 * try { parseGainModel('rayleigh'); } catch (err) { msg = (err as Error).message; }
 * msg; // => 'gains must be one of gamma, zf, got "rayleigh"'
 */
export function parseGainModel(value: unknown): GainModel {
  return checkOneOf('gains', value, GAIN_MODELS);
}

/** Draws desired and interference gains under one model. */
export interface GainSampler {
  desired(rng: Rng): number;
  interference(rng: Rng): number;
}

/**
 * A sampler of desired and interference gains under one gain model.
 *
 * Formula: `gamma`: g_1, g_i ~ Gamma(M_t − 1, p^c) and g_j ~ Γ(1, 1) (below Eq. (18) of
 * arXiv:2403.20228, moment matched); `zf`: the laws implied by the beams of Eq. (2) (`ZfGainSampler`).
 * Method: Marsaglia–Tsang gammas and exponentials, or the full ZF simulation.
 * Accuracy: exact in distribution; the ZF desired gain is exactly Gamma(M_t − 1, p^c) (KS), the ZF
 * interference gain is not Exp(1) for 0 < p^c < 1 (KS distance 0.111 at M_t = 4, p^c = 0.5;
 * docs/errata.md C8).
 * References: arXiv:2403.20228, Eq. (18); docs/communication.md; docs/errata.md C8.
 *
 * @example
 * import { gainSampler, Rng } from 'isacnet';
 * const s = gainSampler('gamma', 4, 0.5);
 * const rng = new Rng(1);
 * let d = 0;
 * for (let t = 0; t < 20000; t++) d += s.desired(rng);
 * // Monte Carlo, seed 1: E = (M_t − 1)p^c = 1.5
 * d / 20000; // => 1.5068
 */
export function gainSampler(model: GainModel, mt: number, pc: number): GainSampler {
  if (model === 'zf') return new ZfGainSampler(mt, pc);
  const shape = mt - 1;
  return {
    desired: (rng: Rng) => (pc > 0 ? rng.gamma(shape, pc) : 0),
    interference: (rng: Rng) => rng.exponential(),
  };
}

/**
 * CDF of the ZF interference gain λ1E1 + λ2E2 given b = 1 − |ρ|²: λ1,2 = (1 ± √(1 − 4cb))/2,
 * c = p^c p^s; P(g ≤ x) = 1 − (λ1 e^{−x/λ1} − λ2 e^{−x/λ2})/(λ1 − λ2) (hypoexponential).
 */
function hypoexpCdf(x: number, l1: number, l2: number): number {
  if (l2 <= 1e-12) return 1 - Math.exp(-x / l1);
  if (Math.abs(l1 - l2) < 1e-9) {
    const l = 0.5 * (l1 + l2);
    return 1 - Math.exp(-x / l) * (1 + x / l);
  }
  return 1 - (l1 * Math.exp(-x / l1) - l2 * Math.exp(-x / l2)) / (l1 - l2);
}

/**
 * Exact CDF of the ZF interference gain at an unintended user, averaged over
 * b ~ Beta(M_t − 1, 1) (density (M_t−1) b^{M_t−2}) by 64-point Gauss–Legendre in b^{M_t−1}
 * (which is uniform): accurate to ≈1e-9 (measured below).
 *
 * Formula: not in the paper: P(g ≤ x) = E_b[1 − (λ1 e^{−x/λ1} − λ2 e^{−x/λ2})/(λ1 − λ2)],
 * λ1,2 = (1 ± √(1 − 4 p^c p^s b))/2, the interference gain under the ZF beams of Eq. (2) of
 * arXiv:2403.20228 (the paper uses Exp(1) instead).
 * Method: 64-point Gauss–Legendre in the uniform variable b^{M_t−1}.
 * Accuracy: the sampled ZF gains pass a KS test against it (test/comm/zf.test.ts). Against mpmath and
 * scipy (scripts/doc-example-references.py) it is ≈1e-9 relative: at x = 1, M_t = 4 it is
 * 1.0e-9 off for p^c = 0.3 and 1.6e-9 for p^c = 0.5 (0.6115036150 vs 0.6115036159): b = w^{1/(M_t−1)}
 * is not smooth at w = 0, which limits the 64-point rule.
 * References: docs/communication.md (zero forcing); docs/errata.md C8.
 *
 * @example
 * import { zfInterferenceCdf } from 'isacnet';
 * zfInterferenceCdf(1, 4, 0.5); // => 0.61150362
 * // Exp(1), the paper's moment-matched law, at 1: 0.632
 * zfInterferenceCdf(1, 4, 1); // => 0.632120559
 */
export function zfInterferenceCdf(x: number, mt: number, pc: number): number {
  const c = pc * (1 - pc);
  if (c === 0) return 1 - Math.exp(-x);
  let acc = 0;
  const n = GL_NODES.length;
  for (let i = 0; i < n; i++) {
    const w = 0.5 * (GL_NODES[i] + 1); // uniform variable w = b^{M_t − 1}
    const b = Math.pow(w, 1 / (mt - 1));
    const disc = Math.sqrt(Math.max(0, 1 - 4 * c * b));
    acc += 0.5 * GL_WEIGHTS[i] * hypoexpCdf(x, 0.5 * (1 + disc), 0.5 * (1 - disc));
  }
  return acc;
}

/** 64-point Gauss–Legendre nodes and weights on [−1, 1]. */
const { nodes: GL_NODES, weights: GL_WEIGHTS } = gaussLegendre(64);
