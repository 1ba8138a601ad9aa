import type { Spec } from '../experiment/schema';
import { createRunStore, type ArmRunOf } from './run-store';

export type Arm = 'clean' | 'poisoned';
export const ARMS: Arm[] = ['clean', 'poisoned'];

/** The spec of a lab with clean and poisoned arms (the Poisoning lab's). */
type PoisoningSpec = Extract<Spec, { arm: Arm }>;

/** One arm of the Poisoning lab's run (its spec carries the arm). */
export type ArmRun = ArmRunOf<PoisoningSpec>;

/** Both arms of a Poisoning experiment, each in its own worker, from the same spec and initialisation. */
export const useRuns = createRunStore<Arm, PoisoningSpec>({
  arms: ARMS,
  workerName: 'poisoning-runner',
  armSpec: (spec, arm) => ({ ...spec, arm }),
});
