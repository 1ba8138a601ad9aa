import { cor4EtaMax, eq21TBar, eq22LogTerm, eq23EtaMax, eq24Iterations, prop14Constants } from '../../../engine/flow-descent/bounds';

/**
 * The paper's closed-form guarantees for a deep linear net (Prop. 14, Thm 15: Eqs. 21-24) and Cor. 4's three
 * regimes, as the theory panel shows them (docs/labs/flow-vs-descent.md Sec. 3.3, 6.4, 8 errata 3 and 7).
 */

export interface PaperBounds {
  /** eps_bar = eps~/2: the accuracy of the flow that Thm 15's proof asks for (Sec. 6.4). */
  epsBar: number;
  /** Eq. 21 at eps_bar. */
  tBar: number;
  /** The constant (log) term of Eq. 22: the bound on int_0^t m never drops below it. */
  logTerm: number;
  /** Eq. 23. */
  eta: number;
  /** Eq. 24 at the eta of Eq. 23 (corrected max term, erratum 8.3). */
  k: number;
  /** Prop. 14's beta = 16n and gamma = 6 sqrt n. */
  beta: number;
  gamma: number;
}

export function paperBounds(n: number, r0: number, nu: number, epsTilde: number): PaperBounds {
  const eta = eq23EtaMax(n, r0, nu, epsTilde);
  return {
    epsBar: epsTilde / 2,
    tBar: eq21TBar(n, r0, nu, epsTilde / 2),
    logTerm: eq22LogTerm(n, r0, nu),
    eta,
    k: eq24Iterations(n, r0, nu, epsTilde, eta),
    ...prop14Constants(n),
  };
}

/**
 * The max term of Eq. 24 as printed (max{1, 3/2, (1-nu)/(1+nu)}) and as the proof needs it (max{1, (3/2)(1-nu)/(1+nu)},
 * erratum 8.3); they differ once nu > 0 (for nu = 1 the printed form gives 3/2 instead of 1).
 */
export function eq24MaxTerms(nu: number): { printed: number; corrected: number } {
  const q = (1 - nu) / (1 + nu);
  return { printed: Math.max(1, 1.5, q), corrected: Math.max(1, 1.5 * q) };
}

/** Cor. 4's three regimes on a grid of horizons t~: m = -|m| (strongly convex), 0, +|m| (non-convex). */
export interface Cor4Curves {
  tTilde: Float64Array;
  convex: Float64Array;
  flat: Float64Array;
  nonConvex: Float64Array;
}

export function cor4Curves(p: { beta: number; f0: number; eps: number; d0: number; mAbs: number }, tMin: number, tMax: number, points = 120): Cor4Curves {
  const tTilde = new Float64Array(points);
  const convex = new Float64Array(points);
  const flat = new Float64Array(points);
  const nonConvex = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    // Log-spaced horizons: the m > 0 curve falls like e^{-m t~}, the m = 0 one like 1/t~.
    const t = tMin * (tMax / tMin) ** (i / (points - 1));
    tTilde[i] = t;
    const base = { beta: p.beta, f0: p.f0, eps: p.eps, d0: p.d0, tTilde: t };
    convex[i] = cor4EtaMax({ ...base, m: -p.mAbs });
    flat[i] = cor4EtaMax({ ...base, m: 0 });
    nonConvex[i] = cor4EtaMax({ ...base, m: p.mAbs });
  }
  return { tTilde, convex, flat, nonConvex };
}
