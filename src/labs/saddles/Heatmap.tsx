import { useEffect, useRef } from 'react';
import type { SeriesBuffers } from '../../state/series';

interface Props {
  buffers: SeriesBuffers;
  blocks: { name: string; offset: number; size: number }[];
  /** Layer sizes [d, k1, ..., 1]. */
  dims: number[];
  index: number;
  title: string;
  testId: string;
}

const CELL = 5;

/**
 * |W_l| and |v| at one snapshot as grayscale images (black = largest entry of that matrix), each with its
 * own colour bar maximum; v is drawn as a column next to the last hidden layer, as in paper 003, Fig. 1.
 */
export function WeightHeatmap({ buffers, blocks, dims, index, title, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const mats = blocks.map((b, l) => ({ name: b.name, rows: dims[l + 1], cols: dims[l], offset: b.offset }));
  const width = mats.reduce((s, m) => s + (m.name === 'v' ? 1 : m.cols) * CELL + 14, 0);
  const height = Math.max(...mats.map((m) => (m.name === 'v' ? m.cols : m.rows) * CELL)) + 14;
  const maxes = mats.map((m) => {
    let mx = 0;
    for (let k = 0; k < m.rows * m.cols; k++) mx = Math.max(mx, Math.abs(buffers.params[m.offset + k][index]));
    return mx;
  });
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = width * dpr;
    c.height = height * dpr;
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    let x0 = 0;
    mats.forEach((m, l) => {
      const mx = maxes[l] || 1;
      // v (1 x k) is drawn as a column; W_l as rows x cols
      const R = m.name === 'v' ? m.cols : m.rows;
      const C = m.name === 'v' ? 1 : m.cols;
      for (let r = 0; r < R; r++)
        for (let cc = 0; cc < C; cc++) {
          const k = m.name === 'v' ? r : r * m.cols + cc;
          const v = Math.abs(buffers.params[m.offset + k][index]) / mx;
          const s = Math.round(255 * (1 - v));
          g.fillStyle = `rgb(${s},${s},${s})`;
          g.fillRect(x0 + cc * CELL, 12 + r * CELL, CELL, CELL);
        }
      g.strokeStyle = '#94a3b8';
      g.strokeRect(x0 + 0.5, 12.5, C * CELL - 1, R * CELL - 1);
      g.fillStyle = '#475569';
      g.font = '10px sans-serif';
      g.fillText(m.name, x0, 9);
      x0 += C * CELL + 14;
    });
  });
  return (
    <figure className="flex flex-col gap-1" data-testid={testId}>
      <figcaption className="text-xs font-medium">{title}</figcaption>
      <canvas ref={ref} style={{ width, height }} role="img" aria-label={`${title}: weight magnitudes, max |entry| ${maxes.map((m) => m.toExponential(1)).join(', ')}`} />
      <span className="text-[10px] text-slate-500 num">max |·|: {mats.map((m, l) => `${m.name} ${maxes[l].toExponential(1)}`).join(' · ')}</span>
    </figure>
  );
}
