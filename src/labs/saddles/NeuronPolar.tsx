import { useMemo } from 'react';
import { FeedForward } from '../../engine/homogeneous/ff';
import { seriesColor } from '../../plots/palette';
import type { SaddlesSpec } from './schema';
import type { SeriesBuffers } from '../../state/series';
import { eigSym2, ncfMatrix, neuronPolar } from './portraits';
import { buildModel } from './build';
import { fmt } from '../../ui/format';

const S = 300;
const C = S / 2;
const R = S / 2 - 34;
const MAX_TRAIL = 300;

interface Props {
  buffers: SeriesBuffers;
  spec: SaddlesSpec;
  index: number;
}

/**
 * A two-layer square net in d = 2 (docs/labs/saddles.md Sec. 7.5): each neuron j at the angle of a_j and at radius
 * log ||(a_j, v_j)|| (one ring per decade), with its trail up to the scrubbed snapshot, and the eigenvectors of
 * M = sum_i ytilde_i x_i x_i^T as rays: the NCF turns every a_j towards them (docs/labs/saddles.md Sec. 3.2).
 */
export function NeuronPolar({ buffers, spec, index }: Props) {
  const k = spec.model.kind === 'ff' ? spec.model.widths[0] : 0;
  // a 2 x 2 matrix from the spec's data (d = 2: at most a few thousand points, built once per data change)
  const eig = useMemo(() => {
    const m = buildModel({ model: spec.model, data: spec.data, loss: spec.loss });
    return m instanceof FeedForward ? eigSym2(ncfMatrix(m.X, m.ytilde, 2)) : null;
  }, [spec.model, spec.data, spec.loss]);
  const n = buffers.count;
  const at = (i: number) => (q: number) => buffers.params[q][i];
  // the radial scale: whole decades spanning every neuron's norm over the run (zeroed neurons left out)
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 400)))
    for (let j = 0; j < k; j++) {
      const ln = neuronPolar(at(i), k, j).logNorm / Math.LN10;
      if (Number.isFinite(ln)) {
        lo = Math.min(lo, ln);
        hi = Math.max(hi, ln);
      }
    }
  if (!eig || !Number.isFinite(lo)) return null;
  lo = Math.floor(lo);
  hi = Math.max(Math.ceil(hi), lo + 1);
  const rad = (logNorm: number) => (R * (logNorm / Math.LN10 - lo)) / (hi - lo);
  const xy = (angle: number, r: number) => [C + r * Math.cos(angle), C - r * Math.sin(angle)] as const;
  const decades = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((d, _i, all) => all.length <= 8 || (d - lo) % 2 === 0);
  const idx = Math.max(0, Math.min(n - 1, index));
  const stride = Math.max(1, Math.ceil((idx + 1) / MAX_TRAIL));
  const neurons = Array.from({ length: k }, (_, j) => {
    const trail: string[] = [];
    for (let i = 0; i <= idx; i += stride) {
      const q = neuronPolar(at(i), k, j);
      if (Number.isFinite(q.logNorm))
        trail.push(
          xy(q.angle, rad(q.logNorm))
            .map((v) => v.toFixed(1))
            .join(','),
        );
    }
    return { j, now: neuronPolar(at(idx), k, j), trail };
  });
  const topIdx = Math.abs(eig.values[0]) >= Math.abs(eig.values[1]) ? 0 : 1;
  return (
    <figure className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="neuron-polar">
      <figcaption className="text-sm font-medium">Neurons as points: angle of a_j, radius log‖(a_j, v_j)‖</figcaption>
      <svg width={S} height={S} role="img" aria-label="Each neuron at the angle of its incoming weights and the log of its norm, with the eigenvectors of M">
        {decades.map((d) => (
          <g key={d}>
            <circle cx={C} cy={C} r={(R * (d - lo)) / (hi - lo)} fill="none" stroke="#e2e8f0" />
            <text x={C + 2} y={C - (R * (d - lo)) / (hi - lo) - 2} fontSize={9} fill="#94a3b8">
              1e{d}
            </text>
          </g>
        ))}
        {eig.angles.map((ang, e) => {
          const [x1, y1] = xy(ang, R + 12);
          const [x2, y2] = xy(ang + Math.PI, R + 12);
          return (
            <g key={e} data-testid={`polar-ray-${e + 1}`}>
              <line
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                stroke={e === topIdx ? '#D55E00' : '#94a3b8'}
                strokeWidth={e === topIdx ? 1.8 : 1.2}
                strokeDasharray={e === topIdx ? undefined : '4 3'}
              />
              <text x={x1} y={y1} fontSize={10} textAnchor="middle" dy={y1 < C ? -3 : 10} fill={e === topIdx ? '#D55E00' : '#64748b'}>
                λ{e === 0 ? '₁' : '₂'} = {fmt(eig.values[e], 4)}
              </text>
            </g>
          );
        })}
        {neurons.map(({ j, trail }) => trail.length > 1 && <path key={`t${j}`} d={`M${trail.join('L')}`} fill="none" stroke={seriesColor(j)} strokeWidth={1} opacity={0.6} />)}
        {neurons.map(({ j, now }) => {
          if (!Number.isFinite(now.logNorm)) return null;
          const [x, y] = xy(now.angle, rad(now.logNorm));
          return (
            <g key={j} data-testid={`polar-neuron-${j + 1}`}>
              <circle cx={x} cy={y} r={4.5} fill={seriesColor(j)} stroke="white" />
              <text x={x + 6} y={y + 3} fontSize={10}>
                {j + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="text-xs text-slate-500" style={{ maxWidth: S + 40 }}>
        At the scrubbed snapshot, with trails from the start. Rings: ‖(a_j, v_j)‖ by decades. Rays: eigenvectors of M = Σ ỹᵢ xᵢxᵢᵀ (a_j and −a_j are the same neuron); the NCF turns
        each a_j towards the top one, and the neuron that gets there first wins the race.
        {neurons.some((q) => !Number.isFinite(q.now.logNorm)) ? ' Zeroed neurons (norm 0) are not drawn.' : ''}
      </p>
    </figure>
  );
}
