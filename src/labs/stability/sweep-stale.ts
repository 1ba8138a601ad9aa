/**
 * When a Stability sweep on screen is out of date (pure, unit-tested): the experiment it ran from and the experiment
 * on screen differ in what the sweep takes from it, or the tab's own settings differ from the ones it ran with.
 * What each sweep takes from the experiment (lab spec Sec. 5, sweeps.ts):
 *   eta sweep:   the start (a0, b0), Phi and tol (eta is what it sweeps; T is the protocol's 20000);
 *   scale sweep: the start's direction, Phi, eta and tol (the scale is what it sweeps);
 *   trade-off:   Phi, tol, T max, and the start (varying eta) or eta (varying the start);
 *   Figure 3:    nothing (its own protocol: Phi = 1, its starts, grids and stop rule), only its grid setting.
 * Page toggles, the view, the preset's name and the second start change no sweep.
 */
import type { StabilitySpec, StabilitySweepDef } from './schema';
import type { SweepKind } from './sweeps-store';
import { sweepBaseOf } from './sweeps';

export function sweepInputs(kind: SweepKind, spec: StabilitySpec, vary: 'eta' | 'init' = 'eta'): unknown {
  const { a0, b0, phi, eta, lossBelow, maxSteps } = sweepBaseOf(spec);
  switch (kind) {
    case 'eta':
      return { a0, b0, phi, lossBelow };
    case 'scale': {
      const norm = Math.hypot(a0, b0);
      return { dir: norm > 0 ? [a0 / norm, b0 / norm] : null, phi, eta, lossBelow };
    }
    case 'tradeoff':
      return vary === 'eta' ? { a0, b0, phi, lossBelow, maxSteps } : { eta, phi, lossBelow, maxSteps };
    case 'fig3':
      return null;
  }
}

/** The settings of a tab a sweep ran with, as comparable data (for the eta sweep: its number of step sizes). */
export type SweepSettings = { kind: 'eta'; n: number } | { kind: 'scale' } | { kind: 'fig3'; nSigma: number; nEta: number } | { kind: 'tradeoff'; def: StabilitySweepDef };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the sweep that ran from `ran` with `ranSettings` is out of date for the experiment `current` and the tab's
 * settings `now` (false when nothing ran).
 */
export function sweepIsStale(kind: SweepKind, ran: StabilitySpec | null, ranSettings: SweepSettings | null, current: StabilitySpec, now: SweepSettings): boolean {
  if (!ran || !ranSettings) return false;
  const vary = ranSettings.kind === 'tradeoff' && ranSettings.def.tab === 'tradeoff' ? ranSettings.def.vary : 'eta';
  return !same(sweepInputs(kind, ran, vary), sweepInputs(kind, current, vary)) || !same(ranSettings, now);
}
