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
    render(10);
    expect(seen.at(-1)).toEqual([10, 10, 10]);
    render(11);
    expect(seen.at(-1)).toEqual([11, 10, 10]);
    render(12);
    expect(seen.at(-1)).toEqual([11, 12, 10]);
    // a render without a new revision changes nothing
    render(12);
    expect(seen.at(-1)).toEqual([11, 12, 10]);
    render(13);
    expect(seen.at(-1)).toEqual([11, 12, 13]);
    render(14);
    expect(seen.at(-1)).toEqual([14, 12, 13]);
    // the run settles: every plot shows its end
    render(15, 1, true);
    expect(seen.at(-1)).toEqual([15, 15, 15]);
    // a new run: every plot drops the old one at once
    render(16, 2, false);
    expect(seen.at(-1)).toEqual([16, 16, 16]);
    render(17, 2, false);
    expect(seen.at(-1)).toEqual([17, 16, 16]);
  });
});
