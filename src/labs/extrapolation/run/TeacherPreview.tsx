import { useMemo } from 'react';
import { effectiveDimension, hankelSingularValues } from '../../../engine/linear-rnn/metrics';
import { OKABE_ITO } from '../../../plots/palette';
import { TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { fmt } from '../../../ui/format';
import { teacherOf } from '../build';
import type { ExtrapolationSpec } from '../schema';
import { indexAxis } from './derive';

/**
 * The teacher of the experiment on screen, computed here as it is edited (it is small): its impulse response w_j for
 * j < H and its normalised Hankel spectrum sigma_i / sigma_1 (n = eval.hankelN), whose rank is the teacher's order.
 */
export function TeacherPreview({ spec }: { spec: ExtrapolationSpec }) {
  const { teacher, seed } = spec;
  const { H, hankelN, tau } = spec.eval;
  const view = useMemo(() => {
    const w = teacherOf(teacher, seed).impulse(Math.max(H, 2 * hankelN));
    const sv = hankelSingularValues(w, hankelN);
    const s1 = sv[0];
    const sigma = sv.map((s) => (s1 > 0 ? s / s1 : 0));
    // the log axis from below tau (or the smallest non-zero value) up to 1
    let lo = tau / 10;
    for (const v of sigma) if (v > 0) lo = Math.min(lo, v);
    return { w: w.slice(0, H), sigma, rank: effectiveDimension(sv, tau), yDomain: [lo / 2, 2] as [number, number] };
  }, [teacher, seed, H, hankelN, tau]);
  const j = useMemo(() => indexAxis(H), [H]);
  const i = useMemo(() => indexAxis(hankelN, 1), [hankelN]);
  return (
    <div className="flex flex-col gap-2" data-testid="teacher-preview" data-w={Array.from(view.w.subarray(0, 8), (v) => String(v)).join(' ')} data-rank={view.rank}>
      <TimeSeriesPlot
        id="teacher-w"
        title="Teacher's response w_j"
        series={[{ id: 'w', label: 'w_j', color: 'currentColor', x: j, y: view.w, width: 1.8 }]}
        xLabel="j"
        yLabel="w_j"
        height={120}
        scaleToggle={false}
        refLines={[{ axis: 'x', value: spec.training.k, label: `k = ${spec.training.k}` }]}
      />
      <TimeSeriesPlot
        id="teacher-hankel"
        title={`Hankel spectrum: rank ${view.rank}`}
        series={[{ id: 'sigma', label: 'σ_i / σ₁', color: OKABE_ITO[2], x: i, y: view.sigma, width: 1.8 }]}
        xLabel="i"
        yLabel="σ_i / σ₁"
        yScale="log"
        scaleToggle={false}
        yDomain={view.yDomain}
        height={120}
        refLines={[{ axis: 'y', value: tau, label: `τ = ${fmt(tau)}` }]}
      />
    </div>
  );
}
