import { contours, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { SeriesBuffers } from '../../state/series';

const W = 360;
const H = 230;
const X: [number, number] = [-0.5, 2.5];
const Y: [number, number] = [-0.5, 1.5];
const L = (w1: number, w2: number) => (w1 * w1 - 4) ** 2 + (w2 * w2 - 1) ** 2;
/** The delta-independent limit path p(t) = (2 / sqrt(1 + 4 e^{-32t}), 0) on t in [-1, 1]. */
const pPath = Array.from({ length: 80 }, (_, i) => -1 + (2 * i) / 79).map((t) => [2 / Math.sqrt(1 + 4 * Math.exp(-32 * t)), 0] as const);

/** Example 1 phase portrait: contours of L, the run's path, p(t), the saddle (2, 0) and the minimum (2, 1). */
export function PhasePortrait({ buffers }: { buffers: SeriesBuffers | null }) {
  const sx = scaleLinear()
    .domain(X)
    .range([30, W - 8]);
  const sy = scaleLinear()
    .domain(Y)
    .range([H - 20, 8]);
  const paths = useMemo(() => {
    const nx = 90;
    const ny = 60;
    const vals = new Array(nx * ny);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) vals[j * nx + i] = Math.log(L(X[0] + ((X[1] - X[0]) * i) / (nx - 1), Y[0] + ((Y[1] - Y[0]) * j) / (ny - 1)) + 1e-3);
    const gen = contours().size([nx, ny]).thresholds(25);
    return gen(vals).map((c) =>
      c.coordinates
        .flat()
        .map((ring) => `M${ring.map(([i, j]) => `${sx(X[0] + ((X[1] - X[0]) * i) / (nx - 1)).toFixed(1)},${sy(Y[0] + ((Y[1] - Y[0]) * j) / (ny - 1)).toFixed(1)}`).join('L')}`)
        .join(''),
    );
  }, [sx, sy]);
  const traj =
    buffers && buffers.count > 1
      ? `M${Array.from({ length: buffers.count }, (_, i) => `${sx(buffers.params[0][i]).toFixed(1)},${sy(buffers.params[1][i]).toFixed(1)}`).join('L')}`
      : '';
  return (
    <figure className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="phase-portrait">
      <figcaption className="text-sm font-medium">Example 1: phase portrait (contours of log L)</figcaption>
      <svg width={W} height={H} role="img" aria-label="Phase portrait of Example 1 with the training path">
        {paths.map((d, k) => (
          <path key={k} d={d} fill="none" stroke="#cbd5e1" strokeWidth={0.7} />
        ))}
        <path d={`M${pPath.map(([a, b]) => `${sx(a)},${sy(b)}`).join('L')}`} stroke="#D55E00" strokeWidth={2.5} strokeDasharray="5 3" fill="none" />
        {traj && <path d={traj} stroke="#0072B2" strokeWidth={1.8} fill="none" data-testid="phase-path" />}
        <circle cx={sx(0)} cy={sy(0)} r={3.5} fill="#000" />
        <circle cx={sx(2)} cy={sy(0)} r={4} fill="#E69F00" />
        <circle cx={sx(2)} cy={sy(1)} r={4} fill="#009E73" />
        <text x={sx(2) - 4} y={sy(0) + 14} fontSize={10} textAnchor="end">
          saddle (2, 0), L = 1
        </text>
        <text x={sx(2) - 90} y={sy(1) - 6} fontSize={10}>
          minimum (2, 1)
        </text>
        <text x={sx(0) + 5} y={sy(0) + 12} fontSize={10}>
          origin, L = 17
        </text>
        <text x={W / 2} y={H - 4} fontSize={10} textAnchor="middle">
          w₁
        </text>
        <text x={8} y={H / 2} fontSize={10}>
          w₂
        </text>
      </svg>
      <p className="text-xs text-slate-500">Blue: this run. Dashed: the limit path p(t) = (2/√(1 + 4e^(−32t)), 0) that every small-δ run follows after a shift in time.</p>
    </figure>
  );
}

/** N on the unit circle for Example 1, N(θ) = 5 + 3 cos 2θ, with the run's direction θ(t) marked. */
export function CircleOfDirections({ buffers, index }: { buffers: SeriesBuffers | null; index: number }) {
  const W2 = 220;
  const c = W2 / 2;
  const r0 = 50;
  const pts = Array.from({ length: 181 }, (_, i) => (2 * Math.PI * i) / 180).map((th) => {
    const N = 8 * Math.cos(th) ** 2 + 2 * Math.sin(th) ** 2;
    const r = r0 + 5 * N;
    return `${(c + r * Math.cos(th)).toFixed(1)},${(c - r * Math.sin(th)).toFixed(1)}`;
  });
  let th = NaN;
  if (buffers && index >= 0 && index < buffers.count) th = Math.atan2(buffers.params[1][index], buffers.params[0][index]);
  return (
    <figure className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="ncf-circle">
      <figcaption className="text-sm font-medium">Directions on the circle: N(θ) = 5 + 3 cos 2θ</figcaption>
      <svg width={W2} height={W2} role="img" aria-label="NCF on the circle with the current direction">
        <circle cx={c} cy={c} r={r0} fill="none" stroke="#cbd5e1" />
        <path d={`M${pts.join('L')}`} fill="none" stroke="#0072B2" />
        {[0, Math.PI].map((a) => (
          <circle key={a} cx={c + (r0 + 40) * Math.cos(a)} cy={c - (r0 + 40) * Math.sin(a)} r={4} fill="#009E73" />
        ))}
        {[Math.PI / 2, -Math.PI / 2].map((a) => (
          <circle key={a} cx={c + (r0 + 10) * Math.cos(a)} cy={c - (r0 + 10) * Math.sin(a)} r={4} fill="#E69F00" />
        ))}
        {Number.isFinite(th) && <line x1={c} y1={c} x2={c + r0 * Math.cos(th)} y2={c - r0 * Math.sin(th)} stroke="#D55E00" strokeWidth={2.5} data-testid="direction-needle" />}
      </svg>
      <p className="text-xs text-slate-500">
        Green: second-order KKT points θ = 0, π (w* = (±1, 0)); orange: first-order only (±π/2). Red: w(t)/‖w(t)‖ at the scrubbed snapshot; along the NCF flow tan θ(t) = tan θ₀
        e^(−12t).
      </p>
    </figure>
  );
}
