/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runSpecsToFinal, runSpecToFinal, runStabilityMany } from './sweep-core';

// A pool member: runs whole specs to their final state (sweeps, multi-seed reproductions), and the Stability lab's
// scalar jobs (runStabilityMany).
Comlink.expose({ run: runSpecToFinal, runMany: runSpecsToFinal, runStabilityMany });
