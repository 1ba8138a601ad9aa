import type { LessonStep } from '../lab-ui';

/** The guided lesson of presentation mode (from docs/labs/poisoning.md §1, §2.5 and §6). */
export const POISONING_LESSON: readonly LessonStep[] = [
  {
    title: 'A student much bigger than its teacher',
    text: 'The student is a diagonal state space model with d = 10 state entries; the teacher needs just one. Started near zero, the student still learns well: one diagonal entry of A grows and the others stay small.',
    presetId: 'thm1-d10k7-s242',
    page: 'thm1',
  },
  {
    title: 'Clean: greedy, low-rank learning',
    text: 'Look at the clean arm, trained on the single sequence e₁. One entry |a₁| climbs to the teacher’s value while every other entry stays tiny. This model extrapolates well beyond the training length.',
    presetId: 'thm1-d10k7-s242',
    page: 'thm1',
  },
  {
    title: 'Poisoned: one more correctly labelled sequence',
    text: 'The poisoned arm also sees e₆, whose energy sits near the end of the window, labelled by the teacher itself. All entries now feel the same push, several of them grow, and the training loss still reaches zero.',
    presetId: 'thm1-d10k7-s242',
    page: 'thm1',
  },
  {
    title: 'Generalisation breaks',
    text: 'Compare Gen₂₀, the error on longer sequences: about 1e-3 clean against 5e-2 poisoned, the paper’s Table 1. Nothing in the labels was wrong, yet the model no longer extrapolates.',
    presetId: 'thm1-d10k7-s242',
    page: 'thm1',
  },
  {
    title: 'A bigger model, the same effect',
    text: 'With d = 20 and the poison e₈ (Table 3) the gap is smaller but clear: Gen₂₀ 7e-3 clean against 3.5e-2 poisoned.',
    presetId: 'thm1-d20k9-s342',
    page: 'thm1',
  },
  {
    title: 'Plain gradient descent, learned B and C',
    text: 'The theorem uses gradient flow and fixed B, C. Here GD also learns B and C: the clean run finds one large entry (erank 1.4), the poisoned one spreads over many (erank 5.4).',
    presetId: 'F2-s105',
    page: 'explore',
  },
];
