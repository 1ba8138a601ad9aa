import { create } from 'zustand';
import { labSpecNow } from '../../../state/experiment-store';
import { type ArmRunOf, createRunStore, createSingleRunStore, type RunStore } from '../../../state/run-store';
import type { RunControls } from '../../../ui/RunToolbar';
import { flowVsDescentCore } from '../core';
import type { FlowVsDescentSpec } from '../schema';
import { mergeWorkerRuns, mnistWorkerSpecs, runsPerWorker } from './mnist-workers';

/** The run on screen: the flow and every GD arm, one stamp per streamed snapshot. */
export type FdRun = ArmRunOf<FlowVsDescentSpec>;

export const useFdRun = createSingleRunStore<FlowVsDescentSpec>('flow-vs-descent-run');

type WorkerArm = `w${number}`;
/** A store of the live MNIST mode: one worker per run (mnist-workers.ts), merged into `run`. */
type PerWorkerStore = RunStore<WorkerArm, FlowVsDescentSpec, { run: FdRun | null }>;

/** The spec of the per-worker run on screen (the workers run parts of it). */
let perWorkerSpec: FlowVsDescentSpec | null = null;
const perWorkerStores = new Map<number, PerWorkerStore>();

/** The store for `count` workers, made on first use (its workers named flow-vs-descent-mnist-w0, -w1, ...). */
function perWorkerStore(count: number): PerWorkerStore {
  let store = perWorkerStores.get(count);
  if (!store) {
    const arms = Array.from({ length: count }, (_, i) => `w${i}` as WorkerArm);
    store = createRunStore<WorkerArm, FlowVsDescentSpec, { run: FdRun | null }>({
      arms,
      workerName: 'flow-vs-descent-mnist',
      armSpec: (spec, arm) => mnistWorkerSpecs(spec)[Number(arm.slice(1))],
      derive: (runs) => ({
        run:
          perWorkerSpec && runs.w0
            ? mergeWorkerRuns(
                perWorkerSpec,
                arms.map((a) => runs[a]),
              )
            : null,
      }),
    });
    perWorkerStores.set(count, store);
  }
  return store;
}

type AnyRunStore = typeof useFdRun | PerWorkerStore;

/** Which store holds the run on screen: the single-worker one, or the per-worker one of the live MNIST mode. */
const useActiveStore = create<{ store: AnyRunStore }>()(() => ({ store: useFdRun }));

/** The run on screen, its revision and transport, from whichever store holds it. */
export function useFdRunView(): { run: FdRun | null; revision: number; transport: string } {
  const store = useActiveStore((s) => s.store) as typeof useFdRun;
  const run = store((s) => s.run);
  const revision = store((s) => s.revision);
  const transport = store((s) => s.transport);
  return { run, revision, transport };
}

/** Starts the experiment on screen (the live MNIST mode in one worker per run). */
export function startFdRun(paused = false): Promise<void> {
  const spec = labSpecNow(flowVsDescentCore.id);
  const previous = useActiveStore.getState().store;
  const store: AnyRunStore = runsPerWorker(spec) ? perWorkerStore(mnistWorkerSpecs(spec).length) : useFdRun;
  if (previous !== store) previous.getState().reset();
  if (store !== useFdRun) perWorkerSpec = spec;
  useActiveStore.setState({ store });
  return store.getState().start(spec, paused);
}

/** Run / pause / step (one stamp) / resume / stop / reset, on the store that holds the run on screen. */
export function useFdControls(): RunControls {
  const store = useActiveStore((s) => s.store) as typeof useFdRun;
  const transport = store((s) => s.transport);
  const s = () => useActiveStore.getState().store.getState();
  return {
    transport: transport as RunControls['transport'],
    start: startFdRun,
    pause: () => s().pause(),
    resume: () => s().resume(),
    step: (n) => s().step(n),
    stop: () => s().stop(),
    reset: () => s().reset(),
  };
}
