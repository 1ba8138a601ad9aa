import { type LabUi, lazyPage } from '../lab-ui';
import { EXTRAPOLATION_GALLERY, EXTRAPOLATION_PREVIEW, EXTRAPOLATION_QUESTION } from './gallery';
import { EXTRAPOLATION_LESSON } from './lesson';

const blurb = 'Overparameterised linear RNNs trained by gradient descent from small initialisation learn low-dimensional state spaces that extrapolate.';

/** Extrapolation in the header (position 1), its one-line promise, and its page. */
export const extrapolationUi: LabUi = {
  title: 'Extrapolation',
  paper: 'Paper 002',
  navOrder: 1,
  blurb,
  question: EXTRAPOLATION_QUESTION,
  gallery: EXTRAPOLATION_GALLERY,
  lesson: EXTRAPOLATION_LESSON,
  preview: EXTRAPOLATION_PREVIEW,
  Page: lazyPage(() => import('./ExtrapolationLab'), 'ExtrapolationLab'),
};
