import { type ReactNode, useMemo } from 'react';

import { Tex } from '../../../ui/Tex';
import { eq24MaxTerms, paperBounds } from './equations';
import { thm3Heuristic, valueAt } from './heuristic';
import type { FdTheoryFlowResult } from './job';
import { JobNote, Num, ParamField, Section, TheoryTable } from './Section';
import type { DlnTheorySetup } from './setup';

/** Largest step size that converged on DLN-3 (FD-DLN3-eta, docs/labs/flow-vs-descent.md Sec. 5.2); 0.67 ends on a period-2 orbit. */
export const DLN3_LARGEST_CONVERGED_ETA = 0.66;

const EQ21 = '\\bar t = \\frac{2n\\,\\max\\{1,\\tfrac32\\tfrac{1-\\nu}{1+\\nu}\\}^n}{r_0}\\,\\ln\\frac{15n\\max\\{1,\\tfrac{1-\\nu}{1+\\nu}\\}}{r_0\\min\\{1,2\\bar\\epsilon\\}}';
const EQ22 =
  '\\int_0^t m \\le \\frac{15n^3\\max\\{1,\\tfrac32\\tfrac{1-\\nu}{1+\\nu}\\}^n\\,t\\,\\epsilon}{r_0} + \\ln\\frac{n^2\\,(e^2\\max\\{1,\\tfrac{1-\\nu}{1+\\nu}\\})^{5(n-1)/2}}{r_0^2}';
const EQ23 =
  '\\eta \\le \\frac{r_0^5\\min\\{1,\\tilde\\epsilon\\}}{n^{17/2}e^{7n+6}\\max\\{1,\\tfrac{1-\\nu}{1+\\nu}\\}^{(11n-5)/2}}\\Big(\\ln\\frac{15n\\max\\{1,\\tfrac{1-\\nu}{1+\\nu}\\}}{r_0\\min\\{1,\\tilde\\epsilon\\}}\\Big)^{-2}';
const EQ24 = 'k = \\Big\\lceil \\frac{\\bar t(\\tilde\\epsilon/2)}{\\eta} + 1 \\Big\\rceil';
const EQ34 =
  '\\hat\\epsilon := \\frac{r_0^8\\min\\{1,\\tilde\\epsilon^2\\}}{n^{15}e^{12n+6}\\max\\{3,\\tfrac{3-\\nu}{1+\\nu}\\}^{9n-5}\\big(\\ln\\frac{23n\\max\\{3,\\frac{3-\\nu}{1+\\nu}\\}}{r_0\\min\\{1,\\tilde\\epsilon\\}}\\big)^{-2}}';

interface Props {
  setup: DlnTheorySetup;
  epsTilde: number;
  setEpsTilde: (v: number) => void;
  /** The flow's job: null while it runs. */
  result: FdTheoryFlowResult | null;
  busy: boolean;
  error: string | null;
  /** The spec is the DLN-3 base, for which the step-size sweep of Sec. 5.2 was measured. */
  dln3: boolean;
  gdEta: number;
  /** Tube radius of the Thm 3 heuristic. */
  eps: number;
}

