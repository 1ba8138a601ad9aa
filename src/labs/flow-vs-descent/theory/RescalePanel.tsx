import { useState } from 'react';
import { RangeField } from '../../../ui/RangeField';
import { Tex } from '../../../ui/Tex';
import type { FdTheoryFlowResult, FdTheoryResult } from './job';
import { layerFactors, type RescaleRow } from './rescale';
import { JobNote, Num, Section } from './Section';
import type { DlnObjective } from './setup';
import { useTheoryJob } from './useTheoryJob';

interface Props {
  objective: DlnObjective;
  n: number;
  time: number;
  result: FdTheoryFlowResult | null;
  busy: boolean;
  error: string | null;
}

/** The factors in TeX: W_1/a^2, ..., W_n a^(2(n-1)) (n = 3: the spec's W_1/a^2, W_2/a^2, W_3 a^4). */
function factorsTex(n: number): string {
  const parts = Array.from({ length: n }, (_, j) => (j < n - 1 ? `W_{${j + 1}}/a^2` : `W_{${n}}\\,a^{${2 * (n - 1)}}`));
  return n > 4 ? `(${parts[0]},\\dots,${parts[n - 2]},\\ ${parts[n - 1]})` : `(${parts.join(',\\ ')})`;
}

/** The table's columns after a: the row's field (also its cells' test ids) and its heading. */
const COLUMNS = [
  ['f', 'f − min f'],
  ['lmin', 'λmin'],
  ['lmax', 'λmax'],
  ['lemma7', 'Lemma 7 bound on λmin'],
] as const satisfies readonly (readonly [keyof RescaleRow, string])[];
/** Every column but the last keeps a gap on its right. */
const cellPad = (i: number) => (i < COLUMNS.length - 1 ? 'pr-3 ' : '');

/** FD-DLN3-rescale (Prop. 6 / Lemma 7, docs/labs/flow-vs-descent.md Sec. 5.2): same f, ever sharper curvature. */
export function RescalePanel({ objective, n, time, result, busy, error }: Props) {
  const [a, setA] = useState(2);
  const point = result && 'theta' in result.rescale ? result.rescale.theta : null;
  const slider = useTheoryJob<Extract<FdTheoryResult, { kind: 'rescale' }>>(
    point ? { kind: 'rescale', objective, theta: point, a } : null,
    point ? `${JSON.stringify(objective)}|${time}|${a}` : null,
  );
  const rows = result && 'rows' in result.rescale ? result.rescale.rows : [];
  const failed = result && 'error' in result.rescale ? result.rescale.error : null;
  const ratio = (r: RescaleRow | undefined) => (r ? r.lmin / r.lemma7 : null);
  return (
    <Section
      id="rescale"
      title="Rescaling layers: the same f, any curvature you like (Prop. 6, Lemma 7)"
      aside={
        <>
          <div className="overflow-x-auto">
            <table className="num w-full text-xs" data-testid="theory-rescale-table">
              <thead className="text-slate-500">
                <tr>
                  <th className="pr-3 text-left font-normal">a</th>
                  {COLUMNS.map(([key, head], i) => (
                    <th key={key} className={`${cellPad(i)}text-right font-normal`}>
                      {head}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.a} className="border-t border-slate-100 dark:border-slate-800" data-testid={`rescale-row-${r.a}`}>
                    <td className="pr-3">
                      <Num v={r.a} />
                    </td>
                    {COLUMNS.map(([key], i) => (
                      <td key={key} className={`${cellPad(i)}text-right`}>
                        <Num v={r[key]} testId={`rescale-${key}-${r.a}`} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {failed && <p className="text-xs text-red-600 dark:text-red-400">The flow point could not be computed: {failed}</p>}
          <JobNote busy={busy} error={error} />
          <RangeField
            id="theory-rescale-a"
            label="a"
            digits={2}
            note={`layer factors ${layerFactors(n, a)
              .map((s) => `×${Number(s.toPrecision(4))}`)
              .join(', ')}`}
            min={1}
            max={8}
            step={0.05}
            value={a}
            onChange={setA}
          />
          {/* a list of values once they are there; before that one line, not a <dd> without its <dt> */}
          {slider.result?.row ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="theory-rescale-slider">
              <dt className="text-slate-500">f − min f</dt>
              <dd>
                <Num v={slider.result.row.f} />
              </dd>
              <dt className="text-slate-500">λmin, λmax</dt>
              <dd>
                <Num v={slider.result.row.lmin} testId="slider-lmin" />, <Num v={slider.result.row.lmax} testId="slider-lmax" />
              </dd>
              <dt className="text-slate-500">Lemma 7 bound</dt>
              <dd>
                <Num v={slider.result.row.lemma7} />
              </dd>
            </dl>
          ) : (
            <p className="text-xs text-slate-500" data-testid="theory-rescale-slider">
              {slider.error ?? slider.result?.error ?? 'Computing…'}
            </p>
          )}
        </>
      }
    >
      <p>
        Take the flow's point at <Tex>{`t = ${time}`}</Tex> and multiply its layers by factors whose product is 1,
        <Tex block>{factorsTex(n)}</Tex>
        The end-to-end matrix <Tex>{'W_{n:1}'}</Tex>, hence the network's function and <Tex>f</Tex>, do not change at all. The curvature does: <Tex>{'\\lambda_{\\min}'}</Tex> and{' '}
        <Tex>{'\\lambda_{\\max}'}</Tex> grow without bound as <Tex>a</Tex> grows. This is Prop. 6: for <Tex>{'n\\ge 3'}</Tex> the infimum of <Tex>{'\\lambda_{\\min}'}</Tex> over
        the space is <Tex>{'-\\infty'}</Tex>, so no global constant <Tex>m</Tex> (Cor. 4) exists.
      </p>
      <p>
        Lemma 7 says why: its bound <Tex>{'-(n-1)\\sqrt{\\min\\{d_0,d_n\\}}\\,\\|\\nabla\\phi(W_{n:1})\\|\\max_{|J|=n-2}\\prod_{j\\in J}\\|W_j\\|'}</Tex> is driven by the largest
        layer norms, and rescaling inflates one layer. The bound stays valid at every <Tex>a</Tex> and <Tex>{'\\lambda_{\\min}'}</Tex> follows it down: their ratio is{' '}
        <Num v={ratio(rows[0])} /> at <Tex>{`a = ${rows[0]?.a ?? 1}`}</Tex> and <Num v={ratio(rows[rows.length - 1])} /> at <Tex>{`a = ${rows[rows.length - 1]?.a ?? 8}`}</Tex>
        (at a balanced point on the flow it is <Tex>{'1/(n-1)'}</Tex> from t = 3 on, FD-DLN3-curv).
      </p>
      <p>
        Gradient flow from a small balanced start never goes there: it keeps the layers balanced (Eq. 19), and along it the bound takes the much tighter form of Prop. 8. That is
        the paper's way out — curvature along the flow, not across the space.
      </p>
    </Section>
  );
}
