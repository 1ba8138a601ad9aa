import type * as z from 'zod';
import type { Problem } from '../engine/core/problem';
import type { Run } from '../engine/core/run';
import { costIssues, type SpecCost } from './cost';
import type { SpecIssue } from './issues';

/** A named experiment of a lab: a plain spec, the same object a link, the CLI and a worker run. */
export interface Preset<S = unknown> {
  id: string;
  title: string;
  description: string;
  spec: S;
}

/** A scalar field over a plane, for the landscape worker: parameters in, f(x, y) out. */
export type Field = (params: Record<string, number>) => (x: number, y: number) => number;

/** A unit of pool work: plain data in, plain (structured-clonable) data out. */
// biome-ignore lint/suspicious/noExplicitAny: each lab types its own arguments; the pool only forwards them.
export type Job = (...args: any[]) => unknown;

/**
 * Everything that is one lab's outside its pages and its engine, with no React: the spec schema (whose `lab` is a
 * literal of the lab's id) and its cross-field rules, cost, presets and default, and a loader of its runtime. Spec
 * parsing, presets and the page use only this, so the page's entry bundle carries no engine code.
 */
export interface LabCore<Id extends string = string, Schema extends z.ZodType = z.ZodType> {
  id: Id;
  schema: Schema;
  crossIssues(spec: z.output<Schema>): SpecIssue[];
  /**
   * What a valid spec will ask of the machine (cost.ts), estimated from the spec alone and cheaply (validation calls
   * it on the page's thread): validation refuses a spec over the memory budget, the page asks before a long run.
   */
  cost(spec: z.output<Schema>): SpecCost;
  presets: readonly Preset<z.output<Schema>>[];
  /** The preset the lab opens with before the user changes anything. */
  defaultPresetId: string;
  /** The spec one arm actually runs (e.g. the poisoned arm's overrides folded in); the spec itself when absent. */
  effective?(spec: z.output<Schema>): z.output<Schema>;
  /**
   * The lab's runtime (its engine adapter, jobs, fields, CLI extras), as a dynamic import of the lab's runtime.ts:
   * workers and the CLI await it before they build a run; the page's own thread never needs it.
   */
  runtime(): Promise<LabRuntime<z.output<Schema>>>;
}

/** The part of a lab that computes: loaded on demand through LabCore.runtime (workers, the CLI, tests). */
export interface LabRuntime<S = never> {
  buildProblem(spec: S): { problem: Problem; theta0: Float64Array };
  /**
   * The lab's own run of a spec, when one run is more than one integrator on the problem (e.g. Flow vs Descent's
   * flow with GD arms in lockstep); the problem of buildProblem under the spec's optimiser when absent.
   */
  buildRun?(spec: S): Run;
  /**
   * Loads what a spec's run needs beyond the code (e.g. a dataset kept out of the bundle), before buildProblem /
   * buildRun is called for it: the runner worker and the CLI await it.
   */
  prepare?(spec: S): Promise<void>;
  /** Work the worker pool can run for this lab, by name. */
  jobs?: Record<string, Job>;
  /** Landscape fields, by name. */
  fields?: Record<string, Field>;
  /** Extra keys in the CLI's output for a spec (e.g. Stability's own GD summary). */
  cliSummary?(spec: S): Record<string, unknown>;
  /** The CLI's output for a preset that is not one run (e.g. a sweep), or null. */
  cliPreset?(id: string): unknown | null;
  /** Reproductions of the paper that `npm run repro -- <name>` runs: the rows, and how to print them. */
  repro?: Record<string, Reproduction>;
}

export interface Reproduction<R = unknown> {
  what: string;
  run(): R | Promise<R>;
  print(result: R): string;
}

/** A lab core as its folder declares it: the schema and the presets as functions that make them (each once). */
export type LabDefinition<Id extends string, Schema extends z.ZodType> = Omit<LabCore<Id, Schema>, 'schema' | 'presets'> & {
  schema(): Schema;
  presets(): readonly Preset<z.output<Schema>>[];
};

/**
 * Declares a lab core with its id and schema types inferred. Its schema and presets are made on first use (zod's
 * schemas and seeded presets of every lab at the app's start were a third of its first task) and read as properties.
 */
export function defineLab<const Id extends string, Schema extends z.ZodType>(def: LabDefinition<Id, Schema>): LabCore<Id, Schema> {
  const { schema, presets, ...rest } = def;
  return {
    ...rest,
    get schema() {
      return schema();
    },
    get presets() {
      return presets();
    },
  };
}

/** A lab core's cross-field rules, then the memory budget (cost.ts). Parameters typed `never` accept every lab's core. */
export function crossIssuesFor(core: { crossIssues(spec: never): SpecIssue[]; cost(spec: never): SpecCost }, spec: unknown): SpecIssue[] {
  const c = core as { crossIssues(spec: unknown): SpecIssue[]; cost(spec: unknown): SpecCost };
  const issues = c.crossIssues(spec);
  return issues.length ? issues : costIssues(c.cost(spec));
}

/** The spec an arm actually runs: the lab's own adjustments folded in (e.g. the poisoned arm's overrides). */
export function effectiveFor<S>(core: { effective?(spec: never): unknown }, spec: S): S {
  const eff = (core as { effective?(spec: unknown): unknown }).effective;
  return eff ? (eff(spec) as S) : spec;
}
