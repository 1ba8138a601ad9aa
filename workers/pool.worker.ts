/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runJob, runJobs, runSpecsToFinal, runSpecToFinal } from './pool-core';

// A pool member: whole specs to their final state (sweeps, multi-seed reproductions) and the labs' named jobs.
Comlink.expose({ run: runSpecToFinal, runMany: runSpecsToFinal, job: runJob, jobs: runJobs });
