/** A lab card's small drawing: the lab's polylines (unit square, y up), the first one emphasised. */
export function LabPreview({ lines }: { lines: readonly (readonly [number, number][])[] }) {
  const W = 120;
  const H = 56;
  const path = (pts: readonly [number, number][]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${(4 + x * (W - 8)).toFixed(1)},${(4 + (1 - y) * (H - 8)).toFixed(1)}`).join('');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true" className="h-14 w-full rounded bg-slate-50 dark:bg-slate-800/60">
      {lines.map((pts, i) => (
        <path
          key={i}
          d={path(pts)}
          fill="none"
          strokeWidth={i === 0 ? 2.2 : 1.5}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
          className={i === 0 ? 'stroke-sky-600 dark:stroke-sky-400' : 'stroke-amber-500 dark:stroke-amber-400'}
          strokeDasharray={i > 1 ? '3 3' : undefined}
        />
      ))}
    </svg>
  );
}
