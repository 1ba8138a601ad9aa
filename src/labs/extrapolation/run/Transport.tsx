import { shareUrl } from '../../../experiment/link';
import { labSpecNow, useLabSpec } from '../../../state/experiment-store';
import { RunExportLinks } from '../../../ui/ExportLinks';
import { FieldError } from '../../../ui/FieldMessage';
import { NumberField } from '../../../ui/NumberField';
import { RunToolbar } from '../../../ui/RunToolbar';
import { SelectField } from '../../../ui/SelectField';
import { ShareButton } from '../../../ui/ShareButton';
import { extrapolationCore } from '../core';
import type { ExtrapolationSpec } from '../schema';
import { type CompareChoice, choiceFromKey, choiceKey, compareLabel, encodeChoice, mainLabel, NO_COMPARE, offeredKinds } from './compare';
import { type ExportArm, exportName } from './export';
import { useArmsOnScreen } from './use-arms';
import { compareArm, useCompareChoice, useExtrapRun, useRunControls } from './store';

const LAB = extrapolationCore.id;

/** The hash key of the second arm in a share link (`cmp=k:18`): a display flag beside the spec, like the page. */
export const COMPARE_KEY = 'cmp';
/** The hash key of the third arm (`cmp2=k:8`). */
export const COMPARE2_KEY = 'cmp2';

/** The link that reopens this experiment on the Run page with its second and third arms. */
export function runShareUrl(choice: CompareChoice, choice2: CompareChoice = NO_COMPARE): string {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  params.set('page', 'run');
  const cmp = encodeChoice(choice);
  const cmp2 = cmp ? encodeChoice(choice2) : null;
  for (const [key, value] of [
    [COMPARE_KEY, cmp],
    [COMPARE2_KEY, cmp2],
  ] as const) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return shareUrl(labSpecNow(LAB), { origin: window.location.origin, pathname: window.location.pathname, hash: `#${params.toString()}` });
}

/** Run / Pause / Step / Step ×100 / Stop / Reset of every arm, Share, and the second and third arms' choices. */
export function RunTransport() {
  const controls = useRunControls();
  const o = useLabSpec(LAB).optim.kind;
  const choice = useCompareChoice((s) => s.choice);
  return (
    <div className="flex flex-col gap-2">
      <RunToolbar controls={controls} runTitle="Run the experiment (and its comparisons)" stepTitle={o === 'flow' ? 'One solver step' : `One ${o === 'adam' ? 'Adam' : 'GD'} step`}>
        <ShareButton
          getUrl={() => runShareUrl(useCompareChoice.getState().choice, useCompareChoice.getState().choice2)}
          title="Copy a link that reruns this experiment (with its comparisons)"
        />
      </RunToolbar>
      <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
        <CompareControl third={false} />
        {choice.kind !== 'none' && <CompareControl third />}
      </div>
    </div>
  );
}

/** The second arms set by one number: its field's label, whether the number is whole, and the arm a number makes. */
const NUMBER_CHOICES: { kind: CompareChoice['kind']; label: string; whole: boolean; make: (v: number) => CompareChoice }[] = [
  { kind: 'k', label: 'its k', whole: true, make: (k) => ({ kind: 'k', k }) },
  { kind: 'sigma', label: 'its σ', whole: false, make: (sigma) => ({ kind: 'sigma', sigma }) },
  { kind: 'seed', label: 'its seed', whole: true, make: (seed) => ({ kind: 'seed', seed }) },
];

/** The number of a second arm set by one (NaN for the others, which show no number field). */
const numberOf = (c: CompareChoice) => (c.kind === 'k' ? c.k : c.kind === 'sigma' ? c.sigma : c.kind === 'seed' ? c.seed : NaN);

/**
 * "Compare with…" (the second arm) or "…and with" (the third, shown beside a second arm): one change each, validated
 * with the lab's rules (a refusal shows here, naming the field).
 */
