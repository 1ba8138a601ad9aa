/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { labRunSource } from '../src/experiment/lab-run';
import { poisoningCore } from '../src/labs/poisoning/core';
import { LabRunner } from './lab-runner';

// A runner worker for Poisoning specs only: the start page's demo. It bundles one lab, not every lab's engine and
// schema, so a cold load starts computing sooner (the demo must move within 1.5 s of navigation).
Comlink.expose(new LabRunner(labRunSource(poisoningCore), (value, buffers) => Comlink.transfer(value, buffers)));
