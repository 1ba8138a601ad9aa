import { type LabUi, lazyPage } from '../lab-ui';

const blurb = 'Overparameterised linear RNNs trained by gradient descent from small initialisation learn low-dimensional state spaces that extrapolate.';

/** Extrapolation in the header (position 1), its one-line promise, and its page. */
export const extrapolationUi: LabUi = { title: 'Extrapolation', paper: 'Paper 002', navOrder: 1, blurb, Page: lazyPage(() => import('./ExtrapolationLab'), 'ExtrapolationLab') };
