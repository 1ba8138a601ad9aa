import { create } from 'zustand';
import { CONFIRM_SECONDS, durationWords, type SpecCost } from '../experiment/cost';
import { labPresets } from '../experiment/presets';
import { asValidSpec, parseSpec, specCost } from '../experiment/validate';

/** A run the page asks about before starting it: its estimate in words, and the answer. */
export interface RunQuestion {
  /** "up to about 8 min", from the spec's cost. */
  duration: string;
  /** The field that sets the work (e.g. stop.maxSteps). */
  workField: string;
  answer(run: boolean): void;
}

/** The question the page is asking now (RunToolbar shows it), or null. */
export const useRunQuestion = create<{ question: RunQuestion | null }>(() => ({ question: null }));

/**
 * A lab's presets as validated JSON, made on first need (only for a long spec, so most runs never pay for it): a preset
 * runs without a question (its length is the paper's, and known).
 */
const presetTexts = new Map<string, Set<string>>();
function presetTextsOf(lab: string): Set<string> {
  let texts = presetTexts.get(lab);
  if (!texts) {
    const ofLab = labPresets(lab).map((p) => parseSpec(p.spec));
    texts = new Set(ofLab.flatMap((r) => (r.ok ? [JSON.stringify(r.spec)] : [])));
    presetTexts.set(lab, texts);
  }
  return texts;
}
const isPreset = (lab: string, text: string) => presetTextsOf(lab).has(text);

/**
 * Makes a lab's preset texts while the page is idle (e.g. while a long link is read in its worker): the run a link
 * starts then asks no question on their account (Poisoning's take 70 ms to make, in the task that starts the run).
 */
export function warmPresetTexts(lab: string | null): void {
  if (!lab || presetTexts.has(lab) || !labPresets(lab).length) return;
  const make = () => void presetTextsOf(lab);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: 5000 });
  else setTimeout(make, 0);
}

/** The cost of a spec a run store is asked to start, when it is a valid spec estimated to be long and not a preset; null otherwise. */
export function longRunCost(spec: unknown): SpecCost | null {
  const r = asValidSpec(spec);
  if (!r.ok) return null;
  const cost = specCost(r.spec);
  return cost.seconds > CONFIRM_SECONDS && !isPreset(r.spec.lab, JSON.stringify(r.spec)) ? cost : null;
}

let pending: Promise<boolean> | null = null;

/**
 * Asks (through the toolbar) whether to start a run estimated to take `cost.seconds`; resolves with the answer. A
 * second ask while one is open (e.g. a lab's second arm) shares its answer.
 */
export function askToRun(cost: SpecCost): Promise<boolean> {
  pending ??= new Promise<boolean>((resolve) => {
    const answer = (run: boolean) => {
      pending = null;
      useRunQuestion.setState({ question: null });
      resolve(run);
    };
    useRunQuestion.setState({ question: { duration: `up to ${durationWords(cost.seconds)}`, workField: cost.workField, answer } });
  });
  return pending;
}
