// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawLines } from './draw-canvas';
import { plotSvgDocument, svgSize } from './plot-image';
import { SvgPathContext } from './svg-path-context';

const NS = 'http://www.w3.org/2000/svg';

describe('exported plot images', () => {
  it('the lines are drawn by the screen code into SVG paths, clipped to the data area, dash and colour kept', () => {
    const ctx = new SvgPathContext();
    const x = Float64Array.from([0, 1, 2, 3]);
    const y = Float64Array.from([0, 1, 4, 9]);
    const item = { series: { id: 's', label: 'y = x²', color: '#D55E00', x, y, dash: [4, 2] }, n: 4, sorted: true, color: '#D55E00' };
    drawLines(
      ctx as unknown as CanvasRenderingContext2D,
      [item],
      (v) => 10 + 10 * v,
      (v) => 100 - 10 * v,
      (px) => (px - 10) / 10,
      { left: 10, top: 0, right: 50, bottom: 100 },
      false,
      false,
    );
    expect(ctx.clipRect).toEqual([10, 0, 40, 100]);
    expect(ctx.paths).toHaveLength(1);
    expect(ctx.paths[0]).toContain('d="M10 100L20 90L30 60L40 10"');
    expect(ctx.paths[0]).toContain('stroke="#D55E00"');
    expect(ctx.paths[0]).toContain('stroke-dasharray="4 2"');
  });

  it('the document has the title, the plot layers without hover marks, the data, the legend and the caption, and parses as SVG', () => {
    const grid = document.createElementNS(NS, 'svg');
    grid.innerHTML = '<g class="axis-x"><text>10⁰</text></g>';
    const overlay = document.createElementNS(NS, 'svg');
    overlay.innerHTML = '<g class="ref"><text>2/η</text></g><line data-hover=""></line><g data-hover=""><circle r="3"></circle></g>';
    const svg = plotSvgDocument({
      title: 'Loss & sharpness',
      width: 400,
      height: 200,
      below: [grid],
      above: [overlay],
      data: '<path d="M0 0L1 1"/>',
      legend: [
        { label: 'GD', color: '#0072B2' },
        { label: 'GF <flow>', color: '#000', dash: [4, 3] },
      ],
      color: 'rgb(51, 65, 85)',
      background: '#ffffff',
      caption: 'implicit-bias-lab 0.1.0 · http://x/#lab=stability&s=abc',
    });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = Array.from(doc.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Loss & sharpness', '10⁰', '2/η', 'GD', 'GF <flow>', 'implicit-bias-lab 0.1.0 · http://x/#lab=stability&s=abc']));
    // a long caption wraps, every character kept
    const long = plotSvgDocument({ title: 't', width: 200, height: 100, below: [], above: [], data: '', legend: [], color: '#000', background: '#fff', caption: 'x'.repeat(100) });
    const lines = Array.from(new DOMParser().parseFromString(long, 'image/svg+xml').querySelectorAll('text')).slice(1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.textContent).join('')).toBe('x'.repeat(100));
    expect(doc.querySelectorAll('[data-hover]')).toHaveLength(0);
    expect(doc.querySelector('path')?.getAttribute('d')).toBe('M0 0L1 1');
    const { width, height } = svgSize(svg);
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(200 + 22 + 16);
  });
});
