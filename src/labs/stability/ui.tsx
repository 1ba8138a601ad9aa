import { lazy } from 'react';
import type { LabUi } from '../lab-ui';

export const stabilityUi: LabUi = {
  title: 'Stability',
  paper: 'Paper 004',
  blurb: 'Gradient descent with a large step converges to flatter minima than gradient flow, up to and beyond the edge of stability.',
  navOrder: 4,
  Page: lazy(() => import('./StabilityLab').then((m) => ({ default: m.StabilityLab }))),
};
