import type { GalleryEntry } from '../lab-ui';

/** The question the Stability lab answers (its card on the start page). */
export const STABILITY_QUESTION = 'Why does gradient descent with a large step land on flatter minima than gradient flow?';

/** Paper 004's figures and claims that the lab reruns (the lab is one page: every preset opens there). */
export const STABILITY_GALLERY: readonly GalleryEntry[] = [
  { figure: 'Figure 1', claim: 'Each GD step lands on an inner hyperbola a² − b² = Q(t): GD shrinks the imbalance, the flow keeps it.', presetId: 'S-fig1' },
  { figure: 'Theorem 1', claim: 'GD reaches a minimum flatter than gradient flow’s (λ 4.383 against R = 4.392).', presetId: 'S-ref' },
  { figure: 'Theorem 2', claim: 'Over 400 step sizes the GD limit stays below min(R, 2/η) wherever GD converges.', presetId: 'S-sweep' },
  { figure: 'Edge of stability', claim: 'Catapult: R = 9.2 is too sharp for η = 0.3; GD is thrown to λ = 2.71 and converges.', presetId: 'S-catapult' },
  { figure: 'Figure 3', claim: 'Regularisation Q(T)/Q(0) over init scale × step size (the lab’s protocol; the paper gives none).', presetId: 'S-fig3' },
  { figure: 'Section 5 (ηΦ > 1)', claim: 'No minimum is stable: GD ends on a balanced 2-cycle.', presetId: 'S-cycle' },
  { figure: 'Bifurcation (ηΦ)', claim: 'Fixed point, 2-cycle, period 4, then chaos with a period-3 window, along the balanced line.', presetId: 'S-bif' },
  { figure: 'Speed vs regularisation', claim: 'Larger steps converge faster and regularise more, up to ηλ∞ = 1.', presetId: 'S-tradeoff-eta' },
  { figure: 'Theorem 1, lower bound', claim: 'An erratum: Q ratio 0.608 falls below the claimed lower bound 0.729.', presetId: 'S-thm1-lower' },
];

/** The loss falling along GD (saw-tooth) and gradient flow (smooth). */
export const STABILITY_PREVIEW: readonly (readonly [number, number][])[] = [
  [
    [0, 0.9],
    [0.1, 0.45],
    [0.2, 0.7],
    [0.3, 0.3],
    [0.4, 0.45],
    [0.5, 0.18],
    [0.65, 0.22],
    [0.8, 0.1],
    [1, 0.08],
  ],
  [
    [0, 0.9],
    [0.2, 0.55],
    [0.4, 0.32],
    [0.6, 0.2],
    [0.8, 0.14],
    [1, 0.12],
  ],
];
