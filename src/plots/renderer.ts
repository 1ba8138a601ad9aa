/**
 * Imperative renderer behind TimeSeriesPlot. It owns the canvas and SVG contents and is driven
 * from React effects, so React renders the DOM skeleton once and never touches what is inside.
 */
import { drawLines, prepareCanvas } from './draw-canvas';
import type { LineItem, Rect } from './draw-canvas';
import { createSvgLayers, drawAxes, drawBands, drawRefLines } from './draw-svg';
import type { SvgLayers } from './draw-svg';
import { createHoverLayers, drawHover } from './hover';
import type { HoverFrame, HoverLayers } from './hover';
import { fastInvert, fastMap, isValidDomain, makeScale, resolveDomain, tickSpec } from './scales';
import { formatNumber, scanSeries, validLength } from './series-math';
import { SvgPathContext } from './svg-path-context';
import type { Band, PlotSeries, RefLine } from './types';

export interface PlotElements {
  root: HTMLElement;
  area: HTMLElement;
  canvas: HTMLCanvasElement;
  grid: SVGSVGElement;
  overlay: SVGSVGElement;
  tooltip: HTMLDivElement;
  empty: HTMLElement;
}

export interface DrawInput {
  series: readonly PlotSeries[];
  hidden: ReadonlySet<string>;
  logX: boolean;
  logY: boolean;
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  refLines?: readonly RefLine[];
  bands?: readonly Band[];
  xDomain?: [number, number];
  yDomain?: [number, number];
  formatX?: (v: number) => string;
  formatY?: (v: number) => string;
}

/** Room for tick labels and axis titles around the data area. */
const MARGIN = { top: 10, right: 14, bottom: 38, left: 60 };

export class PlotRenderer {
  private readonly svg: SvgLayers;
  private readonly hoverLayers: HoverLayers;
  private frame: HoverFrame | null = null;
  private pointer: number | null = null;
  /** The last draw's lines and mapping, kept so an export can draw them again as SVG paths. */
  private lastLines: { lines: LineItem[]; draw: (ctx: CanvasRenderingContext2D) => void } | null = null;

  constructor(private readonly el: PlotElements) {
    this.svg = createSvgLayers(el.grid, el.overlay);
    this.hoverLayers = createHoverLayers(el.overlay, el.tooltip);
  }

  /** Full redraw: domains, canvas lines, axes, reference lines, then the hover overlay. */
  draw(input: DrawInput): void {
    const { width, height, logX, logY } = input;
    const inner: Rect = {
      left: MARGIN.left,
      top: MARGIN.top,
      right: Math.max(MARGIN.left + 10, width - MARGIN.right),
      bottom: Math.max(MARGIN.top + 10, height - MARGIN.bottom),
    };

    const xWindow = input.xDomain && isValidDomain(input.xDomain, logX) ? input.xDomain : undefined;
    const all = input.series.map((s) => {
      const n = validLength(s.x, s.y, s.n);
      return { s, n, scan: scanSeries(s.x, s.y, n, logX, logY, xWindow), visible: !input.hidden.has(s.id) };
    });
    const visible = all.filter((a) => a.visible);
    const anyData = all.some((a) => a.scan.count > 0);
    // With every series hidden, keep the axes where they were rather than collapsing to [0, 1].
    const extentFrom = visible.some((a) => a.scan.count > 0) ? visible : all;
    let xMin = Infinity,
      xMax = -Infinity,
      yMin = Infinity,
      yMax = -Infinity;
    let points = 0;
    for (const a of extentFrom) {
      xMin = Math.min(xMin, a.scan.xMin);
      xMax = Math.max(xMax, a.scan.xMax);
      yMin = Math.min(yMin, a.scan.yMin);
      yMax = Math.max(yMax, a.scan.yMax);
    }
    for (const a of visible) points += a.scan.count;

    const xDom = resolveDomain(input.xDomain, xMin, xMax, logX);
    const yDom = resolveDomain(input.yDomain, yMin, yMax, logY);
    const xRange: [number, number] = [inner.left, inner.right];
    const yRange: [number, number] = [inner.bottom, inner.top];
    const sx = makeScale(logX, xDom, xRange);
    const sy = makeScale(logY, yDom, yRange);

    const fg = input.series.some((s) => s.color === 'currentColor') ? getComputedStyle(this.el.area).color : '';
    const lines: LineItem[] = visible.map((a) => ({
      series: a.s,
      n: a.n,
      sorted: a.scan.sorted,
      runsSorted: a.scan.runsSorted,
      // Canvas cannot resolve currentColor itself; this keeps such series legible in dark mode.
      color: a.s.color === 'currentColor' ? fg : a.s.color,
    }));

    const mx = fastMap(logX, xDom, xRange);
    const my = fastMap(logY, yDom, yRange);
    const mxInv = fastInvert(logX, xDom, xRange);
    const strokeAll = (ctx: CanvasRenderingContext2D) => drawLines(ctx, lines, mx, my, mxInv, inner, logX, logY);
    this.lastLines = { lines, draw: strokeAll };
    const ctx = prepareCanvas(this.el.canvas, width, height);
    if (ctx) strokeAll(ctx);

    for (const svg of [this.el.grid, this.el.overlay]) {
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
    }
    const innerW = inner.right - inner.left;
    const innerH = inner.bottom - inner.top;
    drawAxes(this.svg, {
      inner,
      width,
      height,
      sx,
      sy,
      xTicks: tickSpec(sx, logX, Math.max(2, Math.floor(innerW / 80)), input.formatX),
      yTicks: tickSpec(sy, logY, Math.max(2, Math.floor(innerH / 40)), input.formatY),
      xLabel: input.xLabel,
      yLabel: input.yLabel,
    });
    drawBands(this.svg, input.bands ?? [], inner, sx, logX);
    drawRefLines(this.svg, input.refLines ?? [], inner, sx, sy, logX, logY);

    this.el.root.setAttribute('data-points', String(points));
    this.el.empty.hidden = anyData;

    this.frame = {
      inner,
      width,
      sx,
      sy,
      logX,
      logY,
      items: lines.map((l) => ({ id: l.series.id, label: l.series.label, color: l.color, x: l.series.x, y: l.series.y, n: l.n, sorted: l.sorted })),
      formatX: input.formatX ?? formatNumber,
      formatY: input.formatY ?? formatNumber,
      xLabel: input.xLabel,
    };
    this.drawOverlay();
  }

