import { useEffect, useState } from 'react';
import { Landscape, type LandscapeOverlay } from '../../../plots/Landscape';
import { OKABE_ITO } from '../../../plots/palette';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { optionsOf, SelectField } from '../../../ui/SelectField';
import { extrapolationCore } from '../core';
import type { SliceRequest, SliceResult } from '../slice';
import type { ExtrapRun } from './store';

const LAB = extrapolationCore.id;
/** Recorded states projected onto the slice, at most. */
const PATH_POINTS = 300;
/**
 * Values of the path sent to the slice's worker, at most (2 MB): a full d = 50 student's 2,600 parameters keep 100
 * states. Fresh memory costs page faults on the page's thread (series.ts), and the path is copied to the worker.
 */
const PATH_VALUES = 1 << 18;

type Kind = 'aa' | 'ab' | 'random';
const KINDS = optionsOf<Kind>({ aa: 'a_i and a_j (two eigenvalues)', ab: 'a_i and b_i (an eigenvalue and its input weight)', random: 'two seeded random directions' });

/** Takes a typed index when it is a whole number below d (and not `other`), else says why not. */
function pickIndex(v: number, d: number, other: number, set: (v: number) => void): string | null {
  if (!Number.isInteger(v) || v < 0 || v >= d) return `the index must be a whole number from 0 to ${d - 1}`;
  if (v === other) return 'j must differ from i';
  set(v);
  return null;
}

/** The run's parameters: the final state when there is one, else the last recorded snapshot; with the thinned path. */
function pointAndPath(run: ExtrapRun): { theta: number[]; path: Float64Array } | null {
  const b = run.buffers;
  if (!b || b.count === 0 || b.nParams === 0) return null;
  // the last row is added to the thinned ones: points - 1 of them at most
  const points = Math.max(2, Math.min(PATH_POINTS, Math.floor(PATH_VALUES / b.nParams)));
  const stride = Math.max(1, Math.ceil(b.count / (points - 1)));
  const rows: number[] = [];
  for (let r = 0; r < b.count; r += stride) rows.push(r);
  if (rows.at(-1) !== b.count - 1) rows.push(b.count - 1);
  const n = b.nParams;
  const path = new Float64Array(rows.length * n);
  for (let k = 0; k < n; k++) {
    const col = b.params[k];
    for (let i = 0; i < rows.length; i++) path[i * n + k] = col[rows[i]];
  }
  const final = run.final ? Object.values(run.final.params).flat() : null;
  return { theta: final && final.length === n ? final : Array.from(path.subarray(path.length - n)), path };
}

/**
 * (9) The loss on a 2-D slice through the run's parameters, with the trajectory projected on it (Sec. 8): computed in
 * a pool worker when the run ends, or on request mid-run.
 */
export function LossSlice({ run }: { run: ExtrapRun | null }) {
  const [chosen, setKind] = useState<Kind>('aa');
  const [i, setI] = useState(0);
  const [j, setJ] = useState(1);
  const [slice, setSlice] = useState<SliceResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const d = run?.spec.student.d ?? 1;
  const diag = run ? run.spec.student.param.startsWith('diag') : false;
  // a matrix student's A has no eigenvalue coordinates: random directions only
  const kind: Kind = diag ? chosen : 'random';
  const compute = async () => {
    if (!run) return;
    const pp = pointAndPath(run);
    if (!pp) return;
    const directions: SliceRequest['directions'] = kind === 'random' ? { kind: 'random', seed: i } : { kind: 'axes', i, j: kind === 'aa' ? j : d + i };
    setBusy(true);
    setError(null);
    try {
      const [r] = await sharedPool().mapJobs<SliceRequest, SliceResult>(LAB, 'lossSlice', [{ spec: run.spec, theta: pp.theta, path: pp.path, directions, n: 80 }]);
      setSlice(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const done = !!run?.final;
  const runId = run?.id;
  // a finished run gets its slice by itself; a new run clears the old one
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed per run (its id) and once it is done, not per render
  useEffect(() => {
    setSlice(null);
    if (done) void compute();
  }, [runId, done]);
  if (!run) return null;
  const overlays: LandscapeOverlay[] = slice
    ? [
        { kind: 'path', id: 'trajectory', x: slice.path.x, y: slice.path.y, color: OKABE_ITO[1], width: 1.5, label: 'trajectory (projected)' },
        { kind: 'point', id: 'here', x: 0, y: 0, color: 'white', r: 4, legend: 'the parameters sliced through' },
      ]
    : [];
  const axisLabel = (k: 'x' | 'y') => (kind === 'random' ? `direction ${k === 'x' ? 1 : 2}` : k === 'x' ? `a_${i}` : kind === 'aa' ? `a_${j}` : `b_${i}`);
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-2 dark:border-slate-800" data-testid="ex-slice" data-ready={slice ? 'true' : 'false'}>
      <div className="flex flex-wrap items-end gap-2 text-xs">
        <SelectField
          label="slice along"
          testId="ex-slice-kind"
          value={kind}
          options={diag ? KINDS : KINDS.filter((k) => k.value === 'random')}
          onChange={setKind}
          className="w-72"
        />
        <NumberField label={kind === 'random' ? 'seed' : 'i'} testId="ex-slice-i" inputMode="numeric" value={i} onCommit={(v) => pickIndex(v, d, -1, setI)} className="w-20" />
        {kind === 'aa' && <NumberField label="j" testId="ex-slice-j" inputMode="numeric" value={j} onCommit={(v) => pickIndex(v, d, i, setJ)} className="w-20" />}
        <Button testId="ex-slice-compute" disabled={busy} onClick={() => void compute()}>
          {busy ? 'Computing…' : done ? 'Recompute' : 'Slice through the current state'}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {slice && (
        <Landscape
          id="ex-slice"
          title="(9) Loss on a 2-D slice through the parameters, with the trajectory"
          grid={slice}
          domain={{ x: slice.x, y: slice.y }}
          overlays={overlays}
          colorLabel="log₁₀ L"
          xLabel={axisLabel('x')}
          yLabel={axisLabel('y')}
          height={300}
          readout={(x, y) => `${axisLabel('x')} ${fmt(x)}, ${axisLabel('y')} ${fmt(y)} from the point`}
        />
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        L at θ* + x·d₁ + y·d₂ around the run's {done ? 'final' : 'current'} parameters θ* (an empirical loss is shown as its population counterpart); the orange line is the
        recorded trajectory projected onto the same plane.
      </p>
    </section>
  );
}
