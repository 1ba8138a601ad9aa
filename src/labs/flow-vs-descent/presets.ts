import { Rng } from '../../engine/core/rng';
import type { FdObjective, FlowVsDescentSpec } from './schema';

/**
 * The presets of Sec. 5 (docs/labs/flow-vs-descent.md): each with the paper figure or lab result it shows. A preset
 * whose view is not 'run' (the eta sweep, the rescaling, the theory panel, the MNIST panels) carries a base run too, so
 * every preset also opens as a run.
 */
export interface FdPresetRow {
  id: string;
  /** The paper's figure, equation or section it reproduces, or "lab result". */
  figure: string;
  title: string;
  description: string;
  spec: FlowVsDescentSpec;
}

/** DLN-3 base of Sec. 5.2: n = 3, widths 3-3-3-1, Lam = e1, Procedure 13 with A = 0.1 e2 (r0 = 0.1, nu0 = 0). */
export const DLN3: FdObjective = { family: 'dln', widths: [3, 3, 3, 1], lam: [1, 0, 0], init: { kind: 'balanced', A: [0, 0.1, 0] } };
export const DLN3_SWEEP_ETAS = [0.01, 0.1, 0.3, 0.5, 0.6, 0.65, 0.66, 0.67, 0.7, 1.0];
export const AB_Z0 = 0.01 / 2 - 1;

