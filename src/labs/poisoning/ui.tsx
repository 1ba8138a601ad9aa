import { type LabUi, lazyPage } from '../lab-ui';
import { POISONING_GALLERY, POISONING_PREVIEW, POISONING_QUESTION } from './gallery';
import { POISONING_LESSON } from './lesson';

const blurb = 'Clean-label special sequences destroy the greedy low-rank bias that lets a state space model extrapolate.';

/** Poisoning in the header (position 0), its one-line promise, and its page. */
export const poisoningUi: LabUi = {
  title: 'Poisoning',
  paper: 'Paper 000',
  navOrder: 0,
  blurb,
  question: POISONING_QUESTION,
  gallery: POISONING_GALLERY,
  lesson: POISONING_LESSON,
  preview: POISONING_PREVIEW,
  Page: lazyPage(() => import('./PoisoningLab'), 'PoisoningLab'),
};
