/**
 * Live time-series plot: lines on a devicePixelRatio-aware canvas, axes and annotations in SVG
 * on top. React renders the skeleton, title and legend; the contents of canvas and SVG are
 * updated imperatively at most once per animation frame, however often props change.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { publishCursor, subscribeCursor } from './cursor-sync';
import { FrameScheduler } from './frame-scheduler';
import { PlotArea } from './PlotArea';
import { pageBackground, plotSvgDocument } from './plot-image';
import { figureCaption } from '../ui/figure-caption';
import { PlotExportMenu } from '../ui/PlotExportMenu';
import { PlotRenderer } from './renderer';
import { ToolButton } from './ToolButton';
import { FULL_SCREEN_CLASS, FullScreenButton, useFullScreenPlot } from '../ui/PresentationPlot';
import type { DrawInput } from './renderer';
import type { PlotSeries, TimeSeriesPlotProps } from './types';
import { useElementWidth } from './useElementWidth';

export type { AxisKind, Band, PlotSeries, RefLine, TimeSeriesPlotProps } from './types';

const DEFAULT_EMPTY = 'No data yet — press Run';

export function TimeSeriesPlot(props: TimeSeriesPlotProps) {
  const { id, title, series, scaleToggle = true, emptyText = DEFAULT_EMPTY } = props;
  // presentation mode can show any one plot full screen (its readout and legend with it)
  const fullScreen = useFullScreenPlot();
  const height = fullScreen.height(props.height ?? 220);
  const [logX, setLogX] = useState(props.xScale === 'log');
  const [logY, setLogY] = useState(props.yScale === 'log');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());

  const rootRef = useRef<HTMLElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const gridRef = useRef<SVGSVGElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const emptyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(areaRef);

  const inputRef = useRef<DrawInput | null>(null);
  const rendererRef = useRef<PlotRenderer | null>(null);
  const schedulerRef = useRef<FrameScheduler | null>(null);
  /** The size of the last full drawing ('' before the first). */
  const paintedSize = useRef('');

  // Build the renderer once per mount; it only ever appends into the elements rendered below.
  useLayoutEffect(() => {
    const renderer = new PlotRenderer({
      root: rootRef.current!,
      area: areaRef.current!,
      canvas: canvasRef.current!,
      grid: gridRef.current!,
      overlay: overlayRef.current!,
      tooltip: tooltipRef.current!,
      empty: emptyRef.current!,
    });
    const scheduler = new FrameScheduler((full) => {
      const input = inputRef.current;
      if (full && input) {
        renderer.draw(input);
        paintedSize.current = `${input.width}x${input.height}`;
      } else renderer.drawOverlay();
    });
    rendererRef.current = renderer;
    schedulerRef.current = scheduler;
    paintedSize.current = '';
    return () => {
      scheduler.cancel();
      renderer.destroy();
      rendererRef.current = null;
      schedulerRef.current = null;
    };
  }, []);

  // Every render may carry new data (buffers mutated in place + revision bump), so each one
  // requests a redraw; the scheduler folds them into one per frame. A drawn plot whose size changed
  // is redrawn synchronously so the browser never paints a stretched canvas; a plot's first drawing
  // waits for the frame like the rest (a page mounting a dozen plots drew them all in one long task,
  // re-measuring the page's layout between each).
  useLayoutEffect(() => {
    inputRef.current = {
      series,
      hidden,
      logX,
      logY,
      width,
      height,
      xLabel: props.xLabel,
      yLabel: props.yLabel,
      refLines: props.refLines,
      bands: props.bands,
      xDomain: props.xDomain,
      yDomain: props.yDomain,
      formatX: props.formatX,
      formatY: props.formatY,
    };
    const size = `${width}x${height}`;
    // Until the first drawing, the empty text shows only when there are no points at all (the drawing then says
    // exactly): a plot with data never flashes "No data yet" while it waits for its frame.
    if (paintedSize.current === '' && emptyRef.current) emptyRef.current.hidden = series.some((s) => (s.n ?? Math.min(s.x.length, s.y.length)) > 0);
    if (paintedSize.current !== '' && paintedSize.current !== size) schedulerRef.current?.flush();
    else schedulerRef.current?.request(true);
  });

  // Linked cursor: follow the other plots of the group, and tell them where this one's pointer is.
  const instance = useId();
  const { syncX } = props;
  useEffect(() => {
    if (!syncX) return;
    return subscribeCursor(syncX, (source, x) => {
      if (source !== instance && rendererRef.current?.setPointerValue(x)) schedulerRef.current?.request(false);
    });
  }, [syncX, instance]);
  const share = () => {
    if (syncX) publishCursor(syncX, instance, rendererRef.current?.pointerValue() ?? null);
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    if (rendererRef.current?.setPointer(px)) {
      schedulerRef.current?.request(false);
      share();
    }
  };
  const clearPointer = () => {
    if (rendererRef.current?.setPointer(null)) {
      schedulerRef.current?.request(false);
      share();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const r = rendererRef.current;
    if (!r) return;
    const step = e.shiftKey ? 0.1 : 0.01;
    if (e.key === 'ArrowRight') r.stepPointer(step);
    else if (e.key === 'ArrowLeft') r.stepPointer(-step);
    else if (e.key === 'Home') r.jumpPointer('start');
    else if (e.key === 'End') r.jumpPointer('end');
    else if (e.key === 'Escape') r.setPointer(null);
    else return;
    e.preventDefault();
    schedulerRef.current?.request(false);
    share();
  };

  const toggleSeries = (sid: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (!next.delete(sid)) next.add(sid);
      return next;
    });

  // The figure as it stands: the same layers and lines, in the page's colours, with its legend and a caption.
  const exportSvg = () => {
    const style = getComputedStyle(rootRef.current!);
    return plotSvgDocument({
      title,
      width,
      height,
      below: [gridRef.current!],
      above: [overlayRef.current!],
      data: rendererRef.current?.linesSvg() ?? '',
      legend: series.filter((s) => !hidden.has(s.id)).map((s) => ({ label: s.label, color: s.color === 'currentColor' ? style.color : s.color, dash: s.dash })),
      color: style.color,
      background: pageBackground(rootRef.current!),
      caption: figureCaption(),
    });
  };

  return (
    <figure
      ref={rootRef}
      data-testid={`plot-${id}`}
      data-full-screen={fullScreen.full ? 'true' : undefined}
      aria-label={title}
      className={`m-0 min-w-0 max-w-full text-slate-700 dark:text-slate-300${fullScreen.full ? ` ${FULL_SCREEN_CLASS}` : ''}`}
    >
      <div className="flex items-center gap-2">
        <h3 className="min-w-0 flex-1 text-sm font-semibold text-balance">{title}</h3>
        {fullScreen.presenting && <FullScreenButton full={fullScreen.full} onToggle={fullScreen.toggle} />}
        <PlotExportMenu name={id} svg={exportSvg} />
        {scaleToggle && (
          <div className="flex gap-1 text-[11px]">
            <ScaleButton label="log x" on={logX} onToggle={() => setLogX((v) => !v)} />
            <ScaleButton label="log y" on={logY} onToggle={() => setLogY((v) => !v)} />
          </div>
        )}
      </div>
      <Legend series={series} hidden={hidden} onToggle={toggleSeries} />
      <PlotArea
        ref={areaRef}
        height={height}
        label={`${title}: arrow keys move the value readout, Escape hides it`}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerMove}
        onPointerLeave={clearPointer}
        onBlur={clearPointer}
        onKeyDown={onKeyDown}
      >
        <svg ref={gridRef} className="pointer-events-none absolute inset-0" />
        <canvas ref={canvasRef} className="pointer-events-none absolute inset-0" />
        <svg ref={overlayRef} className="pointer-events-none absolute inset-0 overflow-visible" />
        <div ref={emptyRef} className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-slate-600 dark:text-slate-400 [&[hidden]]:hidden">
          {emptyText}
        </div>
        <div
          ref={tooltipRef}
          className="pointer-events-none absolute z-10 min-w-28 rounded border border-slate-300 bg-white/95 px-2 py-1 text-[11px] leading-4 shadow-sm dark:border-slate-600 dark:bg-slate-800/95 [&[hidden]]:hidden"
        />
      </PlotArea>
    </figure>
  );
}

