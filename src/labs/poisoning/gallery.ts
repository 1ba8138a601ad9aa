import type { GalleryEntry } from '../lab-ui';

/** The question the Poisoning lab answers (its card on the start page). */
export const POISONING_QUESTION = 'Can training examples with correct labels stop a state space model from extrapolating?';

/** Paper 000's tables and figures that the lab reruns (the Reproduce page's items; one seed each). */
export const POISONING_GALLERY: readonly GalleryEntry[] = [
  {
    figure: 'Table 1, row 1',
    claim: 'Exact gradient flow (Theorem 1): the poison e₆ raises Gen₂₀ from 1.27e-3 to 5.01e-2, d = 10, κ = 7.',
    presetId: 'thm1-d10k7-s242',
    page: 'thm1',
  },
  { figure: 'Table 3, row 1', claim: 'The same at d = 20, κ = 9: Gen₂₀ 7.34e-3 clean against 3.51e-2 poisoned.', presetId: 'thm1-d20k9-s342', page: 'thm1' },
  { figure: 'Table 1, row 2', claim: 'GD with learned B and C: the poisoned model generalises at least 10× worse.', presetId: 'B-6-s200', page: 'explore' },
  { figure: 'Table 1, row 3', claim: 'An SSM with an MLP head, trained by Adam, is poisoned too.', presetId: 'M-6-s4540', page: 'explore' },
  { figure: 'Table 3, row 2', claim: 'Standalone SSM, κ = 10: the poisoned arm generalises about 4× worse or more.', presetId: 'B-10-s1200', page: 'explore' },
  { figure: 'Table 3, row 3', claim: 'SSM with MLP head, κ = 10: poisoned generalisation worse than clean.', presetId: 'M-10-s4540', page: 'explore' },
  { figure: 'Figure 2 (SSM)', claim: 'Clean: one entry of A grows (erank 1.4); poisoned: many grow (erank 5.4).', presetId: 'F2-s105', page: 'explore' },
  { figure: 'Figure 2 (MLP)', claim: 'With an MLP head, the poison makes all 10 entries of A grow to about 1.', presetId: 'F2M-s4541', page: 'explore' },
  { figure: 'Figure 3 (SSM)', claim: 'Another teacher: greedy low-rank learning clean, spread-out learning poisoned.', presetId: 'F3-s4000', page: 'explore' },
  { figure: 'Figure 3 (MLP)', claim: 'MLP head, 20 state dimensions: every entry above 0.75 when poisoned.', presetId: 'F3M-s4542', page: 'explore' },
  { figure: 'Figure 4', claim: 'Teacher of dimension 2: clean recovers (0.99, 0.8); poisoned does not.', presetId: 'F4-s302', page: 'explore' },
  { figure: 'Figure 5', claim: 'Teacher of dimension 3: the poisoned arm overshoots its top entry.', presetId: 'F5-s401', page: 'explore' },
  { figure: 'Figure 6', claim: 'Teacher of dimension 4: the poisoned arm overshoots its top entry.', presetId: 'F6-s403', page: 'explore' },
  { figure: 'Figure 7 (SSM)', claim: 'A longer run: clean erank 1.45 against poisoned 7.31.', presetId: 'F7-s100', page: 'explore' },
  { figure: 'Figure 7 (MLP)', claim: 'As Figure 2 (MLP), another seed.', presetId: 'F7M-s4543', page: 'explore' },
  { figure: 'Figure 8 (SSM)', claim: 'Poisoned entries (1.0005, 0.868, 0.433, …) against one clean entry.', presetId: 'F8-s4001', page: 'explore' },
  { figure: 'Figure 8 (MLP)', claim: 'As Figure 3 (MLP), another seed.', presetId: 'F8M-s4603', page: 'explore' },
];

/** Two entries of A: one grows alone (clean), several grow together (poisoned). */
export const POISONING_PREVIEW: readonly (readonly [number, number][])[] = [
  [
    [0, 0.05],
    [0.35, 0.08],
    [0.5, 0.3],
    [0.6, 0.82],
    [1, 0.9],
  ],
  [
    [0, 0.04],
    [0.3, 0.06],
    [0.45, 0.35],
    [0.6, 0.55],
    [1, 0.6],
  ],
  [
    [0, 0.03],
    [0.5, 0.05],
    [1, 0.08],
  ],
];
