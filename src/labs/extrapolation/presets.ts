import { EXTRAP_RECORD_DEFAULT, EXTRAP_STOP_DEFAULT, type ExtrapolationSpec, type ExtrapOptim, type StudentSpec, type SweepDef, type TeacherSpec } from './schema';

/**
 * The presets of Sec. 6 (docs/labs/extrapolation.md). Unless stated: Adam (lr 1e-3, PyTorch defaults) on the
 * population loss for all of 15000 steps (no early stop), teacher seeds s = 0, 1, 2 (student streams 1000 + s). A sweep
 * preset's spec is one representative run; its ui.sweep is what the sweep runs. The lab numbers quoted are those
 * of the lab spec's float64 reference implementation.
 */
export interface ExtrapolationPresetRow {
  id: string;
  /** The paper figure (or proposition) the preset reproduces, or "lab extra". */
  figure: string;
  title: string;
  description: string;
  spec: ExtrapolationSpec;
}

const ADAM: ExtrapOptim = { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, epsPlacement: 'torch' };
const SEEDS = [0, 1, 2];
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

interface Setting {
  id: string;
  seed?: number;
  teacher: TeacherSpec;
  student: Pick<StudentSpec, 'param' | 'd' | 'sigma'> & Partial<StudentSpec>;
  k: number;
  H?: number;
  optim?: ExtrapOptim;
  maxSteps?: number;
  sweep?: SweepDef;
  overlay?: number[];
  training?: ExtrapolationSpec['training'];
  recordEvery?: number;
}

/** A fully normalised spec (every default written out: a preset equals its own parse). */
function spec(s: Setting): ExtrapolationSpec {
  return {
    v: 1,
    lab: 'extrapolation',
    seed: s.seed ?? 0,
    teacher: s.teacher,
    student: { balanced: false, convention: 'entrywise', ...s.student },
    training: s.training ?? { k: s.k, loss: 'population' },
    optim: s.optim ?? ADAM,
    // The paper's protocol (App. C.1) and the lab values: Adam and GD run all their steps. Stopping at L < 1e-12
    // (the lab's default, meant for gradient flow) changes the answer: Adam keeps moving along the zero-loss set
    // (E-1B, s = 0, k = 16: E = 4.6e9 when stopped at L < 1e-12 after 4669 steps, 0.27 after all 15000).
    stop: { ...EXTRAP_STOP_DEFAULT, lossBelow: 0, maxSteps: s.maxSteps ?? EXTRAP_STOP_DEFAULT.maxSteps },
    record: { ...EXTRAP_RECORD_DEFAULT, every: s.recordEvery ?? EXTRAP_RECORD_DEFAULT.every },
    eval: { H: s.H ?? 50, hankelN: 20, tau: 1e-3 },
    ui: { preset: s.id, ...(s.sweep ? { sweep: s.sweep } : {}), ...(s.overlay ? { overlay: { ks: s.overlay } } : {}) },
  };
}

const bal5: TeacherSpec = { kind: 'bal', dHat: 5, spacing: 'linspace' };
/** E-2 scaled (Sec. 4.3): the GRU teacher of 4 hidden units, k_g in {4, 8, ..., 32}, 3000 student steps (lab default). */
const GRU_TEACHER: TeacherSpec = { kind: 'gru', hidden: 4, fitSteps: 1000, fitLr: 1e-2 };
export const GRU_KS = range(4, 32, 4);
const GRU_STEPS = 3000;
const delay10: TeacherSpec = { kind: 'delay', dHat: 10 };
const E1A_STUDENT = { param: 'diag-tied', d: 40, sigma: 1e-3, balanced: true } as const;
const E1B_STUDENT = { param: 'full', d: 50, sigma: 0.02 } as const;
const E3A_STUDENT = { param: 'full', d: 40, sigma: 1e-5 } as const;
export const E1A_KS = range(2, 20);
export const EX3_KS = range(2, 10);
export const E1B_KS = [8, 10, 12, 14, 16, 18, 19, 20, 21, 22, 24, 28];
export const E3A_KS = range(2, 20, 2);
export const E3B_KS = [2, 4, 5, 6, 8, 10, 12, 16];
export const ESC_SIGMAS = [0.01, 0.02, 0.05];
export const E4_SIGMAS = [1e-5, 1e-3, 1e-2, 1e-1, 0.3];
export const E4_MILESTONES = [5000, 10000, 15000, 30000];
export const P9_EPS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-6];
export const X3_TEACHER: TeacherSpec = { kind: 'atoms', lambda: [-0.6, 0.3, 0.85], p: [1 / 3, 1 / 3, 1 / 3] };
export const P3_TEACHER: TeacherSpec = { kind: 'atoms', lambda: [0.9, -0.5], p: [0.6, 0.4] };
export const P9_TEACHER: TeacherSpec = { kind: 'atoms', lambda: [-0.8, -0.3, 0.2, 0.6, 0.95], p: [0.2, 0.2, 0.2, 0.2, 0.2] };

