import type { SeriesBuffers } from '../../state/series';
import { Button } from '../../ui/Button';
import { fmt } from '../../ui/format';
import type { MarkerOverride } from './derive';
import { useSaddlesUi } from './ui-store';

interface Props {
  b: SeriesBuffers;
  runId: number;
  /** Markers in use (the user's or the automatic ones). */
  marks: MarkerOverride;
  /** Which of them the user set. */
  manual: MarkerOverride;
  isGd: boolean;
}

/**
 * Sliders over the recorded snapshots for the heatmap markers i1 and i2 (docs/labs/saddles.md Sec. 7: automatic 2000 iterations
 * before and 5000 after the escape, or wherever the user puts them), with a reset to automatic.
 */
export function MarkerControls({ b, runId, marks, manual, isGd }: Props) {
  const n = b.count;
  const at = (i: number | null) => (i === null ? 'not yet (no escape)' : isGd ? `iteration ${b.step[i]}` : `t = ${fmt(b.t[i])}`);
  const slider = (which: 'i1' | 'i2', text: string) => (
    <label className="flex flex-1 flex-col gap-0.5" style={{ minWidth: 220 }}>
      <span>
        {which} ({text}):{' '}
        <span className="num" data-testid={`marker-${which}-value`}>
          {at(marks[which])}
        </span>
        {manual[which] !== null ? ' · set by hand' : marks[which] !== null ? ' · automatic' : ''}
      </span>
      <input
        type="range"
        data-testid={`marker-${which}`}
        min={0}
        max={Math.max(0, n - 1)}
        value={marks[which] ?? 0}
        onChange={(e) => useSaddlesUi.getState().setMarker(runId, which, Number(e.target.value))}
        aria-label={`snapshot of the ${which} heatmap`}
      />
    </label>
  );
  const anyManual = manual.i1 !== null || manual.i2 !== null;
  return (
    <div className="flex flex-wrap items-end gap-3 text-xs" data-testid="marker-controls">
      {slider('i1', 'before the escape')}
      {slider('i2', 'at the first saddle')}
      <Button
        variant="subtle"
        testId="marker-auto"
        disabled={!anyManual}
        onClick={() => useSaddlesUi.getState().resetMarkers()}
        title={isGd ? 'i1 = 2000 iterations before the measured escape, i2 = 5000 after' : 'i1 = 1.5 % of the escape time before it, i2 = 4 % after'}
      >
        Automatic markers
      </Button>
    </div>
  );
}
