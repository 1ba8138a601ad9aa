import { scaleLinear } from 'd3';
import type { SeriesBuffers } from '../../state/series';
import { balancedNeuronLimit, conservedCurve } from './portraits';
import { fmt } from '../../ui/format';

const W = 380;
const H = 260;
const LEVELS = [-0.8, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 0.8];

interface Props {
  buffers: SeriesBuffers | null;
  /** The data point's label (x = 1). */
  y: number;
  p: number;
  /** True for the square activation, where the zero-loss curve is v a^2 = y. */
  square: boolean;
  index: number;
}

const poly = (pts: [number, number][], sx: (v: number) => number, sy: (v: number) => number) => `M${pts.map(([a, v]) => `${sx(a).toFixed(1)},${sy(v).toFixed(1)}`).join('L')}`;

/**
 * The single neuron H = v s(a x) in its (a, v) plane (docs/labs/saddles.md Sec. 7.5): the level sets of the conserved
 * a^2 - p v^2 (gradient flow stays on one), the zero-loss curve, the run's path and where it should end.
 */
export function NeuronPlane({ buffers, y, p, square, index }: Props) {
  const lim = Number.isFinite(y) ? balancedNeuronLimit(y) : { a: 0, v: 0 };
  const n = buffers?.count ?? 0;
  let maxA = 0;
  let maxV = 0;
  for (let i = 0; i < n; i++) {
    maxA = Math.max(maxA, Math.abs(buffers!.params[0][i]));
    maxV = Math.max(maxV, Math.abs(buffers!.params[1][i]));
  }
  const A = Math.max(1.45 * lim.a, 1.1 * maxA, 0.5);
  const V = Math.max(1.45 * Math.abs(lim.v), 1.1 * maxV, 0.4);
  const sx = scaleLinear()
    .domain([-A, A])
    .range([34, W - 10]);
  const sy = scaleLinear()
    .domain([-V, V])
    .range([H - 28, 8]);
  const curves = LEVELS.flatMap((f) => conservedCurve(f * A * A, p, A, V));
  const balanced = conservedCurve(0, p, A, V);
  const zeroLoss: [number, number][][] = [];
  if (square) {
    for (const sign of [1, -1]) {
      const pts: [number, number][] = [];
      for (let i = 1; i <= 200; i++) {
        const a = (sign * A * i) / 200;
        const v = y / (a * a);
        if (Math.abs(v) <= V) pts.push([a, v]);
      }
      if (pts.length > 1) zeroLoss.push(pts);
    }
  }
  const path: [number, number][] = Array.from({ length: n }, (_, i) => [buffers!.params[0][i], buffers!.params[1][i]]);
  const cur = n > 0 && index >= 0 && index < n ? path[index] : null;
  const c = (i: number) => path[i][0] ** 2 - p * path[i][1] ** 2;
  const endA = n > 0 ? Math.sign(path[n - 1][0]) || 1 : 1;
  return (
    <figure className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="neuron-plane">
      <figcaption className="text-sm font-medium">Single neuron in its (a, v) plane: a² − {p}v² is conserved</figcaption>
      <svg width={W} height={H} role="img" aria-label="The (a, v) plane of the single neuron with the conserved curves and the training path">
        {curves.map((l, k) => (
          <path key={k} d={poly(l, sx, sy)} fill="none" stroke="#cbd5e1" strokeWidth={0.8} />
        ))}
        {balanced.map((l, k) => (
          <path key={`b${k}`} d={poly(l, sx, sy)} fill="none" stroke="#94a3b8" strokeWidth={1.6} strokeDasharray="4 3" />
        ))}
        {zeroLoss.map((l, k) => (
          <path key={`z${k}`} d={poly(l, sx, sy)} fill="none" stroke="#009E73" strokeWidth={1.6} />
        ))}
        <line x1={sx(-A)} x2={sx(A)} y1={sy(0)} y2={sy(0)} stroke="#e2e8f0" />
        <line x1={sx(0)} x2={sx(0)} y1={sy(-V)} y2={sy(V)} stroke="#e2e8f0" />
        {n > 1 && <path d={poly(path, sx, sy)} fill="none" stroke="#0072B2" strokeWidth={2} data-testid="neuron-plane-path" />}
        {square && p === 2 && <circle cx={sx(endA * lim.a)} cy={sy(lim.v)} r={4.5} fill="none" stroke="#D55E00" strokeWidth={2} data-testid="neuron-plane-limit" />}
        {cur && <circle cx={sx(cur[0])} cy={sy(cur[1])} r={3.5} fill="#0072B2" />}
        <circle cx={sx(0)} cy={sy(0)} r={3} fill="currentColor" />
        {sx.ticks(5).map((t) => (
          <text key={`ax${t}`} x={sx(t)} y={sy(-V) + 11} fontSize={9} textAnchor="middle" fill="#64748b">
            {t}
          </text>
        ))}
        {sy.ticks(5).map((t) => (
          <text key={`ay${t}`} x={sx(-A) - 3} y={sy(t) + 3} fontSize={9} textAnchor="end" fill="#64748b">
            {t}
          </text>
        ))}
        <text x={W / 2} y={H - 2} fontSize={10} textAnchor="middle">
          a (incoming weight)
        </text>
        <text x={4} y={14} fontSize={10}>
          v
        </text>
      </svg>
      <p className="text-xs text-slate-500">
        Grey: a² − {p}v² = const, the curves gradient flow cannot leave (dashed: const = 0, the balanced a = ±√{p} v of KKT points). Green: zero loss v·a² = y. Blue: this run
        {square && p === 2 ? '; red ring: the limit (√2 (y/2)^⅓, (y/2)^⅓) of a balanced start' : ''}.
      </p>
      {n > 0 && (
        <p className="text-xs num text-slate-600 dark:text-slate-400" data-testid="neuron-plane-conserved">
          this run: a² − {p}v² = {fmt(c(0), 3)} at the start, {fmt(c(n - 1), 3)} at the end; (a, v) = ({fmt(path[n - 1][0], 6)}, {fmt(path[n - 1][1], 6)})
        </p>
      )}
    </figure>
  );
}
