import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ARM_COLORS } from '../labs/poisoning/arms';
import { type PlotSeries, TimeSeriesPlot } from '../plots/TimeSeriesPlot';
import { DEMO_ARMS, DEMO_PRESETS, type DemoArm, startDemo, useDemoRuns } from './demo-runs';
import { fmt } from '../ui/format';
import { presetLink } from './links';

type Arm = DemoArm;
const ARMS = DEMO_ARMS;
const SEED_PRESETS = DEMO_PRESETS;
/** How long the lines take to draw themselves at least, and how long a finished pair stays before the next seed. */
const REVEAL_MS = 1200;
const HOLD_MS = 5000;
const sub = (n: number) => String(n).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]);
/** The entries the teacher does not need: they should stay small. */
const OTHERS_COLOR = '#E69F00';

/**
 * Theorem 1 of paper 000 running by itself: the clean {e₁} and poisoned {e₁, e₆} arms by exact gradient flow
 * (well under a second of compute), their diagonal entries drawn as the frames arrive; then the next seed.
 */
export function Thm1Demo({ onFirstDraw }: { onFirstDraw?: () => void }) {
  const arms = useDemoRuns((s) => s.arms);
  const [which, setWhich] = useState(0);
  const [frac, setFrac] = useState(0);
  const [firstDraw, setFirstDraw] = useState<number | null>(null);
  const done = ARMS.every((a) => arms[a]?.final || arms[a]?.error);
  const ok = done && ARMS.every((a) => arms[a]?.buffers && !arms[a]?.error);
  const error = ARMS.map((a) => arms[a]?.error).find((e) => e) ?? null;
  const hasData = ARMS.some((a) => (arms[a]?.buffers?.count ?? 0) >= 2);

  useLayoutEffect(() => startDemo(which), [which]);
  useLayoutEffect(() => setFrac(0), [which]);

  // From the first frame on, the lines draw themselves over at least REVEAL_MS (the run may be faster than the eye).
  // Layout effects and a timer drive the demo: on a cold load a passive effect was seen never to run (1 load in 4).
  useLayoutEffect(() => {
    if (!hasData) return;
    const t0 = performance.now();
    const timer = setInterval(() => {
      const f = Math.min(1, (performance.now() - t0) / REVEAL_MS);
      setFrac(f);
      if (f >= 1) clearInterval(timer);
    }, 30);
    return () => clearInterval(timer);
  }, [hasData]);
  // A finished pair stays a while, then the next seed runs.
  const shown = ok && frac === 1;
  useLayoutEffect(() => {
    if (!shown) return;
    const next = setTimeout(() => setWhich((w) => (w + 1) % SEED_PRESETS.length), HOLD_MS);
    return () => clearTimeout(next);
  }, [shown]);

  // Per arm: |a₁| (the entry the teacher needs) and the other nine entries as one broken line; the lines draw
  // themselves up to `frac` of the run.
  const entries = (arm: Arm): PlotSeries[] => {
    const run = arms[arm];
    const b = run?.buffers;
    if (!b || !hasData) return [];
    const d = run.blocks.find((x) => x.name === 'a')?.size ?? 0;
    const n = Math.min(b.count, Math.max(frac > 0 ? 2 : 0, Math.ceil(b.count * frac)));
    if (n < 2) return [];
    const x: number[] = [];
    const y: number[] = [];
    for (let j = 1; j < d; j++) {
      for (let i = 0; i < n; i++) {
        x.push(b.t[i]);
        y.push(b.absParams[j][i]);
      }
      x.push(Number.NaN);
      y.push(Number.NaN);
    }
    return [
      { id: 'others', label: `|a₂| … |a${sub(d)}|`, color: OTHERS_COLOR, x, y, width: 1.25 },
      { id: 'a1', label: '|a₁|', color: ARM_COLORS.clean, x: b.t, y: b.absParams[0], n, width: 2.5 },
    ];
  };
  const full: PlotSeries[] = ok
    ? ARMS.flatMap((arm) => {
        const b = arms[arm]!.buffers!;
        return b.absParams.map((y, j) => ({ id: `${arm}${j}`, label: '', color: '', x: b.t, y, n: b.count }));
      })
    : [];
  // The moment the first data is on screen: when a plot's renderer reports drawn points.
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || firstDraw !== null) return;
    const seen = () => [...root.querySelectorAll('[data-points]')].some((el) => Number(el.getAttribute('data-points')) > 0);
    if (seen()) return setFirstDraw(performance.now());
    const obs = new MutationObserver(() => {
      if (seen()) setFirstDraw(performance.now());
    });
    obs.observe(root, { attributes: true, attributeFilter: ['data-points'], subtree: true });
    return () => obs.disconnect();
  }, [firstDraw]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: told once, when the first data are on screen
  useLayoutEffect(() => {
    if (firstDraw !== null) onFirstDraw?.();
  }, [firstDraw]);

  // Fixed axes over the whole run, so the lines grow into a still frame.
  const domains = ok ? extents(full) : null;
  const final = (arm: Arm) => {
    const b = arms[arm]?.buffers;
    return b?.count ? b.metric('gen')[b.count - 1] : null;
  };
  const seed = SEED_PRESETS[which].split('-s')[1];
  // an lz-compressed spec: made once per seed, not at each frame of the reveal
  const openLink = useMemo(() => presetLink(SEED_PRESETS[which], 'thm1'), [which]);
  return (
    <div
      ref={rootRef}
      className="flex min-w-0 flex-col gap-1"
      data-testid="start-demo"
      data-seed={seed}
      data-done={shown ? 'true' : 'false'}
      data-error={error ?? undefined}
      data-first-draw-ms={firstDraw?.toFixed(0)}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {ARMS.map((arm) => (
          <TimeSeriesPlot
            key={arm}
            id={`start-demo-${arm}`}
            syncX="start-demo"
            title={arm === 'clean' ? 'Clean: trained on {e₁}' : 'Poisoned: {e₁, e₆}, labels correct'}
            series={entries(arm)}
            xLabel="flow time t"
            yLabel="|aⱼ|"
            xScale="log"
            yScale="log"
            scaleToggle={false}
            height={170}
            xDomain={domains?.x}
            yDomain={domains?.y}
            emptyText="Running in a worker…"
          />
        ))}
      </div>
      {/* The caption's two texts share one grid cell with an invisible copy of the longer one, so the page below does
          not move when the finished text replaces the running one (a click on the gallery could miss). */}
      <div className="grid text-xs text-slate-600 dark:text-slate-400">
        <p className="invisible [grid-area:1/1]" aria-hidden="true">
          d = 10, κ = 7, seed {seed}: <FinishedText clean="0.00000" poisoned="0.00000" />
          Open in the lab
        </p>
        <p className="[grid-area:1/1]" aria-live="polite">
          d = 10, κ = 7, seed {seed}:{' '}
          {shown ? (
            <FinishedText clean={fmt(final('clean'), 3)} poisoned={fmt(final('poisoned'), 3)} />
          ) : error ? (
            <span className="text-red-700 dark:text-red-400" role="alert">
              the demo could not run ({error}).{' '}
            </span>
          ) : (
            'exact gradient flow of both arms in a worker… '
          )}
          <a className="text-sky-700 underline dark:text-sky-400" href={openLink} data-testid="start-demo-open">
            Open in the lab
          </a>
        </p>
      </div>
    </div>
  );
}

/** The caption of a finished pair (also, with placeholder numbers, the invisible copy that sizes the caption). */
function FinishedText({ clean, poisoned }: { clean: string; poisoned: string }) {
  return (
    <>
      Gen₂₀ ends at <span className="num">{clean}</span> clean and <span className="num">{poisoned}</span> poisoned (paper’s Table 1 means: 1.27e-3 and 5.01e-2). Both fit the
      training data.{' '}
    </>
  );
}

/** x and y extents of the full series (positive values only: both axes are logarithmic). */
function extents(series: PlotSeries[]): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    const n = s.n ?? Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (!(x > 0) || !(y > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x0 < x1 && y0 < y1 ? { x: [x0, x1], y: [y0 * 0.8, y1 * 1.25] } : null;
}
