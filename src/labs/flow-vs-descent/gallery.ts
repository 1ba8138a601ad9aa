import type { GalleryEntry } from '../lab-ui';

/** The question the Flow vs Descent lab answers (its card on the start page). */
export const FLOW_VS_DESCENT_QUESTION = 'When does gradient descent stay close to gradient flow, and what makes it stray?';

/** Paper 001's figures and results that the lab reruns, each on the page its preset's view names. */
export const FLOW_VS_DESCENT_GALLERY: readonly GalleryEntry[] = [
  { figure: 'Figure 1 (left)', claim: 'FC-lin on MNIST: GD at η₀ and at η₀/r follow the same path at equal flow time.', presetId: 'FD-MN-fclin', page: 'mnist' },
  { figure: 'Figure 1 (right)', claim: 'FC-ReLU on MNIST: the same path at both step sizes.', presetId: 'FD-MN-fcrelu', page: 'mnist' },
  { figure: 'Figure 3 (left)', claim: 'A CNN without biases: a plateau, then the same path.', presetId: 'FD-MN-cnnsub', page: 'mnist' },
  { figure: 'Figure 3 (right)', claim: 'LeNet, biases and all: the same path.', presetId: 'FD-MN-lenet', page: 'mnist' },
  { figure: 'Deep linear net', claim: 'From a small balanced start GD at η up to 0.1 stays within 0.04 of the flow; D/η follows ‖E(t)‖.', presetId: 'FD-DLN3', page: 'run' },
  { figure: 'Eq. 14 / Prop. 8', claim: 'λmin along the flow dips to −0.65 and its integral I_m saturates near 2.09.', presetId: 'FD-DLN3-curv', page: 'run' },
  { figure: 'Lemma 7', claim: 'Two layers: the bound on λmin is tight at the start (−1.005).', presetId: 'FD-DLN2', page: 'run' },
  { figure: 'Lemma 11', claim: 'A small ReLU net meets only mild negative curvature and GD tracks the flow.', presetId: 'FD-relu', page: 'run' },
  { figure: 'Appendix B', claim: 'A function with curvature −a along the flow: the gap grows like η eᵗ.', presetId: 'FD-AB', page: 'run' },
  { figure: '2/η', claim: 'GD converges up to η = 0.66 with its limit below 2/η; beyond, period-2 orbits.', presetId: 'FD-DLN3-eta', page: 'sweep' },
  { figure: 'Layer rescaling', claim: 'Rescaling layers keeps f but multiplies the curvature: λmin reaches −555.', presetId: 'FD-DLN3-rescale', page: 'theory' },
  { figure: 'Eqs. 21–24', claim: 'The paper’s guarantees (η ≤ 1e-25) beside what happens: GD converges up to η = 0.66.', presetId: 'FD-bounds', page: 'theory' },
];

/** Gradient flow (smooth) and GD iterates close to it. */
export const FLOW_VS_DESCENT_PREVIEW: readonly (readonly [number, number][])[] = [
  [
    [0, 0.9],
    [0.15, 0.62],
    [0.3, 0.42],
    [0.5, 0.25],
    [0.7, 0.15],
    [1, 0.1],
  ],
  [
    [0, 0.9],
    [0.15, 0.6],
    [0.3, 0.4],
    [0.5, 0.23],
    [0.7, 0.14],
    [1, 0.1],
  ],
];
