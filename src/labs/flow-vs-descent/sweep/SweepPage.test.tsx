// @vitest-environment jsdom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { labSpecNow, useExperiment } from '../../../state/experiment-store';
import { reactRootPerTest } from '../../../ui/tests/react-root';
import { SweepPage } from '../pages/SweepPage';
import { fdPresetRow } from '../presets';
import type { FlowVsDescentSpec } from '../schema';
import type { SweepPointResult } from '../sweep';
import type { SweepRow } from './model';
import { useFdSweep } from './store';

const LAB = 'flow-vs-descent' as const;
const spec = fdPresetRow('FD-DLN3-eta')?.spec as FlowVsDescentSpec;

const result = (eta: number, over: Partial<SweepPointResult>): SweepPointResult => ({
  eta,
  outcome: 'converged',
  reason: 'f - min f below the threshold',
  steps: 100,
  f0: 0.505,
  f: 9e-15,
  grad: 1e-7,
  lmin: -1e-9,
  lmax: 3.0001,
  extra: { U: 0.02, r: 1, nu: 1 },
  period: 0,
  orbit: [],
  fLow: Number.NaN,
  fHigh: Number.NaN,
  maxD: 0.3877 * eta,
  maxDt: 2.61,
  dUpTo: 30,
  ms: 2,
  ...over,
});

const rows: SweepRow[] = [
  { eta: 0.1, result: result(0.1, {}) },
  { eta: 0.7, result: result(0.7, { outcome: 'periodic', period: 2, orbit: [0.0178307, 0.0111999], lmax: 3.93 }) },
  { eta: 1, result: null },
];

const dom = reactRootPerTest();

beforeEach(() => {
  useExperiment.getState().apply(spec, 'test');
  useFdSweep.setState({
    status: 'cancelled',
    spec,
    etas: [0.1, 0.7, 1],
    maxSteps: 50_000,
    reference: { horizon: 30, steps: 242, failure: null, nfev: 1500 },
    rows,
    done: 3,
    total: 4,
  });
  act(() => dom.root.render(<SweepPage />));
});

const q = (id: string) => dom.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('SweepPage', () => {
  it('shows each eta with its outcome, the plots and the convergence edge', () => {
    expect(q('sweep-row-0.1')?.dataset.outcome).toBe('converged');
    expect(q('sweep-row-0.7')?.dataset.outcome).toBe('period 2');
    expect(q('sweep-row-0.7')?.textContent).toContain('0.0111999 … 0.0178307');
    expect(q('sweep-row-1')?.dataset.outcome).toBe('');
    expect(q('plot-fd-sweep-maxd')).not.toBeNull();
    expect(q('plot-fd-sweep-lmax')).not.toBeNull();
    expect(q('sweep-edge')?.dataset.lastConverged).toBe('0.1');
    expect(q('sweep-stale')?.dataset.stale).toBe('false');
    expect(q('sweep-export-csv')).not.toBeNull();
  });

  it('marks the results out of date when the experiment changes, not when only its run etas do', () => {
    act(() => void useExperiment.getState().apply({ ...spec, etas: [0.3] }, 'test'));
    expect(q('sweep-stale')?.dataset.stale).toBe('false');
    act(() => void useExperiment.getState().apply({ ...spec, horizon: 20 }, 'test'));
    expect(q('sweep-stale')?.dataset.stale).toBe('true');
  });

  it('"Open as a run" makes that eta the experiment, as a run, on the Run page (which runs it)', () => {
    act(() => q('sweep-open-0.7')?.click());
    const now = labSpecNow(LAB);
    expect(now.etas).toEqual([0.7]);
    expect(now.view).toBe('run');
    expect(now.objective).toEqual(spec.objective);
    expect(useExperiment.getState().autoRun).toBe(LAB);
    expect(window.location.hash).toBe(`#lab=${LAB}&page=run`);
    // The sweep stays current: only the run's etas and view changed.
    expect(q('sweep-stale')?.dataset.stale).toBe('false');
  });
});
