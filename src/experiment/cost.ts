import { recordCapacity } from '../engine/core/recorder';
import type { SpecIssue } from './issues';

/**
 * What a spec will ask of the machine, estimated from the spec alone (nothing is built): the work (floating-point
 * operations, and seconds at a measured rate) and the memory (bytes of the problem, its solver and the kept
 * snapshots). Each lab's core estimates its own; validation refuses a spec over MEMORY_BUDGET, and the page asks
 * before it starts a run estimated to take over CONFIRM_SECONDS.
 */
export interface SpecCost {
  flops: number;
  seconds: number;
  bytes: number;
  /** The field to change to need less memory (named in the refusal). */
  memoryField: string;
  /** The field to change to need less work. */
  workField: string;
}

/** No accepted spec may need more memory than this (the page and the CLI stay well inside a tab's heap). */
export const MEMORY_BUDGET = 500e6;
/** Above this estimate the page says how long a run will take and asks before starting it. */
export const CONFIRM_SECONDS = 20;
/**
 * Work units per second of the engine in one worker. The labs count one multiply-add of a gradient as a unit and
 * calibrate their counts against measured runs (cost.test.ts compares estimates with timed runs of presets).
 */
export const FLOPS_PER_SECOND = 1e9;

/** Bytes of the snapshots a run keeps: one row is t, step, loss, the metrics and the recorded parameters. */
export function recordBytes(rows: number, width: number): number {
  return Math.min(Math.max(1, rows), recordCapacity(width)) * 8 * (3 + width);
}

export interface CostParts {
  /** Parameters of the trained vector. */
  n: number;
  /** Floating-point operations of one step (one gradient, or one solver step). */
  flopsPerStep: number;
  /** Steps the run may take at most (its stop rule), over all its arms. */
  steps: number;
  /** Work done once before the first step (e.g. an analysis of the start). */
  setupFlops?: number;
  /** Snapshot rows the record rule asks for, and the numbers in a row beyond t, step and loss. */
  recordRows: number;
  recordWidth: number;
  /** Arms or runs kept side by side (each with its own snapshots). */
  runs?: number;
  /** Bytes of the problem's own data, the solver's matrices and so on. */
  extraBytes?: number;
  memoryField: string;
  workField: string;
}

/** A cost from its parts: the common arithmetic of every lab's estimate. */
export function costOf(p: CostParts): SpecCost {
  const runs = p.runs ?? 1;
  const flops = p.flopsPerStep * p.steps + (p.setupFlops ?? 0);
  const bytes = runs * (recordBytes(p.recordRows, p.recordWidth) + 8 * 8 * p.n) + (p.extraBytes ?? 0);
  return { flops, seconds: flops / FLOPS_PER_SECOND, bytes, memoryField: p.memoryField, workField: p.workField };
}

/** Dense matrices a stiff solver (RODAS4) keeps: the Jacobian, its LU factors and the stage matrix. */
export const stiffBytes = (n: number) => 3 * 8 * n * n;
/** Work of one stiff step: an n x n LU factorisation and six solves, plus n Hessian-vector products. */
export const stiffStepFlops = (n: number, gradFlops: number) => (2 / 3) * n * n * n + 12 * n * n + n * gradFlops;

/** The refusal of a spec over the memory budget, naming the field to change; none when it fits. */
export function costIssues(cost: SpecCost): SpecIssue[] {
  if (!(cost.bytes <= MEMORY_BUDGET)) {
    const mb = Number.isFinite(cost.bytes) ? `about ${Math.round(cost.bytes / 1e6).toLocaleString('en-US')} MB` : 'too much memory';
    return [{ field: cost.memoryField, message: `this experiment needs ${mb} of memory, more than the ${MEMORY_BUDGET / 1e6} MB a page can spare: make it smaller` }];
  }
  return [];
}

/** "about 40 s", "about 3 min", "about 2 h": how long an estimated run takes, in words. */
export function durationWords(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'an unbounded time';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `about ${Math.round(seconds / 3600)} h`;
  // thousands grouped by hand: the first toLocaleString of a page loads its number formats (46 ms, in the task that
  // asks about the largest link's run)
  return `about ${String(Math.round(seconds / 86400)).replace(/\B(?=(\d{3})+$)/g, ',')} days`;
}

/** Accepted steps an adaptive flow solver takes on the labs' problems at most in practice (its step cap is far above). */
export const FLOW_TYPICAL_STEPS = 20_000;

/** Steps and snapshot rows of a run under a common stop rule and record rule (discrete methods, or a flow). */
export function runLength(flow: boolean, stop: { maxSteps: number }, record: { every: number; perDecade: number }): { steps: number; rows: number } {
  if (flow) return { steps: Math.min(stop.maxSteps, FLOW_TYPICAL_STEPS), rows: record.perDecade * 32 };
  return { steps: stop.maxSteps, rows: stop.maxSteps / record.every };
}