/** Eqs. 21-24 for the spec's n, r0, nu0 beside what the flow and GD do (Sec. 7 item 8, errata 8.3, 8.5, 8.7). */
export function EquationsPanel({ setup, epsTilde, setEpsTilde, result, busy, error, dln3, gdEta, eps }: Props) {
  const { n, r0, nu0 } = setup;
  const b = useMemo(() => paperBounds(n, r0, nu0, epsTilde), [n, r0, nu0, epsTilde]);
  const tBar3 = useMemo(() => paperBounds(n, r0, nu0, 2e-3).tBar, [n, r0, nu0]);
  const terms = eq24MaxTerms(nu0);
  const tr = result?.trace;
  const heur = useMemo(() => (tr ? thm3Heuristic(tr, eps, 0) : null), [tr, eps]);
  const last = tr ? tr.t.length - 1 : 0;
  const tHeur = tr ? Math.min(tr.reach[0] ?? tr.t[last], tr.t[last]) : Number.NaN;
  const observed = dln3 ? DLN3_LARGEST_CONVERGED_ETA : null;
  const rows: { what: ReactNode; paper: ReactNode; measured: ReactNode; key: string }[] = [
    {
      key: 'tbar',
      what: (
        <>
          flow time to <Tex>{`f-\\min f\\le\\bar\\epsilon=${fmtTex(b.epsBar)}`}</Tex>
        </>
      ),
      paper: (
        <>
          <Num v={b.tBar} testId="eq21" /> (Eq. 21)
        </>
      ),
      measured: tr && <Reach t={tr.reach[0]} testId="reach-epsbar" />,
    },
    {
      key: 'tbar3',
      what: (
        <>
          flow time to <Tex>{'f-\\min f\\le 10^{-3}'}</Tex>
        </>
      ),
      paper: (
        <>
          <Num v={tBar3} testId="eq21-1e-3" /> (Eq. 21)
        </>
      ),
      measured: tr && <Reach t={tr.reach[1]} testId="reach-1e-3" />,
    },
    {
      key: 'im',
      what: (
        <>
          negative curvature met, <Tex>{'\\int_0^t m'}</Tex>
        </>
      ),
      paper: (
        <>
          ≥ <Num v={b.logTerm} testId="eq22-log" /> (log term of Eq. 22, every t)
        </>
      ),
      measured: heur && (
        <>
          <Num v={heur.im[last]} testId="im" /> (<Tex>{'I_m'}</Tex> to t = <Num v={tr?.t[last]} />)
        </>
      ),
    },
    {
      key: 'beta',
      what: (
        <>
          smoothness <Tex>\beta</Tex>, gradient bound <Tex>\gamma</Tex>
        </>
      ),
      paper: (
        <>
          <Num v={b.beta} />, <Num v={b.gamma} /> (Prop. 14)
        </>
      ),
      measured: heur && (
        <>
          <Num v={heur.beta[last]} />, <Num v={heur.gamma[last]} /> (on the path)
        </>
      ),
    },
    {
      key: 'eta',
      what: 'step size η',
      paper: (
        <>
          ≤ <Num v={b.eta} testId="eq23" /> (Eq. 23)
        </>
      ),
      measured:
        observed !== null ? (
          <>
            GD converges for every η ≤ <Num v={observed} testId="eta-observed" /> (FD-DLN3-eta)
          </>
        ) : (
          'not measured for this net (the step-size sweep of Sec. 5.2 is for DLN-3)'
        ),
    },
    {
      key: 'heur',
      what: 'step size η, Thm 3 on the path',
      paper: '— (heuristic, not a guarantee)',
      measured: heur && (
        <>
          <Num v={valueAt(tr?.t ?? [], heur.eta, tHeur)} testId="eta-heuristic" /> at <Tex>{'\\tilde t'}</Tex> = <Num v={tHeur} />
        </>
      ),
    },
    {
      key: 'k',
      what: (
        <>
          GD steps to <Tex>{`f-\\min f\\le\\tilde\\epsilon`}</Tex>
        </>
      ),
      paper: (
        <>
          <Num v={b.k} testId="eq24" /> (Eq. 24 at that η)
        </>
      ),
      measured:
        result &&
        ('steps' in result.gd ? (
          <>
            <Num v={result.gd.steps} testId="gd-steps" /> at η = <Num v={gdEta} />
          </>
        ) : (
          `GD at η = ${gdEta}: ${result.gd.failed}`
        )),
    },
  ];
  const orders = observed !== null ? Math.log10(observed / b.eta) : null;
  return (
    <Section
      id="bounds"
      title="Eqs. 21–24: valid guarantees, astronomically loose"
      aside={
        <>
          <div className="overflow-x-auto">
            <TheoryTable testId="theory-bounds-table" head={['quantity', 'the paper guarantees', 'this lab measures']}>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid={`bounds-row-${r.key}`}>
                  <td className="py-1 pr-3">{r.what}</td>
                  <td className="py-1 pr-3">{r.paper}</td>
                  <td className="py-1">{r.measured ?? '…'}</td>
                </tr>
              ))}
            </TheoryTable>
          </div>
          <JobNote busy={busy} error={error} />
          <ParamField text="target accuracy $ of GD" tex={'\\tilde\\epsilon'} name="ε̃" max={1} value={epsTilde} className="w-48" testId="theory-eps-tilde" onChange={setEpsTilde} />
          <div className="flex flex-col gap-1 text-xs">
            <Tex block>{EQ21}</Tex>
            <Tex block>{EQ22}</Tex>
            <Tex block>{EQ23}</Tex>
            <Tex block>{EQ24}</Tex>
          </div>
        </>
      }
    >
      <p>
        Thm 15 proves that gradient descent on a deep linear net from a small balanced start reaches <Tex>{'f-\\min f\\le\\tilde\\epsilon'}</Tex>: the flow gets{' '}
        <Tex>{'\\bar\\epsilon'}</Tex>-close to the minimum by time <Tex>{'\\bar t'}</Tex> (Eq. 21), it meets little negative curvature on the way (Eq. 22), and so, by Thm 3, GD
        with a step below Eq. 23 stays close to it for the <Tex>k</Tex> steps of Eq. 24.
      </p>
      <p>
        For this net <Tex>{`n = ${n}`}</Tex>, <Tex>r_0</Tex> = <Num v={r0} testId="theory-r0" />, <Tex>\nu_0</Tex> = <Num v={Math.abs(nu0) < 1e-15 ? 0 : nu0} testId="theory-nu0" />{' '}
        (from its start <Tex>{'W_{n:1}(0)'}</Tex> and <Tex>\Lambda</Tex>). The hypotheses:
      </p>
      <ul className="ml-1 flex flex-col gap-0.5 text-xs" data-testid="theory-hypotheses">
        {setup.hypotheses.map((h) => (
          <li key={h.id} data-ok={h.ok}>
            <span aria-hidden className={h.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-600 dark:text-red-400'}>
              {h.ok ? '✓' : '✗'}
            </span>{' '}
            {h.text}
            {!h.ok && ' — not met: the values are computed anyway but guarantee nothing here'}
          </li>
        ))}
      </ul>
      <p className="rounded bg-amber-50 p-2 dark:bg-amber-950/40" data-testid="theory-loose">
        <strong>Read these as proofs, not predictions.</strong> Every bound is valid, and every one is astronomically loose: the guarantee allows steps up to η = <Num v={b.eta} />
        {observed !== null ? (
          <>
            , while GD converges for every η up to <Num v={observed} /> — about <Num v={orders} digits={2} /> orders of magnitude more
          </>
        ) : null}
        ; it asks for <Num v={b.k} /> steps and a flow time of <Num v={b.tBar} />, where the flow itself gets there by t ≈ <Num v={tr?.reach[0] ?? null} />. The slack comes from
        worst-case constants (<Tex>{'e^{7n+6}'}</Tex>, <Tex>{'n^{17/2}'}</Tex>, <Tex>{'r_0^5'}</Tex>) stacked through the proof.
      </p>
      <p className="text-xs">
        <strong>Eq. 24's max term (erratum 8.3).</strong> The paper prints <Tex>{'\\max\\{1,\\tfrac32,\\tfrac{1-\\nu}{1+\\nu}\\}'}</Tex>; consistent with Eqs. 21, 22 and the proof
        it is <Tex>{'\\max\\{1,\\tfrac32\\cdot\\tfrac{1-\\nu}{1+\\nu}\\}'}</Tex>, which the lab uses. Here they read <Num v={terms.printed} /> (printed) and{' '}
        <Num v={terms.corrected} /> (corrected).
      </p>
      <div className="text-xs text-slate-400 opacity-60 dark:text-slate-500" aria-disabled="true" data-testid="theory-eq34">
        <p>
          <strong>Eq. 34 (App. G, unbalanced start), not computed.</strong> Where its <Tex>{'[\\ln(\\cdot)]^{-2}'}</Tex> factor belongs is ambiguous in the text (erratum 8.5), so
          the lab shows it for reference only:
        </p>
        <Tex block>{EQ34}</Tex>
      </div>
    </Section>
  );
}

function Reach({ t, testId }: { t: number | null; testId: string }) {
  return t === null ? <span data-testid={testId}>not reached by t = 10⁴</span> : <Num v={t} testId={testId} />;
}

/** A small number in TeX (5 \times 10^{-3} style would be heavier; the lab writes 0.005 / 1e-3 as fmt does). */
function fmtTex(v: number): string {
  const [m, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp >= -2) return String(Number(v.toPrecision(4)));
  return `${Number(Number(m).toPrecision(4))}\\times 10^{${exp}}`;
}
