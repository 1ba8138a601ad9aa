import { useMemo, useState } from 'react';
import { Landscape, type LandscapeOverlay } from '../../plots/Landscape';
import type { LandscapeGrid } from '../../plots/landscape-draw';
import { fmt } from './format';
import { Button } from '../../ui/Button';
import { selectCls } from './styles';
import { Stale } from '../../ui/Stale';
import type { StabilitySpec } from './schema';
import { sweepIsStale } from './sweep-stale';
import { runFig3, useSweepView } from './sweep-view-store';
import { useSweeps, type SweepPoint } from './sweeps-store';

type Panel = 'q' | 'steps' | 'lam' | 'outcome';

const LABELS: Record<Panel, string> = { q: 'log₁₀ |Q(T)/Q(0)|', steps: 'log₁₀ steps', lam: 'final λ', outcome: '0 conv · 1 conv, Q flipped · 2 not conv · 3 diverged' };
const SIG_HI = Math.log10(4);

function cellValue(p: SweepPoint, panel: Panel): number {
  const conv = p.outcome === 'converged';
  switch (panel) {
    case 'outcome':
      return p.outcome === 'diverged' ? 3 : conv ? (p.qRatio < 0 ? 1 : 0) : 2;
    case 'q':
      return p.outcome === 'diverged' ? NaN : Math.max(-4, Math.log10(Math.abs(p.qRatio) || 1e-300));
    case 'steps':
      return conv ? Math.log10(Math.max(1, p.steps)) : NaN;
    case 'lam':
      return conv ? p.lam : NaN;
  }
}

/**
 * The lab's Figure 3 stand-in (S-fig3): start sigma (cos 20 deg, sin 20 deg), eta on a linear grid, T = 20000,
 * converged at |eps| < 1e-6, diverged at |eps| > 1e6; every cell is a scalar GD job in the worker pool.
 */
export function Fig3({ spec }: { spec: StabilitySpec }) {
  const sw = useSweeps();
  const { nSigma, nEta } = useSweepView((s) => s.fig3);
  // its own protocol: out of date only when another grid is chosen than the one that ran
  const stale = sw.kind === 'fig3' && sweepIsStale('fig3', sw.spec, sw.settings, spec, { kind: 'fig3', nSigma, nEta });
  const setView = useSweepView((s) => s.set);
  const [panel, setPanel] = useState<Panel>('q');
  const meta = sw.meta as { nS: number; nE: number };
  const grid: LandscapeGrid | null = useMemo(() => {
    if (sw.kind !== 'fig3') return null;
    const { nS, nE } = meta;
    const values = new Float64Array(nS * nE).fill(NaN);
    sw.points.forEach((p, k) => {
      if (p) values[k] = cellValue(p, panel);
    });
    const de = (1.2 - 0.01) / (nE - 1) / 2;
    const ds = (SIG_HI + 2) / (nS - 1) / 2;
    return { values, nx: nE, ny: nS, x: [0.01 - de, 1.2 + de], y: [-2 - ds, SIG_HI + ds] };
  }, [sw.kind, sw.revision, panel]); // eslint-disable-line react-hooks/exhaustive-deps
  const overlays: LandscapeOverlay[] = [{ kind: 'path', id: 'eta1', x: [1, 1], y: [-3, 1], color: 'white', dash: '4 3', width: 1, label: 'ηΦ = 1 (no stable minimum beyond)' }];
  const full = nSigma === 100 && nEta === 120;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button onClick={() => runFig3(nSigma, nEta, spec)} disabled={sw.running} data-testid="run-fig3">
          Run Figure 3 grid
        </Button>
        <select
          value={full ? 'full' : 'coarse'}
          onChange={(e) => setView({ fig3: e.target.value === 'full' ? { nSigma: 100, nEta: 120 } : { nSigma: 40, nEta: 48 } })}
          className={selectCls}
          aria-label="grid"
        >
          <option value="full">100 σ × 120 η (spec grid)</option>
          <option value="coarse">40 σ × 48 η</option>
        </select>
        <span className="text-xs text-slate-500">
          Φ = 1, start σ(cos 20°, sin 20°), T = 20000, converged at |ε| &lt; 1e-6, diverged at |ε| &gt; 1e6 (white cells). The paper gives no protocol: this is the lab’s stand-in.
          Hover a cell for its run.
        </span>
      </div>
      <div className="flex gap-1 text-xs" role="group" aria-label="Panel">
        {(Object.keys(LABELS) as Panel[]).map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={panel === p}
            onClick={() => setPanel(p)}
            className={`rounded border px-2 py-0.5 ${panel === p ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 dark:border-slate-600'}`}
          >
            {p === 'q' ? 'Q(T)/Q(0)' : p === 'steps' ? 'steps' : p === 'lam' ? 'final λ' : 'outcome'}
          </button>
        ))}
      </div>
      {grid && (
        <Stale stale={stale} testId="sweep-stale">
          <div className="max-w-3xl">
            <Landscape
              id="fig3"
              title={`Figure 3 stand-in: ${LABELS[panel]}`}
              grid={grid}
              domain={{ x: grid.x, y: grid.y }}
              levels="none"
              colorDomain={panel === 'q' ? [-4, 0] : panel === 'outcome' ? [0, 3] : undefined}
              colorLabel={LABELS[panel]}
              xLabel="η"
              yLabel="log₁₀ σ"
              height={360}
              overlays={overlays}
              readout={(x, y) => `η ${fmt(x)}, σ ${fmt(10 ** y)}${cellText(sw.points, meta, x, y)}`}
            />
          </div>
        </Stale>
      )}
    </div>
  );
}

/** The hovered cell's run: outcome, steps and the signed Q ratio. */
function cellText(points: (SweepPoint | null)[], meta: { nS: number; nE: number }, x: number, y: number): string {
  const { nS, nE } = meta;
  const j = Math.round(((x - 0.01) / (1.2 - 0.01)) * (nE - 1));
  const i = Math.round(((y + 2) / (SIG_HI + 2)) * (nS - 1));
  if (i < 0 || j < 0 || i >= nS || j >= nE) return '';
  const p = points[(nS - 1 - i) * nE + j];
  if (!p) return '';
  return ` · ${p.outcome === 'diverged' ? `diverged at step ${p.steps}` : p.outcome === 'converged' ? `${p.steps} steps` : 'not converged'}, Q(T)/Q(0) ${p.outcome === 'diverged' ? '—' : fmt(p.qRatio)}`;
}
