import { useEffect, useState } from 'react';
import { fmt } from './format';
import { nextCursor } from './player-logic';
import { type Comparison } from './compare';

const SPEEDS = [0.25, 1, 4] as const;

/**
 * Step through the GD iterates: play / pause, single steps, a slider over the recorded steps and a readout of
 * the state at the cursor. cursor null = the whole run is shown (no animation).
 */
export function Player({ c, cursor, setCursor }: { c: Comparison; cursor: number | null; setCursor: (k: number | null) => void }) {
  const tr = c.gd.trace!;
  const n = tr.n;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);

  // A new run stops the animation.
  useEffect(() => setPlaying(false), [c]);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const cur = cursor ?? 0;
      const next = nextCursor(cur, n, speed);
      if (next === null) setPlaying(false);
      else setCursor(next);
    }, 100);
    return () => clearInterval(id);
  }, [playing, cursor, n, speed, setCursor]);

  const at = cursor ?? n - 1;
  const play = () => {
    if (cursor === null || cursor >= n - 1) setCursor(0);
    setPlaying(true);
  };
  const step = (d: number) => {
    setPlaying(false);
    setCursor(Math.max(0, Math.min(n - 1, (cursor ?? (d > 0 ? -1 : n)) + d)));
  };
  const btn = 'rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-40 dark:border-slate-600';
  const k = tr.step[at];
  const etaEps = c.eta * Math.abs(tr.eps[at]);
  return (
    <div className="mt-2 rounded border border-slate-200 p-2 text-xs dark:border-slate-800" data-testid="stability-player" data-cursor={cursor ?? ''}>
      <div className="flex flex-wrap items-center gap-1">
        <span className="mr-1 font-medium">Step through GD</span>
        <button type="button" className={btn} onClick={() => step(-1)} disabled={at <= 0 && cursor !== null} aria-label="previous step" data-testid="player-back">
          ◀
        </button>
        {playing ? (
          <button type="button" className={btn} onClick={() => setPlaying(false)} data-testid="player-pause">
            ⏸ pause
          </button>
        ) : (
          <button type="button" className={btn} onClick={play} data-testid="player-play">
            ▶ play
          </button>
        )}
        <button type="button" className={btn} onClick={() => step(1)} disabled={cursor !== null && at >= n - 1} aria-label="next step" data-testid="player-step">
          ▶|
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => {
            setPlaying(false);
            setCursor(null);
          }}
          disabled={cursor === null}
          data-testid="player-all"
        >
          whole run
        </button>
        <label className="ml-2 flex items-center gap-1">
          speed
          <select
            className="rounded border border-slate-300 bg-transparent px-1 dark:border-slate-600"
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            data-testid="player-speed"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        className="mt-1 w-full"
        min={0}
        max={n - 1}
        value={at}
        onChange={(e) => {
          setPlaying(false);
          setCursor(Number(e.target.value));
        }}
        aria-label="GD step shown"
        data-testid="player-slider"
      />
      <p className="num text-slate-600 dark:text-slate-400" data-testid="player-readout">
        {cursor === null ? 'whole run · ' : ''}k = {k}: (a, b) = ({fmt(tr.a[at])}, {fmt(tr.b[at])}), ε = {fmt(tr.eps[at])}, λ = {fmt(tr.lam[at])}, η|ε| = {fmt(etaEps)}
        {etaEps > Math.SQRT2 ? ' (> √2: imbalance grows)' : etaEps > 1 ? ' (> 1: imbalance flips sign)' : ''}, next-step factors ρ = {fmt(tr.rho[at])}, 1 − η²ε² ={' '}
        {fmt(tr.factor[at])}
      </p>
    </div>
  );
}
