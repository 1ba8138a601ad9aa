import { type LabUi, lazyPage } from '../lab-ui';
import { SADDLES_GALLERY, SADDLES_PREVIEW, SADDLES_QUESTION } from './gallery';
import { SADDLES_LESSON } from './lesson';

const blurb = 'Homogeneous networks from small initialisation sit near the origin, escape along a KKT direction and stall at a saddle.';

/** Saddles in the header (position 3), its one-line promise, and its page. */
export const saddlesUi: LabUi = {
  title: 'Saddles',
  paper: 'Paper 003',
  navOrder: 3,
  blurb,
  question: SADDLES_QUESTION,
  gallery: SADDLES_GALLERY,
  lesson: SADDLES_LESSON,
  preview: SADDLES_PREVIEW,
  Page: lazyPage(() => import('./SaddlesLab'), 'SaddlesLab'),
};
