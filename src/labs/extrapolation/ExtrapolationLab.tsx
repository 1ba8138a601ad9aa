import { TabbedLab } from '../../ui/TabbedLab';
import { extrapolationCore } from './core';
import { DemosPage } from './pages/DemosPage';
import { ReproducePage } from './pages/ReproducePage';
import { RunPage } from './pages/RunPage';
import { SweepsPage } from './pages/SweepsPage';

/** The pages of the lab, in tab order. */
const EXTRAPOLATION_PAGES = [
  { id: 'run', title: 'Train a student', component: RunPage },
  { id: 'sweeps', title: 'Sweeps over k and σ', component: SweepsPage },
  { id: 'demos', title: 'Many fits, one extrapolation', component: DemosPage },
  { id: 'reproduce', title: 'Reproduce the paper', component: ReproducePage },
];

/** The Extrapolation lab (paper 002): tabs for its pages. */
export function ExtrapolationLab() {
  return <TabbedLab lab={extrapolationCore.id} pages={EXTRAPOLATION_PAGES} label="Extrapolation lab pages" />;
}
