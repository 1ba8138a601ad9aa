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
import { compareArm, useCompareChoice, useExtrapCompare, useExtrapRun, useRunControls } from './store';

const LAB = extrapolationCore.id;

/** The hash key of the second arm in a share link (`cmp=k:18`): a display flag beside the spec, like the page. */
export const COMPARE_KEY = 'cmp';

/** The link that reopens this experiment on the Run page with its second arm. */
export function runShareUrl(choice: CompareChoice): string {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  params.set('page', 'run');
  const cmp = encodeChoice(choice);
  if (cmp) params.set(COMPARE_KEY, cmp);
  else params.delete(COMPARE_KEY);
  return shareUrl(labSpecNow(LAB), { origin: window.location.origin, pathname: window.location.pathname, hash: `#${params.toString()}` });
}

/** Run / Pause / Step / Step ×100 / Stop / Reset of both arms, Share, and the second arm's choice. */
export function RunTransport() {
  const controls = useRunControls();
  const o = useLabSpec(LAB).optim.kind;
  return (
    <div className="flex flex-col gap-2">
      <RunToolbar controls={controls} runTitle="Run the experiment (and its comparison)" stepTitle={o === 'flow' ? 'One solver step' : `One ${o === 'adam' ? 'Adam' : 'GD'} step`}>
        <ShareButton getUrl={() => runShareUrl(useCompareChoice.getState().choice)} title="Copy a link that reruns this experiment (with its comparison)" />
      </RunToolbar>
      <CompareControl />
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

/** "Compare with…": the second arm's one change, validated with the lab's rules (a refusal shows here, naming the field). */
function CompareControl() {
  const spec = useLabSpec(LAB);
  const choice = useCompareChoice((s) => s.choice);
  const setChoice = useCompareChoice((s) => s.setChoice);
  const offered = offeredKinds(spec);
  const key = offered.some((x) => x.value === choiceKey(choice)) ? choiceKey(choice) : 'none';
  const current = key === 'none' ? NO_COMPARE : choice;
  const { error } = compareArm(spec, current);
  const hint = current.kind === 'none' ? 'a second arm with one change, on shared axes' : `second arm: ${compareLabel(spec, current)} against ${mainLabel(spec, current)}`;
  const pick = (v: string) => setChoice(choiceFromKey(spec, v, current));
  return (
    <div className="flex flex-wrap items-start gap-2 text-xs" data-testid="compare">
      <SelectField label="Compare with…" testId="compare-kind" value={key} options={offered} onChange={pick} hint={hint} className="w-60" />
      {NUMBER_CHOICES.filter((c) => c.kind === current.kind).map(({ kind, label, whole, make }) => (
        <NumberField
          key={kind}
          label={label}
          testId={`compare-${kind}`}
          inputMode={whole ? 'numeric' : undefined}
          value={numberOf(current)}
          onCommit={(v) => check(make(v), setChoice, spec)}
          className="w-24"
        />
      ))}
      {error && <FieldError message={`The second arm would be refused — ${error}`} testId="compare-error" className="basis-full" />}
    </div>
  );
}

/** Keeps a typed value only when the second arm it makes is valid; otherwise returns the refusal for the field. */
function check(next: CompareChoice, set: (c: CompareChoice) => void, spec: ExtrapolationSpec): string | null {
  const r = compareArm(spec, next);
  if (r.error) return r.error;
  set(next);
  return null;
}

/** JSON and CSV of the run on screen: the specs that ran (never the one edited since), the app version, the series. */
export function ExportButtons() {
  const main = useExtrapRun((s) => s.run);
  const second = useExtrapCompare((s) => s.run);
  const ran = useCompareChoice((s) => s.ran);
  useExtrapRun((s) => s.revision);
  const arms = (): ExportArm[] => {
    const out: ExportArm[] = [];
    const c = ran ?? NO_COMPARE;
    if (main) out.push({ role: 'main', label: mainLabel(main.spec, c), spec: main.spec, buffers: main.buffers, status: main.status, final: main.final, views: main.views });
    if (second && main)
      out.push({ role: 'compare', label: compareLabel(main.spec, c), spec: second.spec, buffers: second.buffers, status: second.status, final: second.final, views: second.views });
    return out;
  };
  return <RunExportLinks name={main ? exportName(main.spec) : 'run'} disabled={!main?.buffers} arms={arms} compare={ran ? encodeChoice(ran) : null} />;
}
