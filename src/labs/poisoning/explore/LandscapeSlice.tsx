import { contourPaths, finiteExtent, gridImage, type LandscapeGrid } from '../../../plots/landscape-draw';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useContourLines, useLandscapeGrid } from '../../../plots/landscape-client';
import { useLabSpec } from '../../../state/experiment-store';
import { ARMS, useRuns } from '../../../state/runs-store';
import { ARM_COLORS } from '../arms';
import { cardClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { ARM_EXPLORE_SHORT, commitSpec } from './commit';
import { initialEntries } from '../build';
import { lossWork, placeA12, type Arm } from './explore-model';
import { SLICE_FIELD, sliceDomain, sliceParams } from './slice-field';
import type { PoisoningSpec } from '../schema';

const DOMAIN: [number, number] = [-0.6, 1.4];
const SIZE = 300;
const M = { l: 40, b: 32, t: 8, r: 8 };

/**
 * The (a_1, a_2) slice of the training loss, every other parameter at its initial value, with both
 * trajectories drawn on it; a click places the initialisation (explicit init, other entries kept).
 */
export function LandscapeSlice() {
  const spec = useLabSpec('poisoning');
  const arms = useRuns((s) => s.arms);
  const revision = useRuns((s) => s.revision);
  const [surface, setSurface] = useState<Arm>('poisoned');
  const [error, setError] = useState<string | null>(null);
  const [bcOne, setBcOne] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const n = sliceResolution(spec);

  // The loss over the slice is mapped in the landscape worker (the field 'poisoning-slice' of the lab's core).
  const params = useMemo(() => (n === 0 ? null : sliceParams(spec, surface, bcOne)), [spec, surface, n, bcOne]);
  const request = useMemo(() => (params ? { field: SLICE_FIELD, params, ...sliceDomain(DOMAIN, n) } : null), [params, n]);
  const result = useLandscapeGrid(request);
  // log10 of the loss on the worker's grid, over the domain it was mapped on (row 0 at the top; cell centres on the
  // slice's points, slice-field.ts), made once per grid that arrives: the contour rings are asked of the worker for each
  const mapped = request !== null;
  const grid = useMemo<LandscapeGrid | null>(
    () => (mapped && result ? { nx: result.nx, ny: result.ny, x: result.x, y: result.y, values: Float64Array.from(result.values, (v) => Math.log10(Math.max(v, 1e-16))) } : null),
    [mapped, result],
  );
  const [lo, hi] = useMemo(() => {
    const e = grid ? finiteExtent(grid.values) : null;
    return e ? [e[0], e[1] > e[0] ? e[1] : e[0] + 1] : [0, 1];
  }, [grid]);

  // the heatmap and the contours as the other landscapes draw them (the rings made in the landscape worker)
  useEffect(() => {
    const cv = canvasRef.current;
    if (!cv || !grid) return;
    cv.width = grid.nx;
    cv.height = grid.ny;
    cv.getContext('2d')!.drawImage(gridImage(grid, [lo, hi]), 0, 0);
  }, [grid, lo, hi]);

  const sx = (v: number) => ((v - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * SIZE;
  const sy = (v: number) => SIZE - ((v - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * SIZE;

  const levels = useMemo(() => Array.from({ length: 9 }, (_, i) => lo + ((i + 1) * (hi - lo)) / 10), [lo, hi]);
  const rings = useContourLines(grid, levels);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sx and sy are fixed maps of the slice's fixed domain
  const contourDs = useMemo(() => contourPaths(rings, sx, sy), [rings]);

  const a0 = useMemo(() => (spec.model.d >= 2 ? initialEntries(spec).slice(0, 2) : null), [spec]);

  const paths = ARMS.map((arm) => {
    const b = arms[arm]?.buffers;
    if (!b || b.count === 0 || b.params.length < 2) return { arm, d: '', n: 0 };
    let d = '';
    const stride = Math.max(1, Math.floor(b.count / 600));
    for (let i = 0; i < b.count; i += stride) d += `${d ? 'L' : 'M'}${sx(b.params[0][i]).toFixed(1)},${sy(b.params[1][i]).toFixed(1)}`;
    const last = b.count - 1;
    d += `L${sx(b.params[0][last]).toFixed(1)},${sy(b.params[1][last]).toFixed(1)}`;
    return { arm, d, n: b.count, end: [sx(b.params[0][last]), sy(b.params[1][last])] as const };
  });
  void revision;
  const nPoints = paths.reduce((s, p) => s + p.n, 0);

  const ticks = [-0.5, 0, 0.5, 1];
  return (
    <section
      className={`${cardClass} max-w-[380px]`}
      aria-labelledby="land-h"
      data-testid="plot-landscape"
      data-points={String(nPoints)}
      data-grid={grid ? `${grid.nx}x${grid.ny}` : ''}
      data-log-min={grid ? String(lo) : ''}
      data-log-max={grid ? String(hi) : ''}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="land-h" className="text-sm font-semibold">
          Loss over (a₁, a₂)
        </h3>
        <label className="ml-auto text-xs text-slate-500">
          surface{' '}
          <select
            value={surface}
            data-testid="landscape-surface"
            onChange={(e) => setSurface(e.target.value as Arm)}
            className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 text-xs"
          >
            <option value="poisoned">with special</option>
            <option value="clean">without special</option>
          </select>
        </label>
      </div>
      <p className="text-[11px] text-slate-500">
        Other parameters at their initial values{bcOne && spec.model.trainBC ? ', except b = c = 1' : ''}. Click to place the initialisation (a₁, a₂).
      </p>
      {spec.model.trainBC && (
        <label className="flex items-center gap-1 text-[11px] text-slate-500" title="Learned B, C start small, so the slice at their initial values is nearly flat">
          <input type="checkbox" checked={bcOne} onChange={(e) => setBcOne(e.target.checked)} data-testid="landscape-bc1" />
          slice with b = c = 1
        </label>
      )}
      {!grid ? (
        <p className="mt-2 text-xs text-slate-500">
          {n === 0
            ? 'This model is too large to map the slice quickly; reduce the rows or the head.'
            : request
              ? 'Mapping the slice…'
              : 'Needs d ≥ 2 and enabled rows in this arm.'}
        </p>
      ) : (
        <svg width={SIZE + M.l + M.r} height={SIZE + M.t + M.b} className="mt-1 block max-w-full" role="img" aria-label="loss landscape over a1 and a2">
          <foreignObject x={M.l} y={M.t} width={SIZE} height={SIZE}>
            <canvas ref={canvasRef} style={{ width: SIZE, height: SIZE, imageRendering: 'auto' }} />
          </foreignObject>
          <g transform={`translate(${M.l},${M.t})`}>
            <g data-layer="contours" fill="none" stroke="white" strokeOpacity={0.35} strokeWidth={0.8}>
              {contourDs.map((c) => (
                <path key={c.level} d={c.d} />
              ))}
            </g>
            <line x1={sx(0)} x2={sx(0)} y1={0} y2={SIZE} stroke="white" strokeOpacity={0.3} />
            <line x1={0} x2={SIZE} y1={sy(0)} y2={sy(0)} stroke="white" strokeOpacity={0.3} />
            <line x1={sx(DOMAIN[0])} y1={sy(DOMAIN[0])} x2={sx(DOMAIN[1])} y2={sy(DOMAIN[1])} stroke="white" strokeOpacity={0.4} strokeDasharray="3 3" />
            {paths.map((p) =>
              p.d ? (
                <g key={p.arm} data-testid={`traj-${p.arm}`} data-points={String(p.n)}>
                  <path d={p.d} fill="none" stroke="white" strokeWidth={4} strokeOpacity={0.7} />
                  <path d={p.d} fill="none" stroke={ARM_COLORS[p.arm]} strokeWidth={2} />
                  {p.end && <circle cx={p.end[0]} cy={p.end[1]} r={4} fill={ARM_COLORS[p.arm]} stroke="white" />}
                </g>
              ) : null,
            )}
            {a0 && <circle cx={sx(a0[0])} cy={sy(a0[1])} r={5} fill="none" stroke="white" strokeWidth={2} data-testid="init-marker" />}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the initialisation is also typed in the controls */}
            <rect
              x={0}
              y={0}
              width={SIZE}
              height={SIZE}
              fill="transparent"
              className="cursor-crosshair"
              data-testid="landscape-click"
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                const a1 = DOMAIN[0] + ((e.clientX - r.left) / r.width) * (DOMAIN[1] - DOMAIN[0]);
                const a2 = DOMAIN[1] - ((e.clientY - r.top) / r.height) * (DOMAIN[1] - DOMAIN[0]);
                setError(commitSpec(placeA12(spec, Number(a1.toPrecision(4)), Number(a2.toPrecision(4)))));
              }}
            />
            {ticks.map((t) => (
              <g key={t} fontSize={10} fill="currentColor">
                <text x={sx(t)} y={SIZE + 13} textAnchor="middle">
                  {t}
                </text>
                <text x={-5} y={sy(t) + 3} textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
            <text x={SIZE / 2} y={SIZE + 27} textAnchor="middle" fontSize={11} fill="currentColor">
              a₁
            </text>
            <text x={-28} y={SIZE / 2} textAnchor="middle" fontSize={11} fill="currentColor" transform={`rotate(-90,-28,${SIZE / 2})`}>
              a₂
            </text>
          </g>
        </svg>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-3 text-[11px] text-slate-500">
        <span>
          colour: log₁₀ loss ({fmt(10 ** lo)} dark … {fmt(10 ** hi)} light)
        </span>
        {ARMS.map((arm) => (
          <span key={arm} className="flex items-center gap-1">
            <span className="inline-block h-0.5 w-4" style={{ background: ARM_COLORS[arm] }} />
            {ARM_EXPLORE_SHORT[arm]} special
          </span>
        ))}
        <span>○ initialisation</span>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </section>
  );
}

/** Floating-point work of one slice in the landscape worker (a few tens of milliseconds, so it follows edits). */
const SLICE_BUDGET = 2e7;

/**
 * Grid points per side for the slice: 100 (40 with a head) when cheap, fewer for big models so the slice
 * follows an edit quickly; 0 when even a 12 x 12 grid would be too slow (the panel then says so).
 */
export function sliceResolution(spec: PoisoningSpec): number {
  const n = Math.min(spec.model.head ? 40 : 100, Math.floor(Math.sqrt(SLICE_BUDGET / lossWork(spec))));
  return n >= 12 ? n : 0;
}
