import type { Field } from '../../experiment/lab-core';
import { log10 } from '../../engine/core/det-math';
import { phi, phibar } from '../../engine/flow-descent/ab';
import type { FdObjective } from './schema';

/** f over (q1, q2) for the landscape worker (Q2: the quadratic; its minimum value is 0). */
export const FD_FIELDS: Record<string, Field> = {
  'fd-quadratic': (p) => (x, y) => 0.5 * (p.lam0 * x * x + p.lam1 * y * y),
  // App. B in (q1, q2) at q3 = 0, on a log scale: its values span a z_c^2 range.
  // A scalar-output deep linear net in the plane of its end-to-end map: f = 1/2 ||w - Lam||^2 there (Sec. 3.1).
  'fd-dln-plane': (p) => (x, y) => 0.5 * ((x - p.lamNorm) * (x - p.lamNorm) + y * y),
  'fd-ab': (p) => (x, y) => log10(phi(x, p.a, p.zc) + phibar(y, p.a, p.zb, p.rho) + 1e-300),
};

/** The landscape field of an objective, or null when it has none (nets, Q1). */
export function landscapeField(o: FdObjective): { name: string; params: Record<string, number>; label: string } | null {
  if (o.family === 'quadratic' && o.lam.length === 2) return { name: 'fd-quadratic', params: { lam0: o.lam[0], lam1: o.lam[1] }, label: 'f' };
  if (o.family === 'dln' && o.widths[o.widths.length - 1] === 1)
    return { name: 'fd-dln-plane', params: { lamNorm: Math.sqrt(o.lam.reduce((t, v) => t + v * v, 0)) }, label: 'f − min f' };
  if (o.family === 'ab') return { name: 'fd-ab', params: { a: o.a, zc: o.zc, zb: o.zb, rho: o.rho }, label: 'log₁₀ f (q₃ = 0)' };
  return null;
}
