import { EXTRAP_LIMITS } from '../schema';

/**
 * The atom editor's edits of an atoms teacher (lambda_i, p_i) (pure; each result goes through the spec validator,
 * which refuses what the schema does not allow: |lambda| > 1.5, p < 0, no mass left, no atoms, more than 20).
 */
export interface Atoms {
  lambda: number[];
  p: number[];
}

/** Keyboard steps: lambda by 0.01 (0.1 with Shift), p by 0.01 (0.1 with Shift). */
export const LAMBDA_STEP = 0.01;
export const MASS_STEP = 0.01;

/** Rounds away the binary noise of repeated steps (0.3 + 0.01 = 0.31, not 0.31000000000000005). */
const tidy = (v: number) => Number(v.toFixed(9));

/** Atom i moved by (dl, dp); the values clamped to the schema's ranges so a held arrow key stops at the edge. */
export function nudgeAtom(a: Atoms, i: number, dl: number, dp: number): Atoms {
  const lambda = [...a.lambda];
  const p = [...a.p];
  lambda[i] = clamp(tidy(lambda[i] + dl), -EXTRAP_LIMITS.maxAbsLambda, EXTRAP_LIMITS.maxAbsLambda);
  p[i] = clamp(tidy(p[i] + dp), 0, EXTRAP_LIMITS.maxAtomMass);
  return { lambda, p };
}

/** Atom i placed at (lambda, p) (a drag): lambda to 3 decimals, p to 4, clamped to the schema's ranges. */
export function placeAtom(a: Atoms, i: number, lambda: number, p: number): Atoms {
  const l = [...a.lambda];
  const q = [...a.p];
  l[i] = clamp(Math.round(lambda * 1000) / 1000, -EXTRAP_LIMITS.maxAbsLambda, EXTRAP_LIMITS.maxAbsLambda);
  q[i] = clamp(Math.round(p * 1e4) / 1e4, 0, EXTRAP_LIMITS.maxAtomMass);
  return { lambda: l, p: q };
}

/** A new atom at the middle of the widest gap between the atoms in [-1, 1], with the mean mass (the validator refuses a 21st). */
export function addAtom(a: Atoms): Atoms {
  const xs = [-1, ...a.lambda.filter((l) => l >= -1 && l <= 1), 1].sort((x, y) => x - y);
  let at = 0;
  let gap = -1;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] - xs[i - 1] > gap) {
      gap = xs[i] - xs[i - 1];
      at = (xs[i] + xs[i - 1]) / 2;
    }
  }
  const mean = a.p.length ? a.p.reduce((s, v) => s + v, 0) / a.p.length : 0.2;
  return { lambda: [...a.lambda, tidy(Math.round(at * 1000) / 1000)], p: [...a.p, tidy(Number(mean.toPrecision(3)))] };
}

/** The atoms without atom i (the validator refuses to remove the last one). */
export function removeAtom(a: Atoms, i: number): Atoms {
  return { lambda: a.lambda.filter((_, k) => k !== i), p: a.p.filter((_, k) => k !== i) };
}

/** The top of the mass axis: room above the heaviest atom, at least 0.5, rounded up to 1, 2 or 5 times a power of ten. */
export function massAxisTop(p: number[]): number {
  const need = Math.max(0.5, 1.25 * Math.max(0, ...p.filter(Number.isFinite)));
  const e = 10 ** Math.floor(Math.log10(need));
  for (const m of [1, 2, 5, 10]) if (m * e >= need) return m * e;
  return 10 * e;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
