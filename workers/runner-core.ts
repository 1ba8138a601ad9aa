import { buildRun, prepareRun } from '../src/experiment/build-run';
import type { RunSource } from '../src/experiment/lab-run';
import { parseSpec } from '../src/experiment/validate';
import { LabRunner } from './lab-runner';

/** Every registered lab's specs, validated by the one spec union. */
const EVERY_LAB: RunSource = { parse: parseSpec, prepare: prepareRun as RunSource['prepare'], build: buildRun as RunSource['build'] };

/** The runner of the app's runner workers: any lab's spec. */
export class RunnerCore extends LabRunner {
  constructor(transfer?: <T>(value: T, buffers: Transferable[]) => T) {
    super(EVERY_LAB, transfer);
  }
}
