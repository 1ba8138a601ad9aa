import { defineLab } from '../../experiment/lab-core';
import { buildSaddles } from './build';
import { analyse, findKkt } from './jobs';
import { SADDLES_DEFAULT_PRESET, SADDLES_PRESET_ROWS, saddlesCrossIssues, saddlesSpecSchema } from './schema';
import { presetsFromRows } from '../lab-presets';

/** Paper 003: saddle escapes of homogeneous networks from small initialisation (docs/labs/saddles.md). */
export const saddlesCore = defineLab({
  id: 'saddles',
  schema: saddlesSpecSchema,
  crossIssues: saddlesCrossIssues,
  ...presetsFromRows(SADDLES_PRESET_ROWS, (r) => r.spec, SADDLES_DEFAULT_PRESET),
  buildProblem: buildSaddles,
  jobs: { findKkt, analyse },
});
