/**
 * Out-of-date sweeps and the lab's exports: a sweep is marked stale exactly when the experiment changed in what the
 * sweep takes from it (or the tab's settings changed), and every export writes the spec that produced its results.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../compare';
import { decodeSpec } from '../../../experiment/link';
import { runCsv, runExport, sweepExport } from '../export-json';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow, type StabilitySpec } from '../schema';
import { sweepIsStale } from '../sweep-stale';

const spec = (id: string) => stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === id)!);
const withStart = (s: StabilitySpec, a: number, b: number): StabilitySpec => ({ ...s, init: { kind: 'explicit', a: [a], b: [b] } });
const withEta = (s: StabilitySpec, lr: number): StabilitySpec => ({ ...s, optim: { kind: 'gd', lr } });

describe('out-of-date sweeps', () => {
  const ran = spec('S-sweep');
  const eta = { kind: 'eta', n: 400 } as const;

  it('nothing ran: nothing is out of date', () => {
    expect(sweepIsStale('eta', null, null, ran, eta)).toBe(false);
  });

  it('eta sweep: the start, Phi and tol count; eta, T max, page toggles and the second start do not', () => {
    expect(sweepIsStale('eta', ran, eta, ran, eta)).toBe(false);
    expect(sweepIsStale('eta', ran, eta, withStart(ran, 2, 0.4), eta)).toBe(true);
    expect(sweepIsStale('eta', ran, eta, { ...ran, model: { ...ran.model, phi: 2 } }, eta)).toBe(true);
    expect(sweepIsStale('eta', ran, eta, { ...ran, stop: { ...ran.stop, lossBelow: 0.5e-16 } }, eta)).toBe(true);
    expect(sweepIsStale('eta', ran, eta, withEta(ran, 0.3), eta)).toBe(false);
    expect(sweepIsStale('eta', ran, eta, { ...ran, stop: { ...ran.stop, maxSteps: 5 } }, eta)).toBe(false);
    expect(sweepIsStale('eta', ran, eta, { ...ran, ui: { ...ran.ui, gf: false, preset: undefined, compare: { a: 1, b: 1 } } }, eta)).toBe(false);
    // another number of step sizes chosen since
    expect(sweepIsStale('eta', ran, eta, ran, { kind: 'eta', n: 100 })).toBe(true);
  });

  it('scale sweep: the start’s direction (not its size), Phi, eta and tol count', () => {
    const s = { kind: 'scale' } as const;
    expect(sweepIsStale('scale', ran, s, withStart(ran, 4, 0.6), s)).toBe(false);
    expect(sweepIsStale('scale', ran, s, withStart(ran, 2, 0.6), s)).toBe(true);
    expect(sweepIsStale('scale', ran, s, withEta(ran, 0.3), s)).toBe(true);
  });

  it('trade-off: varying eta counts the start, varying the start counts eta; T max and the list count', () => {
    const t = spec('S-tradeoff-eta');
    const st = { kind: 'tradeoff', def: STABILITY_PRESET_ROWS.find((r) => r.id === 'S-tradeoff-eta')!.sweep! } as const;
    expect(sweepIsStale('tradeoff', t, st, t, st)).toBe(false);
    expect(sweepIsStale('tradeoff', t, st, withEta(t, 0.3), st)).toBe(false);
    expect(sweepIsStale('tradeoff', t, st, withStart(t, 0.1, 0.05), st)).toBe(true);
    expect(sweepIsStale('tradeoff', t, st, { ...t, stop: { ...t.stop, maxSteps: 10 } }, st)).toBe(true);
    expect(sweepIsStale('tradeoff', t, st, t, { kind: 'tradeoff', def: { tab: 'tradeoff', vary: 'eta', etas: [0.1] } })).toBe(true);
    const i = spec('S-tradeoff-init');
    const si = { kind: 'tradeoff', def: STABILITY_PRESET_ROWS.find((r) => r.id === 'S-tradeoff-init')!.sweep! } as const;
    expect(sweepIsStale('tradeoff', i, si, withStart(i, 3, 3), si)).toBe(false);
    expect(sweepIsStale('tradeoff', i, si, withEta(i, 0.3), si)).toBe(true);
  });

  it('Figure 3: its own protocol; only another grid makes it out of date', () => {
    const f = { kind: 'fig3', nSigma: 100, nEta: 120 } as const;
    expect(sweepIsStale('fig3', ran, f, withEta(withStart(ran, 1, 1), 0.7), f)).toBe(false);
    expect(sweepIsStale('fig3', ran, f, ran, { kind: 'fig3', nSigma: 40, nEta: 48 })).toBe(true);
  });
});

describe('exports write the spec that produced the results', () => {
  it('the run export: the comparison’s own spec, its end state without the trace, and the second start', () => {
    const s = spec('S-tradeoff-init');
    const c = compare(s);
    const out = JSON.parse(JSON.stringify(runExport(c, null)));
    expect(out.spec).toEqual(JSON.parse(JSON.stringify(s)));
    expect(out.gd.steps).toBe(138);
    expect(out.gd.trace).toBeUndefined();
    expect(out.second).toBeNull();
    expect(out.app.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the run CSV: one row per recorded GD iterate after # lines with the spec and the link that reopens it', () => {
    const s = spec('S-tradeoff-init');
    const c = compare(s);
    const lines = runCsv(c).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# implicit-bias-lab /);
    expect(JSON.parse(lines[1].replace('# spec: ', ''))).toEqual(JSON.parse(JSON.stringify(s)));
    const reopened = decodeSpec(lines[2].replace('# reopen: ', ''));
    expect(reopened.ok && reopened.spec).toEqual(JSON.parse(JSON.stringify(s)));
    expect(lines[3]).toBe('step,a,b,eps,lam,S,qRatio,rho,factor');
    const rows = lines.slice(4).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(c.gd.trace!.n);
    expect(rows[0][1]).toBe(c.gd.trace!.a[0]);
    expect(rows.at(-1)![0]).toBe(138);
  });

  it('the sweep export: the experiment it ran from, not the one on screen', () => {
    const ran = spec('S-sweep');
    const out = sweepExport({ kind: 'eta', spec: ran, settings: { kind: 'eta', n: 400 }, meta: {}, points: [] });
    expect(out.spec).toBe(ran);
    expect(out.sweep).toBe('eta');
  });
});