export const EXTRAPOLATION_PRESET_ROWS: ExtrapolationPresetRow[] = [
  {
    id: 'E-1A',
    figure: 'Fig. 1(a)',
    title: 'Figure 1(a): balanced teacher, diagonal student, E against k',
    description:
      'bal(s, 5) teacher (eigenvalues 0.6 … 1.05), balanced diagonal student d = 40 from σ = 1e-3, Adam, k = 2 … 20, seeds 0–2. E is large for k ≤ 4 (s0: 33 at k = 4) and small from k ≈ 16 on (s0: 0.19 at 16, 0.12 at 20): a smeared transition near k = 2d̂ = 10. Shown: k = 16, s = 0.',
    spec: spec({ id: 'E-1A', teacher: bal5, student: E1A_STUDENT, k: 16, sweep: { kind: 'k', ks: E1A_KS, seeds: SEEDS } }),
  },
  {
    id: 'E-X3',
    figure: 'lab extra (clean Fig. 1(a))',
    title: 'Figure 1(a), sharp: three atoms, k = 2d̂ against 2d̂ + 1',
    description:
      'Teacher atoms λ = (−0.6, 0.3, 0.85), p = 1/3 each; otherwise as E-1A, k = 2 … 10. k = 6 = 2d̂ does not pin the measure down (E ≈ 0.05–0.2); k = 7 does (E ≈ 1e-3), as Lemma 7 says. Shown: k = 7, s = 0.',
    spec: spec({ id: 'E-X3', teacher: X3_TEACHER, student: E1A_STUDENT, k: 7, sweep: { kind: 'k', ks: EX3_KS, seeds: SEEDS } }),
  },
  {
    id: 'E-1B',
    figure: 'Fig. 1(b)',
    title: 'Figure 1(b): delay teacher, full unbalanced student',
    description:
      'Delay line d̂ = 10 (w_9 = 1, all else 0), full student d = 50 from σ = 0.02 (unbalanced), population loss, k ∈ {8, …, 28}, H = 100. k = 8 learns the zero response (E = 1); k = 10–14 blow up past k (spectral radius > 1); E falls from 0.2 at k = 16 to 1e-8 at k = 28. Shown: k = 20, s = 0.',
    spec: spec({ id: 'E-1B', teacher: delay10, student: E1B_STUDENT, k: 20, H: 100, sweep: { kind: 'k', ks: E1B_KS, seeds: SEEDS } }),
  },
  {
    id: 'E-ESC',
    figure: 'lab extra (saddle escape)',
    title: 'Saddle escape: the delay teacher from three init scales',
    description:
      'E-1B at k = 20 with σ ∈ {0.01, 0.02, 0.05}. w_0 … w_8 = 0, so at scale σ the gradient is O(σ^10): σ = 0.01 stays at the zero saddle (L = 1 after 15000 steps), 0.02 and 0.05 escape and fit. Shown: σ = 0.01, s = 0.',
    spec: spec({ id: 'E-ESC', teacher: delay10, student: { ...E1B_STUDENT, sigma: 0.01 }, k: 20, H: 100, sweep: { kind: 'sigma', sigmas: ESC_SIGMAS, seeds: SEEDS, ks: [20] } }),
  },
  {
    id: 'E-3A',
    figure: 'Fig. 3(a)',
    title: 'Figure 3(a): balanced teacher, full student from σ = 1e-5',
    description:
      'bal(s, 5), full (non-symmetric, unbalanced) student d = 40 from σ = 1e-5, k = 2, 4, …, 20. At this budget E only declines slowly (s0: 0.99 at k = 4, 0.29 at k = 20) where the paper shows a transition. Shown: k = 20, s = 0.',
    spec: spec({ id: 'E-3A', teacher: bal5, student: E3A_STUDENT, k: 20, sweep: { kind: 'k', ks: E3A_KS, seeds: SEEDS } }),
  },
  {
    id: 'E-3B',
    figure: 'Fig. 3(b)',
    title: 'Figure 3(b): random bidiagonal teacher, full student',
    description:
      'bidiag(s, 5) teacher (w_0 … w_3 = 0, w_4 = ∏σ_i), full student d = 50 from σ = 0.05, k ∈ {2, …, 16}, H = 100. k ≤ 4 sees only zeros (E = 1); E falls to ~1e-3 at k = 12 and ~1e-5 at k = 16. Shown: k = 12, s = 0.',
    spec: spec({ id: 'E-3B', teacher: { kind: 'bidiag', dHat: 5 }, student: { param: 'full', d: 50, sigma: 0.05 }, k: 12, H: 100, sweep: { kind: 'k', ks: E3B_KS, seeds: SEEDS } }),
  },
  {
    id: 'E-4',
    figure: 'Fig. 4',
    title: 'Figure 4: larger init scales extrapolate worse',
    description:
      'E-3A with σ ∈ {1e-5, 1e-3, 1e-2, 0.1, 0.3}, Adam with MultiStepLR (×0.1 at steps 5000, 10000, 15000, 30000), 40000 steps. At k = 10, σ = 0.1 gives larger E and a β_BC 25–120× larger than σ = 1e-5 does; σ = 0.3 (spectral radius ≈ 2) may diverge. Shown: σ = 0.1, k = 10, s = 0.',
    spec: spec({
      id: 'E-4',
      teacher: bal5,
      student: { ...E3A_STUDENT, sigma: 0.1 },
      k: 10,
      optim: { ...ADAM, milestones: E4_MILESTONES, gamma: 0.1 },
      maxSteps: 40000,
      sweep: { kind: 'sigma', sigmas: E4_SIGMAS, seeds: SEEDS, ks: E3A_KS },
    }),
  },
  {
    id: 'E-5',
    figure: 'Fig. 5',
    title: 'Figure 5: impulse responses of the k = 10 and k = 20 students',
    description:
      'E-1A with s = 0: both students fit j < k; the k = 20 one stays close to the teacher up to j = 50 (E = 0.12), the k = 10 one drifts off (E = 0.47). Shown: k = 20, with k = 10 overlaid.',
    spec: spec({ id: 'E-5', teacher: bal5, student: E1A_STUDENT, k: 20, overlay: [10] }),
  },
  {
    id: 'E-6',
    figure: 'Fig. 6',
    title: 'Figure 6: delay-teacher impulse responses at k = 8, 18, 20',
    description:
      'E-1B with s = 0: k = 8 gives the zero response (E = 1), k = 18 departs soon after j = 18 (E ≈ 0.085), k = 20 is near exact (E ≈ 0.005). Shown: k = 20, with k = 8 and 18 overlaid.',
    spec: spec({ id: 'E-6', teacher: delay10, student: E1B_STUDENT, k: 20, H: 100, overlay: [8, 18] }),
  },
  {
    id: 'E-TWIN',
    figure: 'lab extra (App. A)',
    title: 'Twin teachers (App. A): T1 and T2 agree up to j = 2',
    description:
      'T1: atoms ±1/√2, masses 1/2; T2: atoms −0.5, 1, masses 2/3, 1/3. Balanced diagonal student d = 40, σ = 1e-3, k = 2 … 6. At k = 3 both students learn T1 (E(T1) ≈ 1e-3, E(T2) = 1/3); from k = 4 on the T2 student finds T2. Shown: T1, k = 3.',
    spec: spec({
      id: 'E-TWIN',
      teacher: { kind: 'twin', which: 'T1' },
      student: E1A_STUDENT,
      k: 3,
      sweep: {
        kind: 'k',
        ks: range(2, 6),
        seeds: SEEDS,
        teachers: [
          { kind: 'twin', which: 'T1' },
          { kind: 'twin', which: 'T2' },
        ],
      },
    }),
  },
  {
    id: 'E-P3',
    figure: 'Prop. 3',
    title: 'Proposition 3: a perfect fit that does not extrapolate',
    description:
      'Teacher atoms (0.9, −0.5), masses (0.6, 0.4), k = 6. A static construction: a diagonal student with d = 12 fixed eigenvalues a_i = 0.95 cos((2i−1)π/24), c = 1 and b solving h_j = w_j (j < 6), h_j = 0 (6 ≤ j < 12) fits to 1e-12 with E(6, 50) = 0.8832, and 6 of its b_i c_i are negative (unbalanced). Shown: what Adam finds from a small balanced start on the same task.',
    spec: spec({ id: 'E-P3', teacher: P3_TEACHER, student: { param: 'diag', d: 12, sigma: 1e-3, balanced: true }, k: 6 }),
  },
  {
    id: 'E-P9',
    figure: 'Prop. 9 (lab extra)',
    title: 'Proposition 9: small init makes the student balanced',
    description:
      'Five atoms (−0.8, −0.3, 0.2, 0.6, 0.95), masses 1/5; full student d = 20 from the eps-normal init, ε ∈ {0.1, 1e-2, 1e-3, 1e-4, 1e-6}; k = 12; GD lr 0.01 for 20000 steps. β_BC starts near 0.88 and ends proportional to ε (3.8e-3 at 0.1 down to 2.2e-8 at 1e-6). Shown: ε = 1e-3.',
    spec: spec({
      id: 'E-P9',
      teacher: P9_TEACHER,
      student: { param: 'full', d: 20, sigma: 1e-3, convention: 'eps-normal' },
      k: 12,
      optim: { kind: 'gd', lr: 0.01 },
      maxSteps: 20000,
      sweep: { kind: 'sigma', sigmas: P9_EPS, seeds: [0] },
    }),
  },
  {
    id: 'E-2',
    figure: 'Fig. 2 (GRU, scaled)',
    title: 'Figure 2 scaled: a GRU student extrapolates a GRU teacher',
    description: `The paper's GRU experiment (Sec. 5.3) scaled for the browser: a GRU teacher of 4 hidden units fitted by Adam (1000 steps, lr 1e-2, from 1e-6) to r_j = e^(−j/20) sin(2πj/12); a GRU student of 32 units from 1e-3, Adam lr 1e-3 for ${GRU_STEPS} steps on fresh batches of 100 N(0, 1) sequences of length k_g, loss on the last output; k_g ∈ {4, 8, …, 32}, seeds 0, 1, 2. The error is the mean over 100 test sequences of max over k_g ≤ t < 100 of the output error, over the mean of max |y*|. The paper (teacher 10, student 100) sees a threshold near 4 d̂_g = 40; here a threshold near 16 is expected but unverified: no assertion. Not run by "reproduce everything" unless asked: 24 GRU runs take minutes.`,
    spec: spec({
      id: 'E-2',
      teacher: GRU_TEACHER,
      student: { param: 'gru', d: 32, sigma: 1e-3 },
      k: 16,
      H: 100,
      training: { k: 16, loss: 'empirical', empirical: { N: 100, fresh: true } },
      maxSteps: GRU_STEPS,
      recordEvery: 250,
      sweep: { kind: 'k', ks: GRU_KS, seeds: SEEDS },
    }),
  },
];

/** The sweep preset rows (their ui.sweep is what `npm run sim -- <id>` and the page's sweep run). */
export const sweepPresetIds = () => EXTRAPOLATION_PRESET_ROWS.filter((r) => r.spec.ui?.sweep).map((r) => r.id);

export const EXTRAPOLATION_DEFAULT_PRESET = 'E-1A';

export function extrapolationPresetRow(id: string | undefined): ExtrapolationPresetRow | undefined {
  return id ? EXTRAPOLATION_PRESET_ROWS.find((r) => r.id === id) : undefined;
}
