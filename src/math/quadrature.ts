/**
 * Adaptive numerical integration with an error estimate.
 *
 * Method: globally adaptive Gauss–Kronrod G7/K15 (the QUADPACK QAG scheme, Piessens et al. 1983).
 * Each panel is integrated with the 15-point Kronrod rule; |K15 − G7| is its error estimate. The
 * panel with the largest estimate is bisected until the summed estimate falls below
 * max(absTol, relTol·|I|) or `maxPanels` is reached (then `converged` is false).
 * Half-infinite intervals [a, ∞) use x = a + t/(1 − t) (QUADPACK QAGI); the K15 nodes never touch
 * the endpoints, so integrable end-point singularities (e.g. 1/√x) are handled, slowly.
 *
 * Accuracy: K15 is exact for polynomials of degree ≤ 22 on a panel; for smooth integrands the
 * returned error estimate is conservative (tested against scipy.integrate.quad and closed forms).
 */
import { ArgumentError } from './argumentError.ts';

// Kronrod nodes (positive half, descending) and weights; Gauss weights for nodes 1, 3, 5, 7.
// Exported for other panel rules built on the same nodes (src/math/adaptiveGk21.ts).
export const XGK15 = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
export const WGK15 = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
export const WG7 = [0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

export interface QuadratureOptions {
  /** Absolute tolerance on the integral (default 0). */
  absTol?: number;
  /** Relative tolerance on the integral (default 1e-10). */
  relTol?: number;
  /** Maximum number of panels (default 2000). */
  maxPanels?: number;
}

export interface QuadratureResult {
  value: number;
  /** Estimated absolute error (sum over panels of |K15 − G7|). */
  errorEstimate: number;
  evaluations: number;
  converged: boolean;
}

/** One integrated panel [a, b] with its error estimate. */
export interface QuadraturePanel {
  a: number;
  b: number;
  value: number;
  error: number;
}

/** A panel rule: integrates f over [a, b] and estimates its error. */
export type PanelRule = (f: (x: number) => number, a: number, b: number) => QuadraturePanel;

function gk15(f: (x: number) => number, a: number, b: number): QuadraturePanel {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let resK = fc * WGK15[7];
  let resG = fc * WG7[3];
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK15[j];
    const s = f(c - dx) + f(c + dx);
    resK += WGK15[j] * s;
    if (j % 2 === 1) resG += WG7[(j - 1) / 2] * s;
  }
  const value = resK * h;
  const error = Math.abs((resK - resG) * h);
  return { a, b, value, error };
}

/**
 * The globally adaptive driver shared by every panel rule: bisect the panel with the largest error
 * estimate until the summed estimate falls below max(absTol, relTol·|I|) or `maxPanels` is reached.
 * `name` prefixes the error thrown when the integral is not finite.
 */
export function integrateAdaptive(
  rule: PanelRule,
  pointsPerPanel: number,
  f: (x: number) => number,
  a: number,
  b: number,
  tolerances: { absTol: number; relTol: number; maxPanels: number },
  name: string,
): QuadratureResult {
  const { absTol, relTol, maxPanels } = tolerances;
  if (a === b) return { value: 0, errorEstimate: 0, evaluations: 0, converged: true };
  const panels: QuadraturePanel[] = [rule(f, a, b)];
  let evaluations = pointsPerPanel;
  let total = panels[0].value;
  let err = panels[0].error;
  while (err > Math.max(absTol, relTol * Math.abs(total)) && panels.length < maxPanels) {
    // Bisect the panel with the largest error estimate (linear scan: panel counts stay small).
    let worst = 0;
    for (let i = 1; i < panels.length; i++) if (panels[i].error > panels[worst].error) worst = i;
    const p = panels[worst];
    const m = 0.5 * (p.a + p.b);
    if (m <= p.a || m >= p.b) break; // no room left in floating point
    const left = rule(f, p.a, m);
    const right = rule(f, m, p.b);
    evaluations += 2 * pointsPerPanel;
    panels[worst] = left;
    panels.push(right);
    total = 0;
    err = 0;
    for (const q of panels) {
      total += q.value;
      err += q.error;
    }
  }
  if (!Number.isFinite(total)) throw new RangeError(`${name}: the integrand is not finite on the interval`);
  return { value: total, errorEstimate: err, evaluations, converged: err <= Math.max(absTol, relTol * Math.abs(total)) };
}

/** ∫_a^b f(x) dx on a finite interval (G7/K15 panels). */
export function integrate(f: (x: number) => number, a: number, b: number, options: QuadratureOptions = {}): QuadratureResult {
  if (!Number.isFinite(a)) throw new ArgumentError('a', a, 'finite (integrate needs finite limits)');
  if (!Number.isFinite(b)) throw new ArgumentError('b', b, 'finite (integrate needs finite limits)');
  const tolerances = { absTol: options.absTol ?? 0, relTol: options.relTol ?? 1e-10, maxPanels: options.maxPanels ?? 2000 };
  return integrateAdaptive(gk15, 15, f, a, b, tolerances, 'integrate');
}

/** ∫_a^∞ f(x) dx through x = a + t/(1 − t), t ∈ [0, 1). */
export function integrateToInfinity(f: (x: number) => number, a: number, options: QuadratureOptions = {}): QuadratureResult {
  const g = (t: number): number => {
    const u = 1 - t;
    const x = a + t / u;
    const y = f(x);
    return y === 0 ? 0 : y / (u * u);
  };
  return integrate(g, 0, 1, options);
}
