import { useMemo, useRef } from 'react';
import { Landscape, type LandscapeOverlay, type View } from '../../../plots/Landscape';
import { useLandscapeGrid } from '../../../plots/landscape-client';
import { fmt } from '../../../ui/format';
import { useSpecEditor } from '../../../ui/useSpecEditor';
import { flowVsDescentCore } from '../core';
import { landscapeField } from '../fields';
import { armsOf, column } from './derive';
import { dlnStartInPlane } from './plane';
import { armColor } from './Plots';
import type { FdRun } from './store';

const LAB = flowVsDescentCore.id;
const GRID = 120;

/** Every other coordinate pair of a flat path of dim-vectors: the (x, y) = first two coordinates. */
function xy(path: Float64Array | undefined, dim: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  if (!path) return { x, y };
  for (let i = 0; i + 1 < path.length; i += dim) {
    x.push(path[i]);
    y.push(path[i + 1]);
  }
  return { x, y };
}

/** A view around the start, the GD start and every path drawn, with a margin. */
function viewOf(points: { x: number[]; y: number[] }[]): View {
  const xs = points.flatMap((p) => p.x).filter(Number.isFinite);
  const ys = points.flatMap((p) => p.y).filter(Number.isFinite);
  const span = (v: number[]): [number, number] => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = Math.max(0.15 * (hi - lo), 0.1 * Math.max(Math.abs(lo), Math.abs(hi)), 0.05);
    return [lo - pad, hi + pad];
  };
  return { x: span(xs), y: span(ys) };
}

/**
 * (1) The 2-D landscape of Q2 and of App. B's function in (q1, q2): the flow's curve and each GD run's Euler polygon.
 * Click places theta_0 (drag to move it); shift-click places a separate GD start.
 */
