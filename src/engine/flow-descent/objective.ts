/**
 * What the Flow vs Descent lab's objective families (Q1/Q2, App. B's AB function, deep linear nets, FC nets) hand to
 * its integrators: a loss over a flat Float64Array, its gradient and exact Hessian-vector products. The Hessian is
 * assembled from n HVPs when a metric needs its spectrum (docs/labs/flow-vs-descent.md Sec. 3).
 */
export interface Objective {
  /** Number of parameters. */
  readonly n: number;
  /** The objective's infimum (plots show f - minLoss); 0 when unknown. */
  readonly minLoss: number;
  loss(theta: Float64Array): number;
  /** Writes grad f(theta) into g and returns f(theta). */
  grad(theta: Float64Array, g: Float64Array): number;
  /** Writes H(theta) v into out (exact: analytic or R-operator; the activation pattern of theta frozen for ReLU nets). */
  hvp(theta: Float64Array, v: Float64Array, out: Float64Array): void;
}
