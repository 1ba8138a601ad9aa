/**
 * Reusable 2-D landscape: a heatmap of a gridded scalar field (canvas, viridis), its contours (d3-contour),
 * and overlays (paths with dots, points with labels) in SVG. Click or drag places a point (onPick, in data
 * coordinates); the wheel zooms; in pan mode a drag pans (d3-zoom). The view is reported through onViewChange
 * so the owner can recompute the grid for it; a stale grid is drawn where it belongs until then.
 */
import { axisBottom, axisLeft, interpolateViridis, scaleLinear, select, zoom, zoomIdentity } from 'd3';
import type { ZoomBehavior, ZoomTransform } from 'd3';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { Button } from '../ui/Button';
import { fmt } from '../ui/format';
import { ToolButton } from './ToolButton';
import { FULL_SCREEN_CLASS, FullScreenButton, useFullScreenPlot } from '../ui/PresentationPlot';
import { figureCaption } from '../ui/figure-caption';
import { PlotExportMenu } from '../ui/PlotExportMenu';
import { pageBackground, plotSvgDocument } from './plot-image';
import { useContourLines } from './landscape-client';
import { contourPaths, finiteExtent, gridImage, integerLevels, type LandscapeGrid } from './landscape-draw';
import { useElementWidth } from './useElementWidth';
import { clippedPolylineD } from './polyline-clip';

export type { LandscapeGrid } from './landscape-draw';

export interface View {
  x: [number, number];
  y: [number, number];
}

export type LandscapeOverlay =
  | {
      kind: 'path';
      id: string;
      x: ArrayLike<number>;
      y: ArrayLike<number>;
      n?: number;
      color: string;
      width?: number;
      dash?: string;
      opacity?: number;
      /** Draw a dot at each vertex (radius in px); colours per vertex optional. */
      dots?: number;
      dotColor?: (i: number, n: number) => string;
      /** Shown in the legend. */
      label?: string;
      /** Kept in the document but not drawn (so showing it again costs one attribute, not its elements). */
      hidden?: boolean;
    }
  | {
      kind: 'point';
      id: string;
      x: number;
      y: number;
      color: string;
      r?: number;
      label?: string;
      labelDy?: number;
      shape?: 'circle' | 'diamond' | 'cross';
      legend?: string;
      hidden?: boolean;
    };

export interface LandscapeProps {
  /** data-testid="landscape-<id>". */
  id: string;
  title: string;
  grid: LandscapeGrid | null;
  /** Home view; a change of it resets zoom and pan. */
  domain: View;
  onViewChange?: (view: View) => void;
  overlays?: LandscapeOverlay[];
  /** Contour levels; default: whole numbers inside the value range (decades for a log10 field). */
  levels?: number[] | 'none';
  /** Colour domain; default the finite extent of the grid. */
  colorDomain?: [number, number];
  colorLabel?: string;
  xLabel: string;
  yLabel: string;
  height?: number;
  /** Click / drag places a point (with shift held: a second, comparison point). */
  onPick?: (x: number, y: number, info: { shift: boolean; phase: 'down' | 'move' }) => void;
  /** Hover text for a data point (the cell value is appended when a grid is present). */
  readout?: (x: number, y: number) => string;
  formatValue?: (v: number) => string;
}

const M = { top: 8, right: 12, bottom: 36, left: 48 };

