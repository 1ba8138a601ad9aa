import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { SeriesBuffers } from '../../state/series';
import { neuronOfRow } from './neurons';
import { fmt } from '../../ui/format';

/** Largest entries in the exponent form, 2 significant digits. */
const EXP2 = { digits: 2, exp: true };

/** Picking neurons by clicking their rows (for "zero these neurons"). */
export interface NeuronSelection {
  selected: readonly string[];
  /** Neurons zeroed at the start of this run (outlined in red). */
  zeroed: readonly string[];
  onToggle(label: string): void;
}

interface Props {
  buffers: SeriesBuffers;
  blocks: { name: string; offset: number; size: number }[];
  /** Layer sizes [d, k1, ..., 1]. */
  dims: number[];
  index: number;
  title: string;
  testId: string;
  selection?: NeuronSelection;
}

const TOP = 12;
const GAP = 14;

/** Cell size: 5 px for the paper's wide nets, larger for small ones so their rows can be clicked. */
export function heatmapCell(dims: number[]): number {
  return Math.max(5, Math.min(14, Math.floor(240 / Math.max(...dims.slice(0, -1)))));
}

/**
 * |W_l| and |v| at one snapshot as grayscale images (black = largest entry of that matrix), each with its
 * own colour bar maximum; v is drawn as a column next to the last hidden layer, as in paper 003, Fig. 1.
 * With a selection, a click on a row of W_l (or an entry of v) picks that hidden neuron; its incoming row
 * and outgoing column are outlined.
 */
export function WeightHeatmap({ buffers, blocks, dims, index, title, testId, selection }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cell = heatmapCell(dims);
  const depth = dims.length - 1;
  const mats = blocks.map((b, l) => ({ name: b.name, rows: dims[l + 1], cols: dims[l], offset: b.offset }));
  const shape = (m: (typeof mats)[number]) => (m.name === 'v' ? { R: m.cols, C: 1 } : { R: m.rows, C: m.cols });
  const x0s: number[] = [];
  let width = 0;
  for (const m of mats) {
    x0s.push(width);
    width += shape(m).C * cell + GAP;
  }
  const height = Math.max(...mats.map((m) => shape(m).R * cell)) + TOP + 2;
  const maxes = mats.map((m) => {
    let mx = 0;
    for (let k = 0; k < m.rows * m.cols; k++) mx = Math.max(mx, Math.abs(buffers.params[m.offset + k][index]));
    return mx;
  });
  const selected = selection?.selected ?? [];
  const zeroed = selection?.zeroed ?? [];
  // Redrawn only when what it shows changes: the page re-renders at every streamed frame, while a snapshot's index
  // names the same weights until the buffers are thinned (hundreds of cells filled one by one, four heatmaps).
  const drawn = `${index}|${index < buffers.count}|${buffers.thinned}|${width}x${height}|${dims.join(',')}|${selected.join(',')}|${zeroed.join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: everything the drawing reads is in `drawn` or is the buffers
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
    mats.forEach((m, l) => {
      const mx = maxes[l] || 1;
      const x0 = x0s[l];
      // v (1 x k) is drawn as a column; W_l as rows x cols
      const { R, C } = shape(m);
      for (let r = 0; r < R; r++)
        for (let cc = 0; cc < C; cc++) {
          const k = m.name === 'v' ? r : r * m.cols + cc;
          const v = Math.abs(buffers.params[m.offset + k][index]) / mx;
          const s = Math.round(255 * (1 - v));
          g.fillStyle = `rgb(${s},${s},${s})`;
          g.fillRect(x0 + cc * cell, TOP + r * cell, cell, cell);
        }
      g.strokeStyle = '#94a3b8';
      g.lineWidth = 1;
      g.setLineDash([]);
      g.strokeRect(x0 + 0.5, TOP + 0.5, C * cell - 1, R * cell - 1);
      g.fillStyle = '#475569';
      g.font = '10px sans-serif';
      g.fillText(m.name, x0, 9);
    });
    // a neuron l:j is row j of W_l and column j of W_(l+1) (entry j of v for the last hidden layer)
    const outline = (label: string, color: string, dash: number[]) => {
      const [l, j1] = label.split(':').map(Number);
      if (!(l >= 1 && l < depth)) return;
      g.strokeStyle = color;
      g.lineWidth = 1.5;
      g.setLineDash(dash);
      const rowM = mats[l - 1];
      if (rowM) g.strokeRect(x0s[l - 1] + 0.75, TOP + (j1 - 1) * cell + 0.75, shape(rowM).C * cell - 1.5, cell - 1.5);
      const next = mats[l];
      if (!next) return;
      if (next.name === 'v') g.strokeRect(x0s[l] + 0.75, TOP + (j1 - 1) * cell + 0.75, cell - 1.5, cell - 1.5);
      else g.strokeRect(x0s[l] + (j1 - 1) * cell + 0.75, TOP + 0.75, cell - 1.5, shape(next).R * cell - 1.5);
    };
    zeroed.forEach((s) => outline(s, '#dc2626', [2, 2]));
    selected.forEach((s) => outline(s, '#E69F00', []));
  }, [buffers, drawn]);
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!selection) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top - TOP;
    const l = x0s.findIndex((x0, i) => x >= x0 && x < x0 + shape(mats[i]).C * cell);
    if (l < 0 || y < 0) return;
    const label = neuronOfRow(dims, l, Math.floor(y / cell));
    if (label) selection.onToggle(label);
  };
  return (
    <figure className="flex flex-col gap-1" data-testid={testId} data-cell={cell}>
      <figcaption className="text-xs font-medium">{title}</figcaption>
      <canvas
        ref={ref}
        style={{ width, height, cursor: selection ? 'pointer' : undefined }}
        onClick={onClick}
        role="img"
        aria-label={`${title}: weight magnitudes, max |entry| ${maxes.map((m) => fmt(m, EXP2)).join(', ')}`}
      />
      <span className="text-[10px] text-slate-500 num">max |·|: {mats.map((m, l) => `${m.name} ${fmt(maxes[l], EXP2)}`).join(' · ')}</span>
    </figure>
  );
}
