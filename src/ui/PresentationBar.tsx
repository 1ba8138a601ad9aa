import { useCallback, useEffect, useState } from 'react';
import { CONFIRM_SECONDS, durationWords } from '../experiment/cost';
import { encodeSpec, shareUrl } from '../experiment/link';
import { findPreset } from '../experiment/presets';
import type { LabId } from '../experiment/schema';
import { labSpecNow, useExperiment } from '../state/experiment-store';
import { hashParam, useHash } from '../state/route';
import { Button, buttonClass } from './Button';
import { ThemeToggle } from './ThemeToggle';

/** One step of a lab's lesson: words for students and the preset (and page) it runs. */
export interface PresentationStep {
  title: string;
  text: string;
  presetId: string;
  page?: string;
}

/**
 * Presentation mode's look, on the whole document while it lasts: type 1.5× (everything is sized in rem; 1.25× on a
 * phone, where 1.5× leaves a few words a line), the controls column, the page tabs and the run toolbar hidden, the
 * plots across the full width.
 */
const PRESENTATION_CSS = `
html[data-presenting] { font-size: 125%; }
@media (min-width: 640px) { html[data-presenting] { font-size: 150%; } }
html[data-presenting] main aside,
html[data-presenting] main [role='toolbar'][aria-label='Run controls'],
html[data-presenting] main nav[aria-label$='lab pages'] { display: none; }
html[data-presenting] main aside + section { grid-column: 1 / -1; }
html[data-presenting] main figure svg [font-size] { font-size: 14px; }
html[data-presenting] main figure .text-\\[11px\\] { font-size: 16px; line-height: 1.35; }
`;

/** The hash of presentation mode at lesson step k (1-based) of `lab`: the step's preset travels as a link's spec. */
export function stepHash(lab: LabId, steps: readonly PresentationStep[], k: number): string {
  const step = steps[k - 1];
  const preset = findPreset(step.presetId);
  if (!preset || preset.lab !== lab) throw new Error(`${lab}: no preset ${step.presetId}`);
  const p = new URLSearchParams({ lab, ...(step.page ? { page: step.page } : {}), present: '1', step: String(k) });
  return `#${p.toString()}&${encodeSpec(preset.spec)}`;
}

/** The `<iframe>` that embeds the lab's current experiment on its current page (embed=1: no header, a theme switch). */
export function embedSnippet(lab: LabId, page: string | null, title: string): string {
  const at = { origin: window.location.origin, pathname: window.location.pathname, hash: `#lab=${lab}${page ? `&page=${page}` : ''}&embed=1` };
  const src = shareUrl(labSpecNow(lab), at);
  return `<iframe src="${src.replace(/&/g, '&amp;')}" title="Implicit Bias Lab: ${title}" width="960" height="640" style="border:0" loading="lazy"></iframe>`;
}

/** A page's sweep button (its primary action when the page is a sweep) and the estimate the page shows for it. */
const SWEEP_RUN = 'main [data-testid=sweep-run]';
const SWEEP_ESTIMATE = 'main [data-estimate-ms]';

/**
 * A lesson step that opens a sweep page starts its sweep: the step's link asks the lab to run its experiment, and a
 * page that does not take that request itself (a sweep page with only a Run sweep button) gets it here, once the
 * page is on screen. A sweep the page estimates at more than the 20 s a Run asks about waits for a yes (`ask`).
 */
function useLessonSweep(lab: LabId, step: number, ask: (seconds: number, run: () => void) => void) {
  const autoRun = useExperiment((s) => s.autoRun);
  useEffect(() => {
    if (autoRun !== lab || step === 0) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      // the page took the request (a run page, a sweep page that runs its links), or it has no sweep to start
      if (useExperiment.getState().autoRun !== lab || ++tries > 50) return window.clearInterval(timer);
      const button = document.querySelector<HTMLButtonElement>(SWEEP_RUN);
      if (!button || tries < 2) return;
      window.clearInterval(timer);
      useExperiment.getState().requestAutoRun(null);
      if (button.disabled) return;
      const ms = Number(document.querySelector(SWEEP_ESTIMATE)?.getAttribute('data-estimate-ms'));
      if (Number.isFinite(ms) && ms > CONFIRM_SECONDS * 1000) ask(ms / 1000, () => document.querySelector<HTMLButtonElement>(SWEEP_RUN)?.click());
      else button.click();
    }, 100);
    return () => window.clearInterval(timer);
  }, [autoRun, lab, step, ask]);
}

/**
 * The bar of presentation mode: the lesson's current step in large type, ← / → (buttons and arrow keys) to step
 * through it (each step loads and runs its preset), the embed snippet, the theme and the way out.
 */
