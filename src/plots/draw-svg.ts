/**
 * SVG side of the plot: grid (under the canvas), axes, axis labels and reference lines (over it).
 * Groups are created once; every redraw only updates them through d3 joins.
 */
import { axisBottom, axisLeft, select } from 'd3';
import type { Selection } from 'd3';
import type { Rect } from './draw-canvas';
import type { NumScale, TickSpec } from './scales';
import { labelWidth, placeLabels } from './label-rows';
import type { Band, RefLine } from './types';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface SvgLayers {
  bands: G;
  gridX: G;
  gridY: G;
  axisX: G;
  axisY: G;
  labels: G;
  refs: G;
  /** What each axis was last drawn as (see axisKey), and its ticks' labels (see tickLabelsKey). */
  drawn: { x: string; y: string; labels: string; xTicks: string; yTicks: string };
}

/**
 * An axis as drawn: its ticks' labels and pixel positions (to a quarter pixel) and the plot's box. A streaming plot
 * redraws at every frame while its domain grows by less than a pixel's worth: such frames leave the axis alone (d3's
 * axis join set every tick's attributes each time, a third of a streaming plot's drawing).
 */
function axisKey(ticks: TickSpec, scale: NumScale, inner: Rect): string {
  return `${inner.left},${inner.right},${inner.top},${inner.bottom}|${ticks.values.map((v) => `${ticks.format(v)}@${Math.round(4 * scale(v))}`).join(' ')}`;
}

/**
 * An axis's ticks as labelled, without their positions, and the plot's box. While a run streams, most frames move the
 * same labelled ticks: they are then only moved (moveTicks), where d3's axis would also set every tick's opacity, line
 * and text again (a new text node each, shaped and laid out anew: most of the page's text layout while runs stream).
 */
function tickLabelsKey(ticks: TickSpec, inner: Rect): string {
  return `${inner.left},${inner.right},${inner.top},${inner.bottom}|${ticks.values.map((v) => `${v}=${ticks.format(v)}`).join(' ')}`;
}

/** d3-axis's offset of its ticks: half a pixel on a 1x display, for crisp 1 px lines. */
const axisOffset = () => (typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5);

/** Moves an axis's ticks (drawn by d3 with the same values, bound as their data) to where the scale now puts them. */
function moveTicks(axis: G, transform: (d: number) => string): void {
  axis.selectAll<SVGGElement, number>('.tick').attr('transform', transform);
}

export function createSvgLayers(grid: SVGSVGElement, overlay: SVGSVGElement): SvgLayers {
  const g = select(grid).attr('aria-hidden', 'true');
  const o = select(overlay).attr('aria-hidden', 'true');
  // currentColor at low opacity reads as a light grid on both light and dark backgrounds.
  const gridAttrs = (sel: G) => sel.attr('stroke', 'currentColor').attr('stroke-opacity', 0.12);
  return {
    bands: g.append('g'),
    gridX: g.append('g').call(gridAttrs),
    gridY: g.append('g').call(gridAttrs),
    axisX: o.append('g').attr('class', 'axis-x'),
    axisY: o.append('g'),
    labels: o.append('g').attr('fill', 'currentColor').attr('font-size', 11),
    refs: o.append('g').attr('font-size', 10),
    drawn: { x: '', y: '', labels: '', xTicks: '', yTicks: '' },
  };
}

export interface AxesInput {
  inner: Rect;
  width: number;
  height: number;
  sx: NumScale;
  sy: NumScale;
  xTicks: TickSpec;
  yTicks: TickSpec;
  xLabel: string;
  yLabel: string;
}

export function drawAxes(layers: SvgLayers, a: AxesInput): void {
  const { inner, sx, sy, xTicks, yTicks } = a;
  const xKey = axisKey(xTicks, sx, inner);
  const yKey = axisKey(yTicks, sy, inner);
  const labelsKey = `${xKey}|${yKey}|${a.xLabel}|${a.yLabel}|${a.height}`;

  if (layers.drawn.x !== xKey) {
    layers.drawn.x = xKey;
    const labels = tickLabelsKey(xTicks, inner);
    if (layers.drawn.xTicks === labels) moveTicks(layers.axisX, (d) => `translate(${sx(d) + axisOffset()},0)`);
    else
      layers.axisX.attr('transform', `translate(0,${inner.bottom})`).call(
        axisBottom(sx)
          .tickValues(xTicks.values)
          .tickFormat((d) => xTicks.format(+d))
          .tickSizeOuter(0),
      );
    layers.drawn.xTicks = labels;
    layers.gridX
      .selectAll('line')
      .data(xTicks.values)
      .join('line')
      .attr('x1', (d) => sx(d))
      .attr('x2', (d) => sx(d))
      .attr('y1', inner.top)
      .attr('y2', inner.bottom);
  }
  if (layers.drawn.y !== yKey) {
    layers.drawn.y = yKey;
    const labels = tickLabelsKey(yTicks, inner);
    if (layers.drawn.yTicks === labels) moveTicks(layers.axisY, (d) => `translate(0,${sy(d) + axisOffset()})`);
    else
      layers.axisY.attr('transform', `translate(${inner.left},0)`).call(
        axisLeft(sy)
          .tickValues(yTicks.values)
          .tickFormat((d) => yTicks.format(+d))
          .tickSizeOuter(0),
      );
    layers.drawn.yTicks = labels;
    layers.gridY
      .selectAll('line')
      .data(yTicks.values)
      .join('line')
      .attr('x1', inner.left)
      .attr('x2', inner.right)
      .attr('y1', (d) => sy(d))
      .attr('y2', (d) => sy(d));
  }
  if (layers.drawn.labels === labelsKey) return;
  layers.drawn.labels = labelsKey;

  layers.labels
    .selectAll('text.x-label')
    .data([a.xLabel])
    .join('text')
    .attr('class', 'x-label')
    .attr('text-anchor', 'middle')
    .attr('x', (inner.left + inner.right) / 2)
    .attr('y', a.height - 4)
    .text((d) => d);
  layers.labels
    .selectAll('text.y-label')
    .data([a.yLabel])
    .join('text')
    .attr('class', 'y-label')
    .attr('text-anchor', 'middle')
    .attr('transform', `translate(12,${(inner.top + inner.bottom) / 2}) rotate(-90)`)
    .text((d) => d);
}

