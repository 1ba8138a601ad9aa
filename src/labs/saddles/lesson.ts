import type { LessonStep } from '../lab-ui';

/** The guided lesson of presentation mode (from docs/labs/saddles.md §1, §3.5 and §5). */
export const SADDLES_LESSON: readonly LessonStep[] = [
  {
    title: 'A staircase from two numbers',
    text: 'Example 1 has two weights and loss (w₁² − 4)² + (w₂² − 1)². Started at δ = 0.1 times a fixed direction, the loss falls in steps, not smoothly.',
    presetId: 'sd-ex1-0.1',
  },
  {
    title: 'Smaller start, longer wait',
    text: 'Shrink δ to 0.001. The weights sit near the origin for a long time, then the first weight grows, the loss drops to a plateau at 1 (a saddle), and only later to 0.',
    presetId: 'sd-ex1-0.001',
  },
  {
    title: 'The path past the saddle',
    text: 'The phase portrait shows why: the run leaves the origin along one axis, reaches the saddle (2, 0), and only then turns towards the minimum (2, 1).',
    presetId: 'sd-ex1-phase',
  },
  {
    title: 'One neuron first',
    text: 'A two-layer net with square activations, started small. Before the run the lab predicts when it escapes and where it stalls; watch the loss leave L(0) and stop at the predicted plateau.',
    presetId: 'sd-sq2-tiny',
  },
  {
    title: 'The paper’s Figure 1, exactly',
    text: 'Width 50, by exact gradient flow: the escape comes at t = 622.5 against the predicted 620.7, and the plateau is the loss of a one-neuron network.',
    presetId: 'sd-fig1-flow',
  },
  {
    title: 'Three layers: one path',
    text: 'In a three-layer net the escape direction uses a single path through the layers; the other 38 neurons stay a millionth of a millionth of the weights’ size.',
    presetId: 'sd-fig4',
  },
];
