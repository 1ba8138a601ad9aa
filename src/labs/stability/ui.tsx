import { labUi, lazyPage } from '../lab-ui';
import about from './about.json' with { type: 'json' };

/** Stability: its words for the shell, the start page and presentation mode (about.json), and its page. */
export const stabilityUi = labUi(
  about,
  lazyPage(() => import('./StabilityLab'), 'StabilityLab'),
);
