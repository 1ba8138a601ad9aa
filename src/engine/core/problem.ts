/**
 * What every model hands to the integrators: a loss over a flat Float64Array of parameters, its closed-form
 * gradient and Hessian, and the metrics a lab records. No DOM, no allocation in grad().
 */
export interface ParamBlock {
  name: string;
  offset: number;
  size: number;
}

export interface Problem {
  /** Number of trainable parameters. */
  readonly n: number;
  /** Named slices of the parameter vector (e.g. a, b, c), for records and CLI output. */
  readonly blocks: readonly ParamBlock[];
  loss(theta: Float64Array): number;
  /** Writes the gradient into g and returns the loss. */
  grad(theta: Float64Array, g: Float64Array): number;
  /** Writes the Hessian (row-major n x n) into out. */
  hess(theta: Float64Array, out: Float64Array): void;
  /**
   * Only theta[0 .. recordedPrefix) goes into each snapshot (e.g. the SSM entries, not an MLP head's weights);
   * the whole vector when absent. The final state always reports every parameter.
   */
  readonly recordedPrefix?: number;
  /** Scalar metrics recorded with every snapshot (names are stable: they become series names). */
  readonly metricNames: readonly string[];
  metrics(theta: Float64Array, out: Float64Array): void;
  /** Vectors describing the current state for plots (e.g. impulse response vs teacher); cheap, copied out. */
  views?(theta: Float64Array): Record<string, Float64Array>;
  /** A model-specific reason to stop (e.g. a dead ReLU head), or null to go on. */
  failure?(loss: number, steps: number): string | null;
  /** Norm the adaptive-step GD of the reference code feeds into its EMA; ||g|| when absent. */
  adaptiveNorm?(theta: Float64Array, g: Float64Array): number;
}

/** Copies one named block of theta out, e.g. for a final report. */
export function blockValues(problem: Problem, theta: Float64Array): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const b of problem.blocks) out[b.name] = Array.from(theta.subarray(b.offset, b.offset + b.size));
  return out;
}