export function FdLandscape({ run, revision }: { run: FdRun | null; revision: number }) {
  const { spec, commit } = useSpecEditor(LAB);
  const field = landscapeField(spec.objective);
  const o = spec.objective;
  const plane = useMemo(() => (o.family === 'dln' ? dlnStartInPlane(o) : null), [o]);
  const q0 = o.family === 'quadratic' || o.family === 'ab' ? o.q0 : plane ? plane.start : [];
  const dim = o.family === 'quadratic' || o.family === 'ab' ? q0.length : 2;
  const shown = run && run.spec.objective.family === o.family ? run : null;
  const views = shown?.views;
  const runSpec = shown?.spec;
  const buffers = shown?.buffers ?? null;
  // views are replaced by every streamed frame, and the stamp buffers grow in place (revision)
  const paths = useMemo(() => {
    if (!views || !runSpec) return [];
    const arms = armsOf(runSpec);
    if (plane) {
      // a deep linear net: W_{n:1} in the plane at every stamp (the Euler polygon at stamp resolution)
      const at = (p: string) => ({
        x: Array.from(column(buffers, `${p}.px`)?.subarray(0, buffers?.count) ?? []),
        y: Array.from(column(buffers, `${p}.py`)?.subarray(0, buffers?.count) ?? []),
      });
      return [
        { id: 'gf', label: 'flow', color: 'currentColor', ...at('gf'), width: 2.5 },
        ...arms.map((a) => ({ id: `gd${a.index}`, label: `GD ${a.label}`, color: armColor(a.index), ...at(`gd${a.index}`), width: 1.2 })),
      ];
    }
    return [
      { id: 'gf', label: 'flow', color: 'currentColor', ...xy(views['gf.path'], dim), width: 2.5 },
      ...arms.map((a) => ({ id: `gd${a.index}`, label: `GD ${a.label}`, color: armColor(a.index), ...xy(views[`gd${a.index}.path`], dim), width: 1.2 })),
    ];
  }, [views, runSpec, dim, plane, buffers, revision]);
  const gdStart = spec.gdStart;
  // The home view frames the starts and the minimum, and the flow's whole path once the run is done (never mid-run: a
  // moving home view would reset zoom and resample the grid on every frame).
  const finalPath = shown?.final ? paths[0] : null;
  const homeKey = JSON.stringify([field, q0, gdStart ?? null, finalPath ? [finalPath.x, finalPath.y] : null]);
  // A start placed inside the current view keeps the view (the point stays under the cursor while it is dragged);
  // one outside it, another objective or a finished run's path re-frames it.
  const kept = useRef<{ field: string; view: View } | null>(null);
  const home = useMemo(() => {
    const [f, q, g, p] = JSON.parse(homeKey) as [unknown, number[], number[] | null, [number[], number[]] | null];
    const inside = (v: View, x: number, y: number) => x >= v.x[0] && x <= v.x[1] && y >= v.y[0] && y <= v.y[1];
    const prev = kept.current?.field === JSON.stringify(f) ? kept.current.view : null;
    if (!p && prev && inside(prev, q[0], q[1]) && (!g || inside(prev, g[0], g[1]))) return prev;
    const pts = [{ x: [q[0] ?? 0, g?.[0] ?? q[0] ?? 0, 0], y: [q[1] ?? 0, g?.[1] ?? q[1] ?? 0, 0] }];
    if (p) pts.push({ x: p[0], y: p[1] });
    return viewOf(pts);
  }, [homeKey]);
  kept.current = { field: JSON.stringify(field), view: home };
  const grid = useLandscapeGrid(field ? { field: field.name, params: field.params, x: home.x, y: home.y, nx: GRID, ny: GRID } : null);
  if (!field || dim < 2) return null;
  const overlays: LandscapeOverlay[] = [
    // dots mark the Euler polygon's vertices while they are few enough to see (and to draw as SVG cheaply)
    ...paths.map((p) => ({
      kind: 'path' as const,
      id: p.id,
      x: p.x,
      y: p.y,
      color: p.color,
      width: p.width,
      label: p.label,
      dots: p.id === 'gf' || p.x.length > 150 ? undefined : 1.5,
    })),
    { kind: 'point', id: 'start', x: q0[0], y: q0[1], color: 'currentColor', r: 5, legend: 'θ₀ (click to move)' },
    ...(gdStart
      ? [{ kind: 'point' as const, id: 'gd-start', x: gdStart[0], y: gdStart[1], color: armColor(0), r: 5, shape: 'diamond' as const, legend: 'GD start (shift-click)' }]
      : []),
  ];
  const place = (x: number, y: number, shift: boolean) => {
    if (plane && o.family === 'dln') {
      // a click sets the balanced start (Procedure 13) whose end-to-end map is that point of the plane
      const A = Array.from(plane.l, (l, i) => x * l + y * plane.u[i]);
      return commit({ ...spec, objective: { ...o, init: { kind: 'balanced', A } } });
    }
    const point = dim === 3 ? [x, y, (shift ? gdStart?.[2] : undefined) ?? q0[2]] : [x, y];
    if (shift) return commit({ ...spec, gdStart: point });
    return commit({ ...spec, objective: { ...o, q0: point } as typeof o });
  };
  return (
    <div className="max-w-3xl" data-testid="fd-landscape-panel">
      <Landscape
        id="fd"
        title={
          o.family === 'ab'
            ? '(1) App. B function in (q₁, q₂): flow and Euler polygons'
            : plane
              ? '(1) End-to-end map Wₙ⋯W₁ in the plane of Λ and its start Wₙ⋯W₁(0)'
              : '(1) Landscape: the flow and the Euler polygons'
        }
        grid={grid}
        domain={home}
        overlays={overlays}
        colorLabel={field.label}
        xLabel={plane ? '⟨Wₙ⋯W₁, Λ/‖Λ‖⟩' : 'q₁'}
        yLabel={plane ? 'orthogonal part' : 'q₂'}
        height={320}
        onPick={(x, y, info) => void place(x, y, info.shift)}
        readout={(x, y) => `q₁ ${fmt(x)}, q₂ ${fmt(y)}`}
      />
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {plane
          ? 'Click to place a balanced start (Procedure 13) with that end-to-end map; the flow from a balanced start stays in this plane. '
          : 'Click or drag to place θ₀; shift-click to start GD elsewhere (Thm 3 allows different starts). '}
        {gdStart && (
          <button type="button" className="underline" data-testid="fd-clear-gd-start" onClick={() => commit({ ...spec, gdStart: undefined })}>
            Start GD at θ₀ again
          </button>
        )}
      </p>
    </div>
  );
}