export function Landscape(props: LandscapeProps) {
  const { id, title, grid, domain, overlays = [], height: heightProp, onPick, xLabel, yLabel } = props;
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [mode, setMode] = useState<'place' | 'pan'>(onPick ? 'place' : 'pan');
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [hover, setHover] = useState<{ px: number; py: number; text: string } | null>(null);
  const width = useElementWidth(areaRef);
  // full screen (presentation mode): a square as tall as the window allows, centred
  const fullScreen = useFullScreenPlot();
  const side = fullScreen.full ? Math.max(260, fullScreen.height(0) - 60) : null;
  const height = side ?? heightProp ?? Math.max(260, Math.min(width, 520));
  const inner = { w: Math.max(10, width - M.left - M.right), h: Math.max(10, height - M.top - M.bottom) };
  const domainKey = JSON.stringify(domain);

  // Scales: the home view rescaled by the zoom transform.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the domain is compared by value (domainKey), not by its object
  const base = useMemo(() => ({ x: scaleLinear().domain(domain.x).range([0, inner.w]), y: scaleLinear().domain(domain.y).range([inner.h, 0]) }), [domainKey, inner.w, inner.h]);
  // One scale object per view, so the memoised overlays re-render only when the view or the size changes.
  const { sx, sy } = useMemo(() => ({ sx: transform.rescaleX(base.x), sy: transform.rescaleY(base.y) }), [transform, base]);
  const view: View = { x: sx.domain() as [number, number], y: sy.domain() as [number, number] };
  const viewKey = JSON.stringify(view);

  // Zoom behaviour: wheel always; drag only in pan mode (a drag in place mode moves the point).
  useEffect(() => {
    const svg = svgRef.current!;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 1e4])
      .filter((e: Event) => e.type === 'wheel' || (modeRef.current === 'pan' && !(e as MouseEvent).button && e.type !== 'dblclick'))
      .on('zoom', (e) => setTransform(e.transform));
    select(svg).call(z).on('dblclick.zoom', null);
    zoomRef.current = z;
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);
  // A new home view resets the zoom.
  useEffect(() => {
    if (zoomRef.current) select(svgRef.current!).call(zoomRef.current.transform, zoomIdentity);
  }, [domainKey]);

  const onViewChange = props.onViewChange;
  useEffect(() => {
    const t = setTimeout(() => onViewChange?.(JSON.parse(viewKey) as View), 60);
    return () => clearTimeout(t);
  }, [viewKey, onViewChange]);

  // Heatmap image and colour domain, rebuilt only when the grid changes.
  const extent = useMemo(() => (grid ? finiteExtent(grid.values) : null), [grid]);
  const colorDomain = props.colorDomain ?? extent ?? [0, 1];
  const cdKey = colorDomain.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colour domain is compared by value (cdKey), not by its array
  const image = useMemo(() => (grid ? gridImage(grid, colorDomain) : null), [grid, cdKey]);
  const levels = props.levels === 'none' ? [] : (props.levels ?? (grid ? integerLevels(colorDomain) : []));
  const contours = useContourLines(grid, levels);

  // Canvas: the heatmap image placed where its grid domain falls in the current view. Redrawn only when the image,
  // the view or the size changes: resizing a canvas clears and reallocates it, and a redrawn canvas is uploaded and
  // composited again, which at every mouse move of a drag cost tens of milliseconds.
  const dpr = globalThis.devicePixelRatio || 1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scales are keyed by scaleKey (declared below)
  useLayoutEffect(() => {
    const c = canvasRef.current!;
    c.width = Math.round(inner.w * dpr);
    c.height = Math.round(inner.h * dpr);
    c.style.width = `${inner.w}px`;
    c.style.height = `${inner.h}px`;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, inner.w, inner.h);
    if (!image || !grid) return;
    ctx.imageSmoothingEnabled = true;
    const x0 = sx(grid.x[0]);
    const x1 = sx(grid.x[1]);
    const y0 = sy(grid.y[1]);
    const y1 = sy(grid.y[0]);
    ctx.drawImage(image, x0, y0, x1 - x0, y1 - y0);
  }, [image, grid, inner.w, inner.h, dpr, scaleKeyOf(sx, sy)]);

  // Axes (imperative d3 into groups rendered by React).
  const axisXRef = useRef<SVGGElement>(null);
  const axisYRef = useRef<SVGGElement>(null);
  // The scales as a key: axes and contour paths are redrawn only when the view or the size changes (not while a
  // start is dragged, when only the overlays move).
  const scaleKey = scaleKeyOf(sx, sy);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scales are keyed by scaleKey
  useLayoutEffect(() => {
    select(axisXRef.current!).call(axisBottom(sx).ticks(Math.max(2, Math.floor(inner.w / 70))));
    select(axisYRef.current!).call(axisLeft(sy).ticks(Math.max(2, Math.floor(inner.h / 50))));
  }, [scaleKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scales are keyed by scaleKey
  const contourDs = useMemo(() => contourPaths(contours, sx, sy), [contours, scaleKey]);

  // The plot's box, read once per press (reading it on every move of a drag forces a layout each time).
  const boxRef = useRef<DOMRect | null>(null);
  const toData = (e: ReactPointerEvent<SVGSVGElement>) => {
    const r = (e.buttons === 1 && boxRef.current) || svgRef.current!.getBoundingClientRect();
    const px = e.clientX - r.left - M.left;
    const py = e.clientY - r.top - M.top;
    return { px, py, x: sx.invert(px), y: sy.invert(py), inside: px >= 0 && py >= 0 && px <= inner.w && py <= inner.h };
  };
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    boxRef.current = svgRef.current!.getBoundingClientRect();
    if (mode !== 'place' || !onPick || e.button !== 0) return;
    const p = toData(e);
    if (!p.inside) return;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    onPick(p.x, p.y, { shift: e.shiftKey, phase: 'down' });
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const p = toData(e);
    if (mode === 'place' && onPick && e.buttons === 1 && p.inside) onPick(p.x, p.y, { shift: e.shiftKey, phase: 'move' });
    if (!p.inside) return setHover(null);
    let text = props.readout ? props.readout(p.x, p.y) : `x ${fmt(p.x)}, y ${fmt(p.y)}`;
    if (grid) {
      const i = Math.floor(((p.x - grid.x[0]) / (grid.x[1] - grid.x[0])) * grid.nx);
      const j = Math.floor(((grid.y[1] - p.y) / (grid.y[1] - grid.y[0])) * grid.ny);
      if (i >= 0 && j >= 0 && i < grid.nx && j < grid.ny) text += ` · ${props.colorLabel ?? 'value'} ${(props.formatValue ?? fmt)(grid.values[j * grid.nx + i])}`;
    }
    setHover({ px: p.px, py: p.py, text });
  };

  const resetView = () => {
    if (zoomRef.current) select(svgRef.current!).call(zoomRef.current.transform, zoomIdentity);
  };
  const zoomBy = (k: number) => {
    if (zoomRef.current) select(svgRef.current!).call(zoomRef.current.scaleBy, k);
  };

  const legend = overlays.filter((o) => (o.kind === 'path' ? o.label : o.legend));
  // The figure as it stands: the heatmap as an image under the axes and overlays, with the legend and a caption.
  const exportSvg = () => {
    const fig = svgRef.current!.closest('figure')!;
    const style = getComputedStyle(fig);
    const c = canvasRef.current;
    const image = c ? `<image x="${M.left}" y="${M.top}" width="${inner.w}" height="${inner.h}" href="${c.toDataURL('image/png')}"/>` : '';
    return plotSvgDocument({
      title,
      width,
      height,
      below: [],
      above: [svgRef.current!],
      data: image,
      legend: legend.map((o) => ({ label: (o.kind === 'path' ? o.label : o.legend) ?? '', color: o.color, dash: o.kind === 'path' ? o.dash : undefined })),
      color: style.color,
      background: pageBackground(fig),
      caption: figureCaption(),
    });
  };

  return (
    <figure
      data-testid={`landscape-${id}`}
      data-view={viewKey}
      data-grid={grid ? `${grid.nx}x${grid.ny}` : ''}
      aria-label={title}
      data-full-screen={fullScreen.full ? 'true' : undefined}
      className={`m-0 text-slate-700 dark:text-slate-300${fullScreen.full ? ` ${FULL_SCREEN_CLASS}` : ''}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        {/* at least 12rem: on a phone the tools wrap under the title instead of squeezing it to a word a line */}
        <h3 className="min-w-[12rem] flex-1 text-sm font-semibold text-balance">{title}</h3>
        {fullScreen.presenting && <FullScreenButton full={fullScreen.full} onToggle={fullScreen.toggle} />}
        <PlotExportMenu name={`landscape-${id}`} svg={exportSvg} />
        <div className="flex gap-1 text-[11px]" role="group" aria-label="Landscape tools">
          {onPick && (
            <ToolButton on={mode === 'place'} onClick={() => setMode('place')} title="Click or drag to place the initialisation">
              place
            </ToolButton>
          )}
          <ToolButton on={mode === 'pan'} onClick={() => setMode('pan')} title="Drag to pan (the wheel always zooms)">
            pan
          </ToolButton>
          <Button variant="subtle" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
            +
          </Button>
          <Button variant="subtle" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
            −
          </Button>
          <Button variant="subtle" onClick={resetView} testId={`landscape-${id}-reset`}>
            reset view
          </Button>
        </div>
      </div>
      {legend.length > 0 && (
        <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
          {legend.map((o) => (
            <span key={o.id} className="inline-flex items-center gap-1">
              <svg width="16" height="8" aria-hidden="true">
                {o.kind === 'path' ? (
                  <line x1="1" x2="15" y1="4" y2="4" stroke={o.color} strokeWidth={Math.max(2, o.width ?? 1.5)} strokeDasharray={o.dash} />
                ) : (
                  <circle cx="8" cy="4" r="3.5" fill={o.color} stroke="white" strokeWidth="1" />
                )}
              </svg>
              {o.kind === 'path' ? o.label : o.legend}
            </span>
          ))}
        </div>
      )}
      {/* contained: what moves over the landscape (the start, the readout) lays out and repaints only this box */}
      <div
        ref={areaRef}
        className="relative w-full select-none"
        style={side ? { height, maxWidth: side + M.left + M.right, margin: '0 auto', contain: 'layout paint' } : { height, contain: 'layout paint' }}
      >
        {/* the heat map under the labelled svg (which names the figure) */}
        <canvas ref={canvasRef} className="pointer-events-none absolute" style={{ left: M.left, top: M.top }} />
        <svg
          ref={svgRef}
          width={width}
          height={height}
          className={`absolute inset-0 touch-none ${mode === 'pan' ? 'cursor-grab' : onPick ? 'cursor-crosshair' : ''}`}
          role="img"
          aria-label={`${title}: ${onPick ? 'click or drag to place the start; ' : ''}wheel to zoom`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        >
          <defs>
            <clipPath id={`clip-${id}`}>
              <rect x={0} y={0} width={inner.w} height={inner.h} />
            </clipPath>
          </defs>
          <g transform={`translate(${M.left},${M.top})`}>
            <rect x={0} y={0} width={inner.w} height={inner.h} fill="none" stroke="currentColor" strokeOpacity={0.3} />
            {/* never a pointer target (the svg takes the events): hit-testing hundreds of dots and long paths at every
                mouse move of a drag cost the page's thread up to 20 ms a move */}
            <g clipPath={`url(#clip-${id})`} pointerEvents="none">
              <g data-layer="contours" fill="none" stroke="white" strokeOpacity={0.35} strokeWidth={0.75}>
                {contourDs.map((c) => (
                  <path key={c.level} data-level={c.level} d={c.d} />
                ))}
              </g>
              {overlays.map((o) => (o.kind === 'path' ? <PathOverlay key={o.id} o={o} sx={sx} sy={sy} /> : <PointOverlay key={o.id} o={o} sx={sx} sy={sy} innerW={inner.w} />))}
            </g>
            <g ref={axisXRef} transform={`translate(0,${inner.h})`} className="text-[10px]" />
            <g ref={axisYRef} className="text-[10px]" />
            <text x={inner.w / 2} y={inner.h + 30} textAnchor="middle" fontSize={11} fill="currentColor">
              {xLabel}
            </text>
            <text transform={`translate(${-36},${inner.h / 2}) rotate(-90)`} textAnchor="middle" fontSize={11} fill="currentColor">
              {yLabel}
            </text>
          </g>
        </svg>
        {hover && (
          <div
            className="pointer-events-none absolute z-10 rounded border border-slate-300 bg-white/95 px-2 py-1 text-[11px] leading-4 shadow-sm dark:border-slate-600 dark:bg-slate-800/95"
            style={{ left: Math.min(hover.px + M.left + 12, width - 220), top: hover.py + M.top + 12 }}
            data-testid={`landscape-${id}-readout`}
          >
            {hover.text}
          </div>
        )}
      </div>
      {grid && <ColorBar domain={colorDomain} label={props.colorLabel ?? 'value'} format={props.formatValue ?? fmt} />}
    </figure>
  );
}

type Scale = ((v: number) => number) & { domain(): number[]; range(): number[] };

const extentOf = (r: number[]) => [Math.min(r[0], r[1]), Math.max(r[0], r[1])];

const scaleKeyOf = (sx: Scale, sy: Scale) => `${sx.domain()}|${sx.range()}|${sy.domain()}|${sy.range()}`;

/**
 * An overlay re-renders only when its own object or the scales change: owners keep the objects of unchanged
 * overlays (a drag moves the start, not the last run's path and its hundreds of dots).
 */
const PathOverlay = memo(function PathOverlay({ o, sx, sy }: { o: Extract<LandscapeOverlay, { kind: 'path' }>; sx: Scale; sy: Scale }) {
  const n = o.n ?? Math.min(o.x.length, o.y.length);
  return (
    <g data-overlay={o.id} data-points={n} display={o.hidden ? 'none' : undefined}>
      <PathLine x={o.x} y={o.y} n={n} sx={sx} sy={sy} color={o.color} width={o.width} dash={o.dash} opacity={o.opacity} />
      {o.dots ? <PathDots x={o.x} y={o.y} n={n} sx={sx} sy={sy} r={o.dots} color={o.color} dotColor={o.dotColor} /> : null}
    </g>
  );
});

interface Geometry {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  n: number;
  sx: Scale;
  sy: Scale;
}

/**
 * The line of a path overlay. Its own element takes the opacity (a fade restyles one element, not the hundreds of
 * dots under a group) and its vertices are rebuilt only when the geometry or the view changes.
 */
function PathLine({ x, y, n, sx, sy, color, width, dash, opacity }: Geometry & { color: string; width?: number; dash?: string; opacity?: number }) {
  const d = useMemo(() => {
    // clipped to the plot (10 px over): reference lines reach far past it, and every pixel of a dashed line is rastered
    const [x0, x1] = extentOf(sx.range());
    const [y0, y1] = extentOf(sy.range());
    return clippedPolylineD(
      (i) => sx(x[i]),
      (i) => sy(y[i]),
      n,
      { x0: x0 - 10, x1: x1 + 10, y0: y0 - 10, y1: y1 + 10 },
    );
  }, [x, y, n, sx, sy]);
  return <path d={d} fill="none" stroke={color} strokeWidth={width ?? 1.5} strokeDasharray={dash} strokeOpacity={opacity ?? 1} />;
}

/**
 * The dots of a path overlay (at most 1500), unchanged while the geometry and the view are. Dots of one colour are
 * one <path> of circles: a new run restyles a few dozen elements, not hundreds (each element costs style and layout).
 */
const PathDots = memo(function PathDots({ x, y, n, sx, sy, r, color, dotColor }: Geometry & { r: number; color: string; dotColor?: (i: number, n: number) => string }) {
  const byColor = new Map<string, string>();
  const stride = Math.max(1, Math.ceil(n / 1500));
  const arc = `a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  for (let i = 0; i < n; i += stride) {
    const X = sx(x[i]);
    const Y = sy(y[i]);
    if (!(Math.abs(X) < 1e5 && Math.abs(Y) < 1e5)) continue;
    const fill = dotColor ? dotColor(i, n) : color;
    byColor.set(fill, `${byColor.get(fill) ?? ''}M${(X - r).toFixed(1)},${Y.toFixed(1)}${arc}`);
  }
  return (
    <>
      {[...byColor].map(([fill, d]) => (
        <path key={fill} data-dots="" d={d} fill={fill} stroke="white" strokeWidth={0.4} />
      ))}
    </>
  );
});

const PointOverlay = memo(function PointOverlay({ o, sx, sy, innerW }: { o: Extract<LandscapeOverlay, { kind: 'point' }>; sx: Scale; sy: Scale; innerW: number }) {
  const X = sx(o.x);
  const Y = sy(o.y);
  if (!Number.isFinite(X) || !Number.isFinite(Y)) return null;
  const r = o.r ?? 5;
  // the label goes left of the point when it would run past the plot's right edge (11 px bold: ~6.5 px a character)
  const flip = !!o.label && X + r + 4 + 6.5 * o.label.length > innerW;
  return (
    <g data-overlay={o.id} transform={`translate(${X},${Y})`} display={o.hidden ? 'none' : undefined}>
      {o.shape === 'diamond' ? (
        <path d={`M0,${-r * 1.3}L${r * 1.3},0L0,${r * 1.3}L${-r * 1.3},0Z`} fill={o.color} stroke="white" strokeWidth={1.2} />
      ) : o.shape === 'cross' ? (
        <path d={`M${-r},${-r}L${r},${r}M${-r},${r}L${r},${-r}`} stroke={o.color} strokeWidth={2.5} />
      ) : (
        <circle r={r} fill={o.color} stroke="white" strokeWidth={1.5} />
      )}
      {o.label && (
        <text
          x={flip ? -(r + 4) : r + 4}
          textAnchor={flip ? 'end' : 'start'}
          y={4 + (o.labelDy ?? 0)}
          fontSize={11}
          fontWeight={600}
          fill="white"
          stroke="black"
          strokeWidth={2.5}
          paintOrder="stroke"
        >
          {o.label}
        </text>
      )}
    </g>
  );
});

function ColorBar({ domain, label, format }: { domain: [number, number]; label: string; format: (v: number) => string }) {
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  return (
    <div className="mt-1 flex items-center gap-2 text-[11px]" role="group" aria-label={`colour scale: ${label}`}>
      <span className="num">{format(domain[0])}</span>
      <svg width="160" height="10" aria-hidden="true">
        <defs>
          <linearGradient id={`cb-${label.replace(/\W/g, '')}`}>
            {stops.map((t) => (
              <stop key={t} offset={t} stopColor={viridisCss(t)} />
            ))}
          </linearGradient>
        </defs>
        <rect width="160" height="10" fill={`url(#cb-${label.replace(/\W/g, '')})`} />
      </svg>
      <span className="num">{format(domain[1])}</span>
      <span className="text-slate-500">{label}</span>
    </div>
  );
}

const viridisCss = (t: number) => interpolateViridis(t);
