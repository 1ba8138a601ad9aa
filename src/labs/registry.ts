/** The five labs: the shell's navigation and the one-line promise of the ones not built yet (see pages.tsx). */
export interface LabInfo {
  id: 'poisoning' | 'extrapolation' | 'flow-vs-descent' | 'saddles' | 'stability';
  title: string;
  paper: string;
  blurb: string;
}

export const LABS: LabInfo[] = [
  {
    id: 'poisoning',
    title: 'Poisoning',
    paper: 'Paper 000',
    blurb: 'Clean-label special sequences destroy the greedy low-rank bias that lets a state space model extrapolate.',
  },
  {
    id: 'extrapolation',
    title: 'Extrapolation',
    paper: 'Paper 002',
    blurb: 'Will show overparameterised linear RNNs trained by gradient descent learning low-dimensional state spaces that extrapolate.',
  },
  {
    id: 'flow-vs-descent',
    title: 'Flow vs Descent',
    paper: 'Paper 001',
    blurb: 'Will show where gradient descent with a finite step leaves the path of gradient flow, and what that does to the solution found.',
  },
  {
    id: 'saddles',
    title: 'Saddles',
    paper: 'Paper 003',
    blurb: 'Will show homogeneous networks from small initialisation sitting near the origin, escaping along a KKT direction and stalling at a saddle.',
  },
  {
    id: 'stability',
    title: 'Stability',
    paper: 'Paper 004',
    blurb: 'Will show gradient descent with a large step converging to flatter minima than gradient flow, up to and beyond the edge of stability.',
  },
];
