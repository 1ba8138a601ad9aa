import type { LessonStep } from '../lab-ui';

/** The guided lesson of presentation mode (from docs/labs/flow-vs-descent.md §1, §2.3 and §5). */
export const FLOW_VS_DESCENT_LESSON: readonly LessonStep[] = [
  {
    title: 'Gradient descent is Euler’s method',
    text: 'GD takes steps θ ← θ − η∇f(θ): Euler’s method for the gradient flow θ′ = −∇f(θ). Iterate k is compared with the flow at time t = kη. On q²/2 small steps follow the flow; η = 2 bounces forever; beyond, GD diverges.',
    presetId: 'FD-Q1',
    page: 'run',
  },
  {
    title: 'Negative curvature amplifies the error',
    text: 'On the concave −q²/2 the gap between GD and the flow grows like eᵗ: directions of negative curvature make the Euler error grow.',
    presetId: 'FD-Q1c',
    page: 'run',
  },
  {
    title: 'A deep linear net from a small start',
    text: 'Three layers, a small balanced start: the flow meets only mild negative curvature, and GD with η up to 0.1 stays within 0.04 of it.',
    presetId: 'FD-DLN3',
    page: 'run',
  },
  {
    title: 'How much negative curvature?',
    text: 'λmin along the flow dips to −0.65 and returns to 0. Its integral I_m(t) saturates near 2: this is what “roughly convex” means, and why GD can track the flow.',
    presetId: 'FD-DLN3-curv',
    page: 'run',
  },
  {
    title: 'The cap: sharpness below 2/η',
    text: 'Sweep the step size: GD converges for η up to 0.66, always at a minimum with λmax below 2/η; at 0.67 it settles on a period-2 orbit.',
    presetId: 'FD-DLN3-eta',
    page: 'sweep',
  },
  {
    title: 'Real networks',
    text: 'On MNIST, GD at η₀ and at a smaller step η₀/r trace the same path at equal flow time: here, too, descent behaves like the flow.',
    presetId: 'FD-MN-fclin',
    page: 'mnist',
  },
];
