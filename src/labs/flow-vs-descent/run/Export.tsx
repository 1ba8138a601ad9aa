import { downloadJson, downloadText } from '../../../ui/download';
import { ExportLinks } from '../../../ui/ExportLinks';
import { type ExportArm, runCsv, runJson } from '../../../ui/run-export';
import type { FlowVsDescentSpec } from '../schema';
import type { FdRun } from './store';

/** A file name for the run's exports: the objective family and the horizon. */
export function exportName(spec: FlowVsDescentSpec, ext: string): string {
  return `implicit-bias-lab-flow-vs-descent-${spec.objective.family}-T${spec.horizon}.${ext}`;
}

const armOf = (run: FdRun): ExportArm => ({ role: 'run', label: 'flow and GD', spec: run.spec, buffers: run.buffers, status: run.status, final: run.final, views: run.views });

/** JSON (the spec that ran, the app version, every stamp's row and the landscape paths) and CSV (one row per stamp) of the run on screen. */
export function ExportButtons({ run }: { run: FdRun | null }) {
  return (
    <ExportLinks
      disabled={!run?.buffers}
      jsonTitle="The spec that ran, the app version, the final row, every stamp and the landscape paths"
      csvTitle="One row per stamp: t and every column of the flow and each GD run"
      onJson={() => run && downloadJson(exportName(run.spec, 'json'), runJson([armOf(run)], null))}
      onCsv={() => run && downloadText(exportName(run.spec, 'csv'), runCsv([armOf(run)]), 'text/csv')}
    />
  );
}
