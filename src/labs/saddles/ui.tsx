import { lazy } from 'react';
import type { LabUi } from '../lab-ui';

export const saddlesUi: LabUi = {
  title: 'Saddles',
  paper: 'Paper 003',
  blurb: 'Homogeneous networks from small initialisation sit near the origin, escape along a KKT direction and stall at a saddle.',
  navOrder: 3,
  Page: lazy(() => import('./SaddlesLab').then((m) => ({ default: m.SaddlesLab }))),
};
