import { memo, type ReactNode, useMemo, useState } from 'react';
import { OKABE_ITO, seriesColor } from '../../../plots/palette';
import { ToolButton } from '../../../plots/ToolButton';
import { type Band, type PlotSeries, type RefLine, TimeSeriesPlot, type TimeSeriesPlotProps } from '../../../plots/TimeSeriesPlot';
import { PlotPanel } from '../../../plots/PlotPanel';
import { fmt } from '../../../ui/format';
import { Tex } from '../../../ui/Tex';
import type { LinearTeacher } from '../../../engine/linear-rnn/teachers';
import { complexAtoms } from '../../../engine/linear-rnn/residues';
import { teacherOf } from '../build';
import { type ExtrapolationSpec, isMatrixStudent, teacherDim } from '../schema';
import { type CompareChoice, compareLabel, mainLabel, NO_COMPARE } from './compare';
import { entryIndices, indexAxis, joinedTrajectories, leadingEntries, lrDrops, momentsOf, symlog, symlogThreshold, type TimeAxis, timeAxisOf } from './derive';
import { ScatterPlot, type ScatterGroup } from './ScatterPlot';
import type { ExtrapRun } from './store';

/** One arm as the plots draw it. */
interface Arm {
  role: 'main' | 'compare' | 'third';
  run: ExtrapRun;
  spec: ExtrapolationSpec;
  color: string;
  label: string;
}

const TEACHER = 'currentColor';
const TIME = 'extrap-time';
const LAG = 'extrap-j';
const INDEX = 'extrap-i';
/** Entries drawn in colour in the trajectory plot (the rest as one thin grey line each). */
const LEADING = 6;

/**
 * The live plots of spec Sec. 8.2 (1-7) for the run on screen and its second and third arms, on shared axes and cursors. They draw
 * the runs' own specs, so an edit of the experiment (a dragged atom, many times a second) does not redraw them.
 */
export const RunPlots = memo(function RunPlots({
  main,
  second,
  third = null,
  ran,
  ran2 = null,
  revision,
}: {
  main: ExtrapRun | null;
  second: ExtrapRun | null;
  third?: ExtrapRun | null;
  ran: CompareChoice | null;
  ran2?: CompareChoice | null;
  revision: number;
}) {
  if (!main) {
    return (
      <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700" data-testid="plots-empty">
        Press Run to train the student: the loss, its impulse response against the teacher's, its atoms and the balancedness appear here as it learns.
      </p>
    );
  }
  const c = ran ?? NO_COMPARE;
  const arms: Arm[] = [{ role: 'main', run: main, spec: main.spec, color: OKABE_ITO[0], label: second ? mainLabel(main.spec, c) : 'student' }];
  if (second) arms.push({ role: 'compare', run: second, spec: second.spec, color: OKABE_ITO[1], label: compareLabel(main.spec, c) });
  if (second && third) arms.push({ role: 'third', run: third, spec: third.spec, color: OKABE_ITO[2], label: compareLabel(main.spec, ran2 ?? NO_COMPARE) });
  const axis = timeAxisOf(arms.map((a) => a.spec));
  if (arms.some((a) => a.spec.student.param === 'gru')) {
    return (
      <div className="grid gap-3 xl:grid-cols-2" data-testid="run-plots" data-arms={arms.length} data-model="gru">
        <LossPlot arms={arms} axis={axis} revision={revision} />
        <GruErrorPlot arms={arms} axis={axis} revision={revision} />
        <ResponsePlot arms={arms} revision={revision} kind="mean" />
      </div>
    );
  }
  return (
    <div className="grid gap-3 xl:grid-cols-2" data-testid="run-plots" data-arms={arms.length}>
      <LossPlot arms={arms} axis={axis} revision={revision} />
      <ResponsePlot arms={arms} revision={revision} kind="impulse" />
      <AtomsPlot arms={arms} />
      {arms.map((a) => (
        <EntriesPlot key={a.role} arm={a} axis={axis} revision={revision} two={arms.length > 1} />
      ))}
      <HankelPlots arms={arms} axis={axis} revision={revision} />
      <BalancePlots arms={arms} axis={axis} revision={revision} />
      <MomentsPlots arms={arms} axis={axis} revision={revision} />
    </div>
  );
});

