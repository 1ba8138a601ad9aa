import { lazy } from 'react';
import type { LabUi } from '../lab-ui';

export const extrapolationUi: LabUi = {
  title: 'Extrapolation',
  paper: 'Paper 002',
  blurb: 'Overparameterised linear RNNs trained by gradient descent from small initialisation learn low-dimensional state spaces that extrapolate.',
  navOrder: 1,
  Page: lazy(() => import('./ExtrapolationLab').then((m) => ({ default: m.ExtrapolationLab }))),
};
