import type { LessonStep } from '../lab-ui';

/** The guided lesson of presentation mode (from docs/labs/stability.md §1, §3 and §5). */
export const STABILITY_LESSON: readonly LessonStep[] = [
  {
    title: 'Many minima, one slope',
    text: 'A two-layer linear net fits one slope: a·b = Φ. Every point of that hyperbola is a minimum, but their sharpness λ = a² + b² differs: balanced weights (a = b) are the flattest.',
    presetId: 'S-ref',
  },
  {
    title: 'Gradient flow keeps the imbalance',
    text: 'With a tiny step, GD behaves like gradient flow: a² − b² never changes, so the start alone decides which minimum is reached.',
    presetId: 'S-gdgf',
  },
  {
    title: 'Each GD step shrinks the imbalance',
    text: 'With η = 0.3 every step lands on an inner hyperbola: a² − b² is multiplied by (1 − η²ε²). GD ends on a flatter minimum than the flow.',
    presetId: 'S-fig1',
  },
  {
    title: 'Too sharp for the step: the catapult',
    text: 'Here the flow’s minimum has λ = 9.2, above 2/η = 6.7, where GD cannot settle. GD is thrown across the valley and converges to a much flatter minimum (λ = 2.7).',
    presetId: 'S-catapult',
  },
  {
    title: 'Or it diverges',
    text: 'From the same start with η = 0.5 the catapult fails: the loss explodes within 6 steps.',
    presetId: 'S-div2',
  },
  {
    title: 'When no minimum is stable',
    text: 'Once ηΦ > 1 even the flattest minimum is too sharp. GD balances the weights and ends on a 2-cycle: it never converges.',
    presetId: 'S-cycle',
  },
  {
    title: 'The whole picture',
    text: 'Sweep η from the same start: wherever GD converges, its sharpness stays below both the flow’s R and 2/η.',
    presetId: 'S-sweep',
  },
];
