import { labUi, lazyPage } from '../lab-ui';
import about from './about.json' with { type: 'json' };

/** Extrapolation: its words for the shell, the start page and presentation mode (about.json), and its page. */
export const extrapolationUi = labUi(
  about,
  lazyPage(() => import('./ExtrapolationLab'), 'ExtrapolationLab'),
);
