import { findPreset } from '../experiment/presets';
import type { Spec } from '../experiment/schema';
import { RunClient } from '../state/run-client';
import { createRunStore } from '../state/run-store';

export type DemoArm = 'clean' | 'poisoned';
type PoisoningSpec = Extract<Spec, { arm: DemoArm }>;
export const DEMO_ARMS: DemoArm[] = ['clean', 'poisoned'];

/** Table 1, row 1 of paper 000: its four reference seeds, shown one after another. */
export const DEMO_PRESETS = ['thm1-d10k7-s242', 'thm1-d10k7-s243', 'thm1-d10k7-s244', 'thm1-d10k7-s246'];

/**
 * The start page's own pair of runs, in workers of its own (opening the Poisoning lab does not disturb it). It is
 * part of the entry bundle so that the run starts as the page first renders, while the plot's code still loads.
 */
export const useDemoRuns = createRunStore<DemoArm, PoisoningSpec>({
  arms: DEMO_ARMS,
  workerName: 'start-demo',
  armSpec: (spec, arm) => ({ ...spec, arm }),
  // presets of a fraction of a second: no cost estimate on the way to the first frame
  confirmLong: false,
  // a runner of Poisoning specs only: a fraction of the full runner's code to load and compile
  client: (name) => new RunClient(name, (n) => new Worker(new URL('../../workers/poisoning-runner.worker.ts', import.meta.url), { type: 'module', name: n })),
});

let started = -1;

/** Runs the pair for the i-th seed (once: a second call for the same seed, e.g. a re-render, does nothing). */
export function startDemo(i: number): void {
  if (started === i) return;
  started = i;
  void useDemoRuns.getState().start(structuredClone(findPreset(DEMO_PRESETS[i])!.spec) as PoisoningSpec);
}
