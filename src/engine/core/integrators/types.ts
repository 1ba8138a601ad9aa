/** A training dynamics the runner drives one step at a time: GD-type maps or a gradient-flow ODE solver. */
export interface Integrator {
  /** Short human-readable name, e.g. "GD" or "gradient flow (rodas4)". */
  readonly label: string;
  /** Flow time: the ODE time, or the summed step sizes of a discrete method (GD step k <-> t = k eta). */
  readonly t: number;
  /** Accepted steps so far. */
  readonly steps: number;
  /** Current parameters (owned by the integrator). */
  readonly theta: Float64Array;
  /** Training loss at the current parameters. */
  readonly loss: number;
  /** One step, never past flow time tMax. */
  step(tMax: number): StepResult;
  /** Integrator-specific readouts for the status line (step size, rhs evaluations, ...). */
  info(): Record<string, number | string>;
}

export type StepResult = { ok: true } | { ok: false; reason: string };
