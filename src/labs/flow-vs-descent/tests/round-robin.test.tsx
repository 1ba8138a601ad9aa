// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../../ui/tests/react-root';
import { useRoundRobin } from '../run/Plots';

/** The run page's plots take new frames in turn: one plot per frame while a run streams, all of them at its end. */
const seen: number[][] = [];
function Probe({ revision, runId, settled }: { revision: number; runId: number; settled: boolean }) {
  seen.push(useRoundRobin(revision, 3, runId, settled).slice());
  return null;
}

describe('useRoundRobin', () => {
  const dom = reactRootPerTest();
  const render = (revision: number, runId = 1, settled = false) => act(() => dom.root.render(<Probe revision={revision} runId={runId} settled={settled} />));

  it('hands each new revision to the next slot only, every slot in turn; a new or settled run reaches all', () => {
    seen.length = 0;
    // [revision, run id, settled, the revision each slot shows after that render]
    const steps: [number, number, boolean, number[]][] = [
      [10, 1, false, [10, 10, 10]],
      [11, 1, false, [11, 10, 10]],
      [12, 1, false, [11, 12, 10]],
      // a render without a new revision changes nothing
      [12, 1, false, [11, 12, 10]],
      [13, 1, false, [11, 12, 13]],
      [14, 1, false, [14, 12, 13]],
      // the run settles: every plot shows its end
      [15, 1, true, [15, 15, 15]],
      // a new run: every plot drops the old one at once
      [16, 2, false, [16, 16, 16]],
      [17, 2, false, [17, 16, 16]],
    ];
    for (const [revision, runId, settled, want] of steps) {
      render(revision, runId, settled);
      expect(seen.at(-1)).toEqual(want);
    }
  });
});
