import { useMemo } from 'react';
import { labPresets, type Preset } from '../experiment/presets';
import type { LabId } from '../experiment/schema';
import { SelectField, type SelectGroup, type SelectOption } from './SelectField';

export interface PresetPickerProps {
  lab: LabId;
  /** The preset the experiment was loaded from, by id; null / undefined / '' when it is custom. */
  selected: string | null | undefined;
  onPick: (id: string) => void;
  label?: string;
  testId?: string;
  /** Which of the lab's presets to offer (all by default). */
  filter?: (p: Preset) => boolean;
  /** Headings to sort the offered presets under (a preset goes under the first group it matches). */
  groups?: { label: string; match: (p: Preset) => boolean }[];
  /** Prefix each title with the preset's id. */
  showIds?: boolean;
  /** The entry that stands for an edited experiment. */
  customLabel?: string;
  error?: string | null;
}

/**
 * The presets of a lab, known by id: the selected one comes from the caller (the spec's ui.preset, or the
 * preset-choice store), never from comparing whole specs. The chosen preset's full title and description are
 * shown under the select, so a long title is never cut off.
 */
export function PresetPicker({
  lab,
  selected,
  onPick,
  label = 'Preset',
  testId = 'preset-select',
  filter,
  groups,
  showIds = false,
  customLabel = 'Custom',
  error,
}: PresetPickerProps) {
  const offered = useMemo(() => labPresets(lab).filter((p) => !filter || filter(p)), [lab, filter]);
  const current = selected ? offered.find((p) => p.id === selected) : undefined;
  const options = useMemo(() => {
    const option = (p: Preset): SelectOption => ({ value: p.id, label: showIds ? `${p.id}: ${p.title}` : p.title });
    const custom: SelectOption = { value: '', label: customLabel };
    if (!groups) return [custom, ...offered.map(option)];
    const grouped: SelectGroup[] = groups.map((g) => ({ group: g.label, options: [] }));
    const loose: SelectOption[] = [];
    for (const p of offered) {
      const k = groups.findIndex((g) => g.match(p));
      (k >= 0 ? grouped[k].options : loose).push(option(p));
    }
    return [custom, ...loose, ...grouped.filter((g) => g.options.length)];
  }, [offered, groups, showIds, customLabel]);
  return (
    <div className="flex flex-col gap-1" data-testid={`${testId}-picker`}>
      <SelectField label={label} value={current?.id ?? ''} options={options} onChange={(id) => id && onPick(id)} testId={testId} error={error} />
      {current ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid={`${testId}-about`}>
          <span className="font-medium text-slate-800 dark:text-slate-200">{current.title}</span>
          {current.description ? <span className="block text-slate-500">{current.description}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