function ScaleButton({ label, on, onToggle }: { label: string; on: boolean; onToggle: () => void }) {
  return (
    <ToolButton on={on} onClick={onToggle}>
      {label}
    </ToolButton>
  );
}

interface LegendProps {
  series: readonly PlotSeries[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

function Legend({ series, hidden, onToggle }: LegendProps) {
  // an empty plot keeps the legend's row, so the plot does not move down when its first data arrive
  if (series.length === 0) return <div className="mt-0.5 h-4" aria-hidden="true" />;
  return (
    <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs" role="group" aria-label="Series">
      {series.map((s) => {
        const off = hidden.has(s.id);
        return (
          <button
            key={s.id}
            type="button"
            data-series={s.id}
            aria-pressed={!off}
            title={off ? `Show ${s.label}` : `Hide ${s.label}`}
            onClick={() => onToggle(s.id)}
            className={`inline-flex items-center gap-1 ${off ? 'line-through opacity-40' : ''}`}
          >
            <svg width="16" height="6" aria-hidden="true">
              <line x1="1" x2="15" y1="3" y2="3" stroke={s.color} strokeWidth={Math.max(2, s.width ?? 1.5)} strokeDasharray={s.dash?.join(' ')} />
            </svg>
            {s.label}
          </button>
        );
      })}
    </div>
  );
}
