import { labUi, lazyPage } from '../lab-ui';
import about from './about.json' with { type: 'json' };

/** Saddles: its words for the shell, the start page and presentation mode (about.json), and its page. */
export const saddlesUi = labUi(
  about,
  lazyPage(() => import('./SaddlesLab'), 'SaddlesLab'),
);
