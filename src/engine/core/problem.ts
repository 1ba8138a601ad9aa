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
  /**
   * The model's own divergence rule (e.g. the Stability lab's |a^T b - Phi| > 1e8 or non-finite), consulted by the
   * run loop after every step in place of its generic one (a parameter above 1e8 in size or a non-finite loss):
   * what blew up, or null while the run is fine.
   */
  diverged?(theta: Float64Array, loss: number): string | null;
  /**
   * The model's own plain-GD update theta <- theta - lr grad(theta), in place, for a model whose GD has one
   * prescribed floating-point operation order (e.g. the Stability lab's a' = a - (eta eps) b, bit for bit what its
   * scalar runner computes). g holds the gradient at theta. The GD integrator's plain loop when absent.
   */
  gdStep?(theta: Float64Array, g: Float64Array, lr: number): void;
  /**
   * A fresh detector of settled non-convergent orbits for one run (e.g. a period-p cycle of GD beyond the edge of
   * stability), fed the state after every step (and the start, steps = 0): the period once the orbit repeats, or
   * null. The run loop then stops with reason 'periodic'.
   */
  cycleDetector?(): (theta: Float64Array, steps: number) => number | null;
  /**
   * A model-specific convergence test, consulted after every step: why the run has converged (e.g. the population loss
   * of an empirically trained model, checked every 500 steps), or null to go on.
   */
  converged?(theta: Float64Array, steps: number): string | null;
  /** Norm the adaptive-step GD of the reference code feeds into its EMA; ||g|| when absent. */
  adaptiveNorm?(theta: Float64Array, g: Float64Array): number;
}

/** Copies one named block of theta out, e.g. for a final report. */
export function blockValues(problem: Problem, theta: Float64Array): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const b of problem.blocks) out[b.name] = Array.from(theta.subarray(b.offset, b.offset + b.size));
  return out;
}
