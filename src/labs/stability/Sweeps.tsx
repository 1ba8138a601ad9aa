import { useEffect } from 'react';
import { sweepPresetRow, type StabilitySpec } from './schema';
import { sharedPool } from '../../state/worker-pool';
import { Bifurcation } from './Bifurcation';
import { Fig3 } from './Fig3';
import { fmt } from './format';
import { EtaSweep, ScaleSweep } from './SweepCurves';
import { runSweepDef, useSweepView, type SweepTab } from './sweep-view-store';
import { useSweeps } from './sweeps-store';
import { Tradeoff } from './Tradeoff';
import type { SpecBasics } from './compare';
import { Button } from '../../ui/Button';
import { TableExportLinks } from '../../ui/ExportLinks';
import type { TableExport } from '../../ui/run-export';
import { sweepExport } from './export-json';
import type { SweepPoint } from './sweeps-store';
import { findPreset } from '../../experiment/presets';

const POINT_COLUMNS = ['x', 'y', 'a0', 'b0', 'phi', 'eta', 'outcome', 'steps', 'a', 'b', 'eps', 'lam', 'S', 'qRatio', 'maxEtaEps', 'period'] as const;

/** A sweep's runs as table rows: the swept values, each run's start and step, its end state. */
export function sweepRows(points: readonly (SweepPoint | null)[]): unknown[][] {
  return points
    .filter((p): p is SweepPoint => !!p)
    .map((p) => [p.x, p.y ?? '', p.job.a0, p.job.b0, p.job.phi, p.job.eta, p.outcome, p.steps, p.a, p.b, p.eps, p.lam, p.S, p.qRatio, p.maxEtaEps, p.period ?? '']);
}

/** The sweep on screen with the experiment it ran from (not the one edited since): its JSON body and its CSV rows. */
export function sweepTable(): TableExport {
  const st = useSweeps.getState();
  // The Figure 3 grid has its own protocol: S-fig3 reopens it (the experiment on screen when it ran is kept as such).
  const fig3 = st.kind === 'fig3' ? (findPreset('S-fig3')?.spec ?? null) : null;
  return {
    lab: 'stability',
    kind: `${st.kind}-sweep`,
    spec: fig3 ?? st.spec,
    json: fig3 ? { ...sweepExport(st), experiment: st.spec } : sweepExport(st),
    columns: POINT_COLUMNS,
    rows: sweepRows(st.points),
    notes: [`settings: ${JSON.stringify(st.settings)}`, `${st.points.filter(Boolean).length} of ${st.total} runs`],
  };
}

const TABS: [SweepTab, string][] = [
  ['eta', 'Sweep η'],
  ['tradeoff', 'Trade-off: speed vs regularisation'],
  ['scale', 'Sweep init scale'],
  ['fig3', 'Figure 3 heatmaps'],
  ['bif', 'Beyond the edge: bifurcation'],
];

/** Sweeps over the worker pool (eta, trade-off runs, init scale, the Figure 3 stand-in) and the bifurcation view. */
export function Sweeps({ spec, c }: { spec: StabilitySpec; c: SpecBasics }) {
  const { tab, setTab, applyDef } = useSweepView();
  const sw = useSweeps();
  // A sweep preset (menu, link or reload) opens its tab with its parameters and runs it.
  const preset = spec.ui.preset;
  useEffect(() => {
    const row = sweepPresetRow(preset);
    if (!row?.sweep) return;
    applyDef(row.sweep);
    runSweepDef(row.sweep, spec);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);
  return (
    <section className="flex flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800" data-testid="stability-sweeps" data-tab={tab} aria-label="Sweeps">
      <div className="flex flex-wrap items-center gap-1" role="tablist">
        {TABS.map(([t, label]) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`rounded px-3 py-1.5 text-sm ${tab === t ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/60 dark:text-sky-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
          >
            {label}
          </button>
        ))}
        <span className="ml-auto text-xs text-slate-500">{sharedPool().size} workers</span>
      </div>
      {tab !== 'bif' && sw.kind === tab && (
        <div className="flex items-center gap-3 text-sm" role="status" aria-live="polite" data-testid="sweep-status">
          {sw.running && (
            <>
              <progress max={sw.total} value={sw.done} className="w-48" />
              <span className="num">
                {sw.done}/{sw.total}
              </span>
              <Button onClick={sw.cancel}>Cancel</Button>
            </>
          )}
          {!sw.running && sw.done === sw.total && sw.total > 0 && (
            <>
              <span className="num text-xs text-slate-500" data-testid="sweep-done" data-runs={sw.total} data-ms={sw.ms.toFixed(0)}>
                {sw.total} GD runs in {(sw.ms / 1000).toFixed(2)} s{sw.total >= 100 ? ` (${fmt(sw.total / (sw.ms / 1000), 3)} runs/s on ${sharedPool().size} workers)` : ''}
              </span>
              <span className="ml-auto shrink-0">
                <TableExportLinks
                  name={`implicit-bias-lab-stability-${sw.kind}-sweep`}
                  table={sweepTable}
                  disabled={false}
                  testId="sweep-export"
                  jsonTitle="The sweep's experiment, its link, the app version, settings and every run, as JSON"
                  csvTitle="One row per run (swept value, start, step, end state); the experiment and its link in # lines"
                />
              </span>
            </>
          )}
        </div>
      )}
      {tab === 'eta' && <EtaSweep c={c} />}
      {tab === 'tradeoff' && <Tradeoff c={c} />}
      {tab === 'scale' && <ScaleSweep c={c} />}
      {tab === 'fig3' && <Fig3 spec={spec} />}
      {tab === 'bif' && <Bifurcation eta={c.eta * c.phi} />}
      {(tab === 'eta' || tab === 'scale') && (
        <p className="text-[11px] text-slate-500">
          This sweep uses the start, Φ and tolerance of the experiment above{spec.model.d > 1 ? ' (through the exact reduction to d = 1)' : ''}; |Q∞/Q0| is the exact product of the
          per-step factors 1 − η²ε².
          {spec.model.data ? ' Data mode: η here is the step on the reduced loss, η_eff = sη.' : ''}
        </p>
      )}
    </section>
  );
}
