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
import { downloadJson } from '../../ui/download';
import { sweepExport } from './export-json';

/** The sweep on screen with the experiment it ran from (not the one edited since), as a JSON download. */
function exportSweep() {
  const st = useSweeps.getState();
  downloadJson(`implicit-bias-lab-stability-${st.kind}-sweep.json`, sweepExport(st));
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
              <Button variant="link" className="ml-auto" testId="sweep-export" onClick={exportSweep} title="The sweep's experiment, settings and every run, as JSON">
                Export JSON
              </Button>
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
