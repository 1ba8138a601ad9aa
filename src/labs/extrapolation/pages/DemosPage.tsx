import { type ReactNode, useMemo, useState } from 'react';
import { OKABE_ITO } from '../../../plots/palette';
import { TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { useExperiment } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { TextAsideSection, type TextAsideSectionProps } from '../../../ui/TextAsideSection';
import { NumberField } from '../../../ui/NumberField';
import { pickPreset } from '../../../ui/preset-choice';
import { RangeField } from '../../../ui/RangeField';
import { Tex } from '../../../ui/Tex';
import { extrapolationCore } from '../core';
import { type Prop3Demo, prop3Demo } from '../prop3';
import { firstDifference, lemma7Student, phiAgainstT1, phiTerms, responseOf, T1, T2 } from '../sweep/demos';

const LAB = extrapolationCore.id;

/** Loads a preset as the lab's experiment and opens a page of the lab (the Run page runs it). */
function openPreset(id: string, page: 'run' | 'sweeps') {
  if (pickPreset(LAB, id) !== null) return;
  if (page === 'run') useExperiment.getState().requestAutoRun(LAB);
  window.location.hash = `lab=${LAB}&page=${page}`;
}

/** Stems (x_i, 0)-(x_i, y_i) as one series broken by NaN (the tip first, so the readout names y_i). */
function stems(xs: readonly number[], ys: readonly number[]) {
  const x: number[] = [];
  const y: number[] = [];
  xs.forEach((v, i) => {
    x.push(v, v, Number.NaN);
    y.push(ys[i], 0, Number.NaN);
  });
  return { x, y };
}

const range = (n: number) => Array.from({ length: n }, (_, j) => j);

function Section({ id, title, children, aside }: TextAsideSectionProps) {
  return (
    <TextAsideSection id={`demo-${id}`} title={title} aside={aside}>
      {children}
    </TextAsideSection>
  );
}

function Readout({ items, testId }: { items: [ReactNode, string, string?][]; testId: string }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid={testId}>
      {items.map(([k, v, key]) => (
        <div key={key ?? String(v)} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="num" data-key={key}>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Proposition 3: a diagonal student that fits every length-k sequence exactly and still does anything beyond k. */
function Prop3() {
  const [k, setK] = useState(6);
  const [d, setD] = useState(12);
  const demo = useMemo<Prop3Demo | null>(() => {
    try {
      return prop3Demo({ k, d });
    } catch {
      return null;
    }
  }, [k, d]);
  const js = useMemo(() => Float64Array.from(range(demo?.H ?? 50)), [demo]);
  const negIdx = demo ? demo.g.map((g, i) => (g < 0 ? i : -1)).filter((i) => i >= 0) : [];
  const pos = demo
    ? stems(
        demo.a.filter((_, i) => demo.g[i] >= 0),
        demo.g.filter((g) => g >= 0),
      )
    : null;
  const neg = demo
    ? stems(
        negIdx.map((i) => demo.a[i]),
        negIdx.map((i) => demo.g[i]),
      )
    : null;
  const teacher = demo ? stems(demo.teacher.lambda, demo.teacher.p) : null;
  return (
    <Section
      id="prop3"
      title="Proposition 3: many exact fits, different extrapolation"
      aside={
        demo && (
          <>
            <TimeSeriesPlot
              id="demo-p3-impulse"
              title="Impulse responses: teacher w_j and the constructed student h_j"
              xLabel="j"
              yLabel="h_j, w_j"
              height={220}
              series={[
                { id: 'w', label: 'teacher w_j', color: OKABE_ITO[0], x: js, y: demo.w, width: 2 },
                { id: 'h', label: 'constructed student h_j', color: OKABE_ITO[1], x: js, y: demo.h, dash: [5, 3] },
              ]}
              bands={[
                { from: -0.5, to: demo.k - 0.5, label: `data: j < k = ${demo.k}`, shortLabel: 'data' },
                { from: demo.k - 0.5, to: demo.d - 0.5, label: `forced to 0 (k ≤ j < d)`, shortLabel: '0', color: OKABE_ITO[1] },
              ]}
              scaleToggle={false}
            />
            <TimeSeriesPlot
              id="demo-p3-masses"
              title="Atom masses p_i = b_i c_i at the eigenvalues a_i (the teacher's 0.6 and 0.4 are the short green stems)"
              xLabel="eigenvalue a_i"
              yLabel="p_i"
              height={200}
              series={[
                { id: 'pos', label: 'student p_i ≥ 0', color: OKABE_ITO[0], x: pos!.x, y: pos!.y, width: 3 },
                { id: 'neg', label: 'student p_i < 0', color: OKABE_ITO[1], x: neg!.x, y: neg!.y, width: 3 },
                { id: 'teacher', label: 'teacher p̂_i', color: OKABE_ITO[2], x: teacher!.x, y: teacher!.y, width: 5 },
              ]}
              refLines={[{ axis: 'y', value: 0 }]}
              scaleToggle={false}
            />
            <Readout
              testId="demo-p3-readout"
              items={[
                [<Tex key="f">{'\\max_{j<k}|h_j-w_j|'}</Tex>, `${fmt(demo.fitError, 2)} (an exact fit: the loss is 0)`, 'fit'],
                [<Tex key="e">{`E(k, ${demo.H})`}</Tex>, `${fmt(demo.E, 4)} (the zero response would score ${fmt(zeroScore(demo), 3)})`, 'E'],
                [
                  'negative masses',
                  `${demo.negative} of ${demo.d}: ${demo.g
                    .filter((g) => g < 0)
                    .map((g) => fmt(g, 3))
                    .join(', ')}`,
                  'negative',
                ],
                [<Tex key="c">{'\\operatorname{cond}(V)'}</Tex>, fmt(demo.condV, 3), 'cond'],
              ]}
            />
          </>
        )
      }
    >
      <p>
        A diagonal student has impulse response <Tex>{'h_j = \\sum_{i=1}^{d} b_i c_i\\, a_i^{\\,j}'}</Tex>. Fix <Tex>d</Tex> distinct eigenvalues <Tex>a_i</Tex> and set{' '}
        <Tex>c = 1</Tex>. Then the first <Tex>d</Tex> entries of <Tex>h</Tex> are <Tex>Vb</Tex> with the Vandermonde matrix <Tex>{'V_{ji} = a_i^{\\,j}'}</Tex>, which is invertible:
        any values <Tex>{'r_0,\\dots,r_{d-1}'}</Tex> can be reached with <Tex>{'b = V^{-1} r'}</Tex>.
      </p>
      <p>
        The training loss only sees <Tex>{'h_0,\\dots,h_{k-1}'}</Tex>. Take <Tex>{'r_j = w_j'}</Tex> there and anything beyond — here <Tex>{'r_j = 0'}</Tex> for{' '}
        <Tex>{'k \\le j < d'}</Tex>. The student fits all the data exactly, yet its response after <Tex>k</Tex> is whatever we chose. With <Tex>{'d > k'}</Tex> there are infinitely
        many such zero-loss students: fitting the data cannot be why gradient descent extrapolates.
      </p>
      <p>
        Look at the masses: several are negative. A balanced student (<Tex>{'b = c'}</Tex>) has masses <Tex>{'p_i = b_i^2 \\ge 0'}</Tex>, so this one is far from balanced — which
        is exactly the loophole the next two demonstrations close.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        {[
          {
            label: 'k (data length)',
            testId: 'demo-p3-k',
            value: k,
            set: setK,
            ok: (v: number) => v >= 1 && v < d,
            refusal: `k must be a whole number from 1 to d − 1 = ${d - 1}`,
          },
          {
            label: 'd (student size)',
            testId: 'demo-p3-d',
            value: d,
            set: setD,
            ok: (v: number) => v > k && v <= 16,
            refusal: `d must be a whole number from k + 1 = ${k + 1} to 16 (float64 solves the Vandermonde system up to there)`,
          },
        ].map((f) => (
          <NumberField
            key={f.testId}
            label={f.label}
            value={f.value}
            inputMode="numeric"
            className="w-32"
            testId={f.testId}
            onCommit={(v) => {
              if (!Number.isInteger(v) || !f.ok(v)) return f.refusal;
              f.set(v);
              return null;
            }}
          />
        ))}
        <Button
          variant="link"
          testId="demo-p3-train"
          onClick={() => openPreset('E-P3', 'run')}
          title="Preset E-P3: Adam from a small balanced start on the same teacher, k = 6, d = 12"
        >
          Train a balanced student on this task (E-P3) →
        </Button>
      </div>
    </Section>
  );
}

function zeroScore(demo: Prop3Demo): number {
  let tail = 0;
  let scale = 0;
  for (let j = 0; j < demo.H; j++) {
    scale = Math.max(scale, Math.abs(demo.w[j]));
    if (j >= demo.k) tail = Math.max(tail, Math.abs(demo.w[j]));
  }
  return tail / scale;
}

const N_TWIN = 12;

/** App. A: two teachers of dimension 2 that agree on w_0..w_2, so k = 3 = 2 dHat - 1 cannot tell them apart. */
function Twins() {
  const t1 = useMemo(() => responseOf(T1, N_TWIN), []);
  const t2 = useMemo(() => responseOf(T2, N_TWIN), []);
  const js = useMemo(() => Float64Array.from(range(N_TWIN)), []);
  const differ = firstDifference(t1, t2);
  return (
    <Section
      id="twins"
      title="Twin teachers (App. A): 2d̂ − 1 samples are not enough"
      aside={
        <>
          <TimeSeriesPlot
            id="demo-twins"
            title="Teacher responses w_j of T1 and T2"
            xLabel="j"
            yLabel="w_j"
            height={200}
            series={[
              { id: 't1', label: 'T1', color: OKABE_ITO[0], x: js, y: t1, width: 2 },
              { id: 't2', label: 'T2', color: OKABE_ITO[1], x: js, y: t2, dash: [5, 3] },
            ]}
            bands={[{ from: -0.5, to: differ - 0.5, label: 'identical', shortLabel: '=' }]}
            scaleToggle={false}
          />
          <MomentTable
            rows={[
              { label: 'T1', h: t1 },
              { label: 'T2', h: t2 },
            ]}
            n={7}
            differFrom={differ}
            testId="demo-twins-table"
          />
        </>
      }
    >
      <p>
        <span className="font-medium">T1</span> has atoms <Tex>{'\\pm 1/\\sqrt2'}</Tex> with masses <Tex>{'\\tfrac12, \\tfrac12'}</Tex>; <span className="font-medium">T2</span> has
        atoms <Tex>{'-\\tfrac12, 1'}</Tex> with masses <Tex>{'\\tfrac23, \\tfrac13'}</Tex>. Both are balanced teachers of dimension <Tex>{'\\hat d = 2'}</Tex>, and their responses
        are the moments <Tex>{'w_j = \\sum_i p_i \\lambda_i^{\\,j}'}</Tex> of two different probability measures.
      </p>
      <p>
        The two measures share their first three moments: <Tex>{'w_0 = 1,\\ w_1 = 0,\\ w_2 = \\tfrac12'}</Tex>, and part at <Tex>{'w_3'}</Tex> (<Tex>0</Tex> against{' '}
        <Tex>{'\\tfrac14'}</Tex>). Trained on <Tex>{'k = 3 = 2\\hat d - 1'}</Tex> steps, data from T1 and data from T2 are identical, so no learner can extrapolate both: at least{' '}
        <Tex>{'k = 2\\hat d'}</Tex> samples are necessary (Lemma A.1). In the lab, a student trained on T2 with <Tex>{'k = 3'}</Tex> learns T1's atoms <Tex>{'\\pm 0.71'}</Tex> and
        scores <Tex>{'E = 1/3'}</Tex> against T2; from <Tex>{'k = 4'}</Tex> on it finds T2.
      </p>
      <Button variant="link" className="self-start" testId="demo-twins-sweep" onClick={() => openPreset('E-TWIN', 'sweeps')}>
        Sweep k for both teachers (E-TWIN) →
      </Button>
    </Section>
  );
}

/** Lemma 7: a balanced student matching 2 dHat + 1 moments is the teacher; with 2 dHat it need not be. */
function Lemma7() {
  const [a, setA] = useState(0.9);
  const s = useMemo(() => lemma7Student(a), [a]);
  const h = useMemo(() => responseOf(s, 9), [s]);
  const t1 = useMemo(() => responseOf(T1, 9), []);
  const phi = phiAgainstT1(h);
  const terms = phiTerms(s, T1.lambda);
  const sStems = stems(s.lambda, s.p);
  const tStems = stems(T1.lambda, T1.p);
  return (
    <Section
      id="lemma7"
      title="Lemma 7: why k > 2d̂ and balancedness pin the teacher down"
      aside={
        <>
          <TimeSeriesPlot
            id="demo-l7-atoms"
            title="The two measures: atoms and masses"
            xLabel="atom λ"
            yLabel="mass p"
            height={180}
            xDomain={[-1.05, 1.05]}
            yDomain={[0, 1]}
            series={[
              { id: 't1', label: 'T1', color: OKABE_ITO[0], x: tStems.x, y: tStems.y, width: 5 },
              { id: 's', label: 'balanced student S', color: OKABE_ITO[1], x: sStems.x, y: sStems.y, width: 3 },
            ]}
            scaleToggle={false}
          />
          <RangeField
            id="demo-l7-a"
            label="Outer atoms ±a of S: a"
            digits={3}
            note={`masses q/2, 1 − q, q/2 with q = 1/(2a²) = ${fmt(s.q, 4)}`}
            min={0.708}
            max={1}
            step={0.002}
            value={a}
            onChange={setA}
          />
          <MomentTable
            rows={[
              { label: 'T1', h: t1 },
              { label: 'S', h },
            ]}
            n={7}
            differFrom={firstDifference(h, t1)}
            testId="demo-l7-table"
          />
          <Readout
            testId="demo-l7-readout"
            items={[
              [<Tex key="p">{'\\Phi(S)'}</Tex>, `${fmt(phi, 4)} = ${terms.map((t) => fmt(t, 3)).join(' + ')} (one term per atom)`, 'phi'],
              [<Tex key="t">{'\\Phi(T1)'}</Tex>, '0', 'phiT1'],
              [<Tex key="h">{'h_4'}</Tex>, `${fmt(h[4], 4)} against T1's 0.25`, 'h4'],
            ]}
          />
        </>
      }
    >
      <p>
        A balanced diagonal student has <Tex>{'h_j = \\sum_i b_i^2 a_i^{\\,j}'}</Tex>: the moments of a <em>non-negative</em> measure with mass <Tex>{'p_i = b_i^2 \\ge 0'}</Tex> at
        each eigenvalue <Tex>{'a_i'}</Tex>. The teacher's roots give the polynomial <Tex>{'P(z) = \\prod_l (z - \\hat\\lambda_l) = \\sum_r c_r z^r'}</Tex> (for T1,{' '}
        <Tex>{'P(z) = z^2 - \\tfrac12'}</Tex>), and the off-support mass
      </p>
      <Tex block>{'\\Phi \\;=\\; \\sum_{r,s \\le \\hat d} c_r c_s\\, h_{r+s} \\;=\\; \\sum_i p_i\\, P(a_i)^2'}</Tex>
      <p>
        needs only <Tex>{'h_0,\\dots,h_{2\\hat d}'}</Tex>: <Tex>{'2\\hat d + 1'}</Tex> entries. It is <Tex>0</Tex> for the teacher. If a student matches all of them (
        <Tex>{'k \\ge 2\\hat d + 1'}</Tex>), its <Tex>\Phi</Tex> is <Tex>0</Tex> too; with every <Tex>{'p_i \\ge 0'}</Tex> each term must vanish, so every atom with mass sits on a
        root of <Tex>P</Tex>. The student's measure lives on the teacher's atoms, the first <Tex>{'\\hat d'}</Tex> moments fix the masses, and <Tex>{'h_j = w_j'}</Tex> for{' '}
        <em>all</em> <Tex>j</Tex>: it extrapolates.
      </p>
      <p>
        With one sample fewer (<Tex>{'k = 2\\hat d = 4'}</Tex>) nothing forces <Tex>{'h_4'}</Tex>. The student S here is balanced, matches T1 on <Tex>{'h_0,\\dots,h_3'}</Tex>, and
        still has <Tex>{'\\Phi > 0'}</Tex> and a different <Tex>{'h_4 = a^2/2'}</Tex>. Move <Tex>a</Tex>: the first four entries never change; only at <Tex>{'a = 1/\\sqrt2'}</Tex>{' '}
        does S collapse onto T1. And without balancedness (negative masses, as in Proposition 3) the terms of <Tex>\Phi</Tex> can cancel, so <Tex>{'\\Phi = 0'}</Tex> no longer pins
        anything. This is why the lab's E-X3 sweep fails at <Tex>{'k = 2\\hat d = 6'}</Tex> and succeeds at <Tex>{'k = 7'}</Tex>.
      </p>
      <Button variant="link" className="self-start" testId="demo-l7-sweep" onClick={() => openPreset('E-X3', 'sweeps')}>
        See it in training: the E-X3 sweep over k →
      </Button>
    </Section>
  );
}

/** A table of h_0..h_{n-1} per row, the entries from `differFrom` on marked where the rows part. */
function MomentTable({ rows, n, differFrom, testId }: { rows: { label: string; h: readonly number[] }[]; n: number; differFrom: number; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="num w-full text-xs" data-testid={testId} data-differ={differFrom}>
        <thead className="text-slate-500">
          <tr>
            <th className="pr-2 text-left font-normal">j</th>
            {range(n).map((j) => (
              <th key={j} className={`px-1 text-right font-normal ${rows.some((r) => Math.abs(r.h[j] - rows[0].h[j]) > 1e-12) ? 'text-amber-700 dark:text-amber-400' : ''}`}>
                {j}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="pr-2 text-left font-medium">
                {r.label}
              </th>
              {range(n).map((j) => (
                <td key={j} className={`px-1 text-right ${rows.some((o) => Math.abs(o.h[j] - r.h[j]) > 1e-12) ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}>
                  {fmt(Math.abs(r.h[j]) < 1e-14 ? 0 : r.h[j], 4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-0.5 text-[11px] text-slate-500">{differFrom < n ? `Identical up to j = ${differFrom - 1}; entries that differ are shaded.` : 'Identical.'}</p>
    </div>
  );
}

/** Static demonstrations, computed in the page: Proposition 3, the twin teachers of App. A and Lemma 7. */
export function DemosPage() {
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="page-demos">
      <div className="max-w-4xl">
        <h2 className="text-xl font-semibold">Many fits, one extrapolation</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Three small constructions, computed on the spot, that explain what the sweeps show: an overparameterised student can fit the data perfectly and still do anything
          afterwards; a few samples cannot tell two teachers apart; and a balanced student that matches <Tex>{'2\\hat d + 1'}</Tex> samples has no choice but to be the teacher.
        </p>
      </div>
      <Prop3 />
      <Twins />
      <Lemma7 />
    </div>
  );
}
