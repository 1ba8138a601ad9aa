import { objectiveProblem } from '../../engine/flow-descent/tracking-run';
import type { LabRuntime, Reproduction } from '../../experiment/lab-core';
import { buildFlowVsDescentRun, buildObjective } from './build';
import { FD_FIELDS } from './fields';
import { loadLiveMnist } from './mnist/live-data';
import { reproCardsText } from './repro-text';
import type { FlowVsDescentSpec } from './schema';

// The jobs, CLI extras and reproductions load on first use within the runtime: a worker that only runs one spec
// need not load the sweep, theory and reproduction code.
const sweep = () => import('./sweep');
const cli = () => import('./cli');

/** The Flow vs Descent lab's runtime (LabCore.runtime): the engine adapter and lockstep run, data, fields, jobs, CLI extras. */
export const flowVsDescentRuntime: LabRuntime<FlowVsDescentSpec> = {
  buildProblem: (spec: FlowVsDescentSpec) => {
    const { objective, theta0 } = buildObjective(spec);
    return { problem: objectiveProblem(objective), theta0 };
  },
  buildRun: buildFlowVsDescentRun,
  // the live MNIST mode's images load on demand, not with the app
  prepare: async (spec: FlowVsDescentSpec) => (spec.objective.family === 'mnist' ? loadLiveMnist() : undefined),
  fields: FD_FIELDS,
  cliPreset: async (id: string) => (await cli()).flowVsDescentCliPreset(id),
  repro: {
    fd: {
      what: 'paper 001, every Flow vs Descent preset with its lab-spec values (Sec. 5), checked',
      run: async () => {
        const { REPRO_IDS, reproduceCard } = await import('./reproduce');
        return Promise.all(REPRO_IDS.map((id) => reproduceCard(id)));
      },
      print: reproCardsText,
    } satisfies Reproduction,
  },
  jobs: {
    // one Reproduce card's preset run and checked (reproduce.ts)
    reproduce: async (id: string) => (await import('./reproduce')).reproduceCard(id),
    // the Theory page's flow trace or one rescaled point (theory/job.ts)
    theory: async (job: Parameters<typeof import('./theory/job').fdTheoryJob>[0]) => (await import('./theory/job')).fdTheoryJob(job),
    // a spec's flow solved once, as plain data (sent with every point) ...
    sweepReference: async (spec: FlowVsDescentSpec) => (await sweep()).sweepReference(spec),
    // ... and GD at one eta to its Sec. 4 stop rule, D against that flow (sweep.ts)
    sweepPoint: async (input: import('./sweep').SweepPointInput) => (await sweep()).sweepPoint(input),
  },
};
