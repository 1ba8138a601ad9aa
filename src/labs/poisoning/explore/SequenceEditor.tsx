import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { LIMITS } from '../../../experiment/limits';
import { useLabSpec } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { FieldError } from '../../../ui/FieldMessage';
import { cardClass, inputClass, labelClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { SelectField } from '../../../ui/SelectField';
import { ARM_COLORS } from '../arms';
import { commitSpec } from './commit';
import { PoisonDose } from './PoisonDose';
import { addRandomRows, addSpecialRow, parsePositions, removeRow, rowCounts, setEnabled, setKappa, setSpecial, setValue, teacherLabels, type PoisonKind } from './explore-model';
import type { PoisoningSpec } from '../schema';

const STRIP_H = 30;
/** A sequence row's height: its strip and 2 px above and below. */
const ROW_H = STRIP_H + 4;
/** Lists up to this many sequences render every row; longer ones only a window round the scrolled view. */
export const ALL_ROWS_UP_TO = 80;
/** Rows rendered beyond the view on either side (room for Tab and for a quick scroll; each is up to 64 bars). */
const OVERSCAN = 3;
/** The list's visible height (its max-h-[340px]). */
const LIST_PX = 340;

/** The rows [from, to) a list of n sequences renders when scrolled to scrollTop px. */
export function rowWindow(n: number, scrollTop: number): { from: number; to: number } {
  if (n <= ALL_ROWS_UP_TO) return { from: 0, to: n };
  const first = Math.floor(Math.max(0, scrollTop) / ROW_H);
  const from = Math.max(0, Math.min(n, first) - OVERSCAN);
  return { from, to: Math.min(n, first + Math.ceil(LIST_PX / ROW_H) + OVERSCAN) };
}
/** Arrow keys on a bar: up / down change its value by STEP, with shift by BIG_STEP (Page Up / Down too). */
export const STEP = 0.1;
export const BIG_STEP = 1;

/**
 * A bar's next value after a key, or null for a key that does not change it: up / down by a step (shift: a larger
 * one), Page Up / Down by the larger step; rounded to 1e-9 (no 0.30000000000000004) and kept in the schema's bounds.
 */
export function barKeyValue(v: number, key: string, shift: boolean): number | null {
  const d = key === 'ArrowUp' ? 1 : key === 'ArrowDown' ? -1 : key === 'PageUp' ? 10 : key === 'PageDown' ? -10 : 0;
  if (!d) return null;
  const step = Math.abs(d) === 10 ? BIG_STEP : shift ? BIG_STEP : STEP;
  const next = Math.round((v + Math.sign(d) * step) * 1e9) / 1e9;
  return Math.max(-LIMITS.maxAbsValue, Math.min(LIMITS.maxAbsValue, next));
}

/** The bar a key moves the focus to within a strip of kappa bars (left / right, Home / End), or null. */
export function barKeyMove(pos: number, key: string, kappa: number): number | null {
  if (key === 'ArrowLeft') return Math.max(0, pos - 1);
  if (key === 'ArrowRight') return Math.min(kappa - 1, pos + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return kappa - 1;
  return null;
}
/** Bar width: strips about 300 px wide, whatever kappa. */
export const barWidth = (kappa: number) => Math.max(12, Math.min(44, Math.floor(300 / kappa)));

/**
 * Every how many positions the header numbers its bars: a number needs about 7 px a digit (11 px text) and a gap,
 * so at kappa = 64 (12 px bars) every second one, not 64 numbers run together.
 */
export function positionLabelStep(kappa: number, barW: number): number {
  const need = 7 * String(kappa).length + 4;
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500]) if (step * barW >= need) return step;
  return 1000;
}

interface Draft {
  row: number;
  pos: number;
  value: number;
}

