import { type ExtrapolationSpec, isMatrixStudent } from '../schema';

/**
 * The Run page's second arm ("compare with…"): the experiment on screen with one change, run beside it on shared
 * axes (docs/labs/extrapolation.md Sec. 8: k = 18 against 20 on E-1B, balanced against unbalanced, GD against Adam,
 * T1 against T2). Pure: the page validates the arm's spec with the lab's rules and shows a refusal at the control.
 */
export type CompareChoice =
  | { kind: 'none' }
  /** Another training length k. */
  | { kind: 'k'; k: number }
  /** The other balancedness: a balanced student (diag-tied, or balanced = true) against an unbalanced one, or back. */
  | { kind: 'balance' }
  /** Another optimiser (its learning rate kept where it has one). */
  | { kind: 'optim'; to: 'adam' | 'gd' | 'flow' }
  /** The other twin teacher (T1 against T2). */
  | { kind: 'twin' }
  /** Another init scale sigma. */
  | { kind: 'sigma'; sigma: number }
  /** Another seed (teacher, student and data streams). */
  | { kind: 'seed'; seed: number };

export type CompareKind = CompareChoice['kind'];

export const NO_COMPARE: CompareChoice = { kind: 'none' };

/** Whether a student starts balanced (C = B^T): diag-tied always, the others when asked. */
export const startsBalanced = (spec: ExtrapolationSpec) => spec.student.param === 'diag-tied' || spec.student.balanced;

/** The learning rate of an optimiser that has one (flow has none: Adam's default 1e-3 then). */
const lrOf = (o: ExtrapolationSpec['optim']) => (o.kind === 'flow' ? 1e-3 : o.lr);

/** The second arm's spec: `spec` with the one change (without its ui: the second arm shows nothing of its own). */
export function compareSpec(spec: ExtrapolationSpec, c: CompareChoice): ExtrapolationSpec | null {
  const { ui: _ui, ...base } = spec;
  switch (c.kind) {
    case 'none':
      return null;
    case 'k':
      return { ...base, training: { ...base.training, k: c.k } };
    case 'balance': {
      const s = base.student;
      if (startsBalanced(spec)) return { ...base, student: { ...s, param: s.param === 'diag-tied' ? 'diag' : s.param, balanced: false } };
      return { ...base, student: { ...s, balanced: true } };
    }
    case 'optim': {
      const o = base.optim;
      if (c.to === 'gd') return { ...base, optim: { kind: 'gd', lr: lrOf(o) } };
      if (c.to === 'adam') return { ...base, optim: { kind: 'adam', lr: lrOf(o), beta1: 0.9, beta2: 0.999, eps: 1e-8, epsPlacement: 'torch' } };
      return { ...base, optim: { kind: 'flow', method: isMatrixStudent(base.student.param) ? 'dopri5' : 'auto', rtol: 1e-10, atol: 1e-14 } };
    }
    case 'twin':
      return base.teacher.kind === 'twin' ? { ...base, teacher: { kind: 'twin', which: base.teacher.which === 'T1' ? 'T2' : 'T1' } } : null;
    case 'sigma':
      return { ...base, student: { ...base.student, sigma: c.sigma } };
    case 'seed':
      return { ...base, seed: c.seed };
  }
}

/** What the second arm is, in a few words (its legend entry). */
export function compareLabel(spec: ExtrapolationSpec, c: CompareChoice): string {
  switch (c.kind) {
    case 'none':
      return '';
    case 'k':
      return `k = ${c.k}`;
    case 'balance':
      return startsBalanced(spec) ? (spec.student.param === 'diag-tied' ? 'unbalanced (diag, c ≠ b)' : 'unbalanced start') : 'balanced start (C = Bᵀ)';
    case 'optim':
      return c.to === 'gd' ? 'GD' : c.to === 'adam' ? 'Adam' : 'gradient flow';
    case 'twin':
      return spec.teacher.kind === 'twin' ? (spec.teacher.which === 'T1' ? 'teacher T2' : 'teacher T1') : 'the other twin';
    case 'sigma':
      return `σ = ${c.sigma}`;
    case 'seed':
      return `seed ${c.seed}`;
  }
}

/** The main arm's own label for the same comparison (what it has where the second arm differs). */
export function mainLabel(spec: ExtrapolationSpec, c: CompareChoice): string {
  switch (c.kind) {
    case 'none':
      return 'student';
    case 'k':
      return `k = ${spec.training.k}`;
    case 'balance':
      return startsBalanced(spec) ? 'balanced start' : 'unbalanced start';
    case 'optim':
      return spec.optim.kind === 'gd' ? 'GD' : spec.optim.kind === 'adam' ? 'Adam' : 'gradient flow';
    case 'twin':
      return spec.teacher.kind === 'twin' ? `teacher ${spec.teacher.which}` : 'student';
    case 'sigma':
      return `σ = ${spec.student.sigma}`;
    case 'seed':
      return `seed ${spec.seed}`;
  }
}

