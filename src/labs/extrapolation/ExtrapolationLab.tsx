import { tabbedLab } from '../../ui/TabbedLab';
import { extrapolationCore } from './core';
import { DemosPage } from './pages/DemosPage';
import { ReproducePage } from './pages/ReproducePage';
import { RunPage } from './pages/RunPage';
import { SweepsPage } from './pages/SweepsPage';

/** The Extrapolation lab (paper 002): tabs for its pages. */
export const ExtrapolationLab = tabbedLab(extrapolationCore.id, 'Extrapolation lab pages', [
  { id: 'run', title: 'Train a student', component: RunPage },
  { id: 'sweeps', title: 'Sweeps over k and σ', component: SweepsPage },
  { id: 'demos', title: 'Many fits, one extrapolation', component: DemosPage },
  { id: 'reproduce', title: 'Reproduce the paper', component: ReproducePage },
]);
