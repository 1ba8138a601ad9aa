import { describe, expect, it } from 'vitest';
import reference from '../data/thm1-reference.json';
import { thm1Spec } from '../presets/thm1';
import { tieDiff, uniformSortedInit } from '../../../engine/ssm/init';
import { buildSsm } from '../build';

describe('diff helper (docs/labs/poisoning.md Sec. 5.2)', () => {
  const table: [number, number, number][] = [
    [20, 1e-2, 2.124e-19],
    [20, 1e-3, 4.378e-28],
    [0.5, 1e-2, 0.018394],
    [2, 1e-3, 1.2394e-4],
    [2, 1e-2, 9.1578e-4],
    [3, 1e-2, 1.2394e-4],
    [5, 1e-3, 1.529512e-8],
    [10, 5e-3, 5.07836e-12],
  ];
  it.each(table)('diff(%f, %f) = %f', (c, sd, v) => expect(Math.abs(tieDiff(c, sd) - v) / v).toBeLessThan(1e-4));
});

describe('Theorem-1 initialisation', () => {
  it('matches every reference initialisation bit for bit', () => {
    for (const run of reference.runs) {
      const row = run.d === 10 ? { scale: 1e-3, tieC: 5 } : { scale: 5e-3, tieC: 10 };
      expect(Array.from(uniformSortedInit(run.seed, run.d, row.scale, row.tieC))).toEqual(run.init);
    }
  });

  it('seed 242: the printed entries, the S2 loss and gradient, and the vanishing S1 gradient (oracle 3)', () => {
    const a = uniformSortedInit(242, 10, 1e-3, 5);
    expect(a[0]).toBe(8.398421491762683e-4);
    expect(a[2]).toBeCloseTo(6.47574019e-4, 12);
    expect(a[9]).toBeCloseTo(5.52041114e-5, 12);
    const spec = thm1Spec({ d: 10, kappa: 7, seed: 242, scale: 1e-3, tieC: 5, maxTime: 1e11 });
    const g = new Float64Array(10);
    expect(buildSsm(spec).grad(a, g)).toBeCloseTo(0.99575334285, 11);
    for (const v of g) expect(v).toBeCloseTo(-0.995744287306, 11);
    buildSsm({ ...spec, arm: 'clean' }).grad(a, g);
    const norm = Math.hypot(...g);
    expect(Math.abs(norm - 7.354e-15) / 7.354e-15).toBeLessThan(1e-3);
  });
});

describe('GD/Adam initialisation (docs/labs/poisoning.md Sec. 5.4)', () => {
  it('draws a, b, c from MT(seed + 100000), ties the leading entries as the teacher asks, adds warm, and continues the stream into the head', async () => {
    const { gdNormalInit } = await import('../../../engine/ssm/init');
    const { Rng } = await import('../../../engine/core/rng');
    const o = { sdA: 1e-2, sdBC: 2e-2, tieC: 2, warm: 0.1, sdD: 0.03 };
    const d = 6;
    const g = gdNormalInit(7, d, o, 4, 5);
    const r = new Rng(100007);
    const a = Array.from({ length: d }, () => Math.abs(1e-2 * r.gauss())).sort((x, y) => y - x);
    const b = Array.from({ length: d }, () => Math.abs(2e-2 * r.gauss())).sort((x, y) => y - x);
    const c = Array.from({ length: d }, () => Math.abs(2e-2 * r.gauss())).reverse();
    const head = Array.from({ length: 5 }, () => 0.03 * r.gauss());
    const diff = tieDiff(2, 1e-2);
    const expectA = [a[0], a[0] - diff, a[0] - 1.01 * diff, a[0] - 1.05 * diff, a[4], a[5]].map((v) => v + 0.1);
    const expectB = [b[0], b[0] - diff, b[0] - 1.01 * diff, b[0] - 1.05 * diff, b[4], b[5]].map((v) => v + 0.1);
    expect(Array.from(g.a)).toEqual(expectA);
    expect(Array.from(g.b)).toEqual(expectB);
    expect(Array.from(g.c)).toEqual(c);
    expect(Array.from(g.head)).toEqual(head);
    // A teacher of dimension 2 ties only a_2.
    const g2 = gdNormalInit(7, d, o, 2, 0);
    expect(g2.a[2]).toBe(a[2] + 0.1);
  });
});
