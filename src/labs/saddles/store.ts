import { createSingleRunStore, type ArmRunOf } from '../../state/run-store';
import type { SaddlesSpec } from './schema';

/** The one run of a Saddles store (its `id` counts the store's starts: a new id is a new run). */
export type SaddlesRun = ArmRunOf<SaddlesSpec>;

/** The one live run of the Saddles lab, streamed from its own worker. */
export const useSaddlesRun = createSingleRunStore<SaddlesSpec>('saddles-runner');

/** The first-saddle oracle: the sub-network active in w*, from delta w* restricted, in a second worker. */
export const useRestrictedRun = createSingleRunStore<SaddlesSpec>('saddles-restricted');
