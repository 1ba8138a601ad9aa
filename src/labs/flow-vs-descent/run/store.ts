import { labSpecNow } from '../../../state/experiment-store';
import { type ArmRunOf, createSingleRunStore } from '../../../state/run-store';
import type { RunControls } from '../../../ui/RunToolbar';
import { flowVsDescentCore } from '../core';
import type { FlowVsDescentSpec } from '../schema';

/** The run on screen: the flow and every GD arm, one stamp per streamed snapshot. */
export type FdRun = ArmRunOf<FlowVsDescentSpec>;

export const useFdRun = createSingleRunStore<FlowVsDescentSpec>('flow-vs-descent-run');

/** Starts the experiment on screen. */
export function startFdRun(paused = false): Promise<void> {
  return useFdRun.getState().start(labSpecNow(flowVsDescentCore.id), paused);
}

/** Run / pause / step (one stamp) / resume / stop / reset. */
export function useFdControls(): RunControls {
  const transport = useFdRun((s) => s.transport);
  const s = useFdRun.getState;
  return {
    transport,
    start: startFdRun,
    pause: () => s().pause(),
    resume: () => s().resume(),
    step: (n) => s().step(n),
    stop: () => s().stop(),
    reset: () => s().reset(),
  };
}
