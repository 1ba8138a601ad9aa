import type { GalleryEntry } from '../lab-ui';

/** The question the Saddles lab answers (its card on the start page). */
export const SADDLES_QUESTION = 'What does a network started near zero do before it learns, and where does it stall first?';

/** Paper 003's figures that the lab reruns (the lab is one page). */
export const SADDLES_GALLERY: readonly GalleryEntry[] = [
  { figure: 'Figure 1 (GD)', claim: 'A two-layer square net sits at L(0), escapes near the predicted iteration, and stalls at a one-neuron saddle.', presetId: 'sd-fig1' },
  { figure: 'Figure 1 (flow)', claim: 'By exact gradient flow: escape at t = 622.5 against the predicted 620.7.', presetId: 'sd-fig1-flow' },
  { figure: 'Figure 2 (δ = 0.1)', claim: 'Example 1: the loss staircase from a moderate start.', presetId: 'sd-ex1-0.1' },
  { figure: 'Figure 2 (δ = 0.05)', claim: 'Example 1: a smaller start waits longer before each drop.', presetId: 'sd-ex1-0.05' },
  { figure: 'Figure 2 (δ = 0.001)', claim: 'Example 1: the staircase 17 → 1 → 0 with long plateaus.', presetId: 'sd-ex1-0.001' },
  { figure: 'Figure 4', claim: 'Three layers: a single active path, escape at 1/(35 N* δ⁵), the other neurons stay at 1e-15.', presetId: 'sd-fig4' },
  { figure: 'Figure 5', claim: 'A two-layer ReLU net (outside the theorems): a slow drop with many neurons active.', presetId: 'sd-fig5' },
  { figure: 'Figure 6', claim: 'A three-layer ReLU net: one sharp drop after a long plateau.', presetId: 'sd-fig6' },
];

/** The loss staircase: a plateau, a drop, a plateau at the saddle, a drop. */
export const SADDLES_PREVIEW: readonly (readonly [number, number][])[] = [
  [
    [0, 0.9],
    [0.3, 0.89],
    [0.38, 0.5],
    [0.65, 0.48],
    [0.72, 0.1],
    [1, 0.08],
  ],
];
