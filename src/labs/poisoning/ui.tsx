import { type LabUi, lazyPage } from '../lab-ui';

const blurb = 'Clean-label special sequences destroy the greedy low-rank bias that lets a state space model extrapolate.';

/** Poisoning in the header (position 0), its one-line promise, and its page. */
export const poisoningUi: LabUi = { title: 'Poisoning', paper: 'Paper 000', navOrder: 0, blurb, Page: lazyPage(() => import('./PoisoningLab'), 'PoisoningLab') };
