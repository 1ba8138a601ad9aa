import { findPreset } from '../../experiment/presets';
import { saddlesParamCount, type SaddlesSpec } from './schema';

/**
 * Edits of a saddles spec's model, data and loss (the Model controls). Each returns a whole candidate spec for
 * the validator; none validates by itself. Candidates stay consistent where one edit forces another: an
 * explicit initial direction that no longer fits the parameter count falls back to the seeded random draw,
 * and a change of model family starts from that family's preset.
 */

export type Family = 'two-layer' | 'three-layer' | 'toy';
export type Activation = 'square' | 'poly' | 'relu';
type FfModel = Extract<SaddlesSpec['model'], { kind: 'ff' }>;
type SphereData = Extract<SaddlesSpec['data'], { kind: 'sphere' }>;

export const FAMILY_LABELS: Record<Family, string> = {
  'two-layer': 'two-layer v·σ(Wx)',
  'three-layer': 'three-layer v·σ(W₂σ(W₁x))',
  toy: 'Example 1 toy H = w₁^L x₁ + w₂^L x₂',
};

export const ACTIVATION_LABELS: Record<Activation, string> = {
  square: 'x² (square)',
  poly: 'polynomial ReLU max(x, αx)^p',
  relu: 'ReLU max(x, 0) (outside the theorems)',
};

/** The sphere data of the paper's figures: 100 points, data seed 1, teacher seed 2, two teacher neurons. */
export const DEFAULT_SPHERE: SphereData = { kind: 'sphere', n: 100, seed: 1, teacherSeed: 2, teacherWidth: 2, teacherNorm: 'raw', teacherNonneg: false, labelScale: 1 };

export function familyOf(spec: SaddlesSpec): Family {
  if (spec.model.kind === 'toy') return 'toy';
  return spec.model.widths.length >= 2 ? 'three-layer' : 'two-layer';
}

export function activationOf(model: SaddlesSpec['model']): Activation {
  if (model.kind === 'toy') return 'square';
  if (model.p === 2 && model.alpha === 1) return 'square';
  if (model.p === 1 && model.alpha === 0) return 'relu';
  return 'poly';
}

/** An explicit w0 that no longer has one entry per parameter is replaced by the seeded random direction. */
function fitInit(spec: SaddlesSpec): SaddlesSpec {
  const dir = spec.init.dir;
  if (dir.kind === 'explicit' && dir.w0.length !== saddlesParamCount(spec)) return { ...spec, init: { ...spec.init, dir: { kind: 'random' } } };
  return spec;
}

function presetSpec(id: string): SaddlesSpec {
  const p = findPreset(id);
  if (p?.spec.lab !== 'saddles') throw new Error(`missing saddles preset ${id}`);
  return structuredClone(p.spec);
}

/** Switches the model family: two- and three-layer nets keep d, activation and data; the toy is Example 1. */
export function withFamily(spec: SaddlesSpec, family: Family): SaddlesSpec {
  if (family === familyOf(spec)) return spec;
  if (family === 'toy') {
    const ex1 = presetSpec('sd-ex1-phase');
    return { ...ex1, init: { ...ex1.init, delta: Math.min(spec.init.delta, 0.1) } };
  }
  if (spec.model.kind === 'toy') {
    // from the toy: the Figure 1 experiment (gradient flow), with one or two hidden layers
    const fig1 = presetSpec('sd-fig1-flow');
    const m = fig1.model as FfModel;
    return family === 'two-layer' ? fig1 : fitInit({ ...fig1, model: { ...m, widths: [20, 20] } });
  }
  const k = spec.model.widths[0];
  const widths = family === 'two-layer' ? [k] : [k, spec.model.widths[1] ?? k];
  return fitInit({ ...spec, model: { ...spec.model, widths } });
}

export function withActivation(spec: SaddlesSpec, act: Activation): SaddlesSpec {
  if (spec.model.kind !== 'ff') return spec;
  const pa = act === 'square' ? { p: 2, alpha: 1 } : act === 'relu' ? { p: 1, alpha: 0 } : { p: 2, alpha: 0 };
  return { ...spec, model: { ...spec.model, ...pa } };
}

/** Changes fields of a feed-forward model (d, widths, p, alpha). */
export function withFf(spec: SaddlesSpec, patch: Partial<Omit<FfModel, 'kind'>>): SaddlesSpec {
  if (spec.model.kind !== 'ff') return spec;
  return fitInit({ ...spec, model: { ...spec.model, ...patch } });
}

/** One hidden width (index 0 or 1). */
export function withWidth(spec: SaddlesSpec, index: number, k: number): SaddlesSpec {
  if (spec.model.kind !== 'ff') return spec;
  const widths = spec.model.widths.slice();
  widths[index] = k;
  return withFf(spec, { widths });
}

export type FfDataKind = 'sphere' | 'circle8' | 'single';

/** Data on the sphere (with d kept), the eight points on the circle (d = 2), or the one point x = 1 (d = 1). */
export function withDataKind(spec: SaddlesSpec, kind: FfDataKind): SaddlesSpec {
  if (spec.model.kind !== 'ff' || spec.data.kind === kind) return spec;
  if (kind === 'circle8') return fitInit({ ...spec, model: { ...spec.model, d: 2 }, data: { kind: 'circle8' } });
  if (kind === 'single') return fitInit({ ...spec, model: { ...spec.model, d: 1 }, data: { kind: 'single', y: 1 } });
  return { ...spec, data: { ...DEFAULT_SPHERE } };
}

/** The label y of the single data point x = 1. */
export function withSingleLabel(spec: SaddlesSpec, y: number): SaddlesSpec {
  if (spec.data.kind !== 'single') return spec;
  return { ...spec, data: { kind: 'single', y } };
}

export function withSphere(spec: SaddlesSpec, patch: Partial<Omit<SphereData, 'kind'>>): SaddlesSpec {
  if (spec.data.kind !== 'sphere') return spec;
  return { ...spec, data: { ...spec.data, ...patch } };
}

export function withToy(spec: SaddlesSpec, patch: { Lh?: number; y?: [number, number] }): SaddlesSpec {
  if (spec.model.kind !== 'toy' || spec.data.kind !== 'toy') return spec;
  return {
    ...spec,
    model: patch.Lh !== undefined ? { ...spec.model, Lh: patch.Lh } : spec.model,
    data: patch.y ? { ...spec.data, y: patch.y } : spec.data,
  };
}

export function withLoss(spec: SaddlesSpec, loss: SaddlesSpec['loss']): SaddlesSpec {
  return { ...spec, loss };
}
