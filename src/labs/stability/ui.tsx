import { type LabUi, lazyPage } from '../lab-ui';

const blurb = 'Gradient descent with a large step converges to flatter minima than gradient flow, up to and beyond the edge of stability.';

/** Stability in the header (position 4), its one-line promise, and its page. */
export const stabilityUi: LabUi = { title: 'Stability', paper: 'Paper 004', navOrder: 4, blurb, Page: lazyPage(() => import('./StabilityLab'), 'StabilityLab') };
