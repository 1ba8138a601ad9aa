import { name as appName, version as appVersion } from '../../package.json';
import type { FinalState, RunStatus } from '../engine/core/run';
import type { SeriesBuffers } from '../state/series';
import { encodeSpec } from '../experiment/link';
import type { Spec } from '../experiment/schema';

/** The hash that reopens a spec in the app (`#lab=...&s=...`): append it to the app's address. */
export const reopenHash = (spec: { lab: string }) => `#lab=${spec.lab}&${encodeSpec(spec as Spec)}`;

/**
 * A run page's exports (pure, unit-tested; the page only saves them), for every lab. Each writes the spec that ran (every arm's,
 * as its store kept it), never the one edited since: an edit after the run marks the results out of date, not the
 * export. JSON: specs, app version, final states, the recorded series and the current views. CSV: one row per
 * recorded step and arm, the loss and every metric.
 */
export interface ExportArm {
  /** 'main' or 'compare'. */
  role: string;
  label: string;
  spec: { lab: string };
  buffers: SeriesBuffers | null;
  status: RunStatus | null;
  final: FinalState | null;
  views: Record<string, Float64Array>;
}

const column = (a: ArrayLike<number>, n: number) => Array.from({ length: n }, (_, i) => a[i]);

/** The recorded series of an arm: step, t, loss and each metric, as plain arrays. */
export function seriesOf(b: SeriesBuffers | null): Record<string, number[]> {
  if (!b) return {};
  const n = b.count;
  const out: Record<string, number[]> = { step: column(b.step, n), t: column(b.t, n), loss: column(b.loss, n) };
  b.metricNames.forEach((m, k) => (out[m] = column(b.metrics[k], n)));
  return out;
}

export function runJson(arms: ExportArm[], compare: string | null) {
  return {
    lab: arms[0]?.spec.lab ?? null,
    app: { name: appName, version: appVersion },
    compare,
    arms: arms.map((a) => ({
      role: a.role,
      label: a.label,
      spec: a.spec,
      reopen: reopenHash(a.spec),
      steps: a.status?.steps ?? 0,
      stop: a.status?.stop ?? null,
      final: a.final,
      series: seriesOf(a.buffers),
      views: Object.fromEntries(Object.entries(a.views).map(([k, v]) => [k, Array.from(v)])),
    })),
  };
}

/** A CSV value: numbers exactly (shortest round-trip digits), non-finite ones as NaN / Infinity / -Infinity. */
export const csvCell = (v: number) => (Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');

/** A CSV field of any kind: a number as csvCell writes it, text quoted when it must be. */
export function csvField(v: unknown): string {
  if (typeof v === 'number') return csvCell(v);
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function runCsv(arms: ExportArm[]): string {
  const metrics = arms.find((a) => a.buffers)?.buffers?.metricNames ?? [];
  // What produced the rows, as # comment lines before the header: the app, each arm's spec and its link.
  const lines = [`# ${appName} ${appVersion}`];
  for (const a of arms) lines.push(`# ${a.role} spec: ${JSON.stringify(a.spec)}`, `# ${a.role} reopen: ${reopenHash(a.spec)}`);
  lines.push(['arm', 'step', 't', 'loss', ...metrics].join(','));
  for (const a of arms) {
    const b = a.buffers;
    if (!b) continue;
    const cols = metrics.map((m) => (b.metricNames.includes(m) ? b.metric(m) : null));
    for (let r = 0; r < b.count; r++) lines.push([a.role, csvCell(b.step[r]), csvCell(b.t[r]), csvCell(b.loss[r]), ...cols.map((c) => (c ? csvCell(c[r]) : ''))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A table of results that is not a run's series (a sweep, a heatmap's cells, a bifurcation diagram, a Reproduce
 * card): the spec that produced it (null when nothing reopens it), the lab's own JSON body, and the rows of its CSV.
 */
export interface TableExport {
  lab: string;
  /** What the table is, e.g. 'eta-sweep', 'fig3', 'bifurcation', 'repro'. */
  kind: string;
  spec: { lab: string } | null;
  /** The lab's fields of the JSON (settings, points, verdicts, ...); lab, kind, app, spec and reopen are the table's. */
  json: Record<string, unknown>;
  /** The CSV: its header and rows (numbers written exactly, text quoted when it must be). */
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** More `# key: value` lines above the CSV's header (settings, verdicts). */
  notes?: readonly string[];
}

/** A table's JSON: lab, kind, app version, the spec and its reopen link, then the lab's fields. */
export function tableJson(t: TableExport) {
  return { ...t.json, lab: t.lab, kind: t.kind, app: { name: appName, version: appVersion }, spec: t.spec, reopen: t.spec ? reopenHash(t.spec) : null };
}

/** A table's CSV: `#` lines (app and version, the spec, its reopen link, notes), then the header and one line per row. */
export function tableCsv(t: TableExport): string {
  const lines = [`# ${appName} ${appVersion}`, `# ${t.lab} ${t.kind}`];
  if (t.spec) lines.push(`# spec: ${JSON.stringify(t.spec)}`, `# reopen: ${reopenHash(t.spec)}`);
  for (const n of t.notes ?? []) lines.push(`# ${n.replace(/\n/g, ' ')}`);
  lines.push(t.columns.map(csvField).join(','));
  for (const r of t.rows) lines.push(r.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
