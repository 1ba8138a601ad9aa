import { scaleLog } from 'd3';
import { useEffect, useState } from 'react';
import { OKABE_ITO } from '../../plots/palette';
import { etaName, fmt } from './format';
import { Button } from '../../ui/Button';
import { Stale } from '../../ui/Stale';
import type { StabilitySweepDef } from './schema';
import { sweepIsStale } from './sweep-stale';
import { runSweepDef, useSweepView } from './sweep-view-store';
import { useSweeps, type SweepPoint } from './sweeps-store';
import { describeTradeoff, formatEtas, formatStarts, parseEtas, parseStarts, type TradeoffItem } from './tradeoff-logic';
import type { SpecBasics } from './compare';

/**
 * S-tradeoff-eta / S-tradeoff-init: a few GD runs that vary eta (from the experiment's start) or the start (at the
 * experiment's eta); steps to converge against the imbalance left show when a bigger step or a smaller start is
 * faster, more regularised, or both.
 */
export function Tradeoff({ c }: { c: SpecBasics }) {
  const sw = useSweeps();
  const { vary, etas, starts } = useSweepView((s) => s.tradeoff);
  const setView = useSweepView((s) => s.set);
  const [text, setText] = useState('');
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => setText(vary === 'eta' ? formatEtas(etas) : formatStarts(starts)), [vary, etas, starts]);
  const run = () => {
    if (vary === 'eta') {
      const xs = parseEtas(text);
      if (!xs) return setErr('Give 1 to 12 step sizes in (0, 100], separated by commas.');
      setView({ tradeoff: { vary, etas: xs, starts } });
      runSweepDef({ tab: 'tradeoff', vary: 'eta', etas: xs }, c.spec);
    } else {
      const xs = parseStarts(text);
      if (!xs) return setErr('Give 1 to 12 starts as (a, b) pairs inside [−1000, 1000].');
      setView({ tradeoff: { vary, etas, starts: xs } });
      runSweepDef({ tab: 'tradeoff', vary: 'init', starts: xs }, c.spec);
    }
    setErr(null);
  };
  const points = sw.kind === 'tradeoff' ? sw.points.filter((p): p is SweepPoint => !!p) : [];
  // out of date once Phi, tol, T max or the start / eta it shares with the experiment changed, or another list is set
  const now: StabilitySweepDef = vary === 'eta' ? { tab: 'tradeoff', vary: 'eta', etas } : { tab: 'tradeoff', vary: 'init', starts };
  const stale = sw.kind === 'tradeoff' && sweepIsStale('tradeoff', sw.spec, sw.settings, c.spec, { kind: 'tradeoff', def: now });
  const runVary = (sw.meta as { def?: { vary: string } }).def?.vary;
  const mode = (v: 'eta' | 'init', label: string) => (
    <button
      type="button"
      aria-pressed={vary === v}
      onClick={() => setView({ tradeoff: { vary: v, etas, starts } })}
      className={`rounded border px-2 py-0.5 ${vary === v ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 dark:border-slate-600'}`}
    >
      {label}
    </button>
  );
  return (
    <div className="flex flex-col gap-3" data-testid="tradeoff">
      <div className="flex flex-wrap items-center gap-2 text-xs" role="group" aria-label="What to vary">
        {mode('eta', `vary η (start (${fmt(c.a0)}, ${fmt(c.b0)}))`)}
        {mode('init', `vary the start (${etaName(c.spec)} = ${fmt(c.eta)})`)}
      </div>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex min-w-64 flex-1 flex-col gap-0.5 text-xs font-medium text-slate-600 dark:text-slate-400">
          {vary === 'eta' ? 'step sizes η' : 'starts (a₀, b₀)'}
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && run()}
            className="num rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            data-testid="tradeoff-input"
          />
        </label>
        <Button onClick={run} disabled={sw.running} testId="run-tradeoff">
          Run {vary === 'eta' ? 'step sizes' : 'starts'}
        </Button>
      </div>
      {err && <p className="text-xs text-red-700 dark:text-red-400">{err}</p>}
      {points.length > 0 && (
        <Stale stale={stale} testId="sweep-stale">
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
            <div className="flex flex-col gap-2">
              <TradeoffTable points={points} />
              <Summary points={points} vary={runVary === 'init' ? 'init' : 'eta'} />
            </div>
            <TradeoffScatter points={points} vary={runVary === 'init' ? 'init' : 'eta'} />
          </div>
        </Stale>
      )}
      <p className="text-[11px] text-slate-500">
        Φ, tolerance (|ε| &lt; {fmt(Math.sqrt(2 * c.spec.stop.lossBelow))}) and T max ({c.spec.stop.maxSteps}) are the experiment’s. Gradient flow keeps |Q/Q0| = 1; GD’s Q∞/Q0 is
        the exact product of the per-step factors 1 − η²ε², and a smaller |Q∞| is a flatter minimum (λ∞ = √(Q∞² + 4Φ²)).
        {c.spec.model.data ? ' Data mode: the step sizes here are η_eff = sη on the reduced loss.' : ''}
      </p>
    </div>
  );
}

const startLabel = (p: SweepPoint) => `(${fmt(p.job.a0)}, ${fmt(p.job.b0)})`;

