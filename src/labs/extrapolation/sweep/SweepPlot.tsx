import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import { seriesColor } from '../../../plots/palette';
import { PlotArea } from '../../../plots/PlotArea';
import { makeScale, tickSpec } from '../../../plots/scales';
import { formatNumber, padDomain } from '../../../plots/series-math';
import { ToolButton } from '../../../plots/ToolButton';
import { useElementWidth } from '../../../plots/useElementWidth';
import { fmt } from '../../../ui/format';
import type { PlotDot, PlotGroup, PlotStat } from './sweep-model';

/**
 * A sweep's scatter plot (Sec. 8.2, plot 8): every seed's run as a dot (hollow when it did not fit its data), the
 * mean over seeds joined by a line with the range of the seeds as a bar, the zero-solution line dashed, and
 * vertical marks (k = 2 dHat, 2 dHat + 1). Log toggles, a hover and keyboard readout per x, and a click on a dot
 * opens that run. (The app's TimeSeriesPlot draws lines on a canvas; this plot's points are individual, hollow or
 * filled, and clickable, so it draws SVG with the same scales and ticks.)
 */
export interface SweepPlotProps {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  groups: PlotGroup[];
  logX?: boolean;
  logY?: boolean;
  /** Vertical dashed marks with their labels. */
  marks?: { x: number; label: string }[];
  /** Horizontal dashed reference lines. */
  refLines?: { y: number; label: string }[];
  /** Opens the point of the sweep with this index as a run. */
  onOpen?: (index: number) => void;
  /** How an x value is named in the readout ("k = 7", "σ = 1e-3"). */
  nameX: (x: number) => string;
  /** Name of the plotted value in the readout (E, β_BC). */
  nameY: string;
  height?: number;
  /** On a log y axis, values above this are drawn as ▲ at the top edge (E of exploding students reaches 1e40). */
  yCap?: number;
  emptyText?: string;
  /** Extra attributes for tests (data-*), on the figure. */
  data?: Record<string, string>;
}

const M = { top: 14, right: 16, bottom: 40, left: 58 };
const R = 3.6;

