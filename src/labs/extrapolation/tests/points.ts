import { findPreset } from '../../../experiment/presets';
import type { ExtrapolationSpec } from '../schema';
import { type PointResult, runPoint, type SweepPoint, sweepPoints } from '../sweeps';

/** A preset's spec, as the CLI resolves it. */
export const presetSpec = (id: string) => findPreset(id)!.spec as ExtrapolationSpec;

const memo = new Map<string, PointResult>();

/** One point spec run to its end by runPoint (the sweeps' and the CLI's path); equal specs run once per test file. */
export function runMemo(spec: ExtrapolationSpec): PointResult {
  const key = JSON.stringify(spec);
  let r = memo.get(key);
  if (!r) {
    r = runPoint(spec);
    memo.set(key, r);
  }
  return r;
}

/**
 * The points of a sweep preset that an assertion needs (the same expansion `npm run sim -- <id>` runs in full, via
 * cliPreset -> runSweep), each run to its end.
 */
export function runPresetPoints(id: string, pick: (p: SweepPoint) => boolean): (Omit<SweepPoint, 'spec'> & { result: PointResult })[] {
  return sweepPoints(presetSpec(id))
    .filter(pick)
    .map(({ spec, ...at }) => ({ ...at, result: runMemo(spec) }));
}

/** The seeds of a sweep preset. */
export const presetSeeds = (id: string) => presetSpec(id).ui!.sweep!.seeds;

/** Test options of the runs of full students: minutes of wall time on a loaded machine. */
export const LONG = { timeout: 900_000 };
