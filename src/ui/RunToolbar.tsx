import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { useRunQuestion } from '../state/run-confirm';
import type { Transport } from '../state/run-store';
import { Button } from './Button';

/** The transport of a run store (see createRunStore), with the start bound to the page's current experiment. */
export interface RunControls {
  transport: Transport;
  /** Starts a run of the experiment on the page; paused: it waits for a step or a resume. */
  start(paused?: boolean): Promise<void> | void;
  pause(): void;
  resume(): void;
  step(n: number): void;
  stop(): void;
  reset(): void;
}

export interface RunToolbarProps {
  controls: RunControls;
  /** What Run runs (its tooltip). */
  runTitle?: string;
  /** What one step is (its tooltip), e.g. "One solver step". */
  stepTitle?: string;
  /** Steps of the second step button ("Step ×100"); 0 for none. */
  bigStep?: number;
  /** Space (run, pause, resume) and '.' (one step) as shortcuts while no field has the focus. */
  keyboard?: boolean;
  /** After the buttons, at the end of the row (e.g. Share). */
  children?: ReactNode;
}

/** Anything a key press belongs to (a button, field, link, slider or a focusable plot point): shortcuts stay off it. */
const CONTROLS = 'button, a[href], input, textarea, select, summary, [role=button], [role=slider], [role=tab], [contenteditable=true], [tabindex]';

/** Whether a key event's target is a control (focus on the page itself, or on plain content, is not). */
export function onControl(target: EventTarget | null): boolean {
  const el = target as Element | null;
  if (!el || typeof el.closest !== 'function' || el === document.body || el === document.documentElement) return false;
  return el.closest(CONTROLS) !== null;
}

/** n steps, then paused; from idle or done a paused run is started first. */
function stepRun(controls: RefObject<RunControls>, n: number) {
  const c = controls.current;
  if (c.transport === 'idle' || c.transport === 'done') void Promise.resolve(c.start(true)).then(() => controls.current.step(n));
  else c.step(n);
}

/**
 * Run / Pause / Step / Stop / Reset of a lab's run. Pause keeps the run where it stands: Run turns into Resume,
 * which continues from the same step, and Step takes exactly n steps (from idle or done it starts a paused run
 * first). Stop ends the run and keeps its results on screen; Reset clears them.
 */
export function RunToolbar({ controls, runTitle = 'Run', stepTitle = 'One step', bigStep = 100, keyboard = true, children }: RunToolbarProps) {
  const { transport } = controls;
  // the keyboard handler reads the newest controls without re-registering
  const latest = useRef(controls);
  latest.current = controls;

  const stepBy = (n: number) => stepRun(latest, n);
  // a run estimated to take long waits for a yes here (run-confirm.ts)
  const question = useRunQuestion((s) => s.question);

  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      if (onControl(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const c = latest.current;
      if (e.key === ' ') {
        e.preventDefault();
        if (c.transport === 'running') c.pause();
        else if (c.transport === 'paused') c.resume();
        else void c.start();
      } else if (e.key === '.') {
        stepRun(latest, 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard]);

  const running = transport === 'running';
  const live = running || transport === 'paused';
  const keys = (k: string) => (keyboard ? ` (${k})` : '');
  return (
    <div className="flex flex-wrap items-start gap-2" role="toolbar" aria-label="Run controls" data-transport={transport}>
      <Button
        variant="primary"
        testId="run"
        onClick={() => (transport === 'paused' ? controls.resume() : void controls.start())}
        disabled={running}
        title={transport === 'paused' ? `Resume from where the run stands${keys('space')}` : `${runTitle}${keys('space')}`}
      >
        {transport === 'paused' ? 'Resume' : transport === 'done' ? 'Run again' : 'Run'}
      </Button>
      <Button testId="pause" onClick={controls.pause} disabled={!running} title={`Pause${keys('space')}`}>
        Pause
      </Button>
      <Button testId="step" onClick={() => stepBy(1)} title={`${stepTitle}, then pause${keys('.')}`}>
        Step
      </Button>
      {bigStep > 1 && (
        <Button testId={`step-${bigStep}`} onClick={() => stepBy(bigStep)} title={`${bigStep} steps, then pause`}>
          Step ×{bigStep}
        </Button>
      )}
      <Button testId="stop" onClick={controls.stop} disabled={!live} title="End the run here; its results stay">
        Stop
      </Button>
      <Button testId="reset" onClick={controls.reset} disabled={transport === 'idle'} title="Clear the run">
        Reset
      </Button>
      {children && <div className="ml-auto flex min-w-0 flex-wrap items-start gap-2">{children}</div>}
      {question && (
        <div
          role="alertdialog"
          aria-label="Start a long run?"
          data-testid="run-question"
          className="flex basis-full flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <span>
            This run may take {question.duration} (its length is set by <code>{question.workField}</code>). It runs in the background, and Stop ends it at any time.
          </span>
          <Button variant="primary" size="sm" testId="run-anyway" onClick={() => question.answer(true)}>
            Run it
          </Button>
          <Button size="sm" testId="run-cancel" onClick={() => question.answer(false)}>
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
