/**
 * Types shared by the gradient-flow ODE solvers. Everything is Float64Array and allocation-free in the
 * step loop, so the same code runs in a worker, in Node tests and in the CLI.
 */

/** dy/dt = f(t, y), optionally with its Jacobian (row-major n x n) for the stiff solver. */
export interface OdeSystem {
  readonly n: number;
  /** Writes f(t, y) into dydt. */
  f(t: number, y: Float64Array, dydt: Float64Array): void;
  /** Writes df/dy (row-major, J[i*n + j] = d f_i / d y_j) into out. Required by the stiff solver. */
  jac?(t: number, y: Float64Array, out: Float64Array): void;
}

export interface OdeOptions {
  rtol: number;
  atol: number;
  /** Initial step; chosen automatically (Hairer's starting-step heuristic) when absent. */
  h0?: number;
  /** Upper bound on |h|. Infinity when absent. */
  hmax?: number;
}

/** Outcome of one call to step(): an accepted step, or a failure that ends the integration. */
export type StepOutcome = { ok: true } | { ok: false; reason: 'step-too-small' | 'non-finite' };

/** A stateful one-step-at-a-time integrator: the runner calls step() in slices and reads t, y. */
export interface OdeStepper {
  readonly name: 'dopri5' | 'rodas4';
  /** Current time and state (the state is owned by the stepper; copy it to keep it). */
  readonly t: number;
  readonly y: Float64Array;
  /** Size of the last accepted step, and the size the next attempt will use. */
  readonly hLast: number;
  readonly hNext: number;
  /** Counters, for benchmarks and the progress readout. */
  readonly nfev: number;
  readonly njev: number;
  readonly naccept: number;
  readonly nreject: number;
  /**
   * Advances by one accepted step (rejections are retried internally) without passing tMax; the step
   * is shortened to land exactly on tMax.
   */
  step(tMax: number): StepOutcome;
}
