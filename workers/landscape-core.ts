/**
 * Grid evaluation for the reusable landscape plot: a named scalar field (a lab core's `fields`) sampled over a
 * view. The worker and Node tests call the same code.
 */
import { sampleGrid, type GridDomain, type GridResult } from '../src/engine/core/grid';
import type { Field } from '../src/experiment/lab-core';
import { LAB_CORES } from '../src/labs/registry';

export type { GridResult } from '../src/engine/core/grid';

export interface GridRequest extends GridDomain {
  field: string;
  params: Record<string, number>;
}

const FIELDS: Record<string, Field> = Object.assign({}, ...LAB_CORES.map((c) => ('fields' in c ? c.fields : {})));

export function computeGrid(req: GridRequest): GridResult {
  const field = FIELDS[req.field];
  if (!field) throw new Error(`unknown landscape field "${req.field}"`);
  return sampleGrid(field(req.params), req);
}
