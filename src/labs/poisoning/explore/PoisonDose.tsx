import { NumberField } from '../../../ui/NumberField';
import { labelClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { poisonDose, setPoisonAmplitude, setPoisonCount } from './explore-model';
import type { PoisoningSpec } from '../schema';

const LOG_MIN = -3;
const LOG_MAX = 3;

/**
 * The poison dose in two knobs: how many of the special rows are used, and their size (the largest |value|
 * among them, rescaling every special row alike). Edits go through the same validation as any other.
 */
export function PoisonDose({ spec, apply }: { spec: PoisoningSpec; apply: (candidate: PoisoningSpec) => string | null }) {
  const dose = poisonDose(spec);
  if (dose.total === 0) return null;
  const amp = dose.amplitude;
  const scale = (q: number) => {
    const next = setPoisonAmplitude(spec, q);
    return next ? apply(next) : 'switch a special row with a non-zero value on first';
  };
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-orange-200 p-2 dark:border-orange-900" data-testid="poison-dose">
      <legend className={labelClass}>Poison dose</legend>
      <label className="flex items-center gap-2 text-[11px] text-slate-500">
        special rows in use
        <input
          type="range"
          min={0}
          max={dose.total}
          step={1}
          value={dose.used}
          onChange={(e) => apply(setPoisonCount(spec, Number(e.target.value)))}
          aria-label="special rows in use"
          data-testid="dose-count"
          className="flex-1"
        />
        <span className="num w-12 text-right">
          {dose.used} / {dose.total}
        </span>
      </label>
      <label className="flex items-center gap-2 text-[11px] text-slate-500">
        size (log)
        <input
          type="range"
          min={LOG_MIN}
          max={LOG_MAX}
          step={0.05}
          value={amp > 0 ? Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(amp))) : 0}
          disabled={!(amp > 0)}
          onChange={(e) => scale(Number((10 ** Number(e.target.value)).toPrecision(3)))}
          aria-label="largest |value| of the special rows (log scale)"
          data-testid="dose-size"
          className="flex-1"
        />
      </label>
      {/* a derived size (the rows' own values can carry 16 digits): 4 significant digits, and leaving the field as written
          rescales nothing */}
      <NumberField
        key={amp}
        label="largest |value| of the special rows"
        testId="dose-amplitude"
        value={amp}
        format={(v) => fmt(v)}
        onCommit={(q) => (q === Number(fmt(amp)) ? null : scale(q))}
        hint="every special row is rescaled alike"
      />
    </fieldset>
  );
}
