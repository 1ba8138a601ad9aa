import { useEffect, useState } from 'react';
import { sharedPool } from '../../../state/worker-pool';
import { flowVsDescentCore } from '../core';
import type { FdTheoryJob, FdTheoryResult } from './job';

const LAB = flowVsDescentCore.id;

export interface JobState<R> {
  result: R | null;
  error: string | null;
  busy: boolean;
}

/**
 * Runs one theory job in the worker pool whenever its payload changes (key: the payload's JSON, or null for none);
 * an answer for an older payload is dropped, so a dragged slider shows only the latest point.
 */
export function useTheoryJob<R extends FdTheoryResult>(job: FdTheoryJob | null, key: string | null): JobState<R> {
  const [state, setState] = useState<JobState<R>>({ result: null, error: null, busy: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the payload (a new object each render)
  useEffect(() => {
    if (!job || key === null) return;
    let live = true;
    setState((s) => ({ ...s, busy: true, error: null }));
    sharedPool()
      .mapJobs<FdTheoryJob, R>(LAB, 'theory', [job])
      .then(([result]) => live && setState({ result, error: null, busy: false }))
      .catch((err: unknown) => live && setState({ result: null, error: err instanceof Error ? err.message : String(err), busy: false }));
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