/** The training set: one strip of bars per sequence (drag a bar, or select it and type), labels from the teacher. */
export function SequenceEditor() {
  const spec = useLabSpec('poisoning');
  const kappa = spec.data.length;
  const BAR_W = barWidth(kappa);
  const labelStep = positionLabelStep(kappa, BAR_W);
  const labels = useMemo(() => teacherLabels(spec), [spec]);
  const counts = rowCounts(spec);
  const [selected, setSelected] = useState<{ row: number; pos: number } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Value range of the strips: symmetric, from the committed values (stable while dragging).
  const range = useMemo(() => {
    let m = 0;
    for (const s of spec.data.sequences) for (const v of s.x) m = Math.max(m, Math.abs(v));
    return Math.max(2, Math.ceil(m));
  }, [spec]);

  const apply = (candidate: PoisoningSpec) => {
    const err = commitSpec(candidate);
    setError(err);
    return err;
  };
  const sel = selected && selected.row < spec.data.sequences.length && selected.pos < kappa ? selected : null;
  // A long training set (a link may hold hundreds of sequences, each a strip of up to 64 bars) renders only the rows
  // in and near the list's scrolled view: all of them were over a hundred thousand SVG elements and froze the page.
  const [scrollTop, setScrollTop] = useState(0);
  const shown = rowWindow(spec.data.sequences.length, scrollTop);

  return (
    <section className={cardClass} aria-labelledby="trainset-h" data-testid="sequence-editor">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id="trainset-h" className="text-sm font-semibold">
          Training set
        </h3>
        <span className="text-xs text-slate-500" data-testid="row-counts">
          {counts.baseline} baseline · <span className="text-orange-700 dark:text-orange-400">{counts.special} special</span>
          {counts.disabled ? ` · ${counts.disabled} disabled` : ''} · κ = {kappa}
        </span>
        <span className="text-xs text-slate-500">
          Drag a bar to set its value; click a bar to type it. Keyboard: Tab to a sequence, ← → (Home, End) pick a bar, ↑ ↓ change it by {STEP} (with shift by {BIG_STEP}). Labels y
          come from the teacher.
        </span>
      </div>
      <div className="mt-2 flex flex-col gap-3 lg:flex-row">
        <div className="max-h-[340px] min-w-0 flex-1 overflow-auto pr-1" data-testid="sequence-list" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <div className="sticky top-0 z-10 flex items-center gap-2 bg-white/95 dark:bg-slate-950/95 pb-1 text-[11px] text-slate-500">
            <span className="w-7 text-right">#</span>
            <span className="w-14">kind</span>
            <span className="flex" style={{ width: kappa * BAR_W }}>
              {Array.from({ length: kappa }, (_, l) => (
                <span key={l} className="overflow-visible whitespace-nowrap text-center" style={{ width: BAR_W }} title={`position ${l + 1}`}>
                  {(l + 1) % labelStep === 0 ? l + 1 : ''}
                </span>
              ))}
            </span>
            <span className="w-24">label y</span>
          </div>
          {shown.from > 0 && <div style={{ height: shown.from * ROW_H }} aria-hidden="true" />}
          {spec.data.sequences.slice(shown.from, shown.to).map((s, k) => {
            const i = shown.from + k;
            return (
              <div
                key={i}
                className={`flex items-center gap-2 border-l-4 py-0.5 pl-1 ${s.enabled ? '' : 'opacity-40'}`}
                style={{ borderColor: s.special ? ARM_COLORS.poisoned : 'transparent', height: ROW_H }}
                data-testid="seq-row"
                data-special={s.special ? 'true' : 'false'}
                data-enabled={s.enabled ? 'true' : 'false'}
              >
                <span className="w-7 text-right text-xs text-slate-500 num">{i + 1}</span>
                <button
                  type="button"
                  className={`w-14 rounded px-1 text-[11px] ${s.special ? 'bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
                  title="Toggle baseline / special (special rows train only the 'with' arm)"
                  onClick={() => apply(setSpecial(spec, i, !s.special))}
                >
                  {s.special ? 'special' : 'baseline'}
                </button>
                <Strip
                  row={i}
                  x={s.x}
                  range={range}
                  draft={draft?.row === i ? draft : null}
                  selected={sel?.row === i ? sel.pos : null}
                  special={s.special}
                  onDraft={setDraft}
                  onSelect={(pos) => setSelected({ row: i, pos })}
                  onKeyValue={(pos, v) => {
                    setSelected({ row: i, pos });
                    apply(setValue(spec, i, pos, v));
                  }}
                  onCommit={(d) => {
                    setDraft(null);
                    setSelected({ row: d.row, pos: d.pos });
                    apply(setValue(spec, d.row, d.pos, d.value));
                  }}
                />
                <span className="w-24 truncate text-xs num" data-testid={`label-${i}`} title="teacher label (read-only)">
                  y = {fmt(labels[i])}
                </span>
                <label className="flex items-center gap-1 text-[11px] text-slate-500">
                  <input type="checkbox" checked={s.enabled} onChange={(e) => apply(setEnabled(spec, i, e.target.checked))} aria-label={`use sequence ${i + 1}`} />
                  on
                </label>
                <button type="button" className="text-xs text-slate-500 hover:text-red-600" aria-label={`remove sequence ${i + 1}`} onClick={() => apply(removeRow(spec, i))}>
                  ✕
                </button>
              </div>
            );
          })}
          {shown.to < spec.data.sequences.length && <div style={{ height: (spec.data.sequences.length - shown.to) * ROW_H }} aria-hidden="true" />}
        </div>
        <div className="flex w-full shrink-0 flex-col gap-2 lg:w-[300px]">
          <div className="grid grid-cols-[1fr_110px] gap-2">
            {sel ? (
              <NumberField
                key={`${sel.row}-${sel.pos}`}
                label={`Value of sequence ${sel.row + 1}, position ${sel.pos + 1}`}
                testId="cell-value"
                value={spec.data.sequences[sel.row].x[sel.pos]}
                onCommit={(v) => commitSpec(setValue(spec, sel.row, sel.pos, v))}
              />
            ) : (
              <p className="text-xs text-slate-500">Click a bar to type its exact value.</p>
            )}
            <NumberField label="κ (length)" testId="field-kappa" value={kappa} onCommit={(k) => commitSpec(setKappa(spec, k))} hint="pads or cuts at the end" />
          </div>
          <AddPoison onAdd={(kind, o) => apply(addSpecialRow(spec, kind, o))} kappa={kappa} />
          <PoisonDose spec={spec} apply={apply} />
          <AddBaseline onAdd={(n, p) => apply(addRandomRows(spec, n, p))} kappa={kappa} />
        </div>
      </div>
      <FieldError message={error} testId="editor-error" className="mt-1" />
    </section>
  );
}

function Strip(props: {
  row: number;
  x: number[];
  range: number;
  draft: Draft | null;
  selected: number | null;
  special: boolean;
  onDraft: (d: Draft | null) => void;
  onCommit: (d: Draft) => void;
  /** A bar took the keyboard focus. */
  onSelect: (pos: number) => void;
  /** A key changed a bar's value. */
  onKeyValue: (pos: number, value: number) => void;
}) {
  const { row, x, range, draft, selected, special } = props;
  const ref = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  // the bar under the pointer, read out in the strip (one element, not a title per bar: a link may show 20 rows of 64)
  const [hovered, setHovered] = useState<number | null>(null);
  const kappa = x.length;
  const BAR_W = barWidth(kappa);
  const mid = STRIP_H / 2;
  const scale = (STRIP_H / 2 - 2) / range;

  // One tab stop per strip (a slider group): the selected bar, else the first; arrows move within the strip.
  const tabStop = selected ?? 0;
  const onKey = (l: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = barKeyMove(l, e.key, kappa);
    if (to !== null) {
      e.preventDefault();
      props.onSelect(to);
      ref.current?.querySelector<SVGGElement>(`[data-pos="${to}"]`)?.focus();
      return;
    }
    const v = barKeyValue(x[l], e.key, e.shiftKey);
    if (v === null) return;
    e.preventDefault();
    props.onKeyValue(l, v);
  };

  const at = (e: PointerEvent): Draft => {
    const r = ref.current!.getBoundingClientRect();
    const pos = Math.max(0, Math.min(kappa - 1, Math.floor((e.clientX - r.left) / BAR_W)));
    const raw = (mid - (e.clientY - r.top)) / scale;
    const value = Math.round(Math.max(-range, Math.min(range, raw)) * 100) / 100;
    return { row, pos, value };
  };

  return (
    <svg
      ref={ref}
      width={kappa * BAR_W}
      height={STRIP_H}
      className="shrink-0 cursor-ns-resize touch-none select-none rounded bg-slate-50 dark:bg-slate-900"
      data-testid={`strip-${row}`}
      role="group"
      aria-label={`sequence ${row + 1}${special ? ' (special)' : ''}: drag bars to set values, or use the arrow keys`}
      onPointerDown={(e) => {
        dragging.current = true;
        ref.current!.setPointerCapture(e.pointerId);
        props.onDraft(at(e));
      }}
      onPointerMove={(e) => {
        const over = at(e).pos;
        if (over !== hovered) setHovered(over);
        if (!dragging.current) return;
        const d = at(e);
        // While dragging, the bar first pressed keeps moving.
        props.onDraft(draft ? { ...d, pos: draft.pos } : d);
      }}
      onPointerUp={(e) => {
        if (!dragging.current) return;
        dragging.current = false;
        const d = at(e);
        props.onCommit(draft ? { ...d, pos: draft.pos } : d);
      }}
      onPointerCancel={() => {
        dragging.current = false;
        props.onDraft(null);
      }}
      onPointerLeave={() => setHovered(null)}
    >
      <line x1={0} x2={kappa * BAR_W} y1={mid} y2={mid} stroke="currentColor" strokeOpacity={0.25} />
      {x.map((v0, l) => {
        const v = draft && draft.pos === l ? draft.value : v0;
        const h = Math.abs(v) * scale;
        const isTail = l >= kappa - 2;
        return (
          <g
            key={l}
            data-testid={`bar-${row}-${l}`}
            data-value={String(v0)}
            data-pos={l}
            role="slider"
            tabIndex={l === tabStop ? 0 : -1}
            aria-label={`sequence ${row + 1}, position ${l + 1}`}
            aria-valuenow={v0}
            // read out as the page shows numbers (4 significant digits), not all 17 of a float
            aria-valuetext={fmt(v0)}
            aria-valuemin={-LIMITS.maxAbsValue}
            aria-valuemax={LIMITS.maxAbsValue}
            aria-orientation="vertical"
            // the focus ring: a 2 px sky-700 / sky-400 frame round the bar (3:1 or more on the strip in either theme)
            className="outline-none focus-visible:[&>rect.ring]:stroke-sky-700 dark:focus-visible:[&>rect.ring]:stroke-sky-400"
            onFocus={() => selected !== l && props.onSelect(l)}
            onKeyDown={onKey(l)}
          >
            {isTail && <rect x={l * BAR_W} y={0} width={BAR_W} height={STRIP_H} fill={ARM_COLORS.poisoned} opacity={0.06} />}
            <rect
              x={l * BAR_W + 3}
              y={v >= 0 ? mid - h : mid}
              width={BAR_W - 6}
              height={Math.max(h, v === 0 ? 0 : 1)}
              fill={special ? ARM_COLORS.poisoned : ARM_COLORS.clean}
              opacity={draft && draft.pos === l ? 0.6 : 0.9}
            />
            {/* the selected bar's frame, and its focus ring (a focused bar is the selected one: one ring per strip, not per bar) */}
            {selected === l && (
              <>
                <rect x={l * BAR_W + 1} y={1} width={BAR_W - 2} height={STRIP_H - 2} fill="none" stroke="currentColor" strokeWidth={1.5} />
                <rect className="ring" x={l * BAR_W + 1} y={1} width={BAR_W - 2} height={STRIP_H - 2} fill="none" stroke="transparent" strokeWidth={2} pointerEvents="none" />
              </>
            )}
          </g>
        );
      })}
      {hovered !== null && hovered < kappa && (
        <text
          x={hovered < kappa / 2 ? (hovered + 1) * BAR_W + 2 : hovered * BAR_W - 2}
          y={9}
          textAnchor={hovered < kappa / 2 ? 'start' : 'end'}
          fontSize={9}
          fill="currentColor"
          pointerEvents="none"
          data-testid="bar-readout"
        >
          {`position ${hovered + 1}: ${fmt(draft && draft.pos === hovered ? draft.value : x[hovered])}`}
        </text>
      )}
    </svg>
  );
}

function AddBaseline({ onAdd, kappa }: { onAdd: (count: number, positions: number[]) => string | null; kappa: number }) {
  const [count, setCount] = useState('1');
  const [pos, setPos] = useState('1, 2');
  const [err, setErr] = useState<string | null>(null);
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-slate-200 dark:border-slate-800 p-2">
      <legend className={labelClass}>Add random baseline sequences</legend>
      <div className="flex items-end gap-2">
        <label className="flex flex-col text-[11px] text-slate-500">
          how many
          <input className={`${inputClass} w-14`} value={count} onChange={(e) => setCount(e.target.value)} data-testid="add-base-count" />
        </label>
        <label className="flex flex-1 flex-col text-[11px] text-slate-500">
          N(0,1) at positions
          <input className={`${inputClass} w-full`} value={pos} onChange={(e) => setPos(e.target.value)} data-testid="add-base-positions" />
        </label>
      </div>
      <Button
        variant="subtle"
        testId="add-baseline"
        onClick={() => {
          const n = Number(count);
          const p = parsePositions(pos);
          if (!Number.isInteger(n) || n < 1 || n > 100) return setErr('how many: a whole number from 1 to 100');
          if (!p || p.some((q) => q > kappa)) return setErr(`positions: whole numbers from 1 to κ = ${kappa}`);
          setErr(onAdd(n, p));
        }}
      >
        Add baseline
      </Button>
      <FieldError message={err} />
    </fieldset>
  );
}

function AddPoison({ onAdd, kappa }: { onAdd: (kind: PoisonKind, o: { q: number; penultimate: boolean; last: boolean }) => string | null; kappa: number }) {
  const [kind, setKind] = useState<PoisonKind>('unit');
  const [q, setQ] = useState('1');
  const [pen, setPen] = useState(true);
  const [last, setLast] = useState(true);
  const [err, setErr] = useState<string | null>(null);
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-orange-200 dark:border-orange-900 p-2">
      <legend className={labelClass}>Add poison (special sequence)</legend>
      <SelectField
        label="kind of special sequence"
        testId="poison-kind"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'unit', label: `q·e_(κ−1): Theorem 1 (position ${kappa - 1})` },
          { value: 'random', label: 'N(0,1) at the last positions' },
        ]}
      />
      {kind === 'unit' ? (
        <label className="flex items-center gap-2 text-[11px] text-slate-500">
          q
          <input className={`${inputClass} w-20`} value={q} onChange={(e) => setQ(e.target.value)} aria-label="poison value q" />
        </label>
      ) : (
        <div className="flex gap-3 text-[11px] text-slate-500">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={pen} onChange={(e) => setPen(e.target.checked)} /> penultimate ({kappa - 1})
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={last} onChange={(e) => setLast(e.target.checked)} /> last ({kappa})
          </label>
        </div>
      )}
      <Button
        variant="subtle"
        className="border-orange-300 text-orange-900 dark:border-orange-800 dark:text-orange-200"
        testId="add-special"
        onClick={() => {
          const v = Number(q);
          if (kind === 'unit' && (!Number.isFinite(v) || v === 0)) return setErr('q: a non-zero number');
          if (kind === 'random' && !pen && !last) return setErr('tick at least one position');
          setErr(onAdd(kind, { q: v, penultimate: pen, last }));
        }}
      >
        Add special sequence
      </Button>
      <FieldError message={err} />
    </fieldset>
  );
}