/**
 * A sensible value when a kind is first chosen: the preset's overlay k (Figs 5, 6) or k - 2 (E-1B: 18 against 20),
 * sigma x 10, seed + 1. For the third arm, `other` is the second arm's choice, which it avoids: the overlay's other k
 * (E-6: 8 beside 18 against 20) or k - 4, sigma / 10, seed + 2.
 */
export function defaultChoice(spec: ExtrapolationSpec, kind: CompareKind, other?: CompareChoice): CompareChoice {
  switch (kind) {
    case 'k': {
      const overlay = spec.ui?.overlay?.ks ?? [];
      if (other?.kind === 'k') {
        const rest = overlay.filter((k) => k !== other.k && k !== spec.training.k);
        const k = rest.length ? rest[rest.length - 1] : Math.max(1, spec.training.k - 4);
        return { kind: 'k', k: k === other.k ? spec.training.k + 2 : k };
      }
      const k = overlay.length ? overlay[overlay.length - 1] : Math.max(1, spec.training.k - 2);
      return { kind: 'k', k };
    }
    case 'optim':
      return { kind: 'optim', to: spec.optim.kind === 'adam' ? 'gd' : 'adam' };
    case 'sigma':
      return { kind: 'sigma', sigma: Math.min(1, Number((spec.student.sigma * (other?.kind === 'sigma' ? 0.1 : 10)).toPrecision(3))) };
    case 'seed':
      return { kind: 'seed', seed: spec.seed + (other?.kind === 'seed' ? 2 : 1) };
    case 'balance':
      return { kind: 'balance' };
    case 'twin':
      return { kind: 'twin' };
    default:
      return NO_COMPARE;
  }
}

/** The choices the control offers for a spec (T1 against T2 only for a twin teacher). */
export function offeredKinds(spec: ExtrapolationSpec): { value: string; label: string }[] {
  const o = spec.optim.kind;
  const out = [
    { value: 'none', label: 'nothing (one arm)' },
    { value: 'k', label: 'another training length k' },
    { value: 'balance', label: startsBalanced(spec) ? 'an unbalanced start' : 'a balanced start' },
    { value: 'optim:adam', label: 'Adam', off: o === 'adam' },
    { value: 'optim:gd', label: 'GD', off: o === 'gd' },
    { value: 'optim:flow', label: 'gradient flow', off: o === 'flow' },
    { value: 'twin', label: spec.teacher.kind === 'twin' ? `teacher ${spec.teacher.which === 'T1' ? 'T2' : 'T1'}` : '', off: spec.teacher.kind !== 'twin' },
    { value: 'sigma', label: 'another init scale σ' },
    { value: 'seed', label: 'another seed' },
  ];
  // a GRU student (Sec. 4.3) has no balancedness and trains by Adam or GD only
  const gru = spec.student.param === 'gru';
  return out.filter((x) => (!('off' in x) || !x.off) && !(gru && (x.value === 'balance' || x.value === 'optim:flow'))).map(({ value, label }) => ({ value, label }));
}

/** The select's value of a choice. */
export const choiceKey = (c: CompareChoice) => (c.kind === 'optim' ? `optim:${c.to}` : c.kind);

/** A choice in a link's hash (`cmp=k:18`, `cmp=balance`, `cmp=optim:gd`, `cmp=twin`, `cmp=sigma:0.05`, `cmp=seed:1`). */
export function encodeChoice(c: CompareChoice): string | null {
  switch (c.kind) {
    case 'none':
      return null;
    case 'k':
      return `k:${c.k}`;
    case 'optim':
      return `optim:${c.to}`;
    case 'sigma':
      return `sigma:${c.sigma}`;
    case 'seed':
      return `seed:${c.seed}`;
    default:
      return c.kind;
  }
}

/** The choice a link's `cmp=` names, or null when it names none that exists. */
export function decodeChoice(text: string | null): CompareChoice | null {
  if (!text) return null;
  const [kind, arg] = text.split(':');
  const num = Number(arg);
  switch (kind) {
    case 'none':
      return NO_COMPARE;
    case 'balance':
    case 'twin':
      return { kind };
    case 'optim':
      return arg === 'adam' || arg === 'gd' || arg === 'flow' ? { kind, to: arg } : null;
    case 'k':
      return Number.isInteger(num) && num >= 1 ? { kind, k: num } : null;
    case 'seed':
      return Number.isInteger(num) && num >= 0 ? { kind, seed: num } : null;
    case 'sigma':
      return Number.isFinite(num) && num > 0 ? { kind, sigma: num } : null;
    default:
      return null;
  }
}

/** A choice from the select's value (keeping the number of the current one when the kind stays; `other`: the second arm's, for the third). */
export function choiceFromKey(spec: ExtrapolationSpec, key: string, current: CompareChoice, other?: CompareChoice): CompareChoice {
  if (key === choiceKey(current)) return current;
  if (key.startsWith('optim:')) return decodeChoice(key) ?? NO_COMPARE;
  return defaultChoice(spec, key as CompareKind, other);
}
