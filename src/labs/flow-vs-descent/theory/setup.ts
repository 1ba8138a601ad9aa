import { DeepLinearNet } from '../../../engine/flow-descent/dln';
import { frobenius } from '../../../engine/flow-descent/norms';
import { netInit } from '../build';
import type { FdObjective } from '../schema';

/**
 * What the paper's Sec. 5 results (Prop. 14, Thm 15, Eqs. 21-24) need from a deep linear net spec
 * (docs/labs/flow-vs-descent.md Sec. 3.3, 6.4): depth n, r0 = ||W_{n:1}(0)||, nu0 = cos(W_{n:1}(0), Lam), and which
 * of the theorem's hypotheses the spec meets (the panel computes the equations anyway and says which fail).
 */
export type DlnObjective = Extract<FdObjective, { family: 'dln' }>;

export interface Hypothesis {
  id: string;
  /** The hypothesis in words. */
  text: string;
  ok: boolean;
}

export interface DlnTheorySetup {
  n: number;
  d0: number;
  dn: number;
  r0: number;
  nu0: number;
  lamNorm: number;
  theta0: Float64Array;
  hypotheses: Hypothesis[];
  /** Every hypothesis of Prop. 14 / Thm 15 holds: the equations are guarantees for this spec. */
  applies: boolean;
}

export function dlnTheorySetup(o: DlnObjective): DlnTheorySetup {
  const n = o.widths.length - 1;
  const d0 = o.widths[0];
  const dn = o.widths[n];
  const net = new DeepLinearNet(o.widths, o.lam);
  const theta0 = netInit(o.widths, o.init);
  const { r, nu } = net.alignment(theta0);
  const lamNorm = frobenius(net.lam);
  const hypotheses: Hypothesis[] = [
    { id: 'dn', text: 'scalar output, d_n = 1 (Sec. 5)', ok: dn === 1 },
    { id: 'lam', text: '‖Λ‖ = 1 (labels normalised, Sec. 5)', ok: Math.abs(lamNorm - 1) < 1e-12 },
    { id: 'balanced', text: 'balanced start, Eq. 19 (Procedure 13)', ok: o.init.kind === 'balanced' },
    { id: 'r0', text: 'small start, 0 < r₀ ≤ 0.2 (Prop. 14)', ok: r > 0 && r <= 0.2 },
    { id: 'nu', text: 'not antiparallel to Λ, ν ≠ −1 (Prop. 14)', ok: nu > -1 + 1e-12 },
  ];
  return { n, d0, dn, r0: r, nu0: nu, lamNorm, theta0, hypotheses, applies: hypotheses.every((h) => h.ok) };
}

/** The DLN-3 base of Sec. 5.2 (widths 3-3-3-1, Lam = e1, A = 0.1 e2): the measured columns of Sec. 5.2 hold for it only. */
export function isDln3Base(o: FdObjective): boolean {
  if (o.family !== 'dln' || o.init.kind !== 'balanced') return false;
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  return same(o.widths, [3, 3, 3, 1]) && same(o.lam, [1, 0, 0]) && same(o.init.A, [0, 0.1, 0]);
}
