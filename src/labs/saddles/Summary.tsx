import { firstSaddlePlateau } from '../../engine/homogeneous/staircase';
import { fmt } from '../../ui/format';
import { escapeIndex, predictionsFrom, staircaseAxis, timeToIteration } from './derive';
import { Figure1Note } from './PaperNote';
import { plateauOf } from './RestrictToggle';
import { useRestrictedRun, useSaddlesRun } from './store';
import { useSaddlesUi } from './ui-store';
import { TermsLine } from '../../ui/TermsLine';

/** Predictions of the NCF analysis next to what the run measured; failures of a prediction are said plainly. */
export function SaddlesSummary() {
  const run = useSaddlesRun((s) => s.run);
  useSaddlesRun((s) => s.revision);
  const restricted = useRestrictedRun((s) => s.run);
  useRestrictedRun((s) => s.revision);
  const showRestricted = useSaddlesUi((s) => s.restrict);
  const pred = run ? predictionsFrom(run.views) : null;
  if (!run || !pred) return null;
  const b = run.buffers;
  const esc = escapeIndex(b, pred.L0);
  const tEsc = esc >= 0 && b ? b.t[esc] : NaN;
  const relErr = Number.isFinite(tEsc) ? (tEsc - pred.tEscW0) / tEsc : NaN;
  const lh2 = pred.Lh === 2;
  const spec = run.spec;
  const iter = spec.optim.kind !== 'flow' ? spec.optim.lr : NaN;
  // the first plateau after the escape (docs/labs/saddles.md Sec. 4.4)
  const plateau = (b && firstSaddlePlateau(staircaseAxis(b, run.spec), b.loss, b.count)?.level) ?? NaN;
  const rows: [string, string, string][] = [
    ['degree of homogeneity Lh', String(pred.Lh), ''],
    ['L(0) (first plateau)', fmt(pred.L0, 6), b ? fmt(b.loss[0], 6) : '—'],
    ['N* = N(w*) (KKT value reached from w0)', fmt(pred.Nstar, 7), `KKT residual ${fmt(pred.kktRes, 2)}${pred.ncfConverged ? '' : ' (not converged)'}`],
    [lh2 ? 'c(w0)' : 'T_blow(w0)', fmt(lh2 ? pred.c : pred.Tblow, 7), ''],
    [
      `escape time ${lh2 ? 'ln(1/(cδ))/(2N*)' : 'T_blow/δ^(Lh−2)'}`,
      fmt(pred.tEscW0, 6) + (Number.isFinite(iter) && b ? ` (iteration ${Math.round(timeToIteration(b, spec, pred.tEscW0))})` : ''),
      Number.isFinite(tEsc) ? `${fmt(tEsc, 6)} (${Number.isFinite(iter) ? `iteration ${b!.step[esc]}; ` : ''}${(100 * relErr).toFixed(2)} %)` : 'not yet',
    ],
    ['active neurons in w*', `${pred.nActive} of ${pred.nUnits}`, ''],
    ['first saddle: loss of the restricted network', fmt(pred.saddleLoss, 7), Number.isFinite(plateau) ? `plateau ${fmt(plateau, 7)}` : '—'],
  ];
  if (spec.init.zeroNeurons?.length)
    rows.splice(1, 0, [`‖w(0)‖ with ${spec.init.zeroNeurons.join(', ')} zeroed (the δ of the predictions)`, fmt(pred.delta, 6), `δ = ${fmt(spec.init.delta, 6)} before zeroing`]);
  if (showRestricted && restricted) {
    const rp = plateauOf(restricted);
    rows.push([
      'restricted run (second worker): its first-saddle plateau',
      Number.isFinite(rp) ? fmt(rp, 7) : restricted.final ? 'no plateau' : 'running…',
      Number.isFinite(plateau) ? `plateau ${fmt(plateau, 7)}${Number.isFinite(rp) ? ` (${fmt((100 * (plateau - rp)) / rp, 2)} %)` : ''}` : '—',
    ]);
  }
  if (Number.isFinite(pred.saddleBalance)) rows.push(['‖a‖²/v² at the restricted saddle (theory: 2)', fmt(pred.saddleBalance, 6), '']);
  const relu = spec.model.kind === 'ff' && spec.model.p === 1;
  return (
    <div className="rounded border border-slate-200 dark:border-slate-800 p-2 text-xs" data-testid="saddles-summary">
      <table className="w-full num">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="font-medium">quantity</th>
            <th className="font-medium">predicted</th>
            <th className="font-medium">measured</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([a, p, m]) => (
            <tr key={a}>
              <td className="pr-2">{a}</td>
              <td className="pr-2" data-testid={`pred-${a.split(' ')[0]}`}>
                {p}
              </td>
              <td>{m}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TermsLine terms={['Lh', 'NCF', 'KKT']} />
      {relu && (
        <p className="mt-1 text-amber-700">ReLU violates Assumption 1 (locally Lipschitz gradient): these predictions are outside the theorems and shown as empirical only.</p>
      )}
      {Number.isFinite(relErr) && Math.abs(relErr) > 0.05 && !relu && (
        <p className="mt-1 text-amber-700">
          The measured escape (first L ≤ 0.99 L(0)) differs from the prediction by {fmt(tEsc - pred.tEscW0, 3)} in t ({(100 * relErr).toFixed(1)} %). The predictors hold only up to
          an O(1) offset in t that does not shrink with δ
          {lh2
            ? '; with Lh = 2 the escape time itself is only O(ln(1/δ)), so the offset is a large fraction of it — the sweep below shows the slope 1/(2N*) is right'
            : ', or δ is not small enough here'}
          .
        </p>
      )}
      <Figure1Note spec={spec} b={b} pred={pred} done={!!run.final} />
      {pred.nActive === pred.nUnits && (
        <p className="mt-1 text-slate-600">Every neuron is active in w*: there is no sparse sub-network to restrict to, so no separate first-saddle prediction.</p>
      )}
    </div>
  );
}
