/**
 * Hover readout: crosshair, per-series markers and the tooltip. It reads the full-resolution
 * buffers (not the decimated path), so values shown are exact samples.
 */
import { select } from 'd3';
import type { Selection } from 'd3';
import type { Rect } from './draw-canvas';
import type { NumScale } from './scales';
import { isPlottable, nearestIndex } from './series-math';

export interface HoverItem {
  id: string;
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  n: number;
  sorted: boolean;
}

export interface HoverFrame {
  inner: Rect;
  width: number;
  sx: NumScale;
  sy: NumScale;
  logX: boolean;
  logY: boolean;
  items: readonly HoverItem[];
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  xLabel: string;
}

export interface ReadoutRow {
  id: string;
  label: string;
  color: string;
  y: number;
  /** Marker position; null when the sample is not drawable on the current axes. */
  at: [number, number] | null;
}

export interface Readout {
  x: number;
  cx: number;
  rows: ReadoutRow[];
}

/**
 * Each visible series' sample nearest in x to pixel column px. The crosshair snaps to the
 * sample closest to the pointer across all series, so it sits on real data.
 */
export function computeReadout(f: HoverFrame, px: number): Readout | null {
  const target = f.sx.invert(px);
  const map = f.logX ? Math.log10 : undefined;
  const rows: ReadoutRow[] = [];
  let snapX = NaN;
  let snapD = Infinity;
  for (const it of f.items) {
    const i = nearestIndex(it.x, it.n, target, { sorted: it.sorted, map });
    if (i < 0) continue;
    const xv = it.x[i];
    const yv = it.y[i];
    const cx = f.sx(xv);
    const d = Math.abs(cx - px);
    if (d < snapD) {
      snapD = d;
      snapX = xv;
    }
    const drawable = isPlottable(xv, f.logX) && isPlottable(yv, f.logY);
    rows.push({ id: it.id, label: it.label, color: it.color, y: yv, at: drawable ? [cx, f.sy(yv)] : null });
  }
  if (rows.length === 0) return null;
  return { x: snapX, cx: f.sx(snapX), rows };
}

export interface HoverLayers {
  crosshair: Selection<SVGLineElement, unknown, null, undefined>;
  markers: Selection<SVGGElement, unknown, null, undefined>;
  tooltip: Selection<HTMLDivElement, unknown, null, undefined>;
}

export function createHoverLayers(overlay: SVGSVGElement, tooltip: HTMLDivElement): HoverLayers {
  const o = select(overlay);
  return {
    // data-hover: left out of exported images
    crosshair: o.append('line').attr('data-hover', '').attr('stroke', 'currentColor').attr('stroke-opacity', 0.5).attr('stroke-width', 1).attr('display', 'none'),
    markers: o.append('g').attr('data-hover', ''),
    tooltip: select(tooltip).property('hidden', true),
  };
}

export function drawHover(layers: HoverLayers, f: HoverFrame | null, px: number | null): void {
  const r = f && px !== null ? computeReadout(f, px) : null;
  if (!f || !r) {
    layers.crosshair.attr('display', 'none');
    layers.markers.selectAll('circle').remove();
    layers.tooltip.property('hidden', true);
    return;
  }
  layers.crosshair.attr('display', null).attr('x1', r.cx).attr('x2', r.cx).attr('y1', f.inner.top).attr('y2', f.inner.bottom);

  layers.markers
    .selectAll('circle')
    .data(r.rows.filter((row) => row.at !== null))
    .join('circle')
    .attr('r', 3)
    .attr('fill', (row) => row.color)
    .attr('stroke', 'white')
    .attr('stroke-width', 1)
    .attr('cx', (row) => row.at![0])
    .attr('cy', (row) => row.at![1]);

  const tip = layers.tooltip.property('hidden', false);
  tip
    .selectAll('div.tip-x')
    .data([r.x])
    .join('div')
    .attr('class', 'tip-x font-medium')
    .text((x) => `${f.xLabel} = ${f.formatX(x)}`);
  const rows = tip
    .selectAll<HTMLDivElement, ReadoutRow>('div.tip-row')
    .data(r.rows, (row) => row.id)
    .join((enter) => {
      const div = enter.append('div').attr('class', 'tip-row flex items-center gap-1.5');
      div.append('span').attr('class', 'inline-block h-2 w-2 shrink-0 rounded-full');
      div.append('span').attr('class', 'tip-label');
      div.append('span').attr('class', 'tip-value ml-auto pl-2 tabular-nums');
      return div;
    })
    .order(); // a re-shown series must not jump to the end of the list
  rows.select('span').style('background-color', (row) => row.color);
  rows.select('.tip-label').text((row) => row.label);
  rows.select('.tip-value').text((row) => f.formatY(row.y));

  // Place right of the crosshair, flipping left when it would overflow the plot.
  const node = tip.node()!;
  const w = node.offsetWidth;
  const left = r.cx + 12 + w > f.width ? Math.max(0, r.cx - 12 - w) : r.cx + 12;
  tip.style('left', `${left}px`).style('top', `${f.inner.top + 4}px`);
}
