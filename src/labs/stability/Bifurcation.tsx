import { useEffect, useMemo, useState } from 'react';
import { linspace } from '../../engine/stability/compare';
import { BIF, bifEtas, bifJobs, binBifurcation, type BifJob, type BifJobResult } from '../../engine/stability/jobs';
import { findPreset } from '../../experiment/presets';
import { TableExportLinks } from '../../ui/ExportLinks';
import type { TableExport } from '../../ui/run-export';
import { balancedTwoCycle, TWO_CYCLE_END } from '../../engine/stability/stability';
import { Landscape, type LandscapeOverlay } from '../../plots/Landscape';
import type { LandscapeGrid } from '../../plots/landscape-draw';
import { OKABE_ITO } from '../../plots/palette';
import { sharedPool } from '../../state/worker-pool';
import { mapStabilityJobs } from './pool';
import { fmt } from './format';
import { selectCls } from './styles';
import { useSweepView } from './sweep-view-store';

const N_LAM = 300;

interface BifState {
  key: string;
  cols: (BifJobResult | null)[];
  done: number;
  ms: number;
  finished: boolean;
  /** Bumped when the partial diagram should be redrawn (at most every 600 ms: binning 2000 x 300 cells is not free). */
  paint: number;
}

// The last finished diagram, kept across tab switches (it depends only on its resolution).
let cache: BifState | null = null;

