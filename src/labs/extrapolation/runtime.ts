import type { LabRuntime } from '../../experiment/lab-core';
import { buildExtrapolation } from './build';
import { extrapolationPresetRow } from './presets';
import { prop3Demo } from './prop3';
import type { ExtrapolationSpec } from './schema';
import { lossSlice } from './slice';
import { pointSpec, runPoint, runSweep, runWithResponse, sweepPoint } from './sweeps';

/**
 * CLI output of a preset that is not one run: a sweep preset's points and per-k summary, the impulse responses of an
 * overlay preset (E-5, E-6) at each of its k, or the static Proposition 3 construction (E-P3). Null otherwise.
 */
export function extrapolationCliPreset(id: string): unknown | null {
  const row = extrapolationPresetRow(id);
  if (!row) return null;
  const spec = row.spec;
  if (row.id === 'E-P3') return { preset: row.id, title: row.title, demo: prop3Demo() };
  if (spec.ui?.sweep) return { preset: row.id, title: row.title, spec, sweep: spec.ui.sweep, ...runSweep(spec) };
  if (spec.ui?.overlay) {
    const ks = [spec.training.k, ...spec.ui.overlay.ks].sort((a, b) => a - b);
    return { preset: row.id, title: row.title, spec, runs: ks.map((k) => ({ k, ...runWithResponse(pointSpec(spec, { k })) })) };
  }
  return null;
}

/** The Extrapolation lab's runtime (LabCore.runtime): the engine adapter, pool jobs and CLI extras. */
export const extrapolationRuntime: LabRuntime<ExtrapolationSpec> = {
  buildProblem: buildExtrapolation,
  // sweepPoint: one (teacher, k, sigma, seed) spec of a sweep (sweeps.ts: sweepPoints) to its end; prop3: the E-P3 construction;
  // lossSlice: the loss on a 2-D slice through a run's parameters (slice.ts).
  jobs: { sweepPoint, prop3: prop3Demo, lossSlice },
  // The run's score next to the CLI's final state: E, the zero-solution line, the fitted flag, beta_BC (the same run again).
  cliSummary: (spec: ExtrapolationSpec) => ({ extrapolation: runPoint(spec) }),
  cliPreset: extrapolationCliPreset,
};
