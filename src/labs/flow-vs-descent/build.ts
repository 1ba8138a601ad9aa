import { Rng } from '../../engine/core/rng';
import type { Run } from '../../engine/core/run';
import { DeepLinearNet } from '../../engine/flow-descent/dln';
import { rankOnePlane } from '../../engine/flow-descent/dln-reference';
import { balancedInit, gaussianInit, xavierInit } from '../../engine/flow-descent/init';
import type { Objective } from '../../engine/flow-descent/objective';
import { DiagonalQuadratic } from '../../engine/flow-descent/quadratic';
import { trackingRun } from '../../engine/flow-descent/tracking-run';
import { AbObjective } from '../../engine/flow-descent/ab';
import { FcNet, fdReluDataset } from '../../engine/flow-descent/fc';
import { extremeEigenvalues, HessianScratch } from '../../engine/flow-descent/hessian';
import { lemma7Bound, lemma11Bound, prop8Bound } from '../../engine/flow-descent/bounds';
import { frobenius, spectralNorm } from '../../engine/flow-descent/norms';
import type { Spectrum, TrackingOptions } from '../../engine/flow-descent/tracking';
import { liveMnist } from './mnist/live-data';
import { armEtas, type FdObjective, type FlowVsDescentSpec, MNIST_WIDTHS } from './schema';

/** The objective of a spec and its start (docs/labs/flow-vs-descent.md Sec. 2), with the spec's weight decay. */
export function buildObjective(spec: FlowVsDescentSpec): { objective: Objective; theta0: Float64Array; extra?: TrackingOptions['extra'] } {
  const { objective, theta0, extra } = family(spec.objective);
  return { objective: spec.weightDecay > 0 ? withWeightDecay(objective, spec.weightDecay) : objective, theta0, extra };
}

function family(o: FdObjective): { objective: Objective; theta0: Float64Array; extra?: TrackingOptions['extra'] } {
  switch (o.family) {
    case 'quadratic':
      return { objective: new DiagonalQuadratic(o.lam), theta0: Float64Array.from(o.q0) };
    case 'dln': {
      const net = new DeepLinearNet(o.widths, o.lam);
      const rank1 = o.widths[o.widths.length - 1] === 1;
      const theta0 = netInit(o.widths, o.init);
      // A Procedure-13 start is exactly balanced, so Eq. 14's imbalance term vanishes (eps = 0, Sec. 5.2 FD-DLN3-curv).
      const bound = dlnCurvatureBound(net, o.widths, o.init.kind === 'balanced' ? 0 : norm(theta0));
      const plane = rank1 ? dlnPlane(o.lam, net.endToEnd(theta0)) : null;
      const extra = {
        names: rank1 ? ['U', 'bound', 'r', 'nu', 'px', 'py'] : ['U', 'bound'],
        eval(theta: Float64Array, out: Float64Array) {
          out[0] = net.unbalancedness(theta);
          out[1] = bound(theta);
          if (plane) {
            const { r, nu } = net.alignment(theta);
            out[2] = r;
            out[3] = nu;
            // W_{n:1} in the plane span(Lam, W_{n:1}(0)) (Sec. 7 item 1): where the landscape draws it
            const P = net.endToEnd(theta);
            out[4] = dotOf(P, plane.l);
            out[5] = dotOf(P, plane.u);
          }
        },
      };
      return { objective: net, theta0, extra };
    }
    case 'mnist': {
      // Sec. 5.4 live mode: FC-lin / FC-ReLU on the bundled images, mean cross-entropy, Xavier-uniform weights (seeded here)
      const { X, Y } = liveMnist(o.images);
      const net = new FcNet({ widths: MNIST_WIDTHS, activation: o.net === 'fcrelu' ? 'relu' : 'identity', loss: 'ce', X, Y });
      const theta0 = netInit(MNIST_WIDTHS, { kind: 'xavier', gain: 1, seed: o.seed });
      return { objective: net, theta0 };
    }
    case 'ab':
      return { objective: new AbObjective({ a: o.a, zc: o.zc, zb: o.zb, rho: o.rho }), theta0: Float64Array.from(o.q0) };
    case 'fc': {
      const { X, Y } = fdReluDataset(o.data.count);
      const net = new FcNet({ widths: o.widths, activation: o.activation, leakySlope: o.leak, loss: 'square', X, Y });
      const theta0 = netInit(o.widths, o.init);
      const q0 = net.neuronBalance(theta0);
      const inputNorms = Array.from({ length: o.data.count }, (_, i) => Math.sqrt(X[2 * i] * X[2 * i] + X[2 * i + 1] * X[2 * i + 1]));
      const slope = o.activation === 'leaky' ? Math.max(1, o.leak) : 1;
      const extra = {
        names: ['qDrift', 'bound'],
        eval(theta: Float64Array, out: Float64Array) {
          // Per-neuron balance q_{j,i} (Sec. 2.3): constant under the flow, moved by exactly eta^2 per GD step (Sec. 6.3).
          let m = 0;
          net.neuronBalance(theta).forEach((q, j) => q.forEach((v, i) => (m = Math.max(m, Math.abs(v - q0[j][i])))));
          out[0] = m;
          // Lemma 11 (Eq. 17) on the activation region of theta.
          const frob = Array.from({ length: net.depth }, (_, j) => frobenius(net.layer(theta, j + 1)));
          out[1] = lemma11Bound(frob, slope, net.outputGradNorms(theta), inputNorms);
        },
      };
      return { objective: net, theta0, extra };
    }
  }
}