/** Dashed reference lines; lines outside the current domain (or <= 0 on log) are omitted. */
export function drawRefLines(layers: SvgLayers, refLines: readonly RefLine[], inner: Rect, sx: NumScale, sy: NumScale, logX: boolean, logY: boolean): void {
  const inside = (r: RefLine) => {
    const log = r.axis === 'x' ? logX : logY;
    const [lo, hi] = (r.axis === 'x' ? sx : sy).domain();
    return Number.isFinite(r.value) && (!log || r.value > 0) && r.value >= Math.min(lo, hi) && r.value <= Math.max(lo, hi);
  };

  const shown = refLines.filter(inside);
  const groups = layers.refs
    .selectAll<SVGGElement, RefLine>('g.ref')
    .data(shown)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'ref');
      g.append('line').attr('stroke-dasharray', '5 4').attr('stroke-width', 1.2);
      g.append('text');
      return g;
    })
    .attr('color', (r) => r.color ?? null);

  groups
    .select('line')
    .attr('stroke', 'currentColor')
    .attr('stroke-opacity', (r) => (r.color ? 0.9 : 0.55))
    .attr('x1', (r) => (r.axis === 'x' ? sx(r.value) : inner.left))
    .attr('x2', (r) => (r.axis === 'x' ? sx(r.value) : inner.right))
    .attr('y1', (r) => (r.axis === 'y' ? sy(r.value) : inner.top))
    .attr('y2', (r) => (r.axis === 'y' ? sy(r.value) : inner.bottom));

  // labels placed so that none overprints another (label-rows.ts)
  const placed = placeLabels(
    shown.map((r) => ({ axis: r.axis, at: r.axis === 'x' ? sx(r.value) : sy(r.value), width: labelWidth(r.label ?? '') })),
    inner,
  );
  const place = new Map(shown.map((r, i) => [r, placed[i]]));
  groups
    .select('text')
    .attr('fill', 'currentColor')
    .attr('text-anchor', (r) => place.get(r)!.anchor)
    .attr('x', (r) => place.get(r)!.x)
    .attr('y', (r) => place.get(r)!.y)
    .text((r) => r.label ?? '');
}

/** Shaded x-intervals under the grid, clipped to the plot; a band outside the domain (or <= 0 on log x) is omitted. */
export function drawBands(layers: SvgLayers, bands: readonly Band[], inner: Rect, sx: NumScale, logX: boolean): void {
  const [d0, d1] = sx.domain();
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  const shown = bands
    .map((b) => ({ b, from: Math.max(b.from, lo), to: Math.min(b.to, hi) }))
    .filter(({ from, to }) => Number.isFinite(from) && Number.isFinite(to) && to > from && (!logX || from > 0));
  const groups = layers.bands
    .selectAll<SVGGElement, (typeof shown)[number]>('g.band')
    .data(shown)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'band');
      g.append('rect');
      g.append('text').attr('font-size', 10).attr('text-anchor', 'middle');
      g.append('title');
      return g;
    })
    .attr('color', ({ b }) => b.color ?? null);
  groups
    .select('rect')
    .attr('fill', 'currentColor')
    .attr('fill-opacity', ({ b }) => (b.color ? 0.12 : 0.07))
    .attr('x', ({ from, to }) => Math.min(sx(from), sx(to)))
    .attr('width', ({ from, to }) => Math.abs(sx(to) - sx(from)))
    .attr('y', inner.top)
    .attr('height', inner.bottom - inner.top);
  // the label only where the band is wide enough to hold it
  groups
    .select('text')
    .attr('fill', 'currentColor')
    .attr('x', ({ from, to }) => (sx(from) + sx(to)) / 2)
    .attr('y', inner.bottom - 6)
    .text(({ b, from, to }) => {
      const room = Math.abs(sx(to) - sx(from)) - 8;
      return [b.label, b.shortLabel].find((l) => l && labelWidth(l) < room) ?? '';
    });
  groups.select('title').text(({ b }) => b.label ?? '');
}
