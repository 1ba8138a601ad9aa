import { tabbedLab } from '../../ui/TabbedLab';
import { flowVsDescentCore } from './core';
import { ReproducePage } from './pages/ReproducePage';
import { MnistPage } from './pages/MnistPage';
import { RunPage } from './pages/RunPage';
import { SweepPage } from './pages/SweepPage';
import { TheoryPage } from './pages/TheoryPage';

/** The Flow vs Descent lab (paper 001): tabs for its pages. */
export const FlowVsDescentLab = tabbedLab(flowVsDescentCore.id, 'Flow vs Descent lab pages', [
  { id: 'run', title: 'Flow and descent', component: RunPage },
  { id: 'sweep', title: 'Step-size sweep', component: SweepPage },
  { id: 'theory', title: 'Theory and bounds', component: TheoryPage },
  { id: 'mnist', title: 'MNIST (Figs. 1, 3)', component: MnistPage },
  { id: 'reproduce', title: 'Reproduce the paper', component: ReproducePage },
]);
