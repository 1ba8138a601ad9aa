import { interpolateRdBu, interpolateRgbBasis } from 'd3';
import { type ColorScheme, gridImage } from '../../../plots/landscape-draw';
import { useIsDark } from '../../../ui/useIsDark';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { pageBackground, plotSvgDocument } from '../../../plots/plot-image';
import { figureCaption } from '../../../ui/figure-caption';
import { PlotExportMenu } from '../../../ui/PlotExportMenu';
import { FULL_SCREEN_CLASS, FullScreenButton, useFullScreenPlot } from '../../../ui/PresentationPlot';
import { useLabSpec } from '../../../state/experiment-store';
import { cardClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { ARM_COLORS } from '../arms';
import { ARM_EXPLORE_SHORT } from './commit';
import { armGram, GAMMA0_PAGE_WORK, gamma0AtInit, lossWork, type Arm } from './explore-model';
import { Term } from '../../../ui/Term';

const ARMS: Arm[] = ['clean', 'poisoned'];

/** Live readouts of the training set: gamma^(0) at initialisation and the Gram matrix G of each arm. */
export function GramView() {
  const spec = useLabSpec('poisoning');
  const data = useMemo(
    () =>
      ARMS.map((arm) => {
        let g0: number | null = null;
        // a large model's gamma^(0) (hundreds of ms at the largest a link may ask for) waits for its run's first record
        if (lossWork(spec) <= GAMMA0_PAGE_WORK)
          try {
            g0 = gamma0AtInit(spec, arm);
          } catch {
            g0 = null;
          }
        return { arm, G: armGram(spec, arm), g0 };
      }),
    [spec],
  );
  const kappa = spec.data.length;
  const vmax = useMemo(() => data.reduce((m, d) => d.G.reduce((a, v) => Math.max(a, Math.abs(v)), m), 1e-12), [data]);
  const color = useGramColor(vmax);
  const fullScreen = useFullScreenPlot();
  const pairRef = useRef<HTMLDivElement>(null);
  // full screen: the two heatmaps share the window's width and height
  // full screen: the two heatmaps side by side (one above the other on a phone), as large as the window leaves room for
  const wide = typeof window !== 'undefined' && window.innerWidth >= 640;
  const size = !fullScreen.full
    ? 150
    : Math.floor(
        Math.max(150, wide ? Math.min(fullScreen.height(150) - 90, (window.innerWidth - 110) / 2 - 30) : Math.min(window.innerWidth - 90, (fullScreen.height(150) - 40) / 2)),
      );
  // The pair as one figure: both heatmaps side by side, each with its caption, the legend's words and the link.
  const exportSvg = () => {
    const figs = Array.from(pairRef.current?.querySelectorAll('figure') ?? []);
    const svgs = figs.map((f) => f.querySelector('svg')!);
    const w = svgs.reduce((a, v) => a + Number(v.getAttribute('width')) + 16, 8);
    const h = Math.max(...svgs.map((v) => Number(v.getAttribute('height')))) + 18;
    let x = 8;
    const parts = svgs.map((v, i) => {
      // the cells (a canvas on the page) as rects under the outlines and ticks
      const cells = gramCellsSvg(data[i].G, kappa, size, color);
      const g = `<g transform="translate(${x} 0)"><g transform="translate(${GRAM_PAD} ${GRAM_PAD})">${cells}</g>${v.innerHTML}<text x="14" y="${h - 4}" font-size="10">${figs[i].querySelector('figcaption')?.textContent ?? ''}</text></g>`;
      x += Number(v.getAttribute('width')) + 16;
      return g;
    });
    const style = getComputedStyle(pairRef.current!);
    return plotSvgDocument({
      title: 'Gram matrices G of the training set (red positive, blue negative)',
      width: Math.max(w, 360),
      height: h,
      below: [],
      above: [],
      data: parts.join(''),
      legend: [{ label: 'row / column k′ = 1 (position κ−1): what γ⁽⁰⁾ reads', color: '#D55E00' }],
      color: style.color,
      background: pageBackground(pairRef.current!),
      caption: figureCaption(),
    });
  };

  return (
    <section className={cardClass} aria-labelledby="gram-h" data-testid="gram-view">
      <div className="flex flex-col gap-3 md:flex-row">
        <div className="md:w-[300px] md:shrink-0">
          <h3 id="gram-h" className="text-sm font-semibold">
            What the data feed the dynamics
          </h3>
          <p className="mt-1 text-xs text-slate-500">
            Every aⱼ follows an ODE with the same coefficients γ⁽ˡ⁾ (Prop. 1). γ⁽⁰⁾ only sees the penultimate elements x_(κ−1); it is the constant term that pushes all entries
            together.
          </p>
          <dl className="mt-2 grid grid-cols-2 gap-2 text-xs">
            {data.map(({ arm, g0 }) => (
              <div key={arm} className="rounded bg-slate-50 dark:bg-slate-900 p-2">
                <dt className="flex items-center gap-1 text-slate-500">
                  <span className="h-2 w-2 rounded-full" style={{ background: ARM_COLORS[arm] }} />
                  <Term term="γ⁽⁰⁾" /> at init, {ARM_EXPLORE_SHORT[arm]} special
                </dt>
                <dd className="num text-base font-semibold" data-testid={`gamma0-init-${arm}`} data-value={g0 === null ? '' : String(g0)}>
                  {g0 !== null ? fmt(g0) : lossWork(spec) > GAMMA0_PAGE_WORK ? <span className="text-xs font-normal">— (large model: see the run)</span> : '—'}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <div
          ref={pairRef}
          className={`flex flex-wrap gap-4 text-slate-700 dark:text-slate-300${fullScreen.full ? ` ${FULL_SCREEN_CLASS}` : ''}`}
          data-testid="gram-pair"
          data-full-screen={fullScreen.full ? 'true' : undefined}
        >
          <div className="flex w-full items-center gap-2">
            <h4 className="min-w-0 flex-1 text-xs font-semibold">Gram matrices G</h4>
            {fullScreen.presenting && <FullScreenButton full={fullScreen.full} onToggle={fullScreen.toggle} />}
            <PlotExportMenu name="gram" svg={exportSvg} />
          </div>
          {data.map(({ arm, G }) => (
            <figure key={arm} className="m-0 flex flex-col items-center" data-testid={`gram-${arm}`}>
              <GramHeatmap G={G} kappa={kappa} color={color} size={size} />
              <figcaption className="text-[11px] text-slate-500">Gram matrix G, {ARM_EXPLORE_SHORT[arm]} special</figcaption>
            </figure>
          ))}
          <p className="max-w-[240px] self-center text-[11px] text-slate-500">
            G = (1/n) Σ u uᵀ over the reversed sequences (u_k′ = x_(κ−k′)); the loss is (h − h*)ᵀ G (h − h*). Red positive, blue negative. Row/column k′ = 1 (position κ−1,
            outlined) is where special sequences add mass: it is what γ⁽⁰⁾ reads.
          </p>
        </div>
      </div>
    </section>
  );
}

/** Red, the page's dark background, blue (as RdBu runs): zero blends into the dark theme as white does into the light one. */
const darkRdBu = interpolateRgbBasis(['#d6604d', '#1e293b', '#4393c3']);
/** Room for the tick labels left of and above the cells. */
const GRAM_PAD = 14;

/** The colours of Gram entries: red positive, blue negative, on a scale symmetric about 0 up to vmax, in the page's theme. */
interface GramColor {
  scheme: ColorScheme;
  vmax: number;
}
/** Where an entry sits on the scheme: 0 (red) at +vmax, 1/2 at 0, 1 (blue) at -vmax. */
const gramLevel = (v: number, vmax: number) => 0.5 - 0.5 * Math.max(-1, Math.min(1, v / vmax));

function useGramColor(vmax: number): GramColor {
  const dark = useIsDark();
  return useMemo(() => ({ scheme: dark ? darkRdBu : interpolateRdBu, vmax }), [dark, vmax]);
}

/** The cells as SVG rects, for the exported picture (the page draws them on a canvas). */
function gramCellsSvg(G: Float64Array, kappa: number, size: number, { scheme, vmax }: GramColor): string {
  const c = size / kappa;
  let out = '';
  for (let i = 0; i < kappa * kappa; i++)
    out += `<rect x="${(i % kappa) * c}" y="${Math.floor(i / kappa) * c}" width="${c + 0.5}" height="${c + 0.5}" fill="${scheme(gramLevel(G[i], vmax))}"/>`;
  return out;
}

/**
 * One arm's Gram matrix: the cells on a canvas of kappa x kappa pixels scaled up (a link may ask for kappa = 64: 4,096
 * cells, which as SVG elements took hundreds of ms to lay out), outlines and ticks in SVG above, the entry under the
 * pointer read out below.
 */
function GramHeatmap({ G, kappa, color, size }: { G: Float64Array; kappa: number; color: GramColor; size: number }) {
  const pad = GRAM_PAD;
  const c = size / kappa;
  const showTicks = kappa <= 16;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ r: number; q: number } | null>(null);
  // drawn when the matrix or the theme changes, not at every hover: the landscapes' heat-map image (one colour parse per
  // level of the scheme), on the domain [vmax, -vmax] that gramLevel maps to [0, 1]
  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, kappa, kappa);
    ctx.drawImage(gridImage({ values: G, nx: kappa, ny: kappa, x: [0, kappa], y: [0, kappa] }, [color.vmax, -color.vmax], color.scheme), 0, 0);
  }, [G, kappa, color]);
  const readout = hover && hover.r < kappa && hover.q < kappa ? `G[${hover.r}][${hover.q}] = ${fmt(G[hover.r * kappa + hover.q])}` : null;
  return (
    <div className="flex flex-col items-center">
      <div className="relative" style={{ width: size + pad, height: size + pad }}>
        <canvas
          ref={canvasRef}
          width={kappa}
          height={kappa}
          className="absolute"
          style={{ left: pad, top: pad, width: size, height: size, imageRendering: 'pixelated' }}
          onMouseMove={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            setHover({ r: Math.floor(((e.clientY - box.top) / box.height) * kappa), q: Math.floor(((e.clientX - box.left) / box.width) * kappa) });
          }}
          onMouseLeave={() => setHover(null)}
          title={readout ?? undefined}
        />
        <svg width={size + pad} height={size + pad} role="img" aria-label="Gram matrix heatmap" className="pointer-events-none absolute left-0 top-0">
          <g transform={`translate(${pad},${pad})`}>
            {kappa > 1 && (
              <>
                <rect x={0} y={c} width={size} height={c} fill="none" stroke="#D55E00" strokeWidth={1.5} />
                <rect x={c} y={0} width={c} height={size} fill="none" stroke="#D55E00" strokeWidth={1.5} />
              </>
            )}
            <rect x={0} y={0} width={size} height={size} fill="none" stroke="currentColor" strokeOpacity={0.3} />
          </g>
          {showTicks &&
            Array.from({ length: kappa }, (_, k) => (
              <g key={k} fontSize={9} fill="currentColor" opacity={0.6}>
                <text x={pad + (k + 0.5) * c} y={10} textAnchor="middle">
                  {k}
                </text>
                <text x={7} y={pad + (k + 0.5) * c + 3} textAnchor="middle">
                  {k}
                </text>
              </g>
            ))}
        </svg>
      </div>
      <span className="num h-4 text-[11px] text-slate-500" data-testid="gram-readout">
        {readout ?? ''}
      </span>
    </div>
  );
}
