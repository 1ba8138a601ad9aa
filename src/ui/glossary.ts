/**
 * The jargon the labs show, each with a sentence a student can read: shown by <Term> on hover, focus or tap.
 * Keys are what the page prints.
 */
export const GLOSSARY = {
  erank: 'Effective rank of the diagonal a: exp of the entropy of p_j = |a_j| / Σ|a|. 1 means one entry carries everything; d means all entries are equal.',
  'γ⁽⁰⁾':
    'The constant coefficient of the ODE every diagonal entry a_i follows (Prop. 1): it is what the penultimate elements of the training sequences feed the dynamics, and what poison changes.',
  NCF: 'Neural correlation function N(u) = Σ yᵢ H(u; xᵢ): near zero the loss is dominated by it, so small weights grow along its maximisers on the sphere.',
  KKT: 'Karush–Kuhn–Tucker point: a direction u on the sphere where the NCF gradient is parallel to u (∇N(u) = λu); the candidates small weights can escape along.',
  'PGA warm start': 'Projected gradient ascent on the sphere finds a KKT point of the NCF; starting the run there skips the slow alignment phase.',
  Lh: 'Degree of homogeneity of the network: scaling every weight by c scales its output by c^Lh (Lh = 2 for a two-layer ReLU net).',
  DOPRI5: 'Dormand–Prince 5(4): an explicit adaptive Runge–Kutta solver with error control. Accurate and cheap until the flow becomes stiff.',
  RODAS4: 'A stiff (linearly implicit Rosenbrock) solver of order 4 that uses the Hessian: it takes large steps where DOPRI5 must crawl, e.g. near a sharp minimum or a saddle.',
  sharpness: 'The largest eigenvalue λmax of the Hessian of the loss. GD with step η is stable at a minimum only if λmax ≤ 2/η (the edge of stability).',
  'edge of stability': 'The regime where the sharpness sits at or hovers around 2/η: GD still decreases the loss over many steps although it is not stable step by step.',
  imbalance:
    'Q = a² − b² (per unit): constant along gradient flow; each GD step multiplies it by (1 − η²ε²), so it shrinks while η|ε| < √2. Less imbalance means a flatter minimum.',
  'Hankel spectrum': 'Singular values of the Hankel matrix of the impulse response: the number that are not ~0 is the state dimension a linear RNN needs.',
  'effective state dimension': 'How many Hankel singular values are above a threshold relative to the largest: the state space the trained RNN actually uses.',
  'balanced init': 'A start whose factors are balanced (layers: Wⱼ₊₁ᵀWⱼ₊₁ = WⱼWⱼᵀ; a diagonal RNN: b = c). Gradient flow keeps a balanced start balanced.',
  'Euler error ODE': 'The linear ODE whose solution E(t) is the first-order term of GD’s distance from the flow: θ_GD(k) − θ_GF(kη) ≈ η E(kη).',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
