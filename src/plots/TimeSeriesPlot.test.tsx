// @vitest-environment jsdom
import { StrictMode, act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../ui/tests/react-root';
import { TimeSeriesPlot } from './TimeSeriesPlot';
import type { PlotSeries, TimeSeriesPlotProps } from './TimeSeriesPlot';

const dom = reactRootPerTest();

const render = (props: TimeSeriesPlotProps) => act(() => dom.root.render(<TimeSeriesPlot {...props} />));
/** Lets the plot's pending requestAnimationFrame redraw run. */
const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
/** A plot's first drawing waits for the animation frame (see TimeSeriesPlot): render, then let the frame run. */
const mount = async (props: TimeSeriesPlotProps) => {
  render(props);
  await nextFrame();
};
const plot = (id: string) => dom.container.querySelector<HTMLElement>(`[data-testid="plot-${id}"]`)!;
const emptyVisible = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('div')].some((d) => d.textContent === 'No data yet — press Run' && !d.hidden);

// 6 points; y has a zero, a negative and a NaN -> 3 drawable on log y, 5 on linear y.
const loss: PlotSeries = { id: 'loss', label: 'loss', color: '#0072B2', x: [1, 2, 3, 4, 5, 6], y: [1, 0.5, 0, -1, NaN, 1e-3] };
// Growing buffer: only the first 4 of 8 slots are valid.
const buf = new Float64Array(8);
const gbuf = new Float64Array(8);
const grad: PlotSeries = { id: 'grad', label: 'grad norm', color: '#D55E00', x: buf, y: gbuf, n: 4 };

function baseProps(over: Partial<TimeSeriesPlotProps> = {}): TimeSeriesPlotProps {
  return { id: 't', title: 'Training loss', series: [loss, grad], xLabel: 'step', yLabel: 'loss', ...over };
}

