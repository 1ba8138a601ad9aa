import type { ExtrapolationSpec, SweepDef } from '../schema';
import { type PointResult, summariseSweep, type SweepPointResult } from '../sweeps';
import type { ScoredPoint } from './sweep-model';
import { csvField } from '../../../ui/run-export';

/**
 * The Sweeps page's exports (pure, unit-tested; the page only saves them): the experiment the sweep ran from (with
 * the sweep in its ui, so it reopens as a link), every finished point and the per-(teacher, sigma, k) summary.
 */

const finished = (points: readonly ScoredPoint[]): SweepPointResult[] =>
  points.filter((p): p is ScoredPoint & { result: PointResult } => p.result !== null).map(({ index: _i, ...p }) => p);

export interface SweepExport {
  lab: string;
  kind: 'sweep';
  /** The experiment the sweep ran from, its ui.sweep the sweep. */
  spec: ExtrapolationSpec;
  sweep: SweepDef;
  /** Runs finished of the runs asked for (fewer when the sweep was cancelled). */
  finished: number;
  total: number;
  points: SweepPointResult[];
  summary: ReturnType<typeof summariseSweep>;
}

export function sweepJson(lab: string, spec: ExtrapolationSpec, sweep: SweepDef, points: readonly ScoredPoint[]): SweepExport {
  const done = finished(points);
  return { lab, kind: 'sweep', spec, sweep, finished: done.length, total: points.length, points: done, summary: summariseSweep(done) };
}

const row = (values: unknown[]) => values.map(csvField).join(',');

const POINT_COLUMNS = ['teacher', 'k', 'sigma', 'seed', 'E', 'zeroLine', 'fitted', 'loss', 'loss0', 'betaBC', 'alphaA', 'specRadius', 'effDim', 'steps', 'reason'] as const;
const SUMMARY_COLUMNS = ['teacher', 'k', 'sigma', 'n', 'meanE', 'stdE', 'minE', 'maxE', 'meanBetaBC', 'zeroLine', 'fitted'] as const;

/**
 * The sweep as CSV: '#' comment lines with the experiment (JSON, one line) and the sweep, then the points table, an
 * empty line, and the summary table (read each with e.g. pandas.read_csv(..., comment='#') after splitting at the
 * empty line).
 */
export function sweepCsv(data: SweepExport): string {
  const lines = [
    `# ${data.lab} sweep: ${data.finished} of ${data.total} runs`,
    `# spec: ${JSON.stringify(data.spec)}`,
    `# sweep: ${JSON.stringify(data.sweep)}`,
    '# points',
    POINT_COLUMNS.join(','),
    ...data.points.map((p) =>
      row([
        p.teacherLabel,
        p.k,
        p.sigma,
        p.seed,
        p.result.E,
        p.result.zeroLine,
        p.result.fitted,
        p.result.loss,
        p.result.loss0,
        p.result.betaBC,
        p.result.alphaA,
        p.result.specRadius,
        p.result.effDim,
        p.result.steps,
        p.result.reason,
      ]),
    ),
    '',
    '# summary (mean and population std over seeds)',
    SUMMARY_COLUMNS.join(','),
    ...data.summary.map((s) => row([s.teacherLabel, s.k, s.sigma, s.n, s.meanE, s.stdE, s.minE, s.maxE, s.meanBetaBC, s.zeroLine, s.fitted])),
  ];
  return `${lines.join('\n')}\n`;
}