export function PresentationBar({ lab, title, steps }: { lab: LabId; title: string; steps: readonly PresentationStep[] }) {
  const hash = useHash();
  const k = Math.max(0, Math.min(steps.length, Number(hashParam(hash, 'step')) || 0));
  const page = hashParam(hash, 'page');
  const [embed, setEmbed] = useState<string | null>(null);
  // a long sweep a step would start, waiting for a yes
  const [question, setQuestion] = useState<{ seconds: number; run: () => void; step: number } | null>(null);
  const ask = useCallback((seconds: number, run: () => void) => setQuestion({ seconds, run, step: k }), [k]);
  useLessonSweep(lab, k, ask);

  useEffect(() => {
    document.documentElement.setAttribute('data-presenting', '');
    return () => document.documentElement.removeAttribute('data-presenting');
  }, []);

  const go = useCallback(
    (n: number) => {
      if (n < 1 || n > steps.length) return;
      window.location.hash = stepHash(lab, steps, n);
    },
    [lab, steps],
  );
  // relative moves read the address itself: keys pressed faster than the page re-renders still count one by one
  const move = useCallback((delta: number) => go((Number(hashParam(window.location.hash, 'step')) || 0) + delta), [go]);
  // Arrow keys step the lesson, unless a field or a plot (whose readout they move) has taken them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable=true], [role=slider]')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') move(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') move(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  const step = k > 0 ? steps[k - 1] : null;
  return (
    <section
      aria-label="Presentation"
      data-testid="presentation"
      data-step={k}
      className="mb-4 flex flex-col gap-2 rounded border border-sky-200 bg-sky-50/70 p-3 dark:border-sky-900 dark:bg-sky-950/40"
    >
      <style>{PRESENTATION_CSS}</style>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-sky-900 dark:text-sky-200">
          {title} · lesson {k > 0 ? `step ${k} of ${steps.length}` : `(${steps.length} steps)`}
        </span>
        <span className="flex-1" />
        <Button onClick={() => move(-1)} disabled={k <= 1} testId="lesson-prev" title="Previous step (←)">
          ← Back
        </Button>
        <Button variant="primary" onClick={() => move(1)} disabled={k >= steps.length} testId="lesson-next" title="Next step (→)">
          {k === 0 ? 'Start the lesson →' : 'Next →'}
        </Button>
        {k > 0 && (
          <Button onClick={() => go(k)} testId="lesson-rerun" title="Load and run this step’s experiment again">
            ↻ Again
          </Button>
        )}
        <Button variant="subtle" onClick={() => setEmbed(embed ? null : embedSnippet(lab, page, title))} testId="embed-toggle" aria-expanded={!!embed}>
          Embed
        </Button>
        {/* the toggle's own grey is too light on the bar's tint */}
        <span className="[&_label]:text-slate-700 dark:[&_label]:text-slate-300">
          <ThemeToggle />
        </span>
        <a href={`#${exitHash(hash)}`} className={buttonClass('subtle')} data-testid="presentation-exit">
          Exit presentation
        </a>
      </div>
      {step ? (
        <div data-testid="lesson-step">
          <h2 className="text-xl font-semibold">{step.title}</h2>
          <p className="max-w-4xl text-slate-800 dark:text-slate-200">{step.text}</p>
          <p className="text-xs text-slate-500">
            Preset <code>{step.presetId}</code>. ← → step through the lesson; “Full screen” on a plot shows it alone, with its readout (Esc to return).
          </p>
        </div>
      ) : (
        <p className="text-slate-800 dark:text-slate-200" data-testid="lesson-step">
          Press → (or “Start the lesson”) to walk through {steps.length} steps, each with its own experiment. “Full screen” on a plot shows it alone, with its readout.
        </p>
      )}
      {question && question.step === k && (
        <div role="alertdialog" aria-label="Start this step's sweep?" data-testid="lesson-confirm" className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            This step’s sweep takes about {durationWords(question.seconds)} (a run over {CONFIRM_SECONDS} s asks first). Run it now?
          </span>
          <Button
            variant="primary"
            testId="lesson-confirm-yes"
            onClick={() => {
              question.run();
              setQuestion(null);
            }}
          >
            Run the sweep
          </Button>
          <Button testId="lesson-confirm-no" onClick={() => setQuestion(null)}>
            Not now
          </Button>
        </div>
      )}
      {embed && (
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Paste this into a course page or slide to embed the lab with this experiment (it keeps a theme switch):
          <textarea
            readOnly
            value={embed}
            rows={3}
            data-testid="embed-snippet"
            onFocus={(e) => e.target.select()}
            className="w-full rounded border border-slate-300 bg-white p-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
      )}
    </section>
  );
}

/** The hash without presentation mode (the lab, its page and its other flags stay). */
function exitHash(hash: string): string {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  p.delete('present');
  p.delete('step');
  return p.toString();
}
