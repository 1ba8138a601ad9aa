import { name as appName, version as appVersion } from '../../../package.json';
import type { GdResult, GdTrace } from '../../engine/stability/stability';
import { csvCell, reopenHash } from '../../ui/run-export';
import type { Comparison } from './compare';
import type { StabilitySpec } from './schema';
import type { SweepSettings } from './sweep-stale';
import type { SweepKind, SweepPoint } from './sweeps-store';

/**
 * The Stability lab's JSON exports (pure, unit-tested; the page only saves them). Each writes the spec that produced
 * its results, which is the one on screen only while they are current: the run's comparison keeps its spec, and a
 * sweep keeps the experiment it ran from (an edit after the run marks the results out of date, not the export).
 */

/** A GD run without its trace (the per-step records are the page's; the end state and stop are the run's). */
const summary = (g: GdResult) => {
  const { trace: _trace, ...rest } = g;
  return rest;
};

/** The run on screen: its spec, GD's end state, the gradient flow's limit and the second start's run. */
export function runExport(c: Comparison, second: GdResult | null) {
  const lim = c.flow.limit();
  return {
    lab: 'stability',
    app: { name: appName, version: appVersion },
    spec: c.spec,
    reopen: reopenHash(c.spec),
    gd: summary(c.gd),
    gf: { R: c.flow.R, toSaddle: c.flow.toSaddle, limit: { a: lim.a[0], b: lim.b[0] }, odeVsClosed: c.gf.odeVsClosed },
    second: second && c.spec.ui.compare ? { start: c.spec.ui.compare, ...summary(second) } : null,
  };
}

/** The sweep on screen: the experiment and tab settings it ran with, its context and every run (as the CLI prints them). */
export function sweepExport(sw: {
  kind: SweepKind | null;
  spec: StabilitySpec | null;
  settings: SweepSettings | null;
  meta: Record<string, unknown>;
  points: (SweepPoint | null)[];
}) {
  return { lab: 'stability', sweep: sw.kind, spec: sw.spec, settings: sw.settings, meta: sw.meta, points: sw.points };
}

const TRACE_COLUMNS = ['step', 'a', 'b', 'eps', 'lam', 'S', 'qRatio', 'rho', 'factor'] as const satisfies readonly (keyof GdTrace)[];

/** The run on screen as CSV: the GD iterates the page recorded (thinned evenly past its cap), the spec and link in # lines. */
export function runCsv(c: Comparison): string {
  const tr = c.gd.trace;
  const lines = [`# ${appName} ${appVersion}`, `# spec: ${JSON.stringify(c.spec)}`, `# reopen: ${reopenHash(c.spec)}`, TRACE_COLUMNS.join(',')];
  if (tr) for (let i = 0; i < tr.n; i++) lines.push(TRACE_COLUMNS.map((k) => csvCell(tr[k][i])).join(','));
  return `${lines.join('\n')}\n`;
}