const xLabelOf = (axis: TimeAxis) => (axis === 'step' ? 'step' : 'flow time t (GD, Adam: t = Σ lr)');

/** A plot over training time in its panel: steps, or flow time on log x; all of them share one cursor. */
function TimePanel({ testId, caption, axis, ...plot }: { testId: string; caption?: ReactNode; axis: TimeAxis } & Omit<TimeSeriesPlotProps, 'syncX' | 'xScale' | 'xLabel'>) {
  return (
    <PlotPanel testId={testId} caption={caption}>
      <TimeSeriesPlot key={axis} syncX={TIME} xScale={axis === 't' ? 'log' : 'linear'} xLabel={xLabelOf(axis)} {...plot} />
    </PlotPanel>
  );
}

const xsOf = (a: Arm, axis: TimeAxis) => (a.run.buffers ? (axis === 'step' ? a.run.buffers.step : a.run.buffers.t) : new Float64Array(0));

function timeLine(a: Arm, axis: TimeAxis, id: string, label: string, y: ArrayLike<number> | null | undefined, extra: Partial<PlotSeries> = {}): PlotSeries[] {
  const b = a.run.buffers;
  if (!b || !y) return [];
  return [{ id: `${a.role}-${id}`, label, color: a.color, x: xsOf(a, axis), y, n: b.count, ...extra }];
}

/**
 * The arms whose teacher differs from every earlier arm's (the second arm's only when it changes the teacher: T1
 * against T2, or another seed of a drawn teacher), each with its legend suffix and dash.
 */
function teacherArms(arms: Arm[]): { arm: Arm; suffix: string; dash: number[] }[] {
  const keys = arms.map((a) => JSON.stringify([a.spec.teacher, a.spec.seed]));
  const distinct = arms.filter((_, i) => keys.indexOf(keys[i]) === i);
  return distinct.map((a) => ({ arm: a, suffix: distinct.length > 1 ? ` (${a.label})` : '', dash: a.role === 'main' ? [5, 3] : a.role === 'compare' ? [2, 3] : [8, 3, 2, 3] }));
}

const metric = (a: Arm, name: string) => (a.run.buffers?.metricNames.includes(name) ? a.run.buffers.metric(name) : null);
const suffix = (arms: Arm[], a: Arm) => (arms.length > 1 ? ` (${a.label})` : '');
/** One line of a quantity per arm (width 2), each arm named in the legend when there are several. */
const armLines = (arms: Arm[], axis: TimeAxis, id: string, label: string, y: (a: Arm) => ArrayLike<number> | null | undefined) =>
  arms.flatMap((a) => timeLine(a, axis, id, `${label}${suffix(arms, a)}`, y(a), { width: 2 }));

/** A quantity the recorder keeps (by its metric name), one line per arm, on the shared time axis. */
function MetricPanel({ arms, name, label, ...panel }: { arms: Arm[]; name: string; label: string } & Omit<Parameters<typeof TimePanel>[0], 'series'>) {
  return <TimePanel {...panel} series={armLines(arms, panel.axis, name, label, (a) => metric(a, name))} />;
}

/** (1) The training loss, log y, with MultiStepLR's learning-rate drops marked. */
function LossPlot({ arms, axis, revision }: { arms: Arm[]; axis: TimeAxis; revision: number }) {
  const refs: RefLine[] = [];
  for (const a of arms) for (const d of lrDrops(a.spec, axis)) if (!refs.some((r) => r.value === d.at)) refs.push({ axis: 'x', value: d.at, label: d.label, color: '#CC79A7' });
  return (
    <TimePanel
      testId="panel-loss"
      caption="The training loss sees only h_j for j < k. Dashed: where MultiStepLR multiplies the learning rate."
      axis={axis}
      id="ex-loss"
      title="(1) Training loss"
      series={armLines(arms, axis, 'loss', 'loss', (a) => a.run.buffers?.loss)}
      yLabel="loss"
      yScale="log"
      refLines={refs}
      revision={revision}
    />
  );
}

