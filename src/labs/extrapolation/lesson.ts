import type { LessonStep } from '../lab-ui';

/** The guided lesson of presentation mode (from docs/labs/extrapolation.md §1, §2.5 and §6). */
export const EXTRAPOLATION_LESSON: readonly LessonStep[] = [
  {
    title: 'Fit short, predict long',
    text: 'A linear RNN with 40 state dimensions learns the impulse response of a teacher with 5, from sequences of length k = 20. Watch the student’s response h beside the teacher’s w, also after the shaded training window.',
    presetId: 'E-5',
    page: 'run',
  },
  {
    title: 'Many perfect fits',
    text: 'With more parameters than data there are fits that match every training step and then go anywhere. Proposition 3 builds one; gradient descent from a small start does not pick it.',
    presetId: 'E-P3',
    page: 'run',
  },
  {
    title: 'Small starts make balanced students',
    text: 'From a small start B stays close to Cᵀ (balancedness), and gradient flow keeps it so. Then the student’s response is the moment sequence of a positive measure on its eigenvalues.',
    presetId: 'E-5',
    page: 'run',
  },
  {
    title: 'How long must training sequences be?',
    text: 'A measure with d̂ atoms is fixed by its first 2d̂ + 1 moments. So extrapolation should switch on once k passes about 2d̂. Run the sweep over k to see the error E fall.',
    presetId: 'E-1A',
    page: 'sweeps',
  },
  {
    title: 'The threshold, sharply',
    text: 'A teacher with three atoms: k = 6 = 2d̂ leaves the student unsure (E ≈ 0.1), k = 7 pins it down (E ≈ 1e-3).',
    presetId: 'E-X3',
    page: 'sweeps',
  },
  {
    title: 'A full student on a delay line',
    text: 'A delay teacher is zero for 9 steps. With k = 8 the student sees only zeros and learns nothing; with k = 20 it learns the delay and extrapolates almost exactly.',
    presetId: 'E-6',
    page: 'run',
  },
];
