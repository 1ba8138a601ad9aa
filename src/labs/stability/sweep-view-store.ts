import { create } from 'zustand';
import { fig3Jobs, scaleSweepJobs, type GdJob } from '../../engine/stability/jobs';
import type { StabilitySpec, StabilitySweepDef } from './schema';
import { useSweeps } from './sweeps-store';
import { sweepBaseOf, sweepJobs } from './sweeps';

export type SweepTab = 'eta' | 'tradeoff' | 'scale' | 'fig3' | 'bif';

/** The Sweeps panel's open tab and each tab's settings (a sweep preset sets them; the tabs edit them). */
interface SweepView {
  tab: SweepTab;
  etaN: number;
  fig3: { nSigma: number; nEta: number };
  bif: { nEta: number; burnIn: number };
  tradeoff: { vary: 'eta' | 'init'; etas: number[]; starts: [number, number][] };
  setTab(tab: SweepTab): void;
  set(patch: Partial<Omit<SweepView, 'set' | 'setTab' | 'applyDef'>>): void;
  /** Opens a sweep preset's tab with its parameters. */
  applyDef(def: StabilitySweepDef): void;
}

export const useSweepView = create<SweepView>()((set) => ({
  tab: 'eta',
  etaN: 400,
  fig3: { nSigma: 100, nEta: 120 },
  bif: { nEta: 2000, burnIn: 100000 },
  tradeoff: {
    vary: 'eta',
    etas: [0.05, 0.2, 0.5, 0.8, 0.99],
    starts: [
      [0.1, 0.05],
      [0.01, 0.001],
    ],
  },
  setTab: (tab) => set({ tab }),
  set: (patch) => set(patch),
  applyDef(def) {
    switch (def.tab) {
      case 'eta':
        set({ tab: 'eta', etaN: def.n });
        break;
      case 'fig3':
        set({ tab: 'fig3', fig3: { nSigma: def.nSigma, nEta: def.nEta } });
        break;
      case 'bif':
        set({ tab: 'bif', bif: { nEta: def.nEta, burnIn: def.burnIn } });
        break;
      case 'tradeoff':
        set((s) => ({ tab: 'tradeoff', tradeoff: def.vary === 'eta' ? { ...s.tradeoff, vary: 'eta', etas: def.etas } : { ...s.tradeoff, vary: 'init', starts: def.starts } }));
        break;
    }
  },
}));

const gdOnly = (jobs: ReturnType<typeof sweepJobs>) => jobs.filter((j): j is { x: number; y?: number; job: GdJob } => j.job.kind === 'gd');

/**
 * Starts the sweep of a definition from an experiment (the bifurcation tab computes itself when shown); the sweeps
 * store keeps the experiment and the settings it ran with.
 */
export function runSweepDef(def: StabilitySweepDef, spec: StabilitySpec): void {
  if (def.tab === 'bif') return;
  if (def.tab === 'fig3') {
    runFig3(def.nSigma, def.nEta, spec);
    return;
  }
  const base = sweepBaseOf(spec);
  const meta = def.tab === 'eta' ? { a0: base.a0, b0: base.b0, phi: base.phi } : { def, base };
  void useSweeps.getState().start(def.tab, gdOnly(sweepJobs(def, base)), meta, spec, def.tab === 'eta' ? { kind: 'eta', n: def.n } : { kind: 'tradeoff', def });
}

/** The Figure 3 grid (its own protocol: the experiment on screen is kept only for the export). */
export function runFig3(nSigma: number, nEta: number, spec: StabilitySpec): void {
  void useSweeps.getState().start('fig3', fig3Jobs(nSigma, nEta), { nS: nSigma, nE: nEta }, spec, { kind: 'fig3', nSigma, nEta });
}

/** The init-scale sweep: sigma from 0.01 to 4 along the start's direction at the experiment's eta. */
export function runScaleSweep(spec: StabilitySpec): void {
  const base = sweepBaseOf(spec);
  const norm = Math.hypot(base.a0, base.b0);
  const dir: [number, number] = norm > 0 ? [base.a0 / norm, base.b0 / norm] : [Math.cos(Math.PI / 9), Math.sin(Math.PI / 9)];
  void useSweeps.getState().start('scale', scaleSweepJobs(dir, base.phi, base.eta, base.lossBelow), { dir, eta: base.eta, phi: base.phi }, spec, { kind: 'scale' });
}