/** The GRU error E over training (Sec. 4.3), log y: the student's outputs against the teacher's beyond k_g on 100 test sequences. */
function GruErrorPlot({ arms, axis, revision }: { arms: Arm[]; axis: TimeAxis; revision: number }) {
  return (
    <MetricPanel
      arms={arms}
      name="E"
      label="E"
      testId="panel-gru-error"
      caption="The GRU error: the mean over 100 random test sequences of the largest output error at k_g ≤ t < H, over the mean of the teacher's largest output. 1 is the all-zero student's score when the teacher's peak lies beyond k_g."
      axis={axis}
      id="ex-gru-error"
      title="GRU error E over training"
      yLabel="E"
      yScale="log"
      revision={revision}
    />
  );
}

/** What the lag plot shows: a linear student's impulse response, or a GRU's mean response (it has no impulse response). */
const RESPONSES = {
  impulse: {
    symlog: true,
    panel: 'impulse',
    title: '(2) Impulse response h_j, teacher w_j',
    lag: 'j',
    k: 'k',
    yLabel: 'h_j, w_j',
    teacher: ['w', 'teacher w_j'],
    student: ['h', 'student h_j'],
    /** The teacher's response and the student's of an arm. */
    views: (a: Arm) => [a.run.views.w, a.run.views.h],
  },
  mean: {
    // a GRU's mean responses stay of order 1: no symlog
    symlog: false,
    panel: 'mean-response',
    title: 'Mean response (not an impulse response)',
    lag: 't',
    k: 'k_g',
    yLabel: 'mean output',
    teacher: ['teacher', 'teacher mean response'],
    student: ['student', 'student mean response'],
    views: (a: Arm) => [a.run.views.meanTeacher, a.run.views.meanStudent],
  },
} as const;

/**
 * (2) The student's response against the teacher's over the lag, the window the loss sees shaded; a symlog option.
 * A linear student's is its impulse response h_j against w_j for j < H. A GRU's is the output at each t averaged
 * over the test sequences: Fig. 2(b) calls it an impulse response, but a GRU has none (erratum 12), hence the label.
 */
function ResponsePlot({ arms, revision, kind }: { arms: Arm[]; revision: number; kind: keyof typeof RESPONSES }) {
  const r = RESPONSES[kind];
  const [sym, setSym] = useState(false);
  const w = r.views(arms[0])[0];
  const c = w ? symlogThreshold(w) : 1e-4;
  const tf = sym ? symlog(c) : null;
  const y = (v: Float64Array | null | undefined) => (v && tf ? v.map(tf.fwd) : v);
  const series: PlotSeries[] = [];
  // the teacher's of every distinct teacher (dashed, in the text colour), then each arm's student's (in its colour)
  for (const t of teacherArms(arms)) {
    const v = y(r.views(t.arm)[0]);
    if (v) series.push({ id: `${t.arm.role}-${r.teacher[0]}`, label: `${r.teacher[1]}${t.suffix}`, color: TEACHER, x: indexAxis(v.length), y: v, dash: t.dash, width: 1.6 });
  }
  for (const a of arms) {
    const v = y(r.views(a)[1]);
    if (v) series.push({ id: `${a.role}-${r.student[0]}`, label: `${r.student[1]}${suffix(arms, a)}`, color: a.color, x: indexAxis(v.length), y: v, width: 2 });
  }
  const bands: Band[] = [];
  for (const a of arms) {
    const k = a.spec.training.k;
    if (!bands.some((b) => b.to === k - 0.5)) bands.push({ from: -0.5, to: k - 0.5, label: `trained: ${r.lag} < ${r.k} = ${k}`, shortLabel: `${r.k} = ${k}`, color: a.color });
  }
  const format = tf ? (v: number) => fmt(tf.inv(v), 2) : undefined;
  const symNote = sym ? ` Symlog: linear within ±${fmt(c)}, one decade per unit beyond.` : '';
  return (
    <PlotPanel
      testId={`panel-${r.panel}`}
      caption={
        kind === 'impulse' ? (
          <>
            Shaded: the window <Tex>{'j < k'}</Tex> the loss sees. Beyond it the student is free; E measures <Tex>{'\\max_{k\\le j<H}|h_j - w_j|'}</Tex> over{' '}
            <Tex>{'\\max_j |w_j|'}</Tex>.{symNote}
          </>
        ) : (
          'The output at each step averaged over 100 random N(0, 1) input sequences (Fig. 2(b)). The paper calls it an impulse response, but a GRU is nonlinear and has none: this is its mean response (erratum 12), and it does not identify the GRU.'
        )
      }
    >
      {r.symlog && (
        <div className="flex items-center justify-end gap-1 text-[11px]">
          <ToolButton on={sym} onClick={() => setSym((v) => !v)} testId={`${kind}-symlog`} title="Symmetric log y: linear near 0, logarithmic beyond (responses that blow up)">
            symlog y
          </ToolButton>
        </div>
      )}
      <TimeSeriesPlot
        // a fresh plot when symlog turns on or off: its own log toggles (hidden under symlog) start from linear
        key={sym ? 'symlog' : 'linear'}
        id={`ex-${r.panel}`}
        syncX={LAG}
        title={r.title}
        series={series}
        bands={bands}
        xLabel={r.lag}
        yLabel={sym ? `${r.yLabel} (symlog)` : r.yLabel}
        formatY={format}
        scaleToggle={!sym}
        revision={revision}
      />
    </PlotPanel>
  );
}