export function SweepPlot(props: SweepPlotProps) {
  const { id, title, groups, marks = [], refLines = [], onOpen, nameX, nameY, height = 280, yCap = 1e6, emptyText = 'No runs yet — press Run sweep' } = props;
  const [logX, setLogX] = useState(!!props.logX);
  const [logY, setLogY] = useState(props.logY ?? true);
  const [cursor, setCursor] = useState<number | null>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const clipId = `clip-${useId().replace(/:/g, '')}`;
  const width = useElementWidth(areaRef);
  const inner = { left: M.left, top: M.top, right: Math.max(M.left + 20, width - M.right), bottom: height - M.bottom };

  const geo = useMemo(() => {
    const okX = (x: number) => Number.isFinite(x) && (!logX || x > 0);
    const okY = (y: number) => Number.isFinite(y) && (!logY || y > 0);
    const xs = [...new Set(groups.flatMap((g) => [...g.stats.map((s) => s.x), ...g.dots.map((d) => d.x)]))].filter(okX).sort((a, b) => a - b);
    const ys = groups.flatMap((g) => [...g.dots.map((d) => d.y), ...(g.zero ?? []).map((z) => z.y)]).filter(okY);
    let yMax = ys.length ? Math.max(...ys) : Number.NaN;
    const yMin = ys.length ? Math.min(...ys) : Number.NaN;
    const capped = logY && yMax > yCap && yMin < yCap;
    if (capped) yMax = yCap;
    let xDom: [number, number];
    if (!xs.length) xDom = logX ? [1, 10] : [0, 1];
    else if (logX) xDom = padDomain(xs[0], xs[xs.length - 1], true, 0.08);
    else {
      const step = xs.length > 1 ? Math.min(...xs.slice(1).map((x, i) => x - xs[i])) : 1;
      xDom = [xs[0] - step / 2, xs[xs.length - 1] + step / 2];
    }
    const yDom = ys.length ? padDomain(yMin, yMax, logY, 0.06) : logY ? ([1e-3, 1] as [number, number]) : ([0, 1] as [number, number]);
    const sx = makeScale(logX, xDom, [inner.left, inner.right]);
    const sy = makeScale(logY, yDom, [inner.bottom, inner.top]);
    const integerX = !logX && xs.every(Number.isInteger);
    let xTicks = tickSpec(sx, logX, Math.max(2, Math.floor((inner.right - inner.left) / 60)));
    if (integerX && xs.length) {
      const every = Math.max(1, Math.ceil((xs[xs.length - 1] - xs[0] + 1) / Math.max(2, Math.floor((inner.right - inner.left) / 28))));
      const values: number[] = [];
      for (let v = Math.ceil(xDom[0]); v <= xDom[1]; v++) if (v % every === 0) values.push(v);
      xTicks = { values, format: String };
    }
    const yTicks = tickSpec(sy, logY, Math.max(2, Math.floor((inner.bottom - inner.top) / 40)));
    return { xs, sx, sy, xTicks, yTicks, okX, okY, capped, hasData: ys.length > 0 };
  }, [groups, logX, logY, yCap, inner.left, inner.right, inner.top, inner.bottom]);

  const { sx, sy, okX, okY } = geo;
  const G = groups.length;
  const offset = (gi: number) => (G > 1 ? (gi - (G - 1) / 2) * 5 : 0);
  const yPos = (y: number) => (geo.capped && y > yCap ? inner.top : sy(y));
  const drawn = groups.reduce((s, g) => s + g.dots.filter((d) => okX(d.x) && okY(d.y)).length, 0);
  const hiddenDots = groups.reduce((s, g) => s + g.dots.length, 0) - drawn;

  const nearest = (px: number) => {
    let best: number | null = null;
    let bd = Infinity;
    for (const x of geo.xs) {
      const d = Math.abs(sx(x) - px);
      if (d < bd) {
        bd = d;
        best = x;
      }
    }
    return best;
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => setCursor(nearest(e.clientX - e.currentTarget.getBoundingClientRect().left));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!geo.xs.length) return;
    const i = cursor === null ? -1 : geo.xs.indexOf(cursor);
    if (e.key === 'ArrowRight') setCursor(geo.xs[Math.min(geo.xs.length - 1, i + 1)]);
    else if (e.key === 'ArrowLeft') setCursor(geo.xs[Math.max(0, i < 0 ? geo.xs.length - 1 : i - 1)]);
    else if (e.key === 'Home') setCursor(geo.xs[0]);
    else if (e.key === 'End') setCursor(geo.xs[geo.xs.length - 1]);
    else if (e.key === 'Escape') setCursor(null);
    else return;
    e.preventDefault();
  };

  const meanPath = (stats: PlotStat[], gi: number) =>
    stats
      .filter((s) => okX(s.x) && okY(s.mean))
      .map((s, i) => `${i ? 'L' : 'M'}${(sx(s.x) + offset(gi)).toFixed(1)},${yPos(s.mean).toFixed(1)}`)
      .join('');
  const linePath = (pts: { x: number; y: number }[]) =>
    pts
      .filter((p) => okX(p.x) && okY(p.y))
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${yPos(p.y).toFixed(1)}`)
      .join('');
  const anyZero = groups.some((g) => g.zero?.length);
  const anyHollow = groups.some((g) => g.dots.some((d) => !d.fitted));
  const visibleMarks = marks.filter((m) => okX(m.x) && m.x >= Math.min(...sx.domain()) && m.x <= Math.max(...sx.domain()));
  const visibleRefs = refLines.filter((r) => okY(r.y) && r.y >= Math.min(...sy.domain()) && r.y <= Math.max(...sy.domain()));
  const tipLeft = cursor !== null && sx(cursor) > (inner.left + inner.right) / 2;

  return (
    <figure className="m-0 min-w-0 text-slate-700 dark:text-slate-300" data-testid={`plot-${id}`} data-dots={drawn} aria-label={title} {...props.data}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 flex-1 text-sm font-semibold">{title}</h3>
        <div className="flex gap-1 text-[11px]">
          <ToolButton on={logX} onClick={() => setLogX((v) => !v)} disabled={!logX && geo.xs.some((x) => x <= 0)}>
            log x
          </ToolButton>
          <ToolButton on={logY} onClick={() => setLogY((v) => !v)}>
            log y
          </ToolButton>
        </div>
      </div>
      <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs" role="group" aria-label="Key">
        {groups.map((g, gi) => (
          <span key={g.id} className="inline-flex items-center gap-1">
            <svg width="18" height="10" aria-hidden="true">
              <line x1="1" x2="17" y1="5" y2="5" stroke={seriesColor(gi)} strokeWidth="1.6" />
              <circle cx="9" cy="5" r="3" fill={seriesColor(gi)} />
            </svg>
            {g.label}
          </span>
        ))}
        {G > 0 && <span className="text-slate-500">line: mean over seeds; bar: range of the seeds; dots: each seed</span>}
        {anyHollow && (
          <span className="inline-flex items-center gap-1 text-slate-500">
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="3.4" fill="none" stroke="currentColor" strokeWidth="1.3" />
            </svg>
            not fitted (final loss above 1% of L(0))
          </span>
        )}
        {anyZero && (
          <span className="inline-flex items-center gap-1 text-slate-500">
            <svg width="18" height="6" aria-hidden="true">
              <line x1="1" x2="17" y1="3" y2="3" stroke="currentColor" strokeWidth="1.2" strokeDasharray="4 3" />
            </svg>
            zero solution (E of h = 0)
          </span>
        )}
      </div>
      <PlotArea
        ref={areaRef}
        height={height}
        label={`${title}: arrow keys step the readout through the sweep's values, Escape hides it`}
        onPointerMove={onMove}
        onPointerLeave={() => setCursor(null)}
        onBlur={() => setCursor(null)}
        onKeyDown={onKey}
      >
        <svg width={width} height={height} className="absolute inset-0 overflow-visible" aria-hidden="true">
          <g stroke="currentColor" strokeOpacity={0.12}>
            {geo.xTicks.values.map((v) => (
              <line key={`gx${v}`} x1={sx(v)} x2={sx(v)} y1={inner.top} y2={inner.bottom} />
            ))}
            {geo.yTicks.values.map((v) => (
              <line key={`gy${v}`} x1={inner.left} x2={inner.right} y1={sy(v)} y2={sy(v)} />
            ))}
          </g>
          <g fontSize={11} fill="currentColor">
            <line x1={inner.left} x2={inner.right} y1={inner.bottom} y2={inner.bottom} stroke="currentColor" strokeOpacity={0.5} />
            <line x1={inner.left} x2={inner.left} y1={inner.top} y2={inner.bottom} stroke="currentColor" strokeOpacity={0.5} />
            {geo.xTicks.values.map((v) => (
              <text key={`tx${v}`} x={sx(v)} y={inner.bottom + 14} textAnchor="middle">
                {geo.xTicks.format(v)}
              </text>
            ))}
            {geo.yTicks.values.map((v) => (
              <text key={`ty${v}`} x={inner.left - 6} y={sy(v) + 4} textAnchor="end">
                {geo.yTicks.format(v)}
              </text>
            ))}
            <text x={(inner.left + inner.right) / 2} y={height - 6} textAnchor="middle">
              {props.xLabel}
            </text>
            <text transform={`translate(12,${(inner.top + inner.bottom) / 2}) rotate(-90)`} textAnchor="middle">
              {props.yLabel}
            </text>
          </g>
          {visibleMarks.map((m, i) => (
            <g key={`m${m.x}`} fontSize={10} fill="currentColor">
              <line x1={sx(m.x)} x2={sx(m.x)} y1={inner.top} y2={inner.bottom} stroke="currentColor" strokeOpacity={0.55} strokeDasharray="2 3" />
              <text x={sx(m.x) + (i % 2 ? 3 : -3)} y={inner.top + 9} textAnchor={i % 2 ? 'start' : 'end'} opacity={0.8}>
                {m.label}
              </text>
            </g>
          ))}
          {visibleRefs.map((r) => (
            <g key={`r${r.y}`} fontSize={10} fill="currentColor">
              <line x1={inner.left} x2={inner.right} y1={sy(r.y)} y2={sy(r.y)} stroke="currentColor" strokeOpacity={0.55} strokeDasharray="5 4" />
              <text x={inner.right - 2} y={sy(r.y) - 3} textAnchor="end" opacity={0.8}>
                {r.label}
              </text>
            </g>
          ))}
          <defs>
            <clipPath id={clipId}>
              <rect x={inner.left - 8} y={inner.top - 8} width={inner.right - inner.left + 16} height={inner.bottom - inner.top + 16} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clipId})`}>
            <g>
              {groups.map((g, gi) => {
                const c = seriesColor(gi);
                return (
                  <g key={g.id} color={c}>
                    {g.zero && <path d={linePath(g.zero)} fill="none" stroke="currentColor" strokeWidth={1.2} strokeDasharray="5 4" opacity={0.75} />}
                    {g.stats
                      .filter((s) => s.n > 1 && okX(s.x) && okY(s.min) && okY(s.max))
                      .map((s) => (
                        <line
                          key={`b${s.x}`}
                          x1={sx(s.x) + offset(gi)}
                          x2={sx(s.x) + offset(gi)}
                          y1={yPos(s.min)}
                          y2={yPos(s.max)}
                          stroke="currentColor"
                          strokeWidth={3}
                          strokeOpacity={0.25}
                          strokeLinecap="round"
                        />
                      ))}
                    <path d={meanPath(g.stats, gi)} fill="none" stroke="currentColor" strokeWidth={1.6} />
                    {g.dots
                      .filter((d) => okX(d.x) && okY(d.y))
                      .map((d) => (
                        <Dot key={d.index} d={d} cx={sx(d.x) + offset(gi)} cy={yPos(d.y)} off={geo.capped && d.y > yCap} onOpen={onOpen} nameX={nameX} nameY={nameY} />
                      ))}
                  </g>
                );
              })}
            </g>
          </g>
          {cursor !== null && okX(cursor) && (
            <line x1={sx(cursor)} x2={sx(cursor)} y1={inner.top} y2={inner.bottom} stroke="currentColor" strokeOpacity={0.35} pointerEvents="none" />
          )}
        </svg>
        {!geo.hasData && <div className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm opacity-70">{emptyText}</div>}
        {cursor !== null && (
          <div
            className="pointer-events-none absolute z-10 min-w-32 max-w-72 rounded border border-slate-300 bg-white/95 px-2 py-1 text-[11px] leading-4 shadow-sm dark:border-slate-600 dark:bg-slate-800/95"
            style={{ top: inner.top + 4, ...(tipLeft ? { right: width - sx(cursor) + 10 } : { left: sx(cursor) + 10 }) }}
            data-testid={`plot-${id}-readout`}
          >
            <div className="font-medium">{nameX(cursor)}</div>
            {groups.map((g, gi) => {
              const s = g.stats.find((t) => t.x === cursor);
              if (!s) return null;
              const seeds = g.dots.filter((d) => d.x === cursor);
              return (
                <div key={g.id} className="num">
                  <span style={{ color: seriesColor(gi) }}>■</span> {G > 1 ? `${g.label}: ` : ''}
                  mean {nameY} {fmt(s.mean, 3)}
                  {s.n > 1 ? ` ± ${fmt(s.std, 2)}` : ''} ({s.fitted}/{seeds.length} fitted)
                  <div className="text-slate-500">{seeds.map((d) => `s${d.seed}: ${fmt(d.y, 3)}${d.fitted ? '' : ' ○'}`).join(', ')}</div>
                </div>
              );
            })}
          </div>
        )}
      </PlotArea>
      {(geo.capped || hiddenDots > 0) && (
        <figcaption className="text-[11px] text-slate-500">
          {geo.capped ? `▲ at the top: values above ${formatNumber(yCap)} (exploding students; the readout has them). ` : ''}
          {hiddenDots > 0 ? `${hiddenDots} run${hiddenDots > 1 ? 's' : ''} not drawn (a value that is 0 or not finite on this axis).` : ''}
        </figcaption>
      )}
    </figure>
  );
}

function Dot({
  d,
  cx,
  cy,
  off,
  onOpen,
  nameX,
  nameY,
}: {
  d: PlotDot;
  cx: number;
  cy: number;
  off: boolean;
  onOpen?: (i: number) => void;
  nameX: (x: number) => string;
  nameY: string;
}) {
  const tip = `${nameX(d.x)}, seed ${d.seed}: ${nameY} = ${fmt(d.y, 4)}${d.fitted ? '' : ' (not fitted)'}${onOpen ? ' — click to open as a run' : ''}`;
  const common = {
    'data-index': d.index,
    'data-x': d.x,
    'data-seed': d.seed,
    'data-y': d.y,
    'data-fitted': String(d.fitted),
    style: onOpen ? { cursor: 'pointer' } : undefined,
    onClick: onOpen ? () => onOpen(d.index) : undefined,
    fill: d.fitted ? 'currentColor' : 'none',
    stroke: 'currentColor',
    strokeWidth: 1.3,
  };
  return off ? (
    <path d={`M${cx},${cy - 1}l${R + 0.6},${2 * R}h${-2 * R - 1.2}z`} {...common}>
      <title>{tip}</title>
    </path>
  ) : (
    <circle cx={cx} cy={cy} r={R} fillOpacity={d.fitted ? 0.85 : 0} pointerEvents="visible" {...common}>
      <title>{tip}</title>
    </circle>
  );
}
