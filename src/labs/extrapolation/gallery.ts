import type { GalleryEntry } from '../lab-ui';

/** The question the Extrapolation lab answers (its card on the start page). */
export const EXTRAPOLATION_QUESTION = 'Why does an overparameterised linear RNN trained on short sequences extrapolate to long ones?';

/**
 * Paper 002's figures and propositions that the lab reruns: sweep presets open on the Sweeps page (the sweep is
 * set, ready to run), single runs on the Train page.
 */
export const EXTRAPOLATION_GALLERY: readonly GalleryEntry[] = [
  { figure: 'Figure 1(a)', claim: 'A diagonal student extrapolates once the training length k passes about 2d̂.', presetId: 'E-1A', page: 'sweeps' },
  { figure: 'Figure 1(a), sharp', claim: 'Three atoms: k = 2d̂ does not pin the teacher down, k = 2d̂ + 1 does (Lemma 7).', presetId: 'E-X3', page: 'sweeps' },
  { figure: 'Figure 1(b)', claim: 'A full unbalanced student on a delay teacher: from the zero response to error 1e-8.', presetId: 'E-1B', page: 'sweeps' },
  { figure: 'Figure 3(a)', claim: 'A full student from σ = 1e-5: the error declines with k.', presetId: 'E-3A', page: 'sweeps' },
  { figure: 'Figure 3(b)', claim: 'A random bidiagonal teacher: error 1e-3 at k = 12, 1e-5 at k = 16.', presetId: 'E-3B', page: 'sweeps' },
  { figure: 'Figure 4', claim: 'Larger initialisation scales extrapolate worse (about 12 minutes for the whole sweep).', presetId: 'E-4', page: 'sweeps' },
  { figure: 'Figure 5', claim: 'Impulse responses: the k = 20 student follows the teacher to j = 50, the k = 10 one drifts off.', presetId: 'E-5', page: 'run' },
  { figure: 'Figure 6', claim: 'Delay teacher: k = 8 learns zero, k = 18 departs after j = 18, k = 20 is near exact.', presetId: 'E-6', page: 'run' },
  { figure: 'Appendix A', claim: 'Twin teachers that agree up to j = 2: from k = 4 on the student tells them apart.', presetId: 'E-TWIN', page: 'sweeps' },
  { figure: 'Proposition 3', claim: 'A perfect fit that does not extrapolate exists; GD from a small start does not find it.', presetId: 'E-P3', page: 'run' },
  { figure: 'Proposition 9', claim: 'A small start makes the student balanced: β_BC ends proportional to ε.', presetId: 'E-P9', page: 'sweeps' },
  { figure: 'Saddle escape', claim: 'The delay teacher from three init scales: σ = 0.01 stays at the zero saddle.', presetId: 'E-ESC', page: 'sweeps' },
];

/** The teacher's impulse response and a student that follows it past the training window. */
export const EXTRAPOLATION_PREVIEW: readonly (readonly [number, number][])[] = [
  [
    [0, 0.85],
    [0.1, 0.62],
    [0.2, 0.47],
    [0.3, 0.36],
    [0.45, 0.25],
    [0.6, 0.18],
    [0.8, 0.12],
    [1, 0.09],
  ],
  [
    [0, 0.9],
    [0.1, 0.6],
    [0.2, 0.48],
    [0.3, 0.4],
    [0.45, 0.5],
    [0.6, 0.62],
    [0.8, 0.78],
    [1, 0.9],
  ],
];
