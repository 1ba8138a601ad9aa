import { create } from 'zustand';
import { CONFIRM_SECONDS, durationWords, type SpecCost } from '../experiment/cost';
import { labPresets, type Preset } from '../experiment/presets';
import { idleMap } from '../ui/idle-map';
import { asValidSpec, specCost } from '../experiment/validate';

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
 * A lab's presets as JSON (specText), made on first need (only for a long spec, so most runs never pay for it): a preset
 * runs without a question (its length is the paper's, and known).
 */
const presetTexts = new Map<string, Set<string>>();

/**
 * A spec as JSON with every object's keys in sorted order. Presets are written in full, so a preset's text is its
 * parsed form's text (a test holds every preset to it): no preset needs parsing (Poisoning's took 200 ms).
 */
export function specText(spec: unknown): string {
  return JSON.stringify(spec, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}
const textOf = (p: Preset) => specText(p.spec);
/** The idle making of a lab's preset texts in progress (warmPresetTexts), by lab: its cancel. */
const warming = new Map<string, () => void>();
function presetTextsOf(lab: string): Set<string> {
  let texts = presetTexts.get(lab);
  if (!texts) {
    // made here at once: the idle making of the same texts stops
    warming.get(lab)?.();
    warming.delete(lab);
    texts = new Set(labPresets(lab).map(textOf));
    presetTexts.set(lab, texts);
  }
  return texts;
}
const isPreset = (lab: string, text: string) => presetTextsOf(lab).has(text);

/**
 * Makes a lab's preset texts while the page is idle (e.g. while a long link is read in its worker), a few presets at a
 * time: the run a link starts then asks no question on their account.
 */
export function warmPresetTexts(lab: string | null): void {
  if (!lab || presetTexts.has(lab) || warming.has(lab) || !labPresets(lab).length) return;
  warming.set(
    lab,
    idleMap(labPresets(lab), textOf, (texts) => {
      warming.delete(lab);
      presetTexts.set(lab, new Set(texts));
    }),
  );
}

/** The cost of a spec a run store is asked to start, when it is a valid spec estimated to be long and not a preset; null otherwise. */
export function longRunCost(spec: unknown): SpecCost | null {
  const r = asValidSpec(spec);
  if (!r.ok) return null;
  const cost = specCost(r.spec);
  return cost.seconds > CONFIRM_SECONDS && !isPreset(r.spec.lab, specText(r.spec)) ? cost : null;
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
