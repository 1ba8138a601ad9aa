// @vitest-environment jsdom
/**
 * The axes are redrawn only when what they show changes: the same ticks at the same pixels (a streaming frame whose
 * domain grew by less than a pixel's worth) leave the axis elements alone; a tick that moves or a new label redraws.
 */
import { describe, expect, it } from 'vitest';
import { createSvgLayers, drawAxes, type AxesInput } from './draw-svg';
import { makeScale, tickSpec } from './scales';

const inner = { left: 40, top: 10, right: 340, bottom: 210 };
function input(xMax: number, xLabel = 't'): AxesInput {
  const sx = makeScale(false, [0, xMax], [inner.left, inner.right]);
  const sy = makeScale(false, [0, 1], [inner.bottom, inner.top]);
  return { inner, width: 360, height: 240, sx, sy, xTicks: tickSpec(sx, false, 4), yTicks: tickSpec(sy, false, 4), xLabel, yLabel: 'loss' };
}

describe('drawAxes', () => {
  it('skips an axis whose ticks and labels are where they were, and redraws one that moved', () => {
    const ns = 'http://www.w3.org/2000/svg';
    const grid = document.createElementNS(ns, 'svg');
    const overlay = document.createElementNS(ns, 'svg');
    const layers = createSvgLayers(grid, overlay);
    drawAxes(layers, input(100));
    const firstTick = () => overlay.querySelector('.axis-x .tick text')!;
    expect(firstTick().textContent).toBe('0');
    const ticks = overlay.querySelectorAll('.axis-x .tick').length;
    expect(ticks).toBeGreaterThan(1);
    // mark the drawn axis: a skipped redraw leaves the mark, a real one replaces it
    firstTick().textContent = 'mark';
    drawAxes(layers, input(100 + 1e-4)); // the domain grew by far less than a pixel
    expect(firstTick().textContent).toBe('mark');
    drawAxes(layers, input(130)); // every tick but 0 moves
    expect(firstTick().textContent).toBe('0');
    // the same labelled ticks at new pixels are only moved: their labels' text is not set again (a new text node is
    // shaped and laid out anew), and they end where d3 would put them
    const texts = () => Array.from(overlay.querySelectorAll('.axis-x .tick text')).map((t) => t.firstChild);
    const kept = texts();
    drawAxes(layers, input(131));
    const moved = Array.from(overlay.querySelectorAll('.axis-x .tick'));
    expect(texts().length).toBe(kept.length);
    expect(texts().every((t, i) => t === kept[i])).toBe(true);
    const fresh = document.createElementNS(ns, 'svg');
    drawAxes(createSvgLayers(document.createElementNS(ns, 'svg'), fresh), input(131));
    expect(moved.map((g) => g.getAttribute('transform'))).toEqual(Array.from(fresh.querySelectorAll('.axis-x .tick')).map((g) => g.getAttribute('transform')));
    expect(moved.map((g) => g.textContent)).toEqual(Array.from(fresh.querySelectorAll('.axis-x .tick')).map((g) => g.textContent));
    // the axis titles follow their text even when the ticks stay
    drawAxes(layers, input(130, 'step'));
    expect(overlay.querySelector('text.x-label')!.textContent).toBe('step');
  });
});