/** Columns across the worker pool, streamed into the density grid as chunks finish. */
function useBifurcation(nEta: number, burnIn: number): BifState {
  const key = `${nEta}:${burnIn}`;
  const [st, setSt] = useState<BifState>(() => (cache?.key === key ? cache : { key, cols: [], done: 0, ms: 0, finished: false, paint: 0 }));
  useEffect(() => {
    if (cache?.key === key) return setSt(cache);
    const jobs = bifJobs(BIF.h, nEta, 1, BIF.r0, burnIn, BIF.keep);
    const cols: (BifJobResult | null)[] = new Array(nEta).fill(null);
    const ctrl = new AbortController();
    const t0 = performance.now();
    let paint = 0;
    let lastPaint = t0;
    setSt({ key, cols, done: 0, ms: 0, finished: false, paint });
    mapStabilityJobs(
      jobs.map((j) => j.job as BifJob),
      (done, _total, i, r) => {
        if (ctrl.signal.aborted) return;
        if (r.kind === 'bif') cols[i] = r;
        const now = performance.now();
        if (now - lastPaint > 600) {
          paint++;
          lastPaint = now;
        }
        setSt({ key, cols, done, ms: now - t0, finished: false, paint });
      },
      ctrl.signal,
    )
      .then(() => {
        if (ctrl.signal.aborted) return;
        cache = { key, cols, done: nEta, ms: performance.now() - t0, finished: true, paint: paint + 1 };
        setSt(cache);
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [key, nEta, burnIn]);
  return st;
}

/**
 * A finished diagram as a table: one row per kept value of lam (ηΦ, its index after the burn-in, lam), a diverged
 * column as one row without lam; the JSON has the protocol and every column. S-bif's spec reopens it.
 */
export function bifTable(st: BifState, nEta: number, burnIn: number): TableExport {
  const hs = bifEtas(BIF.h, nEta, 1);
  const rows: unknown[][] = [];
  st.cols.forEach((c, i) => {
    if (!c || c.lam.length === 0) rows.push([hs[i], '', '', c ? c.diverged : '']);
    else c.lam.forEach((l, k) => rows.push([hs[i], k, l, c.diverged]));
  });
  return {
    lab: 'stability',
    kind: 'bifurcation',
    spec: findPreset('S-bif')?.spec ?? null,
    json: {
      protocol: { line: 'a = b', phi: 1, r0: BIF.r0, etaPhi: BIF.h, columns: nEta, burnIn, keep: BIF.keep },
      columns: st.cols.map((c, i) => ({ etaPhi: hs[i], diverged: c?.diverged ?? null, lam: c?.lam ?? [] })),
    },
    columns: ['etaPhi', 'k', 'lam', 'diverged'],
    rows,
    notes: [`GD on a = b from (${BIF.r0}, ${BIF.r0}), Phi = 1: ${nEta} columns, burn-in ${burnIn}, then ${BIF.keep} values of lam each`],
  };
}

/** S-bif: lam on the balanced line a = b after a burn-in, for each eta Phi (lab spec Sec. 3.6, Sec. 7 plot 8). */
export function Bifurcation({ eta }: { eta: number }) {
  const { nEta, burnIn } = useSweepView((s) => s.bif);
  const setView = useSweepView((s) => s.set);
  const st = useBifurcation(nEta, burnIn);
  const grid: LandscapeGrid | null = useMemo(() => {
    if (st.cols.length !== nEta || st.paint === 0) return null;
    const v = binBifurcation(st.cols, BIF.lam, N_LAM);
    for (let i = 0; i < v.length; i++) v[i] = v[i] > 0 ? Math.log10(v[i]) : Number.isNaN(v[i]) ? NaN : -0.5;
    return { values: v, nx: nEta, ny: N_LAM, x: BIF.h, y: BIF.lam };
  }, [st.key, st.paint, nEta]); // eslint-disable-line react-hooks/exhaustive-deps
  const overlays = useMemo<LandscapeOverlay[]>(() => {
    const hs = linspace(1.0001, TWO_CYCLE_END, 100);
    const cyc = hs.map((h) => balancedTwoCycle(h, 1)!);
    const hAll = linspace(0.8, 2.05, 200);
    return [
      { kind: 'path', id: 'two-over-eta', x: hAll, y: hAll.map((h) => 2 / h), color: OKABE_ITO[4], width: 1.5, dash: '5 3', label: '2/η' },
      { kind: 'path', id: 'lam-plus', x: hs, y: cyc.map((c) => c.lamPlus), color: OKABE_ITO[1], width: 1.2, dash: '2 2', label: 'λ± of the 2-cycle (Sec. 3.6)' },
      { kind: 'path', id: 'lam-minus', x: hs, y: cyc.map((c) => c.lamMinus), color: OKABE_ITO[1], width: 1.2, dash: '2 2' },
      { kind: 'path', id: 'now', x: [eta, eta], y: [0, 5], color: 'white', width: 1, label: `current ηΦ = ${fmt(eta)}` },
    ];
  }, [eta]);
  const spec = nEta === 2000 && burnIn === 100000;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        GD on the balanced line a = b (Φ = 1, start 0.7) after a burn-in; the density of the next 64 values of λ for each ηΦ. A fixed point up to ηΦ = 1, then the 2-cycle (whose λ±
        have geometric mean exactly 2/η), period doubling near 1.24, chaos with windows (period 3 at 1.7), divergence past 2. Columns left white diverged.
      </p>
      <div className="flex flex-wrap items-center gap-3 text-xs" role="status" aria-live="polite">
        <label className="inline-flex items-center gap-1">
          resolution
          <select
            value={spec ? 'spec' : 'quick'}
            onChange={(e) => setView({ bif: e.target.value === 'spec' ? { nEta: 2000, burnIn: 100000 } : { nEta: 500, burnIn: 20000 } })}
            className={selectCls}
            data-testid="bif-resolution"
          >
            <option value="spec">2000 columns, burn-in 1e5 (spec)</option>
            <option value="quick">500 columns, burn-in 2e4 (quick)</option>
          </select>
        </label>
        {!st.finished && (
          <>
            <progress max={nEta} value={st.done} className="w-40" />
            <span className="num">
              {st.done}/{nEta} columns
            </span>
          </>
        )}
        {st.finished && (
          <span className="num text-slate-500" data-testid="bif-done" data-ms={st.ms.toFixed(0)} data-columns={nEta}>
            {nEta} columns × {fmt(burnIn + BIF.keep)} steps in {(st.ms / 1000).toFixed(2)} s on {sharedPool().size} workers
          </span>
        )}
        <span className="ml-auto">
          <TableExportLinks
            name={`implicit-bias-lab-stability-bifurcation-${nEta}`}
            testId="bif-export"
            disabled={!st.finished}
            table={() => bifTable(st, nEta, burnIn)}
            csvTitle="One row per value of λ kept (ηΦ, its index after the burn-in, λ); the protocol, the S-bif spec and its link in # lines"
          />
        </span>
      </div>
      <div className="max-w-3xl">
        <Landscape
          id="bifurcation"
          title="Bifurcation diagram of λ on a = b"
          grid={grid}
          domain={{ x: BIF.h, y: BIF.lam }}
          levels="none"
          colorLabel="log₁₀ count"
          xLabel="ηΦ"
          yLabel="λ"
          height={360}
          overlays={overlays}
          readout={(x, y) => `ηΦ ${fmt(x)}, λ ${fmt(y)}`}
        />
      </div>
    </div>
  );
}
