import { defineLab } from '../../experiment/lab-core';
import { buildSaddles } from './build';
import { analyse, findKkt } from './jobs';
import { SADDLES_DEFAULT_PRESET, SADDLES_PRESET_ROWS, saddlesCrossIssues, saddlesSpecSchema } from './schema';

/** Paper 003: saddle escapes of homogeneous networks from small initialisation (docs/labs/saddles.md). */
export const saddlesCore = defineLab({
  id: 'saddles',
  schema: saddlesSpecSchema,
  crossIssues: saddlesCrossIssues,
  presets: SADDLES_PRESET_ROWS.map((r) => ({ id: r.id, title: r.title, description: r.description, spec: r.spec })),
  defaultPresetId: SADDLES_DEFAULT_PRESET,
  buildProblem: buildSaddles,
  jobs: { findKkt, analyse },
});
