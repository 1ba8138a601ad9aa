import { useMemo } from 'react';
import { OKABE_ITO } from '../../../plots/palette';
import { type Band, type RefLine, TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { Tex } from '../../../ui/Tex';
import { AB_SHAPE, type AbCurves, abPieces, phibarCurves, phiCurves } from './ab-shape';
import { Num, Section, TheoryTable } from './Section';

const fmtPiece = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : v > 0 ? '∞' : '−∞');

/**
 * One of the four shape plots: φ (on q1's pieces) or φ̄ (on q2's), as the function or as its curvature; a function
 * and its curvature share the x axis (syncX) and the bands.
 */
function ShapePlot(props: { name: 'phi' | 'phibar'; sym: string; curves: AbCurves; bands: Band[]; curvature?: boolean; refLines?: RefLine[] }) {
  const { name, sym, curves, bands, curvature = false, refLines } = props;
  const label = curvature ? `${sym}''` : sym;
  return (
    <TimeSeriesPlot
      id={curvature ? `theory-${name}-curv` : `theory-${name}`}
      title={curvature ? `curvature ${label}(z)` : `${sym}(z)`}
      yLabel={label}
      syncX={`theory-${name}`}
      bands={bands}
      refLines={refLines}
      series={[{ id: curvature ? `${name}2` : name, label, color: OKABE_ITO[curvature ? 1 : 4], x: curves.z, y: curvature ? curves.curv : curves.value, width: 2 }]}
      xLabel="z"
      height={180}
      scaleToggle={false}
    />
  );
}

/** FD-AB-shape (docs/labs/flow-vs-descent.md Sec. 2.1, 5.1): phi and phibar with their curvature, like the paper's Fig. 2. */
export function AbShapePanel() {
  const p = AB_SHAPE;
  const phi = useMemo(() => phiCurves(p), [p]);
  const phibar = useMemo(() => phibarCurves(p), [p]);
  const pieces = abPieces(p);
  const bands = (coord: 'q1' | 'q2'): Band[] =>
    pieces
      .filter((x) => x.coord === coord)
      .map((x, i) => ({
        from: x.from,
        to: x.to,
        label: `φ'' = ${x.curvature === -p.a ? '−a' : '−a/2'}`,
        shortLabel: x.curvature === -p.a ? '−a' : '−a/2',
        color: OKABE_ITO[i % 2 ? 2 : 0],
      }));
  return (
    <Section
      id="ab"
      title="App. B: a function where GD must shrink η like e^(−a t̃)"
      aside={
        <>
          <div className="grid gap-3 md:grid-cols-2">
            <ShapePlot name="phi" sym="φ" curves={phi} bands={bands('q1')} />
            <ShapePlot name="phibar" sym="φ̄" curves={phibar} bands={bands('q2')} />
            <ShapePlot name="phi" sym="φ" curves={phi} bands={bands('q1')} curvature refLines={[{ axis: 'y', value: -p.a, label: '−a' }]} />
            <ShapePlot
              name="phibar"
              sym="φ̄"
              curves={phibar}
              bands={bands('q2')}
              curvature
              refLines={[
                { axis: 'y', value: -p.a, label: '−a' },
                { axis: 'y', value: -p.a / 2, label: '−a/2' },
              ]}
            />
          </div>
          <TheoryTable testId="theory-ab-pieces" head={['coordinate', 'piece', 'interval', 'curvature']}>
            {pieces.map((x) => (
              <tr key={x.name} className="border-t border-slate-100 dark:border-slate-800">
                <td className="pr-3">{x.coord}</td>
                <td className="pr-3">{x.name}</td>
                <td className="num pr-3">
                  ({fmtPiece(x.from)}, {fmtPiece(x.to)})
                </td>
                <td className="num">
                  {x.curvature === 12 * p.a ? '+12a' : x.curvature === -p.a ? '−a' : '−a/2'} = <Num v={x.curvature} />
                </td>
              </tr>
            ))}
          </TheoryTable>
        </>
      }
    >
      <p>
        Cor. 4's <Tex>{'e^{-m\\tilde t}'}</Tex> is not an artefact of the proof. App. B builds <Tex>{'f(q) = \\varphi(q_1) + \\bar\\varphi(q_2) + 6a\\,q_3^2'}</Tex> (Eq. 27): twice
        differentiable, non-negative, smooth, with <Tex>{'\\inf\\lambda_{\\min} = -a'}</Tex>. Its flow runs through regions where the curvature <em>equals</em> that minimum, so the
        Euler error of GD grows like <Tex>{'\\eta\\,e^{a t}'}</Tex> and GD must take <Tex>{'\\eta = O(e^{-a\\tilde t})'}</Tex> to stay close (Prop. 20).
      </p>
      <p>
        The pieces, each with one curvature: <Tex>\varphi</Tex> is a concave parabola with <Tex>{"\\varphi'' = -a"}</Tex> on <Tex>{'(0, z_c)'}</Tex> (and its mirror image), joined
        to 0 beyond <Tex>{'z_c + 1'}</Tex> by a quartic; <Tex>{'\\bar\\varphi'}</Tex> has an <em>anisotropic</em> part with curvature <Tex>{'-a/2'}</Tex> around{' '}
        <Tex>{'z_0 = \\rho/2 - 1'}</Tex>, where <Tex>{'q_1'}</Tex> grows faster than <Tex>{'q_2'}</Tex>, and an <em>isotropic</em> part with curvature <Tex>-a</Tex> on{' '}
        <Tex>{'(1, \\bar z_c)'}</Tex>, where both grow alike; <Tex>{'6a\\,q_3^2'}</Tex> adds <Tex>{'+12a'}</Tex>, which caps GD's step at <Tex>{'1/(6a)'}</Tex>. The bands mark the
        constant-curvature pieces; between them the cubic and quartic joints keep <Tex>f</Tex> twice continuously differentiable.
      </p>
      <p className="rounded bg-slate-50 p-2 text-xs dark:bg-slate-900" data-testid="theory-ab-note">
        Display constants: <Tex>{`a = ${p.a},\\ z_c = ${p.zc},\\ \\bar z_c = ${p.zb},\\ \\rho = ${p.rho}`}</Tex>. They violate the paper's <Tex>{'b \\ge 3'}</Tex> (
        <Tex>{'\\bar z_c = b + 1'}</Tex> gives <Tex>{'b = 1'}</Tex>; the paper's <Tex>{'z_c = b e^{30} + 1'}</Tex> and <Tex>{'\\rho \\le e^{-12}/2'}</Tex> cannot be drawn): this is
        the shape only, for display. The FD-AB preset runs the mechanism with <Tex>{'z_c = 10^6,\\ \\bar z_c = 11,\\ \\rho = 0.01'}</Tex>.
      </p>
    </Section>
  );
}