  /** Pointer column in area px, or null to hide the readout. Returns whether it changed. */
  setPointer(px: number | null): boolean {
    const f = this.frame;
    const next = px === null || !f || px < f.inner.left || px > f.inner.right ? null : px;
    const changed = next !== this.pointer;
    this.pointer = next;
    return changed;
  }

  /** The data x under the pointer, or null (for linked cursors). */
  pointerValue(): number | null {
    const f = this.frame;
    if (!f || this.pointer === null) return null;
    const x = f.sx.invert(this.pointer);
    return Number.isFinite(x) ? x : null;
  }

  /** Puts the pointer at data x (a linked cursor); null or an x outside the plot hides it. Returns whether it changed. */
  setPointerValue(x: number | null): boolean {
    const f = this.frame;
    const px = x === null || !f ? NaN : f.sx(x);
    return this.setPointer(Number.isFinite(px) ? px : null);
  }

  /** Keyboard stepping: moves the readout by a fraction of the plot width. */
  stepPointer(fraction: number): void {
    const f = this.frame;
    if (!f) return;
    const { left, right } = f.inner;
    const start = this.pointer ?? (left + right) / 2;
    this.pointer = Math.min(right, Math.max(left, start + fraction * (right - left)));
  }

  jumpPointer(to: 'start' | 'end'): void {
    if (this.frame) this.pointer = to === 'start' ? this.frame.inner.left : this.frame.inner.right;
  }

  drawOverlay(): void {
    drawHover(this.hoverLayers, this.frame, this.pointer);
  }

  /** The lines of the last draw as SVG markup (clipped to the data area), for exports. */
  linesSvg(): string {
    if (!this.lastLines) return '';
    const ctx = new SvgPathContext();
    this.lastLines.draw(ctx as unknown as CanvasRenderingContext2D);
    const c = ctx.clipRect;
    const clip = c ? `<clipPath id="plot-clip"><rect x="${c[0]}" y="${c[1]}" width="${c[2]}" height="${c[3]}"/></clipPath>` : '';
    return `${clip}<g${c ? ' clip-path="url(#plot-clip)"' : ''}>${ctx.paths.join('')}</g>`;
  }

  /** Removes everything the constructor added, so a remount (e.g. StrictMode) starts clean. */
  destroy(): void {
    for (const node of [this.el.grid, this.el.overlay, this.el.tooltip]) node.replaceChildren();
    this.frame = null;
    this.pointer = null;
  }
}
