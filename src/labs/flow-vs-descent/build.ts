import { Rng } from '../../engine/core/rng';
import type { Run } from '../../engine/core/run';
import { DeepLinearNet } from '../../engine/flow-descent/dln';
import { balancedInit, gaussianInit, xavierInit } from '../../engine/flow-descent/init';
import type { Objective } from '../../engine/flow-descent/objective';
import { DiagonalQuadratic } from '../../engine/flow-descent/quadratic';
import { trackingRun } from '../../engine/flow-descent/tracking-run';
import { AbObjective } from '../../engine/flow-descent/ab';
import { FcNet, fdReluDataset } from '../../engine/flow-descent/fc';
import { extremeEigenvalues, HessianScratch } from '../../engine/flow-descent/hessian';
import type { Spectrum, TrackingOptions } from '../../engine/flow-descent/tracking';
import { armEtas, type FdObjective, type FlowVsDescentSpec } from './schema';

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
      const extra = {
        names: rank1 ? ['U', 'r', 'nu'] : ['U'],
        eval(theta: Float64Array, out: Float64Array) {
          out[0] = net.unbalancedness(theta);
          if (rank1) {
            const { r, nu } = net.alignment(theta);
            out[1] = r;
            out[2] = nu;
          }
        },
      };
      return { objective: net, theta0: netInit(o.widths, o.init), extra };
    }
    case 'ab':
      return { objective: new AbObjective({ a: o.a, zc: o.zc, zb: o.zb, rho: o.rho }), theta0: Float64Array.from(o.q0) };
    case 'fc': {
      const { X, Y } = fdReluDataset(o.data.count);
      const net = new FcNet({ widths: o.widths, activation: o.activation, leakySlope: o.leak, loss: 'square', X, Y });
      const theta0 = netInit(o.widths, o.init);
      const q0 = net.neuronBalance(theta0);
      // Per-neuron balance q_{j,i} (Sec. 2.3): constant under the flow, moved by exactly eta^2 per GD step (Sec. 6.3).
      const extra = {
        names: ['qDrift'],
        eval(theta: Float64Array, out: Float64Array) {
          let m = 0;
          net.neuronBalance(theta).forEach((q, j) => q.forEach((v, i) => (m = Math.max(m, Math.abs(v - q0[j][i])))));
          out[0] = m;
        },
      };
      return { objective: net, theta0, extra };
    }
  }
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
    atol: spec.solver.atol,
    errorOde: spec.errorOde,
    spectrum: spec.spectrum ? spectrumOf(objective) : null,
    gdSpectrum: objective.n <= 64,
    extra,
    convergedBelow: convergedBelow(spec.objective),
    pathPoints: 2000,
  };
  return { objective, options };
}

/** The run of a spec: the flow and every GD arm, one stamp per step. */
export function buildFlowVsDescentRun(spec: FlowVsDescentSpec): Run {
  const { objective, options } = trackingOptions(spec);
  return trackingRun(objective, options);
}
