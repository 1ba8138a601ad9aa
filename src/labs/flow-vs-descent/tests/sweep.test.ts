import { describe, expect, it } from 'vitest';
import { DLN3_ETA_CONVERGED, dln3Period2 } from '../../../engine/flow-descent/dln3-printed';
import { parseSpec } from '../../../experiment/validate';
import { fdPresetRow } from '../presets';
import type { FlowVsDescentSpec } from '../schema';
import { DEFAULT_SWEEP_ETAS, type SweepPointResult, sweepEtas, sweepMaxSteps, sweepPoint, sweepReference, sweepRunSpec } from '../sweep';
import { sweepCsv, sweepJson } from '../sweep/export';
import { convergenceEdge, fRange, maxDSlope, OUTCOME_STYLE, outcomeBands, outcomeKind, outcomeText, pointsOf, slopeOneGuide, type SweepRow, twoOverEta } from '../sweep/model';

const preset = (id: string): FlowVsDescentSpec => {
  const spec = fdPresetRow(id)?.spec;
  if (!spec) throw new Error(id);
  return spec;
};

/** The whole FD-DLN3-eta sweep as the pool runs it: the reference once, structured-cloned into every job's payload. */
const spec = preset('FD-DLN3-eta');
const reference = structuredClone(sweepReference(spec));
const rows: SweepRow[] = sweepEtas(spec).map((eta) => ({ eta, result: sweepPoint(structuredClone({ spec, eta, reference })) }));
const at = (eta: number) => {
  const r = rows.find((x) => x.eta === eta)?.result;
  if (!r) throw new Error(`no eta ${eta}`);
  return r;
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('FD-DLN3-eta sweep jobs (docs/labs/flow-vs-descent.md Sec. 5.2, Sec. 7 item 9)', () => {
  it('sweeps the preset etas against a flow reference over T = 30', () => {
    expect(sweepEtas(spec)).toEqual([0.01, 0.1, 0.3, 0.5, 0.6, 0.65, 0.66, 0.67, 0.7, 1.0]);
    expect(sweepMaxSteps(spec)).toBe(50_000);
    expect(reference.failure).toBeNull();
    expect(reference.horizon).toBe(30);
  });

  it('converges for eta <= 0.66 with the printed final lmax (<= 2/eta) and U', () => {
    for (const [eta, lmax, U] of DLN3_ETA_CONVERGED) {
      const r = at(eta);
      expect(r.outcome).toBe('converged');
      expect(Math.abs(r.lmax - lmax)).toBeLessThan(1.5e-6);
      expect(r.lmax).toBeLessThanOrEqual(2 / eta);
      expect(rel(r.extra.U, U)).toBeLessThan(5e-4);
    }
  });

  it('0.67 and 0.7 settle on period-2 orbits with the printed values of f - min f', () => {
    const orbit = (eta: number) => [...at(eta).orbit].sort((a, b) => a - b);
    expect(at(0.67).period).toBe(2);
    expect(Math.max(...orbit(0.67).map((v, i) => rel(v, dln3Period2(0.67)[i])))).toBeLessThan(5e-6);
    expect(at(0.7).period).toBe(2);
    expect(Math.max(...orbit(0.7).map((v, i) => rel(v, dln3Period2(0.7)[i])))).toBeLessThan(5e-6);
    expect(at(0.7).extra.U).toBeLessThan(1e-12);
    expect(at(0.7).extra.nu).toBeCloseTo(1, 14);
  });

  it('1.0 stays bounded with f in about [0.06, 0.34]', () => {
    const range = fRange(at(1.0));
    expect(range).not.toBeNull();
    const [lo, hi] = range as [number, number];
    expect(lo).toBeGreaterThan(0.06);
    expect(lo).toBeLessThan(0.07);
    expect(hi).toBeGreaterThan(0.33);
    expect(hi).toBeLessThan(0.34);
  });

  it('max D / eta for eta = 0.01 is the FD-DLN3 value 0.38776 (Sec. 5.2), and D grows about linearly in small eta', () => {
    expect(at(0.01).maxD / 0.01).toBeCloseTo(0.38776, 5);
    expect(at(0.1).maxD / 0.1).toBeCloseTo(0.38541, 4);
    const slope = maxDSlope(rows.filter((r) => r.eta <= 0.1));
    expect(slope).not.toBeNull();
    expect(Math.abs((slope as number) - 1)).toBeLessThan(0.01);
  });

  it('a row opens as a valid run spec of that eta alone', () => {
    const run = sweepRunSpec(spec, 0.67);
    expect(run.etas).toEqual([0.67]);
    expect(run.view).toBe('run');
    expect(run.objective).toEqual(spec.objective);
    expect(run.horizon).toBe(spec.horizon);
    expect(parseSpec(run).ok).toBe(true);
  });

  it('a spec without a sweep uses the default grid', () => {
    const plain = preset('FD-DLN3');
    expect(plain.sweep).toBeUndefined();
    expect(sweepEtas(plain)).toEqual(DEFAULT_SWEEP_ETAS);
    expect(sweepMaxSteps(plain)).toBe(50_000);
  });
});

/** Hand-made results: the model's functions are checked against values worked out here. */
function result(eta: number, over: Partial<SweepPointResult>): SweepPointResult {
  return {
    eta,
    outcome: 'converged',
    reason: '',
    steps: 100,
    f0: 0.5,
    f: 1e-15,
    grad: 1e-8,
    lmin: 0,
    lmax: 3,
    extra: { U: 0.1 },
    period: 0,
    orbit: [],
    fLow: Number.NaN,
    fHigh: Number.NaN,
    maxD: 0.4 * eta,
    maxDt: 2.6,
    dUpTo: 30,
    ms: 1,
    ...over,
  };
}

describe('sweep model (pure helpers of the Sweep page)', () => {
  const hand: SweepRow[] = [
    { eta: 0.01, result: result(0.01, {}) },
    { eta: 0.1, result: result(0.1, {}) },
    { eta: 1, result: result(1, { outcome: 'periodic', period: 2, orbit: [0.2, 0.1] }) },
    { eta: 10, result: result(10, { outcome: 'diverged', maxD: Number.POSITIVE_INFINITY, lmax: Number.NaN }) },
    { eta: 100, result: null },
  ];

  it('classes outcomes and names them', () => {
    expect(hand.map((r) => (r.result ? outcomeKind(r.result) : null))).toEqual(['converged', 'converged', 'period2', 'diverged', null]);
    expect(outcomeKind({ outcome: 'periodic', period: 6 })).toBe('periodic');
    expect(outcomeText({ outcome: 'periodic', period: 6 })).toBe('period 6');
    expect(outcomeText({ outcome: 'periodic', period: 1 })).toBe('period 1 (f constant, not converged)');
    expect(outcomeKind({ outcome: 'cap', period: 0 })).toBe('aperiodic');
    expect(fRange(result(1, { outcome: 'periodic', period: 2, orbit: [0.2, 0.1] }))).toEqual([0.1, 0.2]);
    expect(fRange(result(1, { outcome: 'cap', fLow: 0.06, fHigh: 0.34 }))).toEqual([0.06, 0.34]);
    expect(fRange(result(1, {}))).toBeNull();
  });

  it('bands: geometric midpoints between finished etas, neighbours of a class merged', () => {
    const b = outcomeBands(hand);
    expect(b.map((x) => x.label)).toEqual(['converged', 'period 2', 'diverged']);
    // 0.01 .. 0.1 converged: from 0.01 / sqrt(10) (mirrored midpoint) to sqrt(0.1 * 1).
    expect(b[0].from).toBeCloseTo(0.01 / Math.sqrt(10), 15);
    expect(b[0].to).toBeCloseTo(Math.sqrt(0.1), 15);
    expect(b[1].from).toBeCloseTo(Math.sqrt(0.1), 15);
    expect(b[1].to).toBeCloseTo(Math.sqrt(10), 12);
    expect(b[2].from).toBeCloseTo(Math.sqrt(10), 12);
    expect(b[2].to).toBeCloseTo(10 * Math.sqrt(10), 12);
    expect(b[1].color).toBe(OUTCOME_STYLE.period2.color);
    expect(outcomeBands([{ eta: 0.5, result: result(0.5, {}) }])).toEqual([expect.objectContaining({ from: 0.5 / Math.SQRT2, to: 0.5 * Math.SQRT2 })]);
    expect(outcomeBands([])).toEqual([]);
  });

  it('log-axis points drop non-finite and unfinished values; the slope-1 guide passes through the smallest eta', () => {
    expect(pointsOf(hand, (r) => r.maxD)).toEqual({ x: [0.01, 0.1, 1], y: [0.004, 0.04000000000000001, 0.4] });
    expect(pointsOf(hand, (r) => r.lmax).x).toEqual([0.01, 0.1, 1]);
    const g = slopeOneGuide(hand);
    expect(g?.x).toEqual([0.01, 100]);
    expect(g?.y[0]).toBeCloseTo(0.004, 15);
    expect(g?.y[1]).toBeCloseTo(40, 10);
    expect(maxDSlope(hand)).toBeCloseTo(1, 12);
    expect(slopeOneGuide([{ eta: 1, result: null }])).toBeNull();
  });

  it('2/eta over the swept range, and the convergence edge', () => {
    const c = twoOverEta([0.01, 1], 3);
    expect(c.x[0]).toBe(0.01);
    expect(c.x[1]).toBeCloseTo(0.1, 15);
    expect(c.x[2]).toBeCloseTo(1, 15);
    expect(c.y.map((y, i) => y * c.x[i])).toEqual([2, 2, 2]);
    expect(convergenceEdge(hand)).toEqual({ lastConverged: 0.1, firstNot: 1 });
  });

  it('exports the spec, the app version and every finished row (JSON and CSV)', () => {
    const ref = { horizon: 30, steps: 242, failure: null, nfev: 1500 };
    const data = sweepJson(spec, [0.01, 0.1, 1, 10, 100], 50_000, ref, hand);
    expect(data.spec).toBe(spec);
    expect(data.app.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(data.finished).toBe(4);
    expect(data.total).toBe(5);
    expect(data.points[2].outcomeText).toBe('period 2');
    expect(data.points[0]).not.toHaveProperty('ms');
    const csv = sweepCsv(data).trimEnd().split('\n');
    expect(csv[1]).toBe(`# spec: ${JSON.stringify(spec)}`);
    // the header as a reader's spreadsheet sees it
    expect(csv[3]).toBe('eta,outcome,period,steps,t_end,f_minus_min,grad_norm,lmin,lmax,two_over_eta,f_low,f_high,orbit,maxD,maxD_over_eta,maxD_t,D_measured_to_t,reason,U');
    expect(csv).toHaveLength(4 + 4);
    const p2 = csv[6].split(',');
    expect(p2.slice(0, 3)).toEqual(['1', 'period 2', '2']);
    expect(p2[10]).toBe('0.1');
    expect(p2[11]).toBe('0.2');
    expect(csv[7].split(',')[13]).toBe('Infinity');
  });
});