function TradeoffTable({ points }: { points: SweepPoint[] }) {
  return (
    <table className="num w-full text-xs" data-testid="tradeoff-table">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="font-normal">start (a₀, b₀)</th>
          <th className="font-normal">η</th>
          <th className="font-normal">outcome</th>
          <th className="font-normal">steps</th>
          <th className="font-normal">Q∞/Q0</th>
          <th className="font-normal">λ∞</th>
          <th className="font-normal">ηλ∞</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => {
          const conv = p.outcome === 'converged';
          return (
            <tr key={i} data-testid="tradeoff-row" data-steps={p.steps} data-q={p.qRatio} data-outcome={p.outcome}>
              <td>{startLabel(p)}</td>
              <td>{fmt(p.job.eta)}</td>
              <td>{p.outcome === 'periodic' ? `period ${p.period}` : p.outcome}</td>
              <td>{p.steps}</td>
              <td>{p.outcome === 'diverged' ? '—' : fmt(p.qRatio, 5)}</td>
              <td>{conv ? fmt(p.lam, 6) : '—'}</td>
              <td title={conv ? `ηλ∞ vs 1: ${p.job.eta * p.lam < 1 ? 'below' : 'above'}` : undefined}>{conv ? fmt(p.job.eta * p.lam, 3) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function items(points: SweepPoint[], vary: 'eta' | 'init'): TradeoffItem[] {
  const conv = points.filter((p) => p.outcome === 'converged');
  const sorted = vary === 'eta' ? [...conv].sort((a, b) => a.job.eta - b.job.eta) : [...conv].sort((a, b) => Math.hypot(b.job.a0, b.job.b0) - Math.hypot(a.job.a0, a.job.b0));
  return sorted.map((p) => ({ label: vary === 'eta' ? fmt(p.job.eta) : startLabel(p), steps: p.steps, q: Math.abs(p.qRatio) }));
}

function Summary({ points, vary }: { points: SweepPoint[]; vary: 'eta' | 'init' }) {
  const lines = describeTradeoff(items(points, vary), vary === 'eta' ? 'Larger η' : 'Smaller start');
  const bad = points.length - points.filter((p) => p.outcome === 'converged').length;
  if (!lines.length && !bad) return null;
  return (
    <ul className="list-disc pl-5 text-sm" data-testid="tradeoff-summary">
      {lines.map((l) => (
        <li key={l}>{l}.</li>
      ))}
      {bad > 0 && <li>{bad} run(s) did not converge and are left out.</li>}
    </ul>
  );
}

/** Steps (x, log) against |Q∞/Q0| (y, log): down-left is faster and more regularised. */
function TradeoffScatter({ points, vary }: { points: SweepPoint[]; vary: 'eta' | 'init' }) {
  const its = items(points, vary);
  if (!its.length) return null;
  const W = 360;
  const H = 230;
  const m = { l: 52, r: 16, t: 12, b: 36 };
  const ext = (xs: number[]) => [Math.min(...xs) / 1.6, Math.max(...xs) * 1.6];
  const [x0, x1] = ext(its.map((p) => p.steps));
  const [y0, y1] = ext(its.map((p) => Math.max(p.q, 1e-300)));
  const sx = scaleLog()
    .domain([Math.max(1, x0), x1])
    .range([m.l, W - m.r]);
  const sy = scaleLog()
    .domain([y0, Math.min(1.5, y1)])
    .range([H - m.b, m.t]);
  const xt = logTicks(sx.ticks(6));
  const yt = logTicks(sy.ticks(6));
  const pts = its.map((p) => [sx(p.steps), sy(Math.max(p.q, 1e-300))]);
  return (
    <figure className="flex flex-col gap-1" data-testid="tradeoff-scatter">
      <figcaption className="text-sm font-medium">Speed vs regularisation</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-md text-slate-500" role="img" aria-label="Steps to converge against the imbalance left, one point per run">
        <rect x={m.l} y={m.t} width={W - m.l - m.r} height={H - m.t - m.b} fill="none" stroke="currentColor" strokeOpacity={0.3} />
        {xt.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - m.b + 14} fontSize={10} textAnchor="middle" fill="currentColor">
            {fmt(t)}
          </text>
        ))}
        {yt.map((t) => (
          <text key={`y${t}`} x={m.l - 4} y={sy(t) + 3} fontSize={10} textAnchor="end" fill="currentColor">
            {t >= 1e-2 && t < 1e4 ? fmt(t) : t.toExponential(0)}
          </text>
        ))}
        <text x={(m.l + W - m.r) / 2} y={H - 4} fontSize={11} textAnchor="middle" fill="currentColor">
          steps to converge (log)
        </text>
        <text transform={`translate(12 ${(m.t + H - m.b) / 2}) rotate(-90)`} fontSize={11} textAnchor="middle" fill="currentColor">
          |Q∞/Q0| (log)
        </text>
        <polyline points={pts.map((p) => p.join(',')).join(' ')} fill="none" stroke={OKABE_ITO[1]} strokeOpacity={0.5} />
        {its.map((p, i) => (
          <g key={p.label} transform={`translate(${pts[i][0]} ${pts[i][1]})`}>
            <circle r={4} fill={OKABE_ITO[1]} />
            <text x={pts[i][0] > W - 90 ? -7 : 7} y={-6} fontSize={10} textAnchor={pts[i][0] > W - 90 ? 'end' : 'start'} className="fill-slate-800 dark:fill-slate-200">
              {vary === 'eta' ? `η ${p.label}` : p.label}
            </text>
          </g>
        ))}
      </svg>
      <p className="text-[11px] text-slate-500">Points in order of {vary === 'eta' ? 'increasing η' : 'decreasing start size'}; down and left is faster and more regularised.</p>
    </figure>
  );
}

/** Decades when the range spans at least two, otherwise a handful of d3's log ticks (a narrow range has no decade). */
function logTicks(all: number[]): number[] {
  const dec = all.filter((t) => Number.isInteger(Math.log10(t)));
  if (dec.length >= 2) return dec.length > 6 ? dec.filter((_, i) => i % Math.ceil(dec.length / 6) === 0) : dec;
  const k = Math.ceil(all.length / 5);
  return all.filter((_, i) => i % k === 0);
}
