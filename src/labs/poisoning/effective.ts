import type { PoisoningSpec } from './schema';

/** The spec an arm actually runs: the poisoned arm's overrides folded in. */
export function effectiveSpec(spec: PoisoningSpec): PoisoningSpec {
  if (spec.arm !== 'poisoned' || !spec.poisonedOverrides) return spec;
  const { lr, extraSteps } = spec.poisonedOverrides;
  const optim = lr !== undefined && spec.optim.kind !== 'flow' ? { ...spec.optim, lr } : spec.optim;
  const stop = extraSteps !== undefined ? { ...spec.stop, extraSteps } : spec.stop;
  return { ...spec, optim, stop };
}
