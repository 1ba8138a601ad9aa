import * as z from 'zod';
import { bounded, int, positive, versionSchema, once } from '../../experiment/common';
import type { SpecIssue } from '../../experiment/issues';

/**
 * Paper 001 (flow vs descent): gradient flow and gradient descent from the same start on one objective, compared at
 * equal flow time t = k eta (docs/labs/flow-vs-descent.md). The spec names the objective family and its start, the GD
 * step sizes, the horizon, the protocol (the real flow, the paper's eta0/r runs, or both) and the solver.
 */

/** Bounds of a flow-vs-descent spec (each refusal names its field; lab spec Sec. "Bad input"). */
export const FD_LIMITS = {
  maxDepth: 8,
  maxFcWidth: 64,
  maxDlnWidth: 16,
  maxParams: 20_000,
  maxHorizon: 1e4,
  maxEta: 10,
  maxArms: 6,
  maxStamps: 2000,
  /** Total GD iterates over all arms (sum of T / eta): keeps a link from asking for hours of work. */
  maxIterates: 2e7,
  /** Hessian spectra cost n HVPs and an O(n^3) eigensolve per stamp. */
  maxSpectrumParams: 400,
  /** The stiff solver factors a dense Jacobian of the flow (and the error ODE: twice the size) every step. */
  maxStiffParams: 200,
  maxSamples: 256,
  maxSeed: 1_000_000,
  /** The live MNIST mode's images (the bundled 64). */
  maxMnistImages: 64,
} as const;

/** The live MNIST nets: 784-50-50-10 (Sec. 5.4). */
export const MNIST_WIDTHS = [784, 50, 50, 10];

