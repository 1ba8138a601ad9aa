import { type LabUi, lazyPage } from '../lab-ui';
import { FLOW_VS_DESCENT_GALLERY, FLOW_VS_DESCENT_PREVIEW, FLOW_VS_DESCENT_QUESTION } from './gallery';
import { FLOW_VS_DESCENT_LESSON } from './lesson';

const blurb = 'Gradient descent is Euler’s method for gradient flow: see how far it strays, why negative curvature decides it, and why 2/η caps sharpness.';

/** Flow vs Descent in the header (position 2), its one-line promise, and its page. */
export const flowVsDescentUi: LabUi = {
  title: 'Flow vs Descent',
  paper: 'Paper 001',
  navOrder: 2,
  blurb,
  question: FLOW_VS_DESCENT_QUESTION,
  gallery: FLOW_VS_DESCENT_GALLERY,
  lesson: FLOW_VS_DESCENT_LESSON,
  preview: FLOW_VS_DESCENT_PREVIEW,
  Page: lazyPage(() => import('./FlowVsDescentLab'), 'FlowVsDescentLab'),
};
