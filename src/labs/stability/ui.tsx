import { type LabUi, lazyPage } from '../lab-ui';
import { STABILITY_GALLERY, STABILITY_PREVIEW, STABILITY_QUESTION } from './gallery';
import { STABILITY_LESSON } from './lesson';

const blurb = 'Gradient descent with a large step converges to flatter minima than gradient flow, up to and beyond the edge of stability.';

/** Stability in the header (position 4), its one-line promise, and its page. */
export const stabilityUi: LabUi = {
  title: 'Stability',
  paper: 'Paper 004',
  navOrder: 4,
  blurb,
  question: STABILITY_QUESTION,
  gallery: STABILITY_GALLERY,
  lesson: STABILITY_LESSON,
  preview: STABILITY_PREVIEW,
  Page: lazyPage(() => import('./StabilityLab'), 'StabilityLab'),
};
