import { useRef, useState } from 'react';
import { homogeneityDegree } from '../../engine/homogeneous/ff';
import { TimeSeriesPlot } from '../../plots/TimeSeriesPlot';
import { useLabSpec } from '../../state/experiment-store';
import { sharedPool } from '../../state/worker-pool';
import { Button } from '../../ui/Button';
import { fmt } from '../../ui/format';
import { TableExportLinks } from '../../ui/ExportLinks';
import type { TableExport } from '../../ui/run-export';
import type { Predictions } from '../../engine/homogeneous/problem';
import { ncfWorker } from './ncf-client';
import type { SaddlesSpec } from './schema';
import { type EscapeFit, escapeFit } from './escape-fit';

interface Point {
  delta: number;
  tEsc: number;
}

/**
 * Escape time against delta across the worker pool: each delta is one gradient-flow run stopped at
 * L <= 0.99 L(0). The theory line is ln(1/delta)/(2N*) (Lh = 2) or 1/(Lh(Lh-2) N* delta^(Lh-2)) from w*, and the
 * w0 prediction (which adds the O(1) dependence on the start direction).
 */
export function EscapeSweep() {
  const spec = useLabSpec('saddles');
  const [points, setPoints] = useState<Point[]>([]);
  const [theory, setTheory] = useState<{ Lh: number; Nstar: number; Tblow: number; c: number; scale: number } | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  /** The experiment the points on screen were swept from (the exports write it, not the edited one). */
  const [ranSpec, setRanSpec] = useState<SaddlesSpec | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    // the NCF analysis (the laws' N*, T_blow, c) takes up to seconds on big nets: in the NCF worker
    setProgress('NCF analysis');
    let pred: Predictions;
    try {
      pred = await ncfWorker().analyse({ ...spec, init: { ...spec.init, delta: 0.01 } });
    } catch (e) {
      setProgress(`the NCF analysis failed: ${(e as Error).message}`);
      return;
    }
    // zeroed neurons shrink ||w(0)|| below delta: the laws use the effective scale delta' = scale * delta
    setTheory({ Lh: pred.Lh, Nstar: pred.Nstar, Tblow: pred.Tblow, c: pred.c, scale: pred.delta / 0.01 });
    const d0 = spec.init.delta;
    const deltas = Array.from({ length: 8 }, (_, k) => d0 * 2 ** (k - 4)).filter((d) => d <= 1);
    const specs: SaddlesSpec[] = deltas.map((delta) => ({
      ...spec,
      init: { ...spec.init, delta },
      optim: { kind: 'flow', method: 'dopri5', rtol: 1e-10, atol: 1e-14 * delta },
      stop: { ...spec.stop, lossBelow: 0.99 * pred.L0, maxSteps: 1e6, maxTime: 1e13 },
    }));
    setPoints([]);
    setRanSpec(spec);
    abort.current = new AbortController();
    setProgress(`0 / ${specs.length}`);
    try {
      const results = await sharedPool().map(specs, (done, total) => setProgress(`${done} / ${total}`), abort.current.signal);
      setPoints(results.flatMap((r, k) => (r.ok && r.final.stop.reason === 'converged' ? [{ delta: deltas[k], tEsc: r.final.time }] : [])));
      setProgress(null);
    } catch {
      setProgress('cancelled');
    }
  };

  const Lh = theory?.Lh ?? (spec.model.kind === 'toy' ? spec.model.Lh : homogeneityDegree(spec.model.widths.length + 1, spec.model.p));
  const eff = (d: number) => d * (theory?.scale ?? 1);
  const xOf = (d: number) => (Lh === 2 ? Math.log(1 / eff(d)) : eff(d) ** -(Lh - 2));
  const xs = Float64Array.from(points, (p) => xOf(p.delta));
  const ys = Float64Array.from(points, (p) => p.tEsc);
  const law = theory
    ? Float64Array.from(points, (p) => (Lh === 2 ? Math.log(1 / eff(p.delta)) / (2 * theory.Nstar) : 1 / (Lh * (Lh - 2) * theory.Nstar * eff(p.delta) ** (Lh - 2))))
    : new Float64Array(0);
  const w0law = theory
    ? Float64Array.from(points, (p) => (Lh === 2 ? Math.log(1 / (theory.c * eff(p.delta))) / (2 * theory.Nstar) : theory.Tblow / eff(p.delta) ** (Lh - 2)))
    : new Float64Array(0);
  const fit = theory ? escapeFit(xs, ys, law, w0law, Lh, theory.Nstar) : null;
  return (
    <section className="flex flex-col gap-2 rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="escape-sweep">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-medium">Escape time against δ (8 runs, δ/16 … 8δ, across the worker pool)</h3>
        <Button variant="subtle" className="ml-auto" onClick={run} disabled={progress !== null && progress !== 'cancelled'} testId="sweep-run">
          Run sweep
        </Button>
        {progress && progress !== 'cancelled' && (
          <Button variant="subtle" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      {progress && (
        <p className="text-xs" aria-live="polite">
          {progress}
        </p>
      )}
      <TimeSeriesPlot
        id="sd-sweep"
        title={Lh === 2 ? 'Escape time t_esc vs ln(1/δ)' : `Escape time t_esc vs δ^−${Lh - 2}`}
        series={[
          { id: 'measured', label: 'measured (L ≤ 0.99 L(0))', color: '#0072B2', x: xs, y: ys, width: 2.5 },
          { id: 'law', label: Lh === 2 ? 'ln(1/δ)/(2N*)' : `δ^−${Lh - 2}/(Lh(Lh−2)N*)`, color: '#D55E00', x: xs, y: law, dash: [5, 4] },
          { id: 'w0', label: Lh === 2 ? 'ln(1/(cδ))/(2N*)' : 'T_blow(w0)/δ^(Lh−2)', color: '#009E73', x: xs, y: w0law, dash: [2, 3] },
        ]}
        xLabel={Lh === 2 ? 'ln(1/δ)' : `δ^−${Lh - 2}`}
        yLabel="t_esc"
        emptyText="Press Run sweep"
      />
      {points.length > 0 && (
        <div className="flex flex-wrap items-baseline gap-x-3 text-xs">
          <p className="num text-slate-600 dark:text-slate-400">{points.map((p) => `δ = ${fmt(p.delta, 3)}: ${fmt(p.tEsc, 4)}`).join(' · ')}</p>
          <TableExportLinks
            name="implicit-bias-lab-saddles-escape-sweep"
            testId="escape-sweep-export"
            disabled={progress !== null && progress !== 'cancelled'}
            table={() => escapeSweepTable(ranSpec, points, law, w0law, theory)}
            csvTitle="One row per δ: δ, the measured escape time (L ≤ 0.99 L(0)), the law from u* and the prediction from w0; N*, Lh and the sweep's spec in # lines"
          />
        </div>
      )}
      {theory && fit && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="sweep-law-note" data-side={fitSide(fit, Lh)}>
          {fit.slope ? (
            <>
              The law predicts how t_esc grows with δ, not its constant. Measured, t_esc grows by {fmt(fit.slope.measured, 3)} per unit of ln(1/δ); the law says 1/(2N*) ={' '}
              {fmt(fit.slope.law, 3)}. The measured times sit about {fmt(Math.abs(fit.offset), 3)} {fit.offset >= 0 ? 'above' : 'below'} the orange law: the law counts the time for
              the weights to grow from δ to order 1 along the best direction u* (the maximiser of the NCF), while the sweep stops once the loss is 1 % below L(0), and this run
              starts from w0, which first has to turn towards u* (the green line adds ln(1/c)/(2N*) = {fmt(Math.log(1 / theory.c) / (2 * theory.Nstar), 3)} for that). Neither part
              depends on δ.
            </>
          ) : (
            <>
              The laws predict how t_esc grows with δ, not its constant. Across the sweep the measured times are {ratioText(fit.ratios!.law)}× the orange law (the blow-up along the
              best direction u*, the maximiser of the NCF) and {ratioText(fit.ratios!.w0)}× the green one (from this run's start w0, which first has to turn towards u*). As δ → 0
              the measured times approach the green law (their difference settles to a constant, so the ratio tends to 1): the sweep stops once the loss is 1 % below L(0), a moment
              that comes a δ-independent time before or after the blow-up the laws count.
            </>
          )}
        </p>
      )}
    </section>
  );
}

/** The sweep as a table: one row per delta that escaped, with both theory lines at it. */
function escapeSweepTable(
  spec: SaddlesSpec | null,
  points: Point[],
  law: Float64Array,
  w0law: Float64Array,
  theory: { Lh: number; Nstar: number; Tblow: number; c: number; scale: number } | null,
): TableExport | null {
  if (!spec || !points.length) return null;
  const rows = points.map((p, k) => [p.delta, p.tEsc, law[k] ?? null, w0law[k] ?? null]);
  return {
    lab: 'saddles',
    kind: 'escape-sweep',
    spec,
    json: {
      protocol: 'gradient flow (DOPRI5, rtol 1e-10) from delta/16 to 8 delta, stopped at L <= 0.99 L(0)',
      theory,
      points: rows.map(([delta, tEsc, lawAt, w0At]) => ({ delta, tEsc, law: lawAt, w0: w0At })),
    },
    columns: ['delta', 't_esc', 'law_ustar', 'prediction_w0'],
    rows,
    notes: theory ? [`Lh: ${theory.Lh}`, `N*: ${theory.Nstar}`, `T_blow(w0): ${theory.Tblow}`, `c: ${theory.c}`] : [],
  };
}

/** Where the measured times sit against the orange law (for the tests): 'above' or 'below' it, or 'ratio' for Lh > 2. */
const fitSide = (fit: EscapeFit, Lh: number) => (Lh !== 2 ? 'ratio' : fit.offset >= 0 ? 'above' : 'below');

const ratioText = ([lo, hi]: [number, number]) => (fmt(lo, 3) === fmt(hi, 3) ? fmt(lo, 3) : `${fmt(lo, 3)}–${fmt(hi, 3)}`);
