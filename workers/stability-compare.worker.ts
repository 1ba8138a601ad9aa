/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { comparisonBuffers, type ComparisonData } from '../src/labs/stability/compare';
import { stabilityCore } from '../src/labs/stability/core';
import { stabilityRuntime } from '../src/labs/stability/runtime';
import { compareWarmup } from '../src/labs/stability/compare-warmup';

// The Stability page's own comparison worker: the stability runtime's `compare` job (the pool worker's `job` API, for
// this lab only, so a fresh worker starts quickly), with the result's Float64Arrays (traces, flow samples)
// transferred instead of copied. One instance per page, apart from the sweep pool; the page terminates it to cancel
// a long superseded run.
Comlink.expose({
  job(lab: string, name: string, args: unknown[]) {
    const job = lab === stabilityCore.id ? stabilityRuntime.jobs?.[name] : undefined;
    if (!job) throw new Error(`the stability comparison worker has no job "${lab}/${name}"`);
    const r = (job as (...a: unknown[]) => unknown)(...args);
    return name === 'compare' ? Comlink.transfer(r, comparisonBuffers(r as ComparisonData)) : r;
  },
  warmup: compareWarmup,
});