describe('TimeSeriesPlot', () => {
  beforeEach(() => {
    for (let i = 0; i < 8; i++) {
      buf[i] = i + 1;
      gbuf[i] = 10 ** -i;
    }
  });

  it('renders with aria-label and counts drawable points on log y', async () => {
    await mount(baseProps({ yScale: 'log' }));
    const el = plot('t');
    expect(el.getAttribute('aria-label')).toBe('Training loss');
    expect(el.textContent).toContain('Training loss');
    expect(el.getAttribute('data-points')).toBe(String(3 + 4));
    expect(emptyVisible(el)).toBe(false);
    // Single canvas and the two SVG layers, with axes drawn into the overlay.
    expect(el.querySelectorAll('canvas')).toHaveLength(1);
    expect(el.querySelectorAll('svg.absolute')).toHaveLength(2);
    expect(el.querySelectorAll('.tick').length).toBeGreaterThan(2);
    expect(el.textContent).toContain('10⁻³'); // decade labels on the log y axis
  });

  it('counts linear-y points and switches when "log y" is toggled', async () => {
    await mount(baseProps());
    const el = plot('t');
    expect(el.getAttribute('data-points')).toBe(String(5 + 4));
    const logY = [...el.querySelectorAll('button')].find((b) => b.textContent === 'log y')!;
    act(() => logY.click());
    await nextFrame();
    expect(logY.getAttribute('aria-pressed')).toBe('true');
    expect(el.getAttribute('data-points')).toBe(String(3 + 4));
  });

  it('toggles a series off and on from the legend', async () => {
    await mount(baseProps({ yScale: 'log' }));
    const el = plot('t');
    const legend = el.querySelector<HTMLButtonElement>('button[data-series="grad"]')!;
    expect(legend.textContent).toBe('grad norm');
    act(() => legend.click());
    await nextFrame();
    expect(legend.getAttribute('aria-pressed')).toBe('false');
    expect(el.getAttribute('data-points')).toBe('3');
    act(() => legend.click());
    await nextFrame();
    expect(el.getAttribute('data-points')).toBe('7');
  });

  it('redraws mutated buffers when revision is bumped, coalesced into one frame', async () => {
    await mount(baseProps({ revision: 0 }));
    const el = plot('t');
    expect(el.getAttribute('data-points')).toBe('9');
    const raf = globalThis.requestAnimationFrame;
    let requested = 0;
    globalThis.requestAnimationFrame = (cb) => {
      requested++;
      return raf(cb);
    };
    try {
      grad.n = 8;
      render(baseProps({ revision: 1 }));
      render(baseProps({ revision: 2 }));
      render(baseProps({ revision: 3 }));
      expect(el.getAttribute('data-points')).toBe('9'); // not drawn yet: waits for the frame
      expect(requested).toBe(1);
    } finally {
      globalThis.requestAnimationFrame = raf;
    }
    await nextFrame();
    expect(el.getAttribute('data-points')).toBe(String(5 + 8));
    grad.n = 4;
  });

  it('keeps one set of SVG layers across StrictMode remounts and re-renders', async () => {
    const strict = (props: TimeSeriesPlotProps) =>
      act(() =>
        dom.root.render(
          <StrictMode>
            <TimeSeriesPlot {...props} />
          </StrictMode>,
        ),
      );
    strict(baseProps());
    await nextFrame();
    const el = plot('t');
    const [grid, overlay] = el.querySelectorAll('svg.absolute');
    const canvas = el.querySelector('canvas');
    const count = () => [grid.children.length, overlay.children.length, el.querySelectorAll('.x-label').length];
    const before = count();
    expect(before).toEqual([3, 6, 1]);
    strict(baseProps({ revision: 5 }));
    await nextFrame();
    expect(count()).toEqual(before);
    expect(el.querySelector('canvas')).toBe(canvas);
  });

  it('shows the empty text when no series has drawable points', async () => {
    await mount(baseProps({ series: [] }));
    const el = plot('t');
    expect(emptyVisible(el)).toBe(true);
    expect(el.getAttribute('data-points')).toBe('0');
    // Points that exist but cannot be drawn still count as empty.
    render(baseProps({ series: [{ ...loss, y: [NaN, Infinity, NaN, -Infinity, NaN, NaN] }] }));
    await nextFrame();
    expect(emptyVisible(el)).toBe(true);
    render(baseProps());
    await nextFrame();
    expect(emptyVisible(el)).toBe(false);
  });

  it('uses custom empty text and draws dashed reference lines with labels', async () => {
    render(baseProps({ series: [], emptyText: 'Waiting…' }));
    expect(plot('t').textContent).toContain('Waiting…');
    render(
      baseProps({
        refLines: [
          { axis: 'y', value: 0.5, label: 'target' },
          { axis: 'x', value: 1e9 },
        ],
      }),
    );
    await nextFrame();
    const refs = plot('t').querySelectorAll('g.ref');
    expect(refs).toHaveLength(1); // the x line is outside the domain
    expect(refs[0].querySelector('line')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(refs[0].textContent).toBe('target');
  });

  it('shades bands clipped to the x domain, with the label or its short form where it fits', async () => {
    // x runs over the series' domain (1..8 by the buffers above); a band past it is omitted
    render(
      baseProps({
        bands: [
          { from: 0, to: 3, label: 'plateau 1', shortLabel: '1' },
          { from: 5, to: 5.05, label: 'a very long label that cannot fit', shortLabel: 'x' },
          { from: 50, to: 60, label: 'outside' },
        ],
      }),
    );
    await nextFrame();
    const bands = plot('t').querySelectorAll('g.band');
    expect(bands).toHaveLength(2);
    const w = (g: Element) => Number(g.querySelector('rect')!.getAttribute('width'));
    expect(w(bands[0])).toBeGreaterThan(w(bands[1]));
    expect(Number(bands[0].querySelector('rect')!.getAttribute('x'))).toBeGreaterThanOrEqual(0);
    expect(bands[0].querySelector('text')!.textContent).toMatch(/^(plateau 1|1)$/);
    expect(bands[1].querySelector('text')!.textContent).toBe('');
    expect(bands[1].querySelector('title')!.textContent).toBe('a very long label that cannot fit');
  });

  it('links the cursor of plots in the same syncX group (not of other groups)', async () => {
    act(() =>
      dom.root.render(
        <>
          <TimeSeriesPlot {...baseProps({ id: 'a', syncX: 'g' })} />
          <TimeSeriesPlot {...baseProps({ id: 'b', syncX: 'g', series: [loss] })} />
          <TimeSeriesPlot {...baseProps({ id: 'c', syncX: 'other' })} />
        </>,
      ),
    );
    // three first drawings share the frames' budget: let each plot get its frame
    for (let i = 0; i < 3; i++) await nextFrame();
    const cross = (id: string) => plot(id).querySelector('svg.overflow-visible > line')!;
    const tipX = (id: string) => plot(id).querySelector('.tip-x');
    const area = plot('a').querySelector<HTMLElement>('[tabindex="0"]')!;
    act(() => area.dispatchEvent(new MouseEvent('pointermove', { clientX: 300, bubbles: true })));
    await nextFrame();
    // b follows a at the same data x (same domain here, so the same pixel); c does not
    expect(cross('b').getAttribute('display')).toBeNull();
    expect(cross('b').getAttribute('x1')).toBe(cross('a').getAttribute('x1'));
    expect(tipX('b')!.textContent).toBe(tipX('a')!.textContent);
    expect(cross('c').getAttribute('display')).toBe('none');
    act(() => area.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: null })));
    await nextFrame();
    expect(cross('b').getAttribute('display')).toBe('none');
  });

  it('shows a crosshair readout on pointer move and hides it on leave', async () => {
    await mount(baseProps());
    const el = plot('t');
    const area = el.querySelector<HTMLElement>('[tabindex="0"]')!;
    const line = () => el.querySelector('svg.overflow-visible > line')!;
    expect(line().getAttribute('display')).toBe('none');
    // jsdom lays nothing out, so the area's left edge is 0 and clientX is the area x.
    act(() => area.dispatchEvent(new MouseEvent('pointermove', { clientX: 300, bubbles: true })));
    await nextFrame();
    expect(line().getAttribute('display')).toBeNull();
    const tip = el.querySelector('.tip-x')!.parentElement!;
    expect(tip.hidden).toBe(false);
    expect(tip.querySelectorAll('.tip-row')).toHaveLength(2);
    expect(tip.querySelectorAll('.tip-row span')[0].getAttribute('style')).toContain('background-color');
    act(() => area.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: null })));
    await nextFrame();
    expect(tip.hidden).toBe(true);
    expect(line().getAttribute('display')).toBe('none');
  });

  it('shows a readout from the keyboard and hides it on Escape', async () => {
    await mount(baseProps());
    const el = plot('t');
    const area = el.querySelector<HTMLElement>('[tabindex="0"]')!;
    const key = (k: string) => act(() => area.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    key('Home');
    await nextFrame();
    const tip = el.querySelector('.tip-x')!.parentElement!;
    expect(tip.hidden).toBe(false);
    expect(tip.querySelector('.tip-x')!.textContent).toBe('step = 1');
    expect([...tip.querySelectorAll('.tip-value')].map((v) => v.textContent)).toEqual(['1', '1']);
    key('End');
    await nextFrame();
    expect(tip.querySelector('.tip-x')!.textContent).toBe('step = 6');
    key('Escape');
    await nextFrame();
    expect(tip.hidden).toBe(true);
  });
});
