import { scaleLinear } from 'd3';
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import { useElementWidth } from '../../../plots/useElementWidth';
import { Button } from '../../../ui/Button';
import { FieldError } from '../../../ui/FieldMessage';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { EXTRAP_LIMITS } from '../schema';
import { type Atoms, addAtom, LAMBDA_STEP, MASS_STEP, massAxisTop, nudgeAtom, placeAtom, removeAtom } from './atoms-edit';
import { sub } from './derive';

export interface AtomEditorProps {
  atoms: Atoms;
  /** Validates and applies new atoms; returns the refusal (naming the field), or null. */
  commit: (atoms: Atoms) => string | null;
}

const HEIGHT = 190;
const M = { top: 10, right: 10, bottom: 32, left: 40 };
const LMAX = EXTRAP_LIMITS.maxAbsLambda;

/**
 * The atoms teacher's measure sum_i p_i delta(lambda_i) as stems in the (lambda, p) plane. Drag a point with the mouse
 * (or a finger), or focus it and use the arrow keys (left / right: lambda by 0.01, up / down: p by 0.01; Shift: x10),
 * + to add an atom, - or Delete to remove the focused one. Every change goes through the spec validator; a refusal
 * is shown under the plot and the atoms stay as they were.
 */
export function AtomEditor({ atoms, commit }: AtomEditorProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useElementWidth(boxRef, 300);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The mass axis is frozen while a point is dragged (the plot must not rescale under the pointer).
  const [frozenTop, setFrozenTop] = useState<number | null>(null);
  const drag = useRef<{ i: number; pending: { l: number; p: number } | null; raf: number } | null>(null);
  const latest = useRef(atoms);
  latest.current = atoms;
  const n = atoms.lambda.length;
  const sel = Math.min(selected, n - 1);

  const top = frozenTop ?? massAxisTop(atoms.p);
  const innerW = Math.max(40, width - M.left - M.right);
  const sx = scaleLinear()
    .domain([-LMAX, LMAX])
    .range([M.left, M.left + innerW]);
  const sy = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - M.bottom, M.top]);

  const apply = (next: Atoms) => setError(commit(next));
  useEffect(() => () => void (drag.current && cancelAnimationFrame(drag.current.raf)), []);

  const onPointerDown = (i: number) => (e: PointerEvent<SVGGElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    (e.currentTarget as SVGGElement).focus({ preventScroll: true });
    setSelected(i);
    setFrozenTop(top);
    drag.current = { i, pending: null, raf: 0 };
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    const d = drag.current;
    const svg = svgRef.current;
    if (!d || !svg) return;
    const r = svg.getBoundingClientRect();
    d.pending = { l: sx.invert(e.clientX - r.left), p: sy.invert(e.clientY - r.top) };
    // one commit per animation frame, however fast the pointer moves
    if (!d.raf)
      d.raf = requestAnimationFrame(() => {
        d.raf = 0;
        if (d.pending) apply(placeAtom(latest.current, d.i, d.pending.l, Math.min(top, d.pending.p)));
        d.pending = null;
      });
  };
  const endDrag = () => {
    const d = drag.current;
    if (!d) return;
    if (d.raf) cancelAnimationFrame(d.raf);
    if (d.pending) apply(placeAtom(latest.current, d.i, d.pending.l, Math.min(top, d.pending.p)));
    drag.current = null;
    setFrozenTop(null);
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent<SVGGElement>) => {
    const big = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-LAMBDA_STEP * big, 0],
      ArrowRight: [LAMBDA_STEP * big, 0],
      ArrowUp: [0, MASS_STEP * big],
      ArrowDown: [0, -MASS_STEP * big],
    };
    const mv = moves[e.key];
    if (mv) apply(nudgeAtom(atoms, i, mv[0], mv[1]));
    else if (e.key === '+' || e.key === '=') add();
    else if (e.key === '-' || e.key === 'Delete' || e.key === 'Backspace') remove(i);
    else return;
    e.preventDefault();
  };
  const add = () => {
    const msg = commit(addAtom(atoms));
    setError(msg);
    if (!msg) setSelected(n);
  };
  const remove = (i: number) => {
    const msg = commit(removeAtom(atoms, i));
    setError(msg);
    if (!msg) setSelected(Math.max(0, i - 1));
  };

  const xt = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
  const yt = sy.ticks(4);
  return (
    <div className="flex flex-col gap-1" data-testid="atom-editor">
      <div ref={boxRef} className="w-full">
        <svg
          ref={svgRef}
          width={width}
          height={HEIGHT}
          className="touch-none text-slate-700 select-none dark:text-slate-300"
          role="group"
          aria-label="Teacher atoms (λ, p): drag a point, or focus it and use the arrow keys; + adds an atom, − removes the focused one"
        >
          <g stroke="currentColor" strokeOpacity={0.12}>
            {yt.map((t) => (
              <line key={t} x1={M.left} x2={M.left + innerW} y1={sy(t)} y2={sy(t)} />
            ))}
          </g>
          {/* the stable region |lambda| < 1 */}
          <rect x={sx(-1)} y={M.top} width={sx(1) - sx(-1)} height={HEIGHT - M.bottom - M.top} fill="currentColor" fillOpacity={0.04} />
          <g stroke="currentColor" strokeOpacity={0.35} strokeDasharray="3 3">
            <line x1={sx(-1)} x2={sx(-1)} y1={M.top} y2={HEIGHT - M.bottom} />
            <line x1={sx(1)} x2={sx(1)} y1={M.top} y2={HEIGHT - M.bottom} />
          </g>
          <line x1={M.left} x2={M.left + innerW} y1={sy(0)} y2={sy(0)} stroke="currentColor" strokeOpacity={0.5} />
          <g fontSize={10} fill="currentColor">
            {xt.map((t) => (
              <text key={t} x={sx(t)} y={HEIGHT - M.bottom + 13} textAnchor="middle">
                {t}
              </text>
            ))}
            {yt.map((t) => (
              <text key={t} x={M.left - 4} y={sy(t) + 3} textAnchor="end">
                {fmt(t, 3)}
              </text>
            ))}
            <text x={M.left + innerW / 2} y={HEIGHT - 3} textAnchor="middle" fontSize={11}>
              eigenvalue λ (dashed: |λ| = 1)
            </text>
            <text transform={`translate(11,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={11}>
              mass p
            </text>
          </g>
          {atoms.lambda.map((l, i) => {
            const x = sx(l);
            const y = sy(Math.min(top, atoms.p[i]));
            const on = i === sel;
            return (
              <g
                key={i}
                role="button"
                tabIndex={0}
                data-testid={`atom-${i}`}
                data-lambda={String(l)}
                data-p={String(atoms.p[i])}
                aria-label={`atom ${i + 1}: λ = ${fmt(l)}, p = ${fmt(atoms.p[i])}. Arrow keys move it, minus removes it`}
                aria-pressed={on}
                // the focus ring is the circle round the atom, sky-700 / sky-400: 3:1 or more on the plot in either theme
                className="cursor-grab outline-none focus-visible:[&>circle.ring]:stroke-sky-700 dark:focus-visible:[&>circle.ring]:stroke-sky-400"
                onFocus={() => setSelected(i)}
                onPointerDown={onPointerDown(i)}
                onPointerMove={onPointerMove}
                onPointerUp={endDrag}
                onPointerCancel={endDrag}
                onKeyDown={onKeyDown(i)}
              >
                <line x1={x} x2={x} y1={sy(0)} y2={y} stroke="#0072B2" strokeWidth={2} />
                <circle cx={x} cy={y} r={14} fill="transparent" />
                <circle className="ring" cx={x} cy={y} r={9} fill="none" stroke={on ? '#D55E00' : 'transparent'} strokeWidth={2} />
                <circle cx={x} cy={y} r={6} fill="#0072B2" stroke="white" strokeWidth={1.5} />
              </g>
            );
          })}
        </svg>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button variant="subtle" testId="atom-add" onClick={add} disabled={n >= EXTRAP_LIMITS.maxDHat} title="Add an atom (+)">
          + atom
        </Button>
        <Button variant="subtle" testId="atom-remove" onClick={() => remove(sel)} disabled={n <= 1} title="Remove the selected atom (−)">
          − atom {sub(sel + 1)}
        </Button>
        <span className="num text-slate-500" data-testid="atom-selected">
          atom {sel + 1}: λ = {fmt(atoms.lambda[sel])}, p = {fmt(atoms.p[sel])}
        </span>
      </div>
      <FieldError message={error} testId="atom-error" />
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Type the atoms ({n})</summary>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {atoms.lambda.map((l, i) => (
            <AtomRow key={i} i={i} lambda={l} p={atoms.p[i]} atoms={atoms} commit={commit} />
          ))}
        </div>
      </details>
    </div>
  );
}

function AtomRow({ i, lambda, p, atoms, commit }: { i: number; lambda: number; p: number; atoms: Atoms; commit: AtomEditorProps['commit'] }) {
  const set = (which: 'lambda' | 'p', v: number) => {
    const next = { lambda: [...atoms.lambda], p: [...atoms.p] };
    next[which][i] = v;
    return commit(next);
  };
  return (
    <>
      <NumberField label={`λ${sub(i + 1)}`} testId={`atom-lambda-${i}`} value={lambda} onCommit={(v) => set('lambda', v)} />
      <NumberField label={`p${sub(i + 1)}`} testId={`atom-p-${i}`} value={p} onCommit={(v) => set('p', v)} />
    </>
  );
}
