import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { labSpecNow } from '../../../state/experiment-store';
import { type ArmRunOf, createSingleRunStore, type Transport } from '../../../state/run-store';
import type { RunControls } from '../../../ui/RunToolbar';
import { checkEdit } from '../../../ui/spec-edit';
import { extrapolationCore } from '../core';
import type { ExtrapolationSpec } from '../schema';
import { type CompareChoice, compareSpec, NO_COMPARE } from './compare';
import { safeStorage } from '../../../state/safe-storage';

/** One arm of the Run page's run (its spec, streamed buffers, views and final state). */
export type ExtrapRun = ArmRunOf<ExtrapolationSpec>;

/** The experiment on screen, streamed from its own worker. */
export const useExtrapRun = createSingleRunStore<ExtrapolationSpec>('extrapolation-run');
/** The second arm ("compare with…"): the same experiment with one change, in a second worker. */
export const useExtrapCompare = createSingleRunStore<ExtrapolationSpec>('extrapolation-compare');

interface CompareState {
  /** What the second arm changes (none: one arm). Persisted with the experiment. */
  choice: CompareChoice;
  /** The choice the current run started with (null before a run): the results are out of date when it differs. */
  ran: CompareChoice | null;
  setChoice(choice: CompareChoice): void;
}

export const useCompareChoice = create<CompareState>()(
  persist(
    (set) => ({
      choice: NO_COMPARE,
      ran: null,
      setChoice: (choice) => set({ choice }),
    }),
    { name: 'ibl.extrapolation.compare.v1', storage: createJSONStorage(() => safeStorage), partialize: (s) => ({ choice: s.choice }) },
  ),
);

/** The second arm's spec for the experiment on screen and the chosen change: null for one arm, or the refusal naming the field. */
export function compareArm(spec: ExtrapolationSpec, choice: CompareChoice): { spec: ExtrapolationSpec | null; error: string | null } {
  const cmp = compareSpec(spec, choice);
  if (!cmp) return { spec: null, error: null };
  const error = checkEdit(extrapolationCore.id, cmp);
  return error ? { spec: null, error } : { spec: cmp, error: null };
}

/** The transport of both arms together: running while either runs, paused while either waits, done when all settled. */
export function combinedTransport(main: Transport, second: Transport, twoArms: boolean): Transport {
  if (!twoArms) return main;
  if (main === 'running' || second === 'running') return 'running';
  if (main === 'paused' || second === 'paused') return 'paused';
  if (main === 'idle' && second === 'idle') return 'idle';
  return 'done';
}

/** Starts the experiment on screen (and the second arm when one is chosen and valid); a refused second arm runs alone. */
export async function startRun(paused = false): Promise<void> {
  const spec = labSpecNow(extrapolationCore.id);
  const { choice } = useCompareChoice.getState();
  const second = compareArm(spec, choice);
  useCompareChoice.setState({ ran: second.spec ? choice : NO_COMPARE });
  const cmp = useExtrapCompare.getState();
  if (!second.spec) cmp.reset();
  await Promise.all([useExtrapRun.getState().start(spec, paused), second.spec ? cmp.start(second.spec, paused) : Promise.resolve()]);
}

/** Run / pause / step / resume / stop / reset of both arms (the second one only while it has a run). */
export function useRunControls(): RunControls {
  const main = useExtrapRun((s) => s.transport);
  const second = useExtrapCompare((s) => s.transport);
  const twoArms = useExtrapCompare((s) => s.run !== null);
  const both = (f: (s: ReturnType<typeof useExtrapRun.getState>) => void) => {
    f(useExtrapRun.getState());
    if (useExtrapCompare.getState().run) f(useExtrapCompare.getState());
  };
  return {
    transport: combinedTransport(main, second, twoArms),
    start: startRun,
    pause: () => both((s) => s.pause()),
    resume: () => both((s) => s.resume()),
    step: (n) => both((s) => s.step(n)),
    stop: () => both((s) => s.stop()),
    reset: () => {
      useExtrapRun.getState().reset();
      useExtrapCompare.getState().reset();
      useCompareChoice.setState({ ran: null });
    },
  };
}
