import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { labSpecNow } from '../../../state/experiment-store';
import { type ArmRunOf, createSingleRunStore, type Transport } from '../../../state/run-store';
import type { RunControls } from '../../../ui/RunToolbar';
import { checkEdit } from '../../../ui/spec-edit';
import { extrapolationCore } from '../core';
import type { ExtrapolationSpec } from '../schema';
import { type CompareChoice, compareSpec, encodeChoice, NO_COMPARE } from './compare';
import { safeStorage } from '../../../state/safe-storage';

/** One arm of the Run page's run (its spec, streamed buffers, views and final state). */
export type ExtrapRun = ArmRunOf<ExtrapolationSpec>;

/** The experiment on screen, streamed from its own worker. */
export const useExtrapRun = createSingleRunStore<ExtrapolationSpec>('extrapolation-run');
/** The second arm ("compare with…"): the same experiment with one change, in a second worker. */
export const useExtrapCompare = createSingleRunStore<ExtrapolationSpec>('extrapolation-compare');
/** The third arm ("and with…"): the same experiment with another one change (E-6's three k), in a third worker. */
export const useExtrapThird = createSingleRunStore<ExtrapolationSpec>('extrapolation-third');

/** The stores of the arms in order: main, second, third (each one run layer store with one arm). */
const ARM_STORES = [useExtrapRun, useExtrapCompare, useExtrapThird] as const;

interface CompareState {
  /** What the second arm changes (none: one arm). Persisted with the experiment. */
  choice: CompareChoice;
  /** What the third arm changes (none: at most two arms; used only beside a second arm). Persisted too. */
  choice2: CompareChoice;
  /** The choice the current run started with (null before a run): the results are out of date when it differs. */
  ran: CompareChoice | null;
  /** The third arm's choice the current run started with (NO_COMPARE when it ran without one). */
  ran2: CompareChoice | null;
  setChoice(choice: CompareChoice): void;
  setChoice2(choice: CompareChoice): void;
}

export const useCompareChoice = create<CompareState>()(
  persist(
    (set) => ({
      choice: NO_COMPARE,
      choice2: NO_COMPARE,
      ran: null,
      ran2: null,
      setChoice: (choice) => set({ choice }),
      setChoice2: (choice2) => set({ choice2 }),
    }),
    { name: 'ibl.extrapolation.compare.v1', storage: createJSONStorage(() => safeStorage), partialize: (s) => ({ choice: s.choice, choice2: s.choice2 }) },
  ),
);

/** An arm's spec for the experiment on screen and the chosen change: null for none, or the refusal naming the field. */
export function compareArm(spec: ExtrapolationSpec, choice: CompareChoice): { spec: ExtrapolationSpec | null; error: string | null } {
  const cmp = compareSpec(spec, choice);
  if (!cmp) return { spec: null, error: null };
  const error = checkEdit(extrapolationCore.id, cmp);
  return error ? { spec: null, error } : { spec: cmp, error: null };
}

/**
 * The second and third arms' specs and the choices they run with: the third only beside a valid second arm (it is
 * offered once a second arm is chosen) and only when it differs from it; a refused arm is dropped.
 */
export function armSpecs(spec: ExtrapolationSpec, choice: CompareChoice, choice2: CompareChoice) {
  const second = compareArm(spec, choice);
  const third = second.spec && encodeChoice(choice2) !== encodeChoice(choice) ? compareArm(spec, choice2) : { spec: null, error: null };
  return {
    second: second.spec,
    third: third.spec,
    ran: second.spec ? choice : NO_COMPARE,
    ran2: third.spec ? choice2 : NO_COMPARE,
  };
}

/** The transport of the arms together (the main arm first; arms without a run left out): running while any runs, paused while any waits, done when all settled. */
export function combinedTransport(transports: Transport[]): Transport {
  if (transports.length <= 1) return transports[0] ?? 'idle';
  if (transports.includes('running')) return 'running';
  if (transports.includes('paused')) return 'paused';
  if (transports.every((t) => t === 'idle')) return 'idle';
  return 'done';
}

/** Starts the experiment on screen (and the second and third arms when chosen and valid); a refused arm is not run. */
export async function startRun(paused = false): Promise<void> {
  const spec = labSpecNow(extrapolationCore.id);
  const { choice, choice2 } = useCompareChoice.getState();
  const a = armSpecs(spec, choice, choice2);
  useCompareChoice.setState({ ran: a.ran, ran2: a.ran2 });
  const specs = [spec, a.second, a.third];
  ARM_STORES.forEach((st, i) => {
    if (i > 0 && !specs[i]) st.getState().reset();
  });
  await Promise.all(ARM_STORES.map((st, i) => (specs[i] ? st.getState().start(specs[i], paused) : Promise.resolve())));
}

/** Run / pause / step / resume / stop / reset of every arm (the second and third only while they have a run). */
export function useRunControls(): RunControls {
  const main = useExtrapRun((s) => s.transport);
  const second = useExtrapCompare((s) => s.transport);
  const third = useExtrapThird((s) => s.transport);
  const hasSecond = useExtrapCompare((s) => s.run !== null);
  const hasThird = useExtrapThird((s) => s.run !== null);
  const all = (f: (s: ReturnType<typeof useExtrapRun.getState>) => void) => {
    ARM_STORES.forEach((st, i) => {
      if (i === 0 || st.getState().run) f(st.getState());
    });
  };
  return {
    transport: combinedTransport([main, ...(hasSecond ? [second] : []), ...(hasThird ? [third] : [])]),
    start: startRun,
    pause: () => all((s) => s.pause()),
    resume: () => all((s) => s.resume()),
    step: (n) => all((s) => s.step(n)),
    stop: () => all((s) => s.stop()),
    reset: () => {
      for (const st of ARM_STORES) st.getState().reset();
      useCompareChoice.setState({ ran: null, ran2: null });
    },
  };
}
