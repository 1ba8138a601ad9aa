import { useRef } from 'react';
import { useElementWidth } from '../plots/useElementWidth';
import { markRows, type SliderMark } from './slider-marks';

const ROW_PX = 12;

/** The landmarks under a slider, each a tick and a label, on as many rows as keep the labels apart. */
export function SliderMarks({ marks, testId }: { marks: readonly SliderMark[]; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 300);
  const rows = markRows(marks, width);
  const height = (Math.max(0, ...rows) + 1) * ROW_PX + 6;
  return (
    <div ref={ref} className="relative text-[10px] text-slate-600 dark:text-slate-400" style={{ height }} aria-hidden="true" data-testid={testId}>
      {marks.map((m, i) => (
        <span
          key={m.label}
          className="absolute flex -translate-x-1/2 flex-col items-center whitespace-nowrap"
          style={{ left: `${100 * m.at}%`, top: rows[i] * ROW_PX }}
          title={m.title}
          data-row={rows[i]}
        >
          <span className="h-1.5 w-px bg-slate-500" />
          {m.label}
        </span>
      ))}
    </div>
  );
}