/** FD-DLN-gauss's target: a random unit row vector (seeded, so the preset is plain data). */
function randomUnit(d: number, seed: number): number[] {
  const rng = new Rng(seed);
  const v = Array.from({ length: d }, () => rng.gauss());
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

const run = (objective: FdObjective, etas: number[], horizon: number, stamps: number, over: Partial<FlowVsDescentSpec> = {}): FlowVsDescentSpec => ({
  v: 1,
  lab: 'flow-vs-descent',
  objective,
  etas,
  horizon,
  stamps,
  protocol: 'flow',
  rs: [2, 5, 10, 20],
  solver: { rtol: 1e-10, atol: 1e-12, method: 'dopri5' },
  errorOde: true,
  spectrum: true,
  weightDecay: 0,
  view: 'run',
  ...over,
});

export const FD_PRESET_ROWS: FdPresetRow[] = [
  {
    id: 'FD-DLN3',
    figure: 'Sec. 5 (lab result: the real flow)',
    title: 'Deep linear net, n = 3: GD tracks the flow',
    description: 'Balanced start near zero: lmin is only mildly negative, so D/eta follows ||E(t)|| and GD at eta up to 0.1 stays within 0.04 of the flow.',
    spec: run(DLN3, [1e-3, 1e-2, 1e-1], 30, 300),
  },
  {
    id: 'FD-DLN3-curv',
    figure: 'Sec. 4, Eq. 14 (Prop. 8)',
    title: 'Curvature along the flow: I_m(t) saturates',
    description: 'lmin dips to -0.65 at t = 1.4 and tends to 0-; its integral I_m(t) saturates near 2.09, which is what "roughly convex" means.',
    spec: run(DLN3, [1e-2], 20, 640),
  },
  {
    id: 'FD-DLN3-eta',
    figure: 'lab result (2/eta caps sharpness)',
    title: 'Step-size sweep: convergence up to eta = 0.66, then period 2',
    description: 'GD converges for eta <= 0.66 (its limit a little sharper than 3, always below 2/eta); at 0.67 and 0.7 it settles on a period-2 orbit.',
    spec: run(DLN3, [0.1], 30, 300, { view: 'sweep', sweep: { etas: DLN3_SWEEP_ETAS, maxSteps: 50_000 } }),
  },
  {
    id: 'FD-DLN3-unbal',
    figure: 'lab result (Eq. 19 under GD)',
    title: 'GD unbalances the layers by eta^2 per step',
    description:
      'The flow keeps D_j = W_{j+1}^T W_{j+1} - W_j W_j^T at 0; GD changes it by exactly eta^2 (G_{j+1}^T G_{j+1} - G_j G_j^T) per step, so U(20) grows linearly in eta.',
    spec: run(DLN3, [1e-3, 1e-2, 1e-1, 0.5], 20, 200, { solver: { rtol: 1e-11, atol: 1e-13, method: 'dopri5' } }),
  },
  {
    id: 'FD-DLN3-rescale',
    figure: 'Prop. 6, Lemma 7',
    title: 'Rescaling layers keeps f, not the curvature',
    description: '(W_1/a^2, W_2/a^2, W_3 a^4) leaves f unchanged but multiplies the curvature: lmin reaches -555 at a = 8. Small, balanced starts avoid such points.',
    spec: run(DLN3, [1e-2], 4, 40, { view: 'rescale', rescale: { time: 4, factors: [1, 2, 4, 8] } }),
  },
  {
    id: 'FD-DLN2',
    figure: 'Lemma 7 (tight for n = 2)',
    title: 'Two layers: the closed form and a tight bound',
    description: 'n = 2 has a closed-form flow; at the start lmin = -1.005 equals the Lemma 7 bound; lmax tends to 2.',
    spec: run({ family: 'dln', widths: [3, 3, 1], lam: [1, 0, 0], init: { kind: 'balanced', A: [0, 0.1, 0] } }, [1e-3, 1e-2, 1e-1], 10, 200),
  },
  {
    id: 'FD-DLN-gauss',
    figure: 'Prop. 8, Sec. 4',
    title: 'Near-zero Gaussian start: plateau, escape, convergence',
    description: 'Widths 4, s = 0.025: a plateau at f - min f = 0.5, an escape between t = 25 and 50, then convergence; lmin stays above the Eq. 14 bound.',
    spec: run({ family: 'dln', widths: [4, 4, 4, 1], lam: randomUnit(4, 7), init: { kind: 'gaussian', scale: 0.025, seed: 1 } }, [1e-2, 1e-1], 150, 300),
  },
  {
    id: 'FD-relu',
    figure: 'Sec. 4.2, Lemma 11',
    title: 'Small ReLU net: mild negative curvature, close tracking',
    description: '2-16-16-1 ReLU net on 32 points of the circle (y = sin 2 phi): lmin stays near 0-, above the Lemma 11 bound; eta = 1.0 crosses 2/lmax late.',
    spec: run(
      { family: 'fc', widths: [2, 16, 16, 1], activation: 'relu', leak: 0.1, data: { kind: 'circle', count: 32 }, init: { kind: 'xavier', gain: 0.3, seed: 0 } },
      [0.05, 0.2, 1.0],
      200,
      100,
      { solver: { rtol: 1e-5, atol: 1e-7, method: 'dopri5' } },
    ),
  },
  {
    id: 'FD-Q1',
    figure: 'Sec. 3 (Euler on a quadratic)',
    title: 'Q1: monotone, oscillating, period 2, divergent',
    description: 'f = q^2 / 2: GD is monotone below eta = 1, oscillates up to 2, has period 2 at eta = 2 and diverges beyond; the largest gap to the flow is eta / (2e) at t = 1.',
    spec: run({ family: 'quadratic', lam: [1], q0: [1] }, [0.01, 0.1, 0.5, 1.5, 2.0, 2.05], 20, 200),
  },
  {
    id: 'FD-Q1c',
    figure: 'Thm 3 (negative curvature amplifies)',
    title: 'Concave Q1: the gap grows like e^t',
    description: 'f = -q^2 / 2: flow q0 e^t, GD q0 (1 + eta)^k; the gap at t = 8 is about q0 e^t eta t / 2: negative curvature amplifies the Euler error.',
    spec: run({ family: 'quadratic', lam: [-1], q0: [0.01] }, [1e-3, 1e-2, 1e-1], 8, 80),
  },
  {
    id: 'FD-Q2',
    figure: 'Sec. 3 (1/lmax and 2/lmax)',
    title: 'Q2: thresholds at 1/lmax and 2/lmax',
    description: 'lam = (1, 10): GD oscillates in q2 above eta = 0.1, has period 2 at exactly 0.2 and diverges above.',
    spec: run({ family: 'quadratic', lam: [1, 10], q0: [1, 1] }, [0.05, 0.15, 0.19, 0.2, 0.21], 20, 200),
  },
  {
    id: 'FD-AB',
    figure: 'App. B (Fig. 2, Lemma 75)',
    title: 'App. B: a function where GD must shrink eta like e^-t',
    description: 'Negative curvature -a along the flow: the gap to the flow grows like eta e^t (0.187 eta e^t at its closest), and GD diverges in q3 once eta > 1/(6a).',
    spec: run({ family: 'ab', a: 1, zc: 1e6, zb: 11, rho: 0.01, q0: [0.75, AB_Z0 + 0.01, 2.5] }, [1e-4, 1e-3, 1e-2, 5e-2], 13, 260),
  },
  {
    id: 'FD-AB-shape',
    figure: 'App. B, Fig. 2',
    title: 'The shape of phi and phibar (display constants)',
    description: 'a = 1, z_c = 3, zb = 2, rho = 0.3: small constants that show the pieces of phi and phibar like the paper\u2019s Fig. 2 (they violate b >= 3: display only).',
    spec: run({ family: 'ab', a: 1, zc: 3, zb: 2, rho: 0.3, q0: [0.5, 0.5, 0.5] }, [1e-2], 5, 100),
  },
  {
    id: 'FD-bounds',
    figure: 'Eqs. 21-24 (Prop. 14, Thm 15)',
    title: 'The theory panel: valid but astronomically loose',
    description: 'The paper\u2019s guarantees for DLN-3 (eta up to 1e-25, 1e28 steps) beside what happens: GD converges for every eta up to 0.66.',
    spec: run(DLN3, [1e-2], 10, 100, { view: 'bounds' }),
  },
  ...(
    [
      ['fclin', 'Fig. 1 (left)', 'FC-lin on MNIST: GD at η₀ and η₀/r coincide'],
      ['fcrelu', 'Fig. 1 (right)', 'FC-ReLU on MNIST: GD at η₀ and η₀/r coincide'],
      ['cnnsub', 'Fig. 3 (left)', 'CNN without biases on MNIST: a plateau, then the same path'],
      ['lenet', 'Fig. 3 (right)', 'LeNet on MNIST: the same path, biases and all'],
    ] as const
  ).map(([net, figure, title]) => ({
    id: `FD-MN-${net}`,
    figure,
    title,
    description:
      'Precomputed traces (PyTorch, a fixed 1000-image subset that differs from the paper\u2019s): the loss and the distance from the start for GD at η₀ and η₀/r at equal flow time.',
    spec: run(DLN3, [1e-2], 10, 100, { view: 'mnist', mnist: { net } }),
  })),
];

FD_PRESET_ROWS.push({
  id: 'FD-MN-live',
  figure: 'Fig. 1, live',
  title: 'MNIST live: GD at η₀, η₀/2, η₀/5 and the flow on 64 images',
  description:
    'FC-lin 784-50-50-10 on the first 64 images of the bundled subset, mean cross-entropy, η₀ = 1e-3 to t = 1 beside the runs at η₀/2 and η₀/5 and the flow (Dormand–Prince, rtol 1e-6): the loss curves coincide, the drift stays under 5% of the distance travelled.',
  spec: run({ family: 'mnist', net: 'fclin', images: 64, seed: 1 }, [1e-3], 1, 20, {
    protocol: 'paper',
    rs: [2, 5],
    errorOde: false,
    spectrum: false,
    solver: { rtol: 1e-6, atol: 1e-8, method: 'dopri5' },
  }),
});

export const FD_DEFAULT_PRESET = 'FD-DLN3';

export function fdPresetRow(id: string | undefined): FdPresetRow | undefined {
  return FD_PRESET_ROWS.find((r) => r.id === id);
}
