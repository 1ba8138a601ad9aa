import { scaleLinear } from 'd3';
import { type ReactNode, useRef } from 'react';
import { useElementWidth } from '../../../plots/useElementWidth';
import { fmt } from '../../../ui/format';

/** One set of points: filled dots, rings or crosses in one colour. */
export interface ScatterGroup {
  id: string;
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  shape?: 'dot' | 'ring' | 'cross';
  /** Radius in px (default 3.5). */
  r?: number;
  /** Names of the points (their tooltips), e.g. "a₃". */
  names?: (i: number) => string;
  /** A radius in px per point (e.g. sized by |residue|), overriding r. */
  radii?: ArrayLike<number>;
  /** Extra tooltip text per point (e.g. the residue). */
  notes?: (i: number) => string;
}

export interface ScatterPlotProps {
  id: string;
  title: string;
  groups: ScatterGroup[];
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  height?: number;
  /** Same data units per pixel on both axes (the complex plane), the y domain widened to fit. */
  equalAspect?: boolean;
  /** Draw the unit circle (eigenvalues of A). */
  unitCircle?: boolean;
  emptyText?: string;
  children?: ReactNode;
}

const M = { top: 10, right: 12, bottom: 34, left: 52 };

/**
 * A small SVG scatter plot (atoms (a_i, p_i), eigenvalues of A): at most a few hundred points, redrawn by React with
 * the run's frames. Points outside the domain are pinned to its edge and drawn faint; each point's tooltip names it.
 */
export function ScatterPlot({
  id,
  title,
  groups,
  xLabel,
  yLabel,
  xDomain,
  yDomain,
  height = 240,
  equalAspect,
  unitCircle,
  emptyText = 'No data yet — press Run',
  children,
}: ScatterPlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const innerW = Math.max(20, width - M.left - M.right);
  const innerH = Math.max(20, height - M.top - M.bottom);
  let xd = xDomain;
  let yd = yDomain;
  if (equalAspect) {
    // one data unit per the same number of pixels on both axes: both domains widened around their middles
    const per = Math.max((xDomain[1] - xDomain[0]) / innerW, (yDomain[1] - yDomain[0]) / innerH);
    const around = (d: [number, number], px: number): [number, number] => [(d[0] + d[1]) / 2 - (per * px) / 2, (d[0] + d[1]) / 2 + (per * px) / 2];
    xd = around(xDomain, innerW);
    yd = around(yDomain, innerH);
  }
  const sx = scaleLinear()
    .domain(xd)
    .range([M.left, M.left + innerW]);
  const sy = scaleLinear()
    .domain(yd)
    .range([M.top + innerH, M.top]);
  const xt = sx.ticks(Math.max(2, Math.floor(innerW / 70)));
  const yt = sy.ticks(Math.max(2, Math.floor(innerH / 40)));
  const clampX = (v: number) => Math.min(xd[1], Math.max(xd[0], v));
  const clampY = (v: number) => Math.min(yd[1], Math.max(yd[0], v));
  let count = 0;
  for (const g of groups) for (let i = 0; i < g.x.length; i++) if (Number.isFinite(g.x[i]) && Number.isFinite(g.y[i])) count++;
  return (
    <figure className="m-0 min-w-0 text-slate-700 dark:text-slate-300" data-testid={`plot-${id}`} data-points={count} aria-label={title}>
      <h3 className="text-sm font-semibold text-balance">{title}</h3>
      <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
        {groups.map((g) => (
          <span key={g.id} className="inline-flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true">
              <Marker shape={g.shape ?? 'dot'} cx={5} cy={5} r={3.5} color={g.color} />
            </svg>
            {g.label}
          </span>
        ))}
      </div>
      <div ref={ref} className="relative w-full" style={{ height }}>
        <svg width={width} height={height} role="img" aria-label={`${title}: ${count} points`} className="absolute inset-0">
          <g stroke="currentColor" strokeOpacity={0.12}>
            {xt.map((t) => (
              <line key={`gx${t}`} x1={sx(t)} x2={sx(t)} y1={M.top} y2={M.top + innerH} />
            ))}
            {yt.map((t) => (
              <line key={`gy${t}`} x1={M.left} x2={M.left + innerW} y1={sy(t)} y2={sy(t)} />
            ))}
          </g>
          <g stroke="currentColor" strokeOpacity={0.45}>
            {xd[0] < 0 && xd[1] > 0 && <line x1={sx(0)} x2={sx(0)} y1={M.top} y2={M.top + innerH} />}
            {yd[0] < 0 && yd[1] > 0 && <line x1={M.left} x2={M.left + innerW} y1={sy(0)} y2={sy(0)} />}
          </g>
          {unitCircle && (
            <ellipse
              cx={sx(0)}
              cy={sy(0)}
              rx={Math.abs(sx(1) - sx(0))}
              ry={Math.abs(sy(1) - sy(0))}
              fill="none"
              stroke="currentColor"
              strokeOpacity={0.5}
              strokeDasharray="4 3"
              data-testid={`${id}-unit-circle`}
            />
          )}
          <g fontSize={11} fill="currentColor">
            {xt.map((t) => (
              <text key={`tx${t}`} x={sx(t)} y={M.top + innerH + 14} textAnchor="middle">
                {fmt(t, 3)}
              </text>
            ))}
            {yt.map((t) => (
              <text key={`ty${t}`} x={M.left - 5} y={sy(t) + 4} textAnchor="end">
                {fmt(t, 3)}
              </text>
            ))}
            <text x={M.left + innerW / 2} y={height - 3} textAnchor="middle">
              {xLabel}
            </text>
            <text transform={`translate(12,${M.top + innerH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
          </g>
          <g>
            {groups.map((g) =>
              Array.from({ length: g.x.length }, (_, i) => {
                const x = g.x[i];
                const y = g.y[i];
                if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
                const out = x !== clampX(x) || y !== clampY(y);
                return (
                  <g key={`${g.id}-${i}`} opacity={out ? 0.45 : 1}>
                    <title>{`${g.names ? g.names(i) : `${g.label} ${i + 1}`}: (${fmt(x)}, ${fmt(y)})${g.notes ? g.notes(i) : ''}${out ? ', outside the plot' : ''}`}</title>
                    <Marker shape={g.shape ?? 'dot'} cx={sx(clampX(x))} cy={sy(clampY(y))} r={g.radii ? g.radii[i] : (g.r ?? 3.5)} color={g.color} />
                  </g>
                );
              }),
            )}
          </g>
        </svg>
        {count === 0 && <div className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm opacity-70">{emptyText}</div>}
      </div>
      {children}
    </figure>
  );
}

function Marker({ shape, cx, cy, r, color }: { shape: 'dot' | 'ring' | 'cross'; cx: number; cy: number; r: number; color: string }) {
  if (shape === 'cross') {
    const s = r * 1.1;
    return <path d={`M${cx - s},${cy - s}L${cx + s},${cy + s}M${cx - s},${cy + s}L${cx + s},${cy - s}`} stroke={color} strokeWidth={2} />;
  }
  if (shape === 'ring') return <circle cx={cx} cy={cy} r={r} fill="none" stroke={color} strokeWidth={1.6} />;
  return <circle cx={cx} cy={cy} r={r} fill={color} fillOpacity={0.85} />;
}
