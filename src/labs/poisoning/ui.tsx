import { labUi, lazyPage } from '../lab-ui';
import about from './about.json' with { type: 'json' };

/** Poisoning: its words for the shell, the start page and presentation mode (about.json), and its page. */
export const poisoningUi = labUi(
  about,
  lazyPage(() => import('./PoisoningLab'), 'PoisoningLab'),
);
