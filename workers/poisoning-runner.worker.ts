/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { labRunSource } from '../src/experiment/lab-run';
import { poisoningCore } from '../src/labs/poisoning/core';
// imported here too, so the core's dynamic import of it resolves in this bundle, without a second fetch before the demo runs
import '../src/labs/poisoning/runtime';
import { LabRunner } from './lab-runner';

// A runner worker for Poisoning specs only: the start page's demo. It bundles one lab, not every lab's engine and
// schema, so a cold load starts computing sooner (the demo must move within 1.5 s of navigation).
Comlink.expose(new LabRunner(labRunSource(poisoningCore), (value, buffers) => Comlink.transfer(value, buffers)));
