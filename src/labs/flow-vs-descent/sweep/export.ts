import { name as appName, version as appVersion } from '../../../../package.json';
import type { FlowVsDescentSpec } from '../schema';
import type { SweepPointResult } from '../sweep';
import { fRange, type SweepRow, outcomeText } from './model';
import { csvField } from '../../../ui/run-export';

/**
 * The step-size sweep's exports (pure, unit-tested; the page only saves them), in the style of src/ui/run-export.ts:
 * the spec that ran (not the one edited since), the app version, the flow reference's summary and every finished eta.
 */

/** What is kept of the flow reference (its coefficients are not exported). */
export interface ReferenceSummary {
  horizon: number;
  steps: number;
  failure: string | null;
  nfev: number;
}

export interface FdSweepExport {
  lab: 'flow-vs-descent';
  kind: 'eta-sweep';
  app: { name: string; version: string };
  spec: FlowVsDescentSpec;
  etas: number[];
  maxSteps: number;
  reference: ReferenceSummary | null;
  /** Runs finished of the runs asked for (fewer when the sweep was cancelled). */
  finished: number;
  total: number;
  points: (Omit<SweepPointResult, 'ms'> & { outcomeText: string })[];
}

export function sweepJson(spec: FlowVsDescentSpec, etas: number[], maxSteps: number, reference: ReferenceSummary | null, rows: readonly SweepRow[]): FdSweepExport {
  const points = rows.flatMap((r) => {
    if (!r.result) return [];
    const { ms: _ms, ...rest } = r.result;
    return [{ ...rest, outcomeText: outcomeText(r.result) }];
  });
  return {
    lab: 'flow-vs-descent',
    kind: 'eta-sweep',
    app: { name: appName, version: appVersion },
    spec,
    etas,
    maxSteps,
    reference,
    finished: points.length,
    total: rows.length,
    points,
  };
}

const BASE_COLUMNS = [
  'eta',
  'outcome',
  'period',
  'steps',
  't_end',
  'f_minus_min',
  'grad_norm',
  'lmin',
  'lmax',
  'two_over_eta',
  'f_low',
  'f_high',
  'orbit',
  'maxD',
  'maxD_over_eta',
  'maxD_t',
  'D_measured_to_t',
  'reason',
];

/** One row per finished eta after '#' lines with the app, the spec (JSON, one line) and the reference (read with comment='#'). */
export function sweepCsv(data: FdSweepExport): string {
  const extraNames = [...new Set(data.points.flatMap((p) => Object.keys(p.extra)))];
  const lines = [
    `# ${data.lab} step-size sweep: ${data.finished} of ${data.total} runs (${data.app.name} ${data.app.version})`,
    `# spec: ${JSON.stringify(data.spec)}`,
    `# reference: ${JSON.stringify(data.reference)}`,
    [...BASE_COLUMNS, ...extraNames].join(','),
    ...data.points.map((p) => {
      const range = fRange(p);
      return [
        p.eta,
        p.outcomeText,
        p.period,
        p.steps,
        p.steps * p.eta,
        p.f,
        p.grad,
        p.lmin,
        p.lmax,
        2 / p.eta,
        range ? range[0] : Number.NaN,
        range ? range[1] : Number.NaN,
        p.orbit.join(' '),
        p.maxD,
        p.maxD / p.eta,
        p.maxDt,
        p.dUpTo,
        p.reason,
        ...extraNames.map((n) => p.extra[n] ?? Number.NaN),
      ]
        .map(csvField)
        .join(',');
    }),
  ];
  return `${lines.join('\n')}\n`;
}