function CompareControl({ third }: { third: boolean }) {
  const spec = useLabSpec(LAB);
  const second = useCompareChoice((s) => s.choice);
  const choice = useCompareChoice((s) => (third ? s.choice2 : s.choice));
  const setChoice = useCompareChoice((s) => (third ? s.setChoice2 : s.setChoice));
  const offered = offeredKinds(spec).map((o) => (third && o.value === 'none' ? { ...o, label: 'nothing (two arms)' } : o));
  const key = offered.some((x) => x.value === choiceKey(choice)) ? choiceKey(choice) : 'none';
  const current = key === 'none' ? NO_COMPARE : choice;
  const { error } = compareArm(spec, current);
  const same = third && current.kind !== 'none' && encodeChoice(current) === encodeChoice(second);
  const name = third ? 'third arm' : 'second arm';
  const hint =
    current.kind === 'none'
      ? third
        ? 'a third arm with another change (e.g. E-6: k = 8, 18 and 20)'
        : 'a second arm with one change, on shared axes'
      : `${name}: ${compareLabel(spec, current)} against ${mainLabel(spec, current)}`;
  const pick = (v: string) => setChoice(choiceFromKey(spec, v, current, third ? second : undefined));
  const id = third ? 'compare2' : 'compare';
  return (
    <div className="flex flex-wrap items-start gap-2 text-xs" data-testid={id}>
      <SelectField label={third ? '…and with' : 'Compare with…'} testId={`${id}-kind`} value={key} options={offered} onChange={pick} hint={hint} className="w-60" />
      {NUMBER_CHOICES.filter((c) => c.kind === current.kind).map(({ kind, label, whole, make }) => (
        <NumberField
          key={kind}
          label={label}
          testId={`${id}-${kind}`}
          inputMode={whole ? 'numeric' : undefined}
          value={numberOf(current)}
          onCommit={(v) => check(make(v), setChoice, spec)}
          className="w-24"
        />
      ))}
      {error && <FieldError message={`The ${name} would be refused — ${error}`} testId={`${id}-error`} className="basis-full" />}
      {same && <FieldError message="The third arm is the second one again: it will not run (choose another change)." testId={`${id}-same`} className="basis-full" />}
    </div>
  );
}

/** Keeps a typed value only when the arm it makes is valid; otherwise returns the refusal for the field. */
function check(next: CompareChoice, set: (c: CompareChoice) => void, spec: ExtrapolationSpec): string | null {
  const r = compareArm(spec, next);
  if (r.error) return r.error;
  set(next);
  return null;
}

/** JSON and CSV of the run on screen: the specs that ran (never the one edited since), the app version, the series. */
export function ExportButtons() {
  const { main, second, third, ran, ran2 } = useArmsOnScreen();
  useExtrapRun((s) => s.revision);
  const arms = (): ExportArm[] => {
    const out: ExportArm[] = [];
    const c = ran ?? NO_COMPARE;
    if (main) out.push({ role: 'main', label: mainLabel(main.spec, c), spec: main.spec, buffers: main.buffers, status: main.status, final: main.final, views: main.views });
    if (second && main)
      out.push({ role: 'compare', label: compareLabel(main.spec, c), spec: second.spec, buffers: second.buffers, status: second.status, final: second.final, views: second.views });
    if (third && second && main) {
      const c2 = ran2 ?? NO_COMPARE;
      out.push({ role: 'third', label: compareLabel(main.spec, c2), spec: third.spec, buffers: third.buffers, status: third.status, final: third.final, views: third.views });
    }
    return out;
  };
  const flags = [ran, ran2].map((c) => (c ? encodeChoice(c) : null)).filter((c): c is string => !!c);
  return <RunExportLinks name={main ? exportName(main.spec) : 'run'} disabled={!main?.buffers} arms={arms} compare={flags.length ? flags.join(' ') : null} />;
}
