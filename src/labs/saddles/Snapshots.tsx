import type { SeriesBuffers } from '../../state/series';
import { fmt } from '../../ui/format';
import type { MarkerOverride } from './derive';
import { WeightHeatmap, type NeuronSelection } from './Heatmap';
import { MarkerControls } from './MarkerControls';
import { CircleOfDirections } from './PhasePortrait';
import type { SaddlesRun } from './store';
import { useSaddlesUi } from './ui-store';
import { ZeroNeurons } from './ZeroNeurons';

interface Props {
  run: SaddlesRun;
  b: SeriesBuffers;
  scrubIdx: number;
  onScrub(i: number): void;
  marks: MarkerOverride;
  manual: MarkerOverride;
}

/** The scrubber over snapshots, the i1/i2 markers, the weight heatmaps and "zero these neurons". */
export function Snapshots({ run, b, scrubIdx, onScrub, marks, manual }: Props) {
  const selected = useSaddlesUi((s) => s.selected);
  const spec = run.spec;
  const n = b.count;
  const isGd = spec.optim.kind !== 'flow';
  const isToy = spec.model.kind === 'toy';
  const dims = spec.model.kind === 'ff' ? [spec.model.d, ...spec.model.widths, 1] : [];
  const at = (i: number) => (isGd ? `iteration ${b.step[i]}` : `t = ${fmt(b.t[i])}`);
  const selection: NeuronSelection = { selected, zeroed: spec.init.zeroNeurons ?? [], onToggle: (l) => useSaddlesUi.getState().toggleSelected(l) };
  const heat = (index: number, title: string, testId: string) => (
    <WeightHeatmap buffers={b} blocks={run.blocks} dims={dims} index={index} title={title} testId={testId} selection={selection} />
  );
  return (
    <div className="flex flex-col gap-2 rounded border border-slate-200 dark:border-slate-800 p-2">
      <label className="text-xs font-medium" htmlFor="sd-scrub">
        Snapshot t = {fmt(b.t[scrubIdx])} (step {b.step[scrubIdx]}, loss {fmt(b.loss[scrubIdx])})
      </label>
      <input id="sd-scrub" data-testid="scrubber" type="range" min={0} max={n - 1} value={scrubIdx} onChange={(e) => onScrub(Number(e.target.value))} />
      {isToy ? (
        <CircleOfDirections buffers={b} index={scrubIdx} />
      ) : (
        <>
          <MarkerControls b={b} runId={run.id} marks={marks} manual={manual} isGd={isGd} />
          <div className="flex flex-wrap gap-4" data-testid="heatmaps">
            {heat(0, 'init', 'heatmap-init')}
            {marks.i1 !== null && heat(marks.i1, `i1 (before escape, ${at(marks.i1)})`, 'heatmap-i1')}
            {marks.i2 !== null && heat(marks.i2, `i2 (first saddle, ${at(marks.i2)})`, 'heatmap-i2')}
            {heat(scrubIdx, 'scrubbed snapshot', 'heatmap-scrub')}
          </div>
          <ZeroNeurons />
        </>
      )}
    </div>
  );
}
