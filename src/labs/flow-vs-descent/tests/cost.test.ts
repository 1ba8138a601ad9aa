/**
 * The cost estimate of a Flow vs Descent run (core.ts) against the work the run does, counted (not timed): GD
 * iterates and the flow solver's gradient evaluations, each about one gradient of the estimate's size.
 */
import { describe, expect, it } from 'vitest';
import { buildRun, prepareRun } from '../../../experiment/build-run';
import { findPreset } from '../../../experiment/presets';
import type { SpecOf } from '../../../experiment/schema';
import { specCost } from '../../../experiment/validate';
import { armEtas, paramCount } from '../schema';

describe('the Flow vs Descent cost estimate', () => {
  it('FD-MN-live on 8 images: the estimated work is within a factor 3 of the gradients the run evaluates', async () => {
    const live = findPreset('FD-MN-live')!.spec as SpecOf<'flow-vs-descent'>;
    const spec = { ...live, objective: { ...live.objective, images: 8 } } as SpecOf<'flow-vs-descent'>;
    await prepareRun(spec);
    const run = buildRun(spec);
    run.runToEnd();
    const flow = (run as unknown as { integrator: { solver: { nfev: number } } }).integrator.solver;
    const gdIterates = armEtas(spec).reduce((s, eta) => s + Math.round(spec.horizon / eta), 0);
    const n = paramCount(spec.objective);
    const gradFlops = 2 * 8 * n;
    const counted = (gdIterates + flow.nfev) * gradFlops;
    const estimated = specCost(spec).flops;
    console.log(`[bench] FD-MN-live (8 images): ${gdIterates} GD iterates + ${flow.nfev} flow evaluations; estimate / counted work = ${(estimated / counted).toFixed(2)}`);
    expect(estimated / counted).toBeGreaterThan(1 / 3);
    expect(estimated / counted).toBeLessThan(3);
  }, 60_000);
});
