import type { SaddlesSpec } from './schema';
import type { SeriesBuffers } from '../../state/series';
import type { Predictions } from '../../engine/homogeneous/problem';
import { escapeIndex } from './derive';
import { fmt, grouped } from '../../ui/format';

/** The paper's step size in Figure 1: flow times convert to its iterations by t / 0.005. */
const FIG1_ETA = 0.005;

/** True for the setup of the paper's Figure 1 (any seeds, GD or gradient flow). */
export function isFigure1Setup(spec: SaddlesSpec): boolean {
  const m = spec.model;
  return (
    m.kind === 'ff' &&
    m.d === 20 &&
    m.widths.length === 1 &&
    m.widths[0] === 50 &&
    m.p === 2 &&
    m.alpha === 1 &&
    spec.data.kind === 'sphere' &&
    spec.data.n === 100 &&
    spec.loss === 'mse-mean' &&
    spec.init.delta === 0.02
  );
}

/** First snapshot after the escape where the loss is below half the first saddle's level (the second drop), or -1. */
export function secondDropIndex(b: SeriesBuffers, pred: Predictions): number {
  const esc = escapeIndex(b, pred.L0);
  if (esc < 0 || !(pred.saddleLoss > 0)) return -1;
  for (let i = esc + 1; i < b.count; i++) if (b.loss[i] <= 0.5 * pred.saddleLoss) return i;
  return -1;
}

/**
 * What the paper's Figure 1 shows next to what this run shows, said plainly: the teacher draw (and so L(0),
 * the plateau and the timing) cannot be the paper's, and whether the second drop happens inside the horizon
 * depends on it.
 */
export function Figure1Note({ spec, b, pred, done }: { spec: SaddlesSpec; b: SeriesBuffers | null; pred: Predictions; done: boolean }) {
  if (!isFigure1Setup(spec) || spec.data.kind !== 'sphere') return null;
  const iter = (t: number) => Math.round(t / (spec.optim.kind === 'flow' ? FIG1_ETA : spec.optim.lr));
  const horizon = spec.optim.kind === 'flow' ? iter(spec.stop.maxTime) : spec.stop.maxSteps;
  const esc = escapeIndex(b, pred.L0);
  const drop2 = b ? secondDropIndex(b, pred) : -1;
  const flow = spec.optim.kind === 'flow';
  const it = flow ? 'equivalent iteration' : 'iteration';
  let second: string;
  if (drop2 >= 0 && b) second = `a second drop, below half the plateau at ${it} ${grouped(iter(b.t[drop2]))} (loss ${fmt(b.loss[b.count - 1])} at the end).`;
  else if (done) second = `no second drop within ${grouped(horizon)} iterations: the loss stays at the first saddle.`;
  else second = 'no second drop yet.';
  return (
    <div className="mt-2 rounded border border-slate-200 dark:border-slate-800 p-2 text-xs" data-testid="fig1-note">
      <p>
        <span className="font-medium">Paper, Figure 1:</span> L(0) = 10.73, a first drop near iteration 135,000 to a plateau at about 0.986, then a second drop to about 0 near
        iteration 192,000.
      </p>
      <p className="mt-0.5" data-testid="fig1-note-run">
        <span className="font-medium">This run (teacher draw {spec.data.teacherSeed}):</span> L(0) = {fmt(pred.L0, 5)};{' '}
        {esc >= 0 && b ? `first drop at ${it} ${grouped(iter(b.t[esc]))}, to the plateau ${fmt(pred.saddleLoss, 4)} predicted by the one-neuron network; ` : 'no first drop yet; '}
        {esc >= 0 ? second : ''}
      </p>
      <p className="mt-0.5 text-slate-500">
        The paper's teacher and data come from PyTorch's random streams and cannot be redrawn here, so the levels and times differ; the structure (a long plateau at L(0), one
        neuron escaping, a plateau at the best one-neuron fit, then the rest of the fit) is what carries over. Whether the second drop falls inside the horizon depends on the
        teacher draw: draw 3, for one, stays on its plateau at 1.58 through all 250,000 iterations.
      </p>
    </div>
  );
}
