import { lazy } from 'react';
import type { LabUi } from '../lab-ui';

export const poisoningUi: LabUi = {
  title: 'Poisoning',
  paper: 'Paper 000',
  blurb: 'Clean-label special sequences destroy the greedy low-rank bias that lets a state space model extrapolate.',
  navOrder: 0,
  Page: lazy(() => import('./PoisoningLab').then((m) => ({ default: m.PoisoningLab }))),
};
