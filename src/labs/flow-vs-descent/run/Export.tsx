import { RunExportLinks } from '../../../ui/ExportLinks';
import type { ExportArm } from '../../../ui/run-export';
import type { FlowVsDescentSpec } from '../schema';
import type { FdRun } from './store';

/** A file name for the run's exports: the objective family and the horizon. */
export function exportName(spec: FlowVsDescentSpec): string {
  return `implicit-bias-lab-flow-vs-descent-${spec.objective.family}-T${spec.horizon}`;
}

const armOf = (run: FdRun): ExportArm => ({ role: 'run', label: 'flow and GD', spec: run.spec, buffers: run.buffers, status: run.status, final: run.final, views: run.views });

/** JSON (the spec that ran, the app version, every stamp's row and the landscape paths) and CSV (one row per stamp) of the run on screen. */
export function ExportButtons({ run }: { run: FdRun | null }) {
  return <RunExportLinks name={run ? exportName(run.spec) : 'run'} disabled={!run?.buffers} arms={() => (run ? [armOf(run)] : [])} />;
}
