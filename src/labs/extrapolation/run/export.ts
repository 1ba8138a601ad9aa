import type { ExtrapolationSpec } from '../schema';

export { type ExportArm, runCsv, runJson, seriesOf } from '../../../ui/run-export';

/** A file name for the run's exports: preset (or custom), k, d and seed of the main arm. */
export function exportName(spec: ExtrapolationSpec): string {
  const preset = spec.ui?.preset ?? 'custom';
  return `implicit-bias-lab-extrapolation-${preset}-k${spec.training.k}-d${spec.student.d}-s${spec.seed}`;
}
