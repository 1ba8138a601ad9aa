import { type LabUi, lazyPage } from '../lab-ui';

const blurb = 'Gradient descent is Euler’s method for gradient flow: see how far it strays, why negative curvature decides it, and why 2/η caps sharpness.';

/** Flow vs Descent in the header (position 2), its one-line promise, and its page. */
export const flowVsDescentUi: LabUi = { title: 'Flow vs Descent', paper: 'Paper 001', navOrder: 2, blurb, Page: lazyPage(() => import('./FlowVsDescentLab'), 'FlowVsDescentLab') };