function buildFlowVsDescentSpecSchema() {
  const eta = positive('eta', FD_LIMITS.maxEta);
  const seed = int('seed', 0, FD_LIMITS.maxSeed);
  const coord = (what: string) => bounded(what, -1e6, 1e6);
  const list = (what: string, min: number, max: number, item: z.ZodNumber = coord(what)) =>
    z
      .array(item)
      .min(min, `${what} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`)
      .max(max, `${what} has more than ${max} entries`);

  /** Initialisation of a net (Sec. 2.2): Procedure 13 balanced with end-to-end matrix A, Gaussian N(0, s^2), or Xavier-uniform times a gain. */
  const netInitSchema = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('balanced'), A: list('init A', 1, 256) }),
    z.strictObject({ kind: z.literal('gaussian'), scale: positive('init scale s', 10), seed }),
    z.strictObject({ kind: z.literal('xavier'), gain: positive('Xavier gain', 10), seed }),
  ]);

  const objectiveSchema = z.discriminatedUnion('family', [
    /** Q1 (one coordinate) and Q2 (two): f = 1/2 sum lam_i q_i^2, lam_i of either sign. */
    z.strictObject({ family: z.literal('quadratic'), lam: list('lam', 1, 3, bounded('lam', -100, 100)), q0: list('start q0', 1, 3) }),
    /** App. B's function with its constants exposed (Sec. 2.1): z0 = rho/2 - 1. */
    z.strictObject({
      family: z.literal('ab'),
      a: positive('a', 100),
      zc: bounded('z_c', 1.5, 1e8),
      zb: bounded('zb', 1.5, 1e4),
      rho: bounded('rho', 1e-6, 0.5),
      q0: list('start q0', 3, 3),
    }),
    /** Deep linear net f = 1/2 ||W_{n:1} - Lam||^2 (Eq. 20): widths d_0 .. d_n, Lam row-major d_n x d_0. */
    z.strictObject({
      family: z.literal('dln'),
      widths: list('widths', 3, FD_LIMITS.maxDepth + 1, int('width', 1, FD_LIMITS.maxDlnWidth)),
      lam: list('Lam', 1, 256),
      init: netInitSchema,
    }),
    /** FC net without biases on a fixed dataset (Sec. 2.1, 5.3): widths d_0 .. d_n. */
    z.strictObject({
      family: z.literal('fc'),
      widths: list('widths', 3, FD_LIMITS.maxDepth + 1, int('width', 1, FD_LIMITS.maxFcWidth)),
      activation: z.enum(['identity', 'relu', 'leaky']).default('relu'),
      leak: bounded('leaky slope', 0, 1).default(0.1),
      data: z.strictObject({ kind: z.literal('circle'), count: int('sample count', 1, FD_LIMITS.maxSamples).default(32) }),
      init: netInitSchema,
    }),
    /** FC-lin / FC-ReLU 784-50-50-10 on the first images of the bundled MNIST subset, mean cross-entropy (Sec. 5.4 live mode). */
    z.strictObject({
      family: z.literal('mnist'),
      net: z.enum(['fclin', 'fcrelu']).default('fclin'),
      images: int('MNIST images', 1, FD_LIMITS.maxMnistImages).default(FD_LIMITS.maxMnistImages),
      seed: int('seed', 0, FD_LIMITS.maxSeed).default(1),
    }),
  ]);

  return z.strictObject({
    v: versionSchema(),
    lab: z.literal('flow-vs-descent'),
    objective: objectiveSchema,
    /** A separate GD start (Thm 3 allows GD and GF to start apart); the flow's start when absent. */
    gdStart: list('GD start', 1, 3).optional(),
    /** GD step sizes, one arm each (the paper protocol adds eta0 / r arms for the first). */
    etas: list('etas', 1, FD_LIMITS.maxArms, eta),
    horizon: positive('horizon T', FD_LIMITS.maxHorizon),
    stamps: int('stamps', 10, FD_LIMITS.maxStamps).default(200),
    /** 'flow': the solver's flow is the reference; 'paper': GD at eta0 / r for r in rs stands in for it (Sec. 4). */
    protocol: z.enum(['flow', 'paper', 'both']).default('flow'),
    rs: list('r values', 1, 4, int('r', 2, 100)).default([2, 5, 10, 20]),
    /** The flow's solver: explicit Dopri5, the stiff Rodas4 (Jacobian from HVPs), or automatic switching (Sec. 4). */
    solver: z
      .strictObject({
        rtol: bounded('rtol', 1e-13, 1e-3).default(1e-10),
        atol: bounded('atol', 1e-16, 1e-3).default(1e-12),
        method: z.enum(['dopri5', 'rodas4', 'auto']).default('dopri5'),
      })
      .default({ rtol: 1e-10, atol: 1e-12, method: 'dopri5' }),
    /** Integrate the Euler error ODE dE/dt = -H (E + grad f / 2) with the flow. */
    errorOde: z.boolean().default(true),
    /** Hessian spectra (lmin, lmax) at every stamp. */
    spectrum: z.boolean().default(true),
    /** mu/2 ||theta||^2 added to f: every Hessian eigenvalue moves by +mu. */
    weightDecay: bounded('weight decay mu', 0, 10).default(0),
    /** A preset that is not one run opens this view. */
    view: z.enum(['run', 'sweep', 'rescale', 'bounds', 'mnist']).default('run'),
    /** The eta sweep: one GD run per eta to convergence (or its step cap) against one flow reference. */
    sweep: z
      .strictObject({
        etas: list('sweep etas', 1, 24, eta),
        maxSteps: int('sweep maxSteps', 100, 1e6).default(50_000),
      })
      .optional(),
    /** The layer rescaling (W_1 / a^2, W_2 / a^2, W_3 a^4 for n = 3) of the flow's point at one time (Prop. 6). */
    rescale: z.strictObject({ time: bounded('rescale time', 0, FD_LIMITS.maxHorizon), factors: list('rescale factors', 1, 8, positive('rescale factor', 100)) }).optional(),
    /** The MNIST panel pair shown (precomputed traces). */
    mnist: z.strictObject({ net: z.enum(['fclin', 'fcrelu', 'cnnsub', 'lenet']) }).optional(),
  });
}

