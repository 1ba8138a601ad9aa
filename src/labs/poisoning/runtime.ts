import type { LabRuntime } from '../../experiment/lab-core';
import { buildRunFor } from '../../experiment/lab-run';
import { buildPoisoning } from './build';
import { effectiveSpec } from './effective';
import { poisoningSliceField, SLICE_FIELD } from './explore/slice-field';
import { formatThm1, reproduceThm1, type ReproRow } from './repro-thm1';
import type { PoisoningSpec } from './schema';

/** The Poisoning lab's runtime (LabCore.runtime): the engine adapter, the Explore slice field, the Theorem 1 reproduction. */
export const poisoningRuntime: LabRuntime<PoisoningSpec> = {
  buildProblem: buildPoisoning,
  /** The Explore page's (a_1, a_2) slice of the training loss, mapped in the landscape worker. */
  fields: { [SLICE_FIELD]: poisoningSliceField },
  repro: {
    thm1: {
      what: 'paper 000, "Per Theorem 1" rows of Tables 1 and 3 (exact gradient flow, the reference seeds)',
      run: () => reproduceThm1((spec) => buildRunFor({ effective: effectiveSpec }, { buildProblem: buildPoisoning }, spec)),
      print: (rows) => formatThm1(rows as ReproRow[]),
    },
  },
};
