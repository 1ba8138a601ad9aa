/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runSpecsToFinal, runSpecToFinal } from './sweep-core';

// A pool member: runs whole specs to their final state (sweeps, multi-seed reproductions).
Comlink.expose({ run: runSpecToFinal, runMany: runSpecsToFinal });
