import { useMemo, useState } from 'react';
import { OKABE_ITO } from '../../../plots/palette';
import type { PlotSeries } from '../../../plots/TimeSeriesPlot';
import { TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { Tex } from '../../../ui/Tex';
import { cor4Curves, paperBounds } from './equations';
import { thm3Heuristic } from './heuristic';
import type { FdTheoryFlowResult } from './job';
import { JobNote, Num, ParamField, Section } from './Section';
import type { DlnTheorySetup } from './setup';

const THM3 = "\\eta_{\\max}(\\tilde t) = \\inf_{0<t\\le\\tilde t}\\frac{\\epsilon - e^{\\int_0^t m}\\,d_0}{\\beta\\gamma\\int_0^t e^{\\int_{t'}^{t} m}\\,dt'}";
const COR4 =
  '\\eta_{\\max} = c\\,\\begin{cases}(\\epsilon-d_0)\\,|m| & m<0\\\\ (\\epsilon-d_0)/\\tilde t & m=0\\\\ (\\epsilon-d_0e^{m\\tilde t})\\,m/(e^{m\\tilde t}-1) & m>0\\end{cases},\\quad c=\\frac{1}{\\sqrt{2\\beta^3f_0}+\\beta^2\\epsilon}';

const flat = (id: string, label: string, color: string, x: ArrayLike<number>, v: number, dash?: number[]): PlotSeries => ({
  id,
  label,
  color,
  x,
  y: Float64Array.from(x, () => v),
  dash,
});

interface Props {
  setup: DlnTheorySetup;
  result: FdTheoryFlowResult | null;
  busy: boolean;
  error: string | null;
  eps: number;
  setEps: (v: number) => void;
  epsTilde: number;
  /** The largest eta that converged (DLN-3 only), or null. */
  observed: number | null;
}

/** Thm 3 on the flow's own path (a heuristic, erratum 8.2's running upper limit) and Cor. 4's three regimes (Sec. 3.3). */
export function StepSizePanel({ setup, result, busy, error, eps, setEps, epsTilde, observed }: Props) {
  const [mAbs, setMAbs] = useState(1);
  const tr = result?.trace;
  const heur = useMemo(() => (tr ? thm3Heuristic(tr, eps, 0) : null), [tr, eps]);
  const guarantee = paperBounds(setup.n, setup.r0, setup.nu0, epsTilde).eta;
  const beta = 16 * setup.n;
  const f0 = tr ? tr.f[0] : Number.NaN;
  const cor4 = useMemo(() => (Number.isFinite(f0) ? cor4Curves({ beta, f0, eps, d0: 0, mAbs }, 0.1, 100) : null), [beta, f0, eps, mAbs]);
  const heurSeries: PlotSeries[] =
    tr && heur
      ? [
          { id: 'heur', label: 'Thm 3 on the path (heuristic)', color: OKABE_ITO[0], x: tr.t, y: heur.eta, width: 2 },
          ...(observed !== null ? [flat('observed', `GD converges up to η = ${observed}`, OKABE_ITO[2], tr.t, observed, [6, 3])] : []),
          flat('eq23', 'Eq. 23 guarantee', OKABE_ITO[1], tr.t, guarantee, [2, 2]),
        ]
      : [];
  return (
    <Section
      id="stepsize"
      title="Step sizes from Thm 3: along the flow, and across the space (Cor. 4)"
      aside={
        <>
          <TimeSeriesPlot
            id="theory-thm3"
            title="Thm 3 on the flow's path: η_max(t̃) — heuristic, not a guarantee"
            xLabel="horizon t̃"
            yLabel="η_max"
            yScale="log"
            height={240}
            series={heurSeries}
            emptyText={error ? 'The flow could not be computed' : 'Computing the flow…'}
          />
          <JobNote busy={busy} error={error} />
          <TimeSeriesPlot
            id="theory-cor4"
            title={`Cor. 4: η_max(t̃) for m = −${mAbs}, 0, +${mAbs} (β = ${beta}, f₀ = f(θ₀))`}
            xLabel="horizon t̃"
            yLabel="η_max"
            xScale="log"
            yScale="log"
            height={220}
            series={
              cor4
                ? [
                    { id: 'convex', label: `m = −${mAbs} (strongly convex): constant`, color: OKABE_ITO[2], x: cor4.tTilde, y: cor4.convex, width: 2 },
                    { id: 'flat', label: 'm = 0 (convex): ∝ 1/t̃', color: OKABE_ITO[0], x: cor4.tTilde, y: cor4.flat, width: 2 },
                    { id: 'nonconvex', label: `m = +${mAbs} (non-convex): ∝ e^{−m t̃}`, color: OKABE_ITO[1], x: cor4.tTilde, y: cor4.nonConvex, width: 2 },
                  ]
                : []
            }
            emptyText="Waiting for f(θ₀)…"
          />
          <div className="flex flex-wrap gap-3">
            <ParamField text="tube radius" tex="\epsilon" name="ε" max={10} value={eps} testId="theory-eps" onChange={setEps} />
            <ParamField text="Cor. 4's" tex="|m|" name="|m|" max={10} value={mAbs} testId="theory-m" onChange={setMAbs} />
          </div>
        </>
      }
    >
      <p>
        Thm 3 allows any step below <Tex block>{THM3}</Tex> where <Tex>{'m(t)'}</Tex> bounds <Tex>{'-\\lambda_{\\min}'}</Tex> and <Tex>\beta</Tex>, <Tex>\gamma</Tex> bound{' '}
        <Tex>{'\\|\\nabla^2 f\\|'}</Tex> and <Tex>{'\\|\\nabla f\\|'}</Tex> on the whole <Tex>\epsilon</Tex>-tube around the flow up to <Tex>{'\\tilde t'}</Tex>, and{' '}
        <Tex>{'d_0 = \\|\\theta_0-\\theta(0)\\|'}</Tex> (0 here).
      </p>
      <p>
        <strong>Heuristic, not a guarantee:</strong> the top plot takes <Tex>{'m = -\\lambda_{\\min}'}</Tex>, <Tex>\beta</Tex> and <Tex>\gamma</Tex> on the flow's own path (exact
        Hessians at {tr ? tr.t.length : '…'} times), not on the tube, so it can overstate what is proven. The inner integral runs to <Tex>t</Tex>, not to <Tex>{'\\tilde t'}</Tex>{' '}
        as Eq. 7 prints: the proof (App. I.2) needs and uses this running upper limit (erratum 8.2). Because the flow meets little negative curvature (<Tex>{'\\int_0^t m'}</Tex>{' '}
        levels off near <Num v={heur ? heur.im[heur.im.length - 1] : null} />
        ), the heuristic falls only like <Tex>{'1/\\tilde t'}</Tex>: at <Tex>{'\\tilde t'}</Tex> = <Num v={tr ? tr.t[tr.t.length - 1] : null} /> it is{' '}
        <Num v={heur ? heur.eta[heur.eta.length - 1] : null} testId="theory-heur-end" />, between the proven <Num v={guarantee} /> and{' '}
        {observed !== null ? (
          <>
            the <Num v={observed} /> that works
          </>
        ) : (
          'what GD tolerates'
        )}
        .
      </p>
      <p>
        Cor. 4 replaces <Tex>{'m(t)'}</Tex> by one constant for the whole space: <Tex block>{COR4}</Tex> Strongly convex (<Tex>{'m<0'}</Tex>): one step size for every horizon;
        convex (<Tex>{'m=0'}</Tex>): it shrinks like <Tex>{'1/\\tilde t'}</Tex>; non-convex (<Tex>{'m>0'}</Tex>): like <Tex>{'e^{-m\\tilde t}'}</Tex> — App. B shows that this is
        sometimes necessary (section 3 below). For a deep net Cor. 4 gives nothing at all: rescaling layers makes <Tex>{'\\lambda_{\\min}'}</Tex> as negative as one likes (Prop. 6,
        section 2), so <Tex>{'m = +\\infty'}</Tex>. That is why the paper follows the flow instead.
      </p>
    </Section>
  );
}
