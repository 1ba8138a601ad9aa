import { once } from '../experiment/common';
import type { Preset } from '../experiment/lab-core';

/** A row of a lab's preset table: a preset's name and words, beside whatever else the lab keeps with it. */
interface PresetRow {
  id: string;
  title: string;
  description: string;
}

/**
 * A lab core's presets, from the lab's table of rows: each preset is only its row's id, title, description and spec
 * (a row may also carry sweep settings, UI hints or paper numbers the core does not list). Made on first use (a core
 * lists them through a getter), not when the app loads. Without `specOf`, a row's spec is its own `spec`.
 */
export function presetsFromRows<S>(rows: readonly (PresetRow & { spec: S })[]): () => Preset<S>[];
export function presetsFromRows<R extends PresetRow, S>(rows: readonly R[], specOf: (row: R) => S): () => Preset<S>[];
export function presetsFromRows<R extends PresetRow, S>(rows: readonly R[], specOf = (row: R) => (row as R & { spec: S }).spec): () => Preset<S>[] {
  return once(() => rows.map((r) => ({ id: r.id, title: r.title, description: r.description, spec: specOf(r) })));
}
