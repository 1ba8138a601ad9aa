/**
 * Grid evaluation for the reusable landscape plot: a named scalar field (a lab runtime's `fields`) sampled over a
 * view. The worker and Node tests call the same code.
 */
import { sampleGrid, type GridDomain, type GridResult } from '../src/engine/core/grid';
import type { Field } from '../src/experiment/lab-core';
import { loadEveryRuntime, runtimeOf } from '../src/experiment/build-run';
import { labIds } from '../src/experiment/schema';

export type { GridResult } from '../src/engine/core/grid';

export interface GridRequest extends GridDomain {
  field: string;
  params: Record<string, number>;
}

let fields: Record<string, Field> | null = null;

/** Every lab's fields by name, once their runtimes have loaded. */
async function everyField(): Promise<Record<string, Field>> {
  if (!fields) {
    await loadEveryRuntime();
    fields = Object.assign({}, ...labIds().map((lab) => runtimeOf(lab).fields ?? {}));
  }
  return fields as Record<string, Field>;
}

export async function computeGrid(req: GridRequest): Promise<GridResult> {
  const field = (await everyField())[req.field];
  if (!field) throw new Error(`unknown landscape field "${req.field}"`);
  return sampleGrid(field(req.params), req);
}
