import { describe, expect, it } from 'vitest';
import { loadTrace, MNIST_NETS, traceChecks } from '../mnist/traces';

describe('the precomputed MNIST traces (Sec. 5.4, Figs. 1 and 3)', () => {
  for (const { id } of MNIST_NETS) {
    it(`${id}: the eta0 run and at least one eta0/r run from one start; loss falls, the runs coincide`, async () => {
      const t = await loadTrace(id);
      expect(t.eta0).toBe(1e-3);
      expect(t.stamps[0]).toBe(0);
      expect(t.stamps[1] - t.stamps[0]).toBe(100);
      expect(t.runs.map((r) => r.r)).toContain(1);
      expect(t.runs.length).toBeGreaterThanOrEqual(2);
      const base = t.runs.find((r) => r.r === 1)!;
      for (const run of t.runs) {
        // every run starts from the same weights: the same loss, no distance, no drift
        expect(run.loss[0]).toBe(base.loss[0]);
        expect(run.distance[0]).toBe(0);
        expect(run.drift[0]).toBe(0);
      }
      expect(base.drift.every((d) => d === 0)).toBe(true);
      for (const c of traceChecks(t)) expect({ what: c.what, value: c.value, holds: c.holds }).toEqual({ what: c.what, value: c.value, holds: true });
      // the panel tells the reader the subset is not the paper's
      expect(t.meta.subset?.differsFromPaper).toBe(true);
    });
  }
});