/**
 * The lower bound on lmin along the flow (Sec. 3.3): Prop. 8 (Eq. 14) with eps (||theta_0||, or 0 from a balanced
 * start) when eps <= 1/(2n) as it requires, else Lemma 7 (Eq. 13).
 */
function dlnCurvatureBound(net: DeepLinearNet, widths: readonly number[], eps: number): (theta: Float64Array) => number {
  const depth = widths.length - 1;
  const d0 = widths[0];
  const dn = widths[depth];
  const useProp8 = depth >= 3 && eps <= 1 / (2 * depth);
  return (theta) => {
    const norms = Array.from({ length: depth }, (_, j) => spectralNorm(net.layer(theta, j + 1), widths[j + 1], widths[j]));
    const P = net.endToEnd(theta);
    let g = 0;
    for (let i = 0; i < P.length; i++) g += (P[i] - net.lam[i]) * (P[i] - net.lam[i]);
    g = Math.sqrt(g);
    return useProp8 ? prop8Bound(norms, d0, dn, g, spectralNorm(P, dn, d0), eps) : lemma7Bound(norms, d0, dn, g);
  };
}

const norm = (x: Float64Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));
const dotOf = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * An orthonormal basis (l, u) of the plane span(Lam, w0) of a scalar-output deep linear net (Sec. 3.1: the balanced
 * rank-1 flow stays in it); when w0 is parallel to Lam (or zero), u is the coordinate axis least aligned with Lam,
 * made orthogonal to it.
 */
export function dlnPlane(lam: ArrayLike<number>, w0: ArrayLike<number>): { l: Float64Array; u: Float64Array } {
  const { l, u } = rankOnePlane(lam, w0);
  if (u.some((v) => v !== 0) || l.length < 2) return { l, u: canonicalSign(u) };
  let k = 0;
  for (let i = 1; i < l.length; i++) if (Math.abs(l[i]) < Math.abs(l[k])) k = i;
  const e = Float64Array.from(l, (li, i) => (i === k ? 1 : 0) - l[k] * li);
  const n = norm(e);
  return { l, u: canonicalSign(e.map((v) => v / n)) };
}

/** u or -u, whichever has its largest entry positive: the plane's axes do not flip when a start moves across them. */
function canonicalSign(u: Float64Array): Float64Array {
  let k = 0;
  for (let i = 1; i < u.length; i++) if (Math.abs(u[i]) > Math.abs(u[k])) k = i;
  return u[k] < 0 ? u.map((v) => -v) : u;
}

/** Sec. 2.2: Procedure 13, N(0, s^2) or Xavier-uniform times a gain, seeded. */
export function netInit(widths: readonly number[], init: Extract<FdObjective, { family: 'dln' }>['init']): Float64Array {
  if (init.kind === 'balanced') return balancedInit(widths, init.A);
  const rng = new Rng(init.seed);
  return init.kind === 'gaussian' ? gaussianInit(widths, init.scale, rng) : xavierInit(widths, init.gain, rng);
}

/** f + mu/2 ||theta||^2: every Hessian eigenvalue moves by +mu. */
function withWeightDecay(obj: Objective, mu: number): Objective {
  return {
    n: obj.n,
    minLoss: obj.minLoss,
    loss(theta) {
      let s = 0;
      for (let i = 0; i < theta.length; i++) s += theta[i] * theta[i];
      return obj.loss(theta) + 0.5 * mu * s;
    },
    grad(theta, g) {
      let s = 0;
      const f = obj.grad(theta, g);
      for (let i = 0; i < theta.length; i++) {
        s += theta[i] * theta[i];
        g[i] += mu * theta[i];
      }
      return f + 0.5 * mu * s;
    },
    hvp(theta, v, out) {
      obj.hvp(theta, v, out);
      for (let i = 0; i < v.length; i++) out[i] += mu * v[i];
    },
  };
}

/** lmin and lmax of the Hessian (assembled from n HVPs) at a point, with scratch kept across calls. */
export function spectrumOf(obj: Objective): (theta: Float64Array) => Spectrum {
  const scratch = new HessianScratch(obj.n);
  return (theta) => extremeEigenvalues(obj, theta, scratch);
}

/** GD counts as converged below f - min f = 1e-14 on deep linear nets, 1e-8 elsewhere (Sec. 4). */
export const convergedBelow = (o: FdObjective) => (o.family === 'dln' ? 1e-14 : 1e-8);

/** Everything the tracking of a spec needs. */
export function trackingOptions(spec: FlowVsDescentSpec): { objective: Objective; options: TrackingOptions } {
  const { objective, theta0, extra } = buildObjective(spec);
  const options: TrackingOptions = {
    theta0,
    gdStart: spec.gdStart ? Float64Array.from(spec.gdStart) : undefined,
    etas: armEtas(spec),
    horizon: spec.horizon,
    stamps: spec.stamps,
    rtol: spec.solver.rtol,
    solver: spec.solver.method,
    atol: spec.solver.atol,
    errorOde: spec.errorOde,
    spectrum: spec.spectrum ? spectrumOf(objective) : null,
    simpson: objective.n <= 64,
    gdSpectrum: objective.n <= 64,
    extra,
    convergedBelow: convergedBelow(spec.objective),
    pathPoints: 1000,
  };
  return { objective, options };
}

/** The run of a spec: the flow and every GD arm, one stamp per step. */
export function buildFlowVsDescentRun(spec: FlowVsDescentSpec): Run {
  const { objective, options } = trackingOptions(spec);
  return trackingRun(objective, options);
}
