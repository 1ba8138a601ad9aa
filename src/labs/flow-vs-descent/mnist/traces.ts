/**
 * The precomputed MNIST traces of the paper's Figs. 1 and 3 (docs/labs/flow-vs-descent.md Sec. 5.4), written by
 * scripts/mnist/generate.py: per network, GD at eta0 and at eta0/r from the same weights, 101 stamps every 100
 * eta0-iterations: the loss, the distance from the start, and the drift to the eta0 run at equal flow time.
 */
export type MnistNet = 'fclin' | 'fcrelu' | 'cnnsub' | 'lenet';

export interface MnistRun {
  r: number;
  loss: number[];
  distance: number[];
  drift: number[];
}

export interface MnistTrace {
  version: number;
  network: string;
  eta0: number;
  iterations: number;
  rs: number[];
  /** eta0-iteration index of each stamp. */
  stamps: number[];
  runs: MnistRun[];
  meta: {
    description?: string;
    dtype?: string;
    framework?: string;
    skipped?: { r: number; reason: string }[];
    partialRuns?: unknown[];
    subset?: { source?: string; differsFromPaper?: boolean };
    [k: string]: unknown;
  };
}

export const MNIST_NETS: { id: MnistNet; label: string; figure: string }[] = [
  { id: 'fclin', label: 'FC-lin 784-50-50-10 (linear)', figure: 'Fig. 1 (left)' },
  { id: 'fcrelu', label: 'FC-ReLU 784-50-50-10', figure: 'Fig. 1 (right)' },
  { id: 'cnnsub', label: 'CNN-sub (strided convolutions, no biases)', figure: 'Fig. 3 (left)' },
  { id: 'lenet', label: 'LeNet (max-pool, biases)', figure: 'Fig. 3 (right)' },
];

/** The trace files load on demand (each its own small chunk). */
const LOADERS: Record<MnistNet, () => Promise<{ default: unknown }>> = {
  fclin: () => import('../data/mnist/fclin.json'),
  fcrelu: () => import('../data/mnist/fcrelu.json'),
  cnnsub: () => import('../data/mnist/cnnsub.json'),
  lenet: () => import('../data/mnist/lenet.json'),
};

export async function loadTrace(net: MnistNet): Promise<MnistTrace> {
  return (await LOADERS[net]()).default as MnistTrace;
}

/** The value of a run's series at an eta0-iteration (NaN if that stamp was not reached). */
export function valueAt(trace: MnistTrace, run: MnistRun, series: 'loss' | 'distance' | 'drift', iteration: number): number {
  const i = trace.stamps.indexOf(iteration);
  return i < 0 || i >= run[series].length ? Number.NaN : run[series][i];
}

/**
 * What the panel asserts of a trace (Sec. 5.4, qualitative: the subset differs from the paper's): the loss falls to
 * under a fifth of its start, and at every stamp the eta0/r runs stay within 5% of the distance from the start.
 */
export function traceChecks(trace: MnistTrace): { what: string; holds: boolean; value: number }[] {
  const base = trace.runs.find((r) => r.r === 1);
  if (!base) return [];
  const n = base.loss.length;
  const fall = base.loss[n - 1] / base.loss[0];
  let worst = 0;
  for (const run of trace.runs) {
    for (let i = 1; i < Math.min(n, run.drift.length); i++) worst = Math.max(worst, run.drift[i] / Math.max(base.distance[i], 1e-12));
  }
  return [
    { what: 'final loss / initial loss', value: fall, holds: fall < 0.2 },
    { what: 'max drift / distance from the start (all r, all stamps)', value: worst, holds: worst <= 0.05 },
  ];
}
