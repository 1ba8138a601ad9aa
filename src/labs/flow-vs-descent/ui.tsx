import { labUi, lazyPage } from '../lab-ui';
import about from './about.json' with { type: 'json' };

/** Flow vs Descent: its words for the shell, the start page and presentation mode (about.json), and its page. */
export const flowVsDescentUi = labUi(
  about,
  lazyPage(() => import('./FlowVsDescentLab'), 'FlowVsDescentLab'),
);
