import { describe, expect, it } from 'vitest';
import type { FinalState } from '../../../engine/core/run';
import { seedsWithRatio, spreadOf, verdictFor } from './summarize';

const fin = (gen: number, reason: FinalState['stop']['reason'] = 'converged', a = [1, 0.01], erank = 1.1, convergedStep = 1000): FinalState => ({
  step: 1,
  time: 1,
  loss: 0,
  params: { a },
  metrics: { gen, erank },
  stop: { reason, message: '', convergedStep },
});

describe('Reproduce summaries', () => {
  it('exclude runs that did not converge (dead heads) from means and ranges', () => {
    expect(spreadOf([fin(1), fin(3), fin(100, 'model-failed')])).toEqual({ n: 2, mean: 2, min: 1, max: 3 });
    expect(spreadOf([fin(1, 'model-failed')])).toBeNull();
  });

  it('count seed pairs with the poisoned error at least k times the clean one', () => {
    const outcomes = [
      { seed: 1, clean: fin(1), poisoned: fin(6) },
      { seed: 2, clean: fin(1), poisoned: fin(4) },
      { seed: 3, clean: fin(1, 'model-failed'), poisoned: fin(9) },
    ];
    expect(seedsWithRatio(outcomes, 5)).toEqual({ hits: 1, of: 2 });
  });

  it('judge a table row by its mean ratio and a figure by its entries', () => {
    const rows = [1, 2, 3, 4].map((seed) => ({ seed, clean: fin(0.1), poisoned: fin(seed < 4 ? 3 : 0.2) }));
    expect(verdictFor('B-6', rows)!.holds).toBe(true);
    expect(
      verdictFor(
        'B-6',
        rows.map((r) => ({ ...r, poisoned: fin(0.5) })),
      )!.holds,
    ).toBe(false);
    const good = [{ seed: 105, clean: fin(0.1, 'converged', [1.0, 0.02], 1.4, 16000), poisoned: fin(0.2, 'converged', [1.0, 0.6, 0.4], 5.4, 557) }];
    expect(verdictFor('F2', good)!.holds).toBe(true);
    const notSooner = [{ ...good[0], poisoned: fin(0.2, 'converged', [1.0, 0.6, 0.4], 5.4, 9000) }];
    expect(verdictFor('F2', notSooner)!.holds).toBe(false);
    expect(verdictFor('F2', [{ seed: 1, clean: fin(1), poisoned: null }])).toBeNull();
    expect(verdictFor('F2', [])).toBeNull();
  });
});

describe('Reproduce verdicts that are not judged', () => {
  it('a dead ReLU head is reported, not counted as a failure; F5/F6 are shown without an assertion', () => {
    const dead = [{ seed: 4543, clean: fin(1, 'model-failed'), poisoned: fin(0.03) }];
    expect(verdictFor('F7M', dead)!.holds).toBeNull();
    const diverged = [{ seed: 1, clean: fin(1, 'diverged'), poisoned: fin(0.03) }];
    expect(verdictFor('F7M', diverged)!.holds).toBe(false);
    expect(verdictFor('F5', [{ seed: 401, clean: fin(0.3), poisoned: fin(1) }])!.holds).toBeNull();
  });
});

describe('Theorem-1 verdicts', () => {
  it('need every seed near its reference value; a seed without one cannot pass', () => {
    const ref = new Map([
      ['242/clean', 1.18424e-3],
      ['242/poisoned', 4.9186e-2],
    ]);
    const near = [{ seed: 242, clean: fin(1.18424e-3 * 1.001), poisoned: fin(4.9186e-2) }];
    // One seed cannot match the four-seed paper mean: the mean criterion fails, the per-seed one holds.
    expect(verdictFor('T1-7', near, ref)!.text).toMatch(/worst seed off its reference value by 0\.1000 %/);
    expect(verdictFor('T1-7', [{ seed: 999, clean: fin(1.27e-3), poisoned: fin(5.01e-2) }], ref)!.holds).toBe(false);
  });
});