/** (3) Atoms: (a_i, p_i = b_i c_i) against the teacher's (lambda_i, p_i), or the eigenvalues of A in the complex plane. */
function AtomsPlot({ arms }: { arms: Arm[] }) {
  const main = arms[0];
  const spec = main.spec;
  const tArms = teacherArms(arms);
  const key = JSON.stringify(tArms.map((t) => [t.arm.spec.teacher, t.arm.spec.seed]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the teachers change exactly when their specs and seeds do (the key)
  const teachers = useMemo(() => tArms.map((t) => ({ ...t, teacher: teacherOf(t.arm.spec.teacher, t.arm.spec.seed) })), [key]);
  const matrix = isMatrixStudent(spec.student.param);
  const groups: ScatterGroup[] = [];
  const same = arms.filter((a) => isMatrixStudent(a.spec.student.param) === matrix);
  if (!matrix) {
    let maxA = 1.1;
    let lo = 0;
    let hi = 0;
    for (const a of same) {
      const A = a.run.views.atomsA;
      const P = a.run.views.atomsP;
      if (!A || !P) continue;
      groups.push({ id: a.role, label: `student (a_i, p_i)${suffix(arms, a)}`, color: a.color, x: A, y: P, shape: a.role === 'main' ? 'dot' : 'ring', names: (i) => `a${i + 1}` });
      for (let i = 0; i < A.length; i++) {
        if (Number.isFinite(A[i])) maxA = Math.max(maxA, Math.min(2, Math.abs(A[i]) * 1.05));
        if (Number.isFinite(P[i])) {
          lo = Math.min(lo, P[i]);
          hi = Math.max(hi, P[i]);
        }
      }
    }
    for (const { arm, suffix: sfx, teacher } of teachers) {
      const tl = teacher.atoms?.lambda ?? teacher.roots ?? [];
      const tp = teacher.atoms?.p ?? tl.map(() => 0);
      for (const p of tp) hi = Math.max(hi, p);
      for (const l of tl) maxA = Math.max(maxA, Math.abs(l) * 1.05);
      groups.push({
        id: `${arm.role}-teacher`,
        label: `${teacher.atoms ? 'teacher (λ_i, p_i)' : 'teacher eigenvalues'}${sfx}`,
        color: arm.role === 'main' ? TEACHER : arm.color,
        x: tl,
        y: tp,
        shape: 'cross',
        r: 4.5,
        names: (i) => `λ̂${i + 1}`,
      });
    }
    const pad = 0.08 * (hi - lo || 1);
    return (
      <PlotPanel
        testId="panel-atoms"
        caption={
          <>
            A diagonal student's response is <Tex>{'h_j = \\sum_i p_i a_i^j'}</Tex>: a measure with masses <Tex>{'p_i = b_i c_i'}</Tex> at its eigenvalues. Small start: most atoms
            stay near mass 0; a few grow onto the teacher's atoms.
          </>
        }
      >
        <ScatterPlot
          id="ex-atoms"
          title="(3) Atoms (a_i, p_i) against the teacher's"
          groups={groups}
          xLabel="eigenvalue a_i"
          yLabel="mass p_i"
          xDomain={[-maxA, maxA]}
          yDomain={[lo - pad, hi + pad]}
        />
      </PlotPanel>
    );
  }
  // Marker radius sqrt-proportional to |r_i| (area ~ |r_i|), on one scale for student and teacher: the teacher's
  // largest atom mass (or residue) is the largest marker; a larger |r| (near-defective A) is capped there.
  const teacherAtoms = teachers.map((t) => ({ ...t, res: teacherResidues(t.teacher) }));
  let ref = 0;
  for (const t of teacherAtoms) for (const r of t.res?.abs ?? []) ref = Math.max(ref, r);
  for (const a of same) {
    const rr = a.run.views.resRe;
    const ri = a.run.views.resIm;
    if (ref === 0 && rr && ri) for (let i = 0; i < rr.length; i++) if (Number.isFinite(rr[i])) ref = Math.max(ref, Math.hypot(rr[i], ri[i]));
  }
  const radius = (r: number) => (ref > 0 && Number.isFinite(r) ? RES_MIN + (RES_MAX - RES_MIN) * Math.sqrt(Math.min(1, r / ref)) : RES_MIN);
  let R = 1.15;
  let capped = 0;
  for (const a of same) {
    const re = a.run.views.eigRe;
    const im = a.run.views.eigIm;
    const rr = a.run.views.resRe;
    const ri = a.run.views.resIm;
    if (!re || !im) continue;
    const abs = rr && ri ? Float64Array.from(rr, (v, i) => Math.hypot(v, ri[i])) : null;
    if (abs) for (const v of abs) if (v > ref) capped++;
    groups.push({
      id: a.role,
      label: `eigenvalues of A${abs ? ', sized by |r_i|' : ''}${suffix(arms, a)}`,
      color: a.color,
      x: re,
      y: im,
      shape: a.role === 'main' ? 'dot' : 'ring',
      names: (i) => `μ${i + 1}`,
      ...(abs && rr && ri
        ? { radii: Array.from(abs, radius), notes: (i: number) => `, residue r = ${fmt(rr[i], 3)}${ri[i] ? ` ${ri[i] < 0 ? '−' : '+'} ${fmt(Math.abs(ri[i]), 3)}i` : ''}` }
        : {}),
    });
    for (let i = 0; i < re.length; i++) if (Number.isFinite(re[i]) && Number.isFinite(im[i])) R = Math.max(R, Math.min(2.5, 1.05 * Math.hypot(re[i], im[i])));
  }
  for (const { arm, suffix: sfx, teacher, res } of teacherAtoms) {
    const x = res?.re ?? teacher.roots ?? [];
    const y = res?.im ?? x.map(() => 0);
    groups.push({
      id: `${arm.role}-teacher`,
      label: `teacher ${res ? 'atoms (λ̂_i, sized by p_i)' : 'eigenvalues'}${sfx}`,
      color: arm.role === 'main' ? TEACHER : arm.color,
      x,
      y,
      shape: 'cross',
      r: 4.5,
      names: (i) => `λ̂${i + 1}`,
      ...(res ? { radii: res.abs.map(radius), notes: (i: number) => `, mass ${fmt(res.abs[i], 3)}` } : {}),
    });
  }
  return (
    <PlotPanel
      testId="panel-atoms"
      caption={
        <>
          The eigenvalues <Tex>{'\\mu_i'}</Tex> of a full or symmetric A in the complex plane, each sized by the modulus of its residue{' '}
          <Tex>{'r_i = (c^\\top v_i)(w_i^\\top b)/(w_i^\\top v_i)'}</Tex> (right and left eigenvectors), so that <Tex>{'h_j = \\sum_i r_i \\mu_i^j'}</Tex>: the student's measure,
          against the teacher's atoms. Most eigenvalues of a small start carry almost no residue. Dashed: the unit circle (beyond it the response grows); points beyond |μ| = 2.5
          sit faint at the edge.{' '}
          {capped > 0 &&
            `${capped} residue${capped === 1 ? '' : 's'} larger than the teacher's largest mass (a nearly defective A: large residues that cancel) drawn at the largest size. `}
          {teacherAtoms.some((t) => !t.res) && 'The delay teacher is nilpotent (one defective eigenvalue 0), so it has no residues: its crosses are unsized.'}
        </>
      }
    >
      <ScatterPlot
        id="ex-atoms"
        title="(3) Eigenvalues of A sized by their residues"
        groups={groups}
        xLabel="Re μ"
        yLabel="Im μ"
        xDomain={[-R, R]}
        yDomain={[-R, R]}
        equalAspect
        unitCircle
        height={260}
      />
    </PlotPanel>
  );
}

/** Smallest and largest marker radius (px) of the residue-sized atoms. */
const RES_MIN = 1.6;
const RES_MAX = 8;

/**
 * The teacher's atoms in the complex plane with the moduli of their residues: (lambda_i, p_i) for the atom
 * teachers (bal, atoms, twins), the residues of its realisation for bidiag (distinct diagonal: diagonalisable), none
 * for the nilpotent delay teacher (defective).
 */
function teacherResidues(teacher: LinearTeacher): { re: number[]; im: number[]; abs: number[] } | null {
  if (teacher.atoms) return { re: teacher.atoms.lambda, im: teacher.atoms.lambda.map(() => 0), abs: teacher.atoms.p.map(Math.abs) };
  if (!teacher.A || !teacher.B || !teacher.C || (teacher.roots ?? []).every((r) => r === 0)) return null;
  const at = complexAtoms(teacher.A, teacher.B, teacher.C, teacher.dHat);
  if (!at) return null;
  return { re: Array.from(at.re), im: Array.from(at.im), abs: Array.from(at.resRe, (v, i) => Math.hypot(v, at.resIm[i])) };
}

/** (4) Entry trajectories a_i(t) (diagonal students) or A_ii(t) (full, symmetric), the teacher's eigenvalues dashed. */
function EntriesPlot({ arm, axis, revision, two }: { arm: Arm; axis: TimeAxis; revision: number; two: boolean }) {
  const b = arm.run.buffers;
  const spec = arm.spec;
  const teacher = useMemo(() => teacherOf(spec.teacher, spec.seed), [spec.teacher, spec.seed]);
  const entries = entryIndices(spec);
  const matrix = isMatrixStudent(spec.student.param);
  const series: PlotSeries[] = [];
  if (b && b.count > 0) {
    const xs = axis === 'step' ? b.step : b.t;
    const lead = leadingEntries(spec, b, LEADING);
    const rest = entries.map((_, i) => i).filter((i) => !lead.includes(i));
    if (rest.length) {
      const joined = joinedTrajectories(
        xs,
        rest.map((i) => b.params[entries[i].index]),
        b.count,
      );
      series.push({ id: 'rest', label: `${rest.length} other${rest.length === 1 ? '' : 's'}`, color: '#94a3b8', x: joined.x, y: joined.y, width: 0.8 });
    }
    lead.forEach((i, k) => series.push({ id: `e${i}`, label: entries[i].name, color: seriesColor(k + 2), x: xs, y: b.params[entries[i].index], n: b.count, width: 1.8 }));
  }
  const roots = [...new Set((teacher.roots ?? []).map((r) => Number(r.toPrecision(12))))];
  const refs: RefLine[] = roots.map((r) => ({ axis: 'y', value: r, label: roots.length <= 3 ? `λ̂ = ${fmt(r, 3)}` : undefined }));
  return (
    <TimePanel
      testId={`panel-entries-${arm.role}`}
      caption={
        matrix
          ? 'The diagonal entries A_ii over training (a full A has no atoms of its own: its eigenvalues are in plot 3). Dashed: the teacher’s eigenvalues.'
          : 'Each a_i over training; coloured: the six with the largest mass at the end. They move onto the teacher’s eigenvalues (dashed) while the rest stay near σ.'
      }
      axis={axis}
      id={`ex-entries-${arm.role}`}
      title={`(4) Entry trajectories ${matrix ? 'A_ii(t)' : 'a_i(t)'}${two ? ` — ${arm.label}` : ''}`}
      series={series}
      refLines={refs}
      yLabel={matrix ? 'A_ii' : 'a_i'}
      revision={revision}
    />
  );
}

/** (5) Hankel spectrum sigma_i / sigma_1 (student against teacher, log y) and the effective state dimension over time. */
function HankelPlots({ arms, axis, revision }: { arms: Arm[]; axis: TimeAxis; revision: number }) {
  const main = arms[0];
  const tau = main.spec.eval.tau;
  const series: PlotSeries[] = [];
  for (const t of teacherArms(arms)) {
    const ht = t.arm.run.views.hankelTeacher;
    if (ht) series.push({ id: `${t.arm.role}-teacher`, label: `teacher${t.suffix}`, color: TEACHER, x: indexAxis(ht.length, 1), y: ht, dash: t.dash, width: 1.6 });
  }
  for (const a of arms) {
    const hs = a.run.views.hankel;
    if (hs) series.push({ id: a.role, label: `student${suffix(arms, a)}`, color: a.color, x: indexAxis(hs.length, 1), y: hs, width: 2 });
  }
  const dHat = teacherDim(main.spec.teacher);
  return (
    <>
      <PlotPanel
        testId="panel-hankel"
        caption={
          <>
            Singular values of <Tex>{'H_n[i][j] = h_{i+j}'}</Tex> over the largest. A teacher of order d̂ has Hankel rank d̂: a student that learned a low-dimensional state space
            drops below τ (dashed) after a few.
          </>
        }
      >
        <TimeSeriesPlot
          id="ex-hankel"
          syncX={INDEX}
          title="(5) Hankel spectrum σ_i / σ₁"
          series={series}
          refLines={[{ axis: 'y', value: tau, label: `τ = ${fmt(tau)}` }]}
          xLabel="i"
          yLabel="σ_i / σ₁"
          yScale="log"
          revision={revision}
        />
      </PlotPanel>
      <MetricPanel
        arms={arms}
        name="effDim"
        label="effective dimension"
        testId="panel-effdim"
        caption={`Effective state dimension #{σ_i > τ σ₁} over training; dashed: the teacher's order d̂ = ${dHat}.`}
        axis={axis}
        id="ex-effdim"
        title="(5) Effective state dimension"
        refLines={[{ axis: 'y', value: dHat, label: `d̂ = ${dHat}` }]}
        yLabel="dimension"
        revision={revision}
      />
    </>
  );
}

/** (6) beta_BC and alpha_A (log y), and the drift of the gradient-flow invariants. */
function BalancePlots({ arms, axis, revision }: { arms: Arm[]; axis: TimeAxis; revision: number }) {
  const bal: PlotSeries[] = [];
  const drift: PlotSeries[] = [];
  for (const a of arms) {
    const b = a.run.buffers;
    bal.push(...timeLine(a, axis, 'beta', `β_BC${suffix(arms, a)}`, metric(a, 'betaBC'), { width: 2 }));
    if (a.spec.student.param === 'full') bal.push(...timeLine(a, axis, 'alpha', `α_A${suffix(arms, a)}`, metric(a, 'alphaA'), { dash: [6, 3] }));
    const inv = metric(a, 'invBC');
    if (b && inv && b.count > 0) {
      const n = b.count;
      const d0 = inv[0];
      drift.push(
        ...timeLine(
          a,
          axis,
          'inv',
          `|Δ(‖B‖² − ‖C‖²)|${suffix(arms, a)}`,
          Float64Array.from(inv.subarray(0, n), (v) => Math.abs(v - d0)),
          { width: 2 },
        ),
      );
    }
    drift.push(
      ...timeLine(a, axis, 'drift', `${isMatrixStudent(a.spec.student.param) ? 'max |Q − Q(0)|' : 'max |Δ(b_i² − c_i²)|'}${suffix(arms, a)}`, metric(a, 'invDrift'), {
        dash: [6, 3],
      }),
    );
  }
  const tied = arms.every((a) => a.spec.student.param === 'diag-tied');
  const flows = arms.map((a) => a.spec.optim.kind === 'flow');
  return (
    <>
      <TimePanel
        testId="panel-balance"
        caption={
          <>
            <Tex>{'\\beta_{BC} = \\|B - C^\\top\\| / \\|B + C^\\top\\|'}</Tex> (0 when balanced) and, for a full A, <Tex>{'\\alpha_A = \\|A - A^\\top\\|_F / \\|A\\|_F'}</Tex>. From
            a small start both shrink as the student grows (Prop. 9).
          </>
        }
        axis={axis}
        id="ex-balance"
        title="(6) Balancedness β_BC, α_A"
        series={bal}
        yLabel="ratio"
        yScale="log"
        revision={revision}
        emptyText={tied ? 'β_BC = 0: c = b exactly' : undefined}
      />
      <TimePanel
        testId="panel-invariants"
        caption={
          <>
            Gradient flow conserves <Tex>{'\\|B\\|^2 - \\|C\\|^2'}</Tex> (Lemma E.7), every <Tex>{'b_i^2 - c_i^2'}</Tex> of a diagonal student and the matrix{' '}
            <Tex>{'Q = AA^\\top - A^\\top A + BB^\\top - C^\\top C'}</Tex> of a full one: under flow these drifts stay flat (at the solver's accuracy); GD and Adam take finite
            steps and drift.{' '}
            {flows.some(Boolean)
              ? flows.every(Boolean)
                ? 'This run is gradient flow.'
                : 'One arm here is gradient flow, the other is not.'
              : 'This run is not gradient flow: expect drift.'}
          </>
        }
        axis={axis}
        id="ex-invariants"
        title="(6) Invariants: drift"
        series={drift}
        yLabel="drift from the start"
        yScale="log"
        revision={revision}
        emptyText={tied ? 'No drift: c = b exactly' : 'No drift yet'}
      />
    </>
  );
}

/** (7) Moments m_j = h_j / h_0 against the teacher's, and the off-support mass Phi over time. */
function MomentsPlots({ arms, axis, revision }: { arms: Arm[]; axis: TimeAxis; revision: number }) {
  const main = arms[0];
  const series: PlotSeries[] = [];
  const w = main.run.views.w;
  const mw = w ? momentsOf(w) : null;
  for (const t of mw ? teacherArms(arms) : []) {
    const wt = t.arm.run.views.w;
    const m = wt ? momentsOf(wt) : null;
    if (m) series.push({ id: `${t.arm.role}-teacher`, label: `teacher m̂_j = w_j / w₀${t.suffix}`, color: TEACHER, x: indexAxis(m.length), y: m, dash: t.dash, width: 1.6 });
  }
  // a teacher without moments (w_0 = 0: delay, bidiag) leaves nothing to compare the student's ratios with
  for (const a of mw ? arms : []) {
    const h = a.run.views.h;
    const m = h ? momentsOf(h) : null;
    if (m) series.push({ id: a.role, label: `m_j = h_j / h₀${suffix(arms, a)}`, color: a.color, x: indexAxis(m.length), y: m, width: 2 });
  }
  const noMoments = w && !mw;
  const bands: Band[] = [
    { from: -0.5, to: main.spec.training.k - 0.5, shortLabel: `k = ${main.spec.training.k}`, label: `trained: j < k = ${main.spec.training.k}`, color: main.color },
  ];
  return (
    <>
      <PlotPanel
        testId="panel-moments"
        caption={
          noMoments
            ? "This teacher's w₀ = 0: its response is not the moment sequence of a probability measure, so there are no moments to compare."
            : 'For a balanced diagonal student, m_j are the moments of a probability measure on its eigenvalues. Fitting m_0 … m_(k−1) pins a measure with d̂ atoms down once k > 2d̂ (Lemma 7).'
        }
      >
        <TimeSeriesPlot
          id="ex-moments"
          syncX={LAG}
          title="(7) Moments m_j, m̂_j"
          series={series}
          bands={series.length ? bands : []}
          xLabel="j"
          yLabel="moment"
          revision={revision}
          emptyText={noMoments ? 'No moments: w₀ = 0' : undefined}
        />
      </PlotPanel>
      <MetricPanel
        arms={arms}
        name="phi"
        label="Φ"
        testId="panel-phi"
        caption={
          <>
            Off-support mass <Tex>{'\\Phi = \\sum_i p_i P(a_i)^2'}</Tex> with <Tex>{'P(z) = \\prod_l (z - \\hat\\lambda_l)'}</Tex>: the student's mass away from the teacher's
            atoms. 0 at the teacher, and never negative for a balanced student (an unbalanced one can go below 0: toggle log y off).
          </>
        }
        axis={axis}
        id="ex-phi"
        title="(7) Off-support mass Φ(t)"
        yLabel="Φ"
        yScale="log"
        revision={revision}
      />
    </>
  );
}