/** Built on first use, not when the app loads: building every lab's schemas was a third of the first task. */
export const flowVsDescentSpecSchema = once(buildFlowVsDescentSpecSchema);

export type FlowVsDescentSpec = z.output<ReturnType<typeof buildFlowVsDescentSpecSchema>>;
export type FdObjective = FlowVsDescentSpec['objective'];

/** Number of parameters of an objective (checked before anything is allocated). */
export function paramCount(o: FdObjective): number {
  if (o.family === 'quadratic') return o.lam.length;
  if (o.family === 'ab') return 3;
  const widths = o.family === 'mnist' ? MNIST_WIDTHS : o.widths;
  let n = 0;
  for (let j = 1; j < widths.length; j++) n += widths[j] * widths[j - 1];
  return n;
}

/** The GD arms a spec runs: its etas, then (paper protocol) eta0 / r for each r. */
export function armEtas(spec: FlowVsDescentSpec): number[] {
  const paper = spec.protocol === 'flow' ? [] : spec.rs.map((r) => spec.etas[0] / r);
  return [...spec.etas, ...paper];
}

export function flowVsDescentCrossIssues(spec: FlowVsDescentSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const o = spec.objective;
  const n = paramCount(o);
  if (o.family === 'quadratic' && o.q0.length !== o.lam.length) issues.push({ field: 'objective.q0', message: `start q0 needs ${o.lam.length} entries, one per lam` });
  if (o.family === 'dln' || o.family === 'fc') {
    if (n > FD_LIMITS.maxParams) issues.push({ field: 'objective.widths', message: `the net has ${n} parameters; at most ${FD_LIMITS.maxParams}` });
    const d0 = o.widths[0];
    const dn = o.widths[o.widths.length - 1];
    if (o.family === 'dln' && o.lam.length !== d0 * dn) issues.push({ field: 'objective.lam', message: `Lam needs d_n x d_0 = ${dn * d0} entries` });
    if (o.family === 'dln' && o.lam.every((v) => v === 0)) issues.push({ field: 'objective.lam', message: 'Lam must not be zero' });
    if (o.init.kind === 'balanced' && o.init.A.length !== d0 * dn) issues.push({ field: 'objective.init.A', message: `init A needs d_n x d_0 = ${dn * d0} entries` });
    if (o.family === 'fc' && d0 !== 2) issues.push({ field: 'objective.widths', message: 'the circle data set has 2 inputs: the first width must be 2' });
  }
  if (spec.gdStart && spec.gdStart.length !== n) issues.push({ field: 'gdStart', message: `GD start needs ${n} entries` });
  if (spec.gdStart && n > 3) issues.push({ field: 'gdStart', message: 'a separate GD start is for the 2-D and 3-D objectives only' });
  if (spec.protocol !== 'flow' && armEtas(spec).length > FD_LIMITS.maxArms + 4) issues.push({ field: 'rs', message: 'too many arms' });
  const iterates = armEtas(spec).reduce((s, e) => s + spec.horizon / e, 0);
  if (iterates > FD_LIMITS.maxIterates) {
    issues.push({
      field: 'etas',
      message: `horizon T / eta asks for ${iterates.toExponential(1)} GD steps over all arms; at most ${FD_LIMITS.maxIterates.toExponential(0)}: raise eta or shorten T`,
    });
  }
  if (spec.solver.method !== 'dopri5' && n > FD_LIMITS.maxStiffParams) {
    issues.push({ field: 'solver.method', message: `the stiff solver needs the Hessian: at most ${FD_LIMITS.maxStiffParams} parameters (this objective has ${n})` });
  }
  if (spec.spectrum && n > FD_LIMITS.maxSpectrumParams)
    issues.push({ field: 'spectrum', message: `Hessian spectra need at most ${FD_LIMITS.maxSpectrumParams} parameters (this net has ${n})` });
  return issues;
}
