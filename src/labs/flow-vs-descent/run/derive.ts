import type { SeriesBuffers } from '../../../state/series';
import { ARM_CONVERGED, ARM_DIVERGED } from '../../../engine/flow-descent/tracking';
import { armEtas, type FlowVsDescentSpec } from '../schema';

/** One GD arm of a run as the plots and the status table read it. */
export interface ArmInfo {
  index: number;
  eta: number;
  /** "eta0 / r" for the paper protocol's arms. */
  label: string;
  paper: boolean;
}

export function armsOf(spec: FlowVsDescentSpec): ArmInfo[] {
  const own = spec.etas.length;
  return armEtas(spec).map((eta, index) => ({
    index,
    eta,
    paper: index >= own,
    label: index >= own ? `η₀/${spec.rs[index - own]} = ${eta.toPrecision(3)}` : `η = ${eta.toPrecision(3)}`,
  }));
}

/** A column of the streamed stamps, or null before it exists. */
export function column(b: SeriesBuffers | null, name: string): Float64Array | null {
  if (!b) return null;
  const i = b.metricNames.indexOf(name);
  return i < 0 ? null : b.metrics[i];
}

/** The latest value of a column (NaN before any). */
export function latest(b: SeriesBuffers | null, name: string): number {
  const c = column(b, name);
  return c && b && b.count > 0 ? c[b.count - 1] : Number.NaN;
}

/** An arm's outcome in words from its status code (a run that has ended and neither converged nor diverged did not settle by T). */
export function outcomeWords(code: number, ended = false): string {
  if (code === ARM_DIVERGED) return 'diverged';
  if (code === ARM_CONVERGED) return 'converged';
  if (Number.isNaN(code)) return '—';
  return ended ? 'not converged by T' : 'running';
}
