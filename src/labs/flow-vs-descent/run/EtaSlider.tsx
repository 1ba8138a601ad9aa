import { useMemo } from 'react';
import { fmt } from '../../../ui/format';
import { LogSlider } from '../../../ui/LogSlider';
import { SliderMarks } from '../../../ui/SliderMarks';
import { buildObjective, spectrumOf } from '../build';
import { type FlowVsDescentSpec, paramCount } from '../schema';

const MIN = -4;
const MAX = Math.log10(2.5);
/** Hessians this small are assembled and diagonalised on the page's thread in well under a millisecond per stamp. */
const SMALL = 64;

/** The landmarks of the step size at the start (Sec. 7): 1/lmax, 2/lmax, and for a deep linear net 2/n (its balanced minima's edge for ||Lam|| = 1). */
export function etaTicks(spec: FlowVsDescentSpec): { label: string; value: number }[] {
  const o = spec.objective;
  const ticks: { label: string; value: number }[] = [];
  if (paramCount(o) <= SMALL) {
    try {
      const { objective, theta0 } = buildObjective(spec);
      const { lmax } = spectrumOf(objective)(theta0);
      if (lmax > 0) ticks.push({ label: '1/λmax(θ₀)', value: 1 / lmax }, { label: '2/λmax(θ₀)', value: 2 / lmax });
    } catch {
      // an objective the validator refused never reaches here; anything else simply shows no ticks
    }
  }
  if (o.family === 'dln') ticks.push({ label: '2/n', value: 2 / (o.widths.length - 1) });
  return ticks.filter((t) => Math.log10(t.value) >= MIN && Math.log10(t.value) <= MAX);
}

/** The first step size on a log slider (1e-4 … 2.5) with the start's landmarks marked under it. */
export function EtaSlider({ spec, commit }: { spec: FlowVsDescentSpec; commit: (s: FlowVsDescentSpec) => string | null }) {
  const ticks = useMemo(() => etaTicks(spec), [spec]);
  const eta = spec.etas[0];
  return (
    <LogSlider
      id="fd-eta0"
      testId="fd-eta0"
      label={`η₀ = ${fmt(eta)}`}
      value={eta}
      min={MIN}
      max={MAX}
      step={0.01}
      digits={3}
      valueText={`eta ${fmt(eta)}`}
      onChange={(v) => commit({ ...spec, etas: [v, ...spec.etas.slice(1)] })}
    >
      <SliderMarks marks={ticks.map((t) => ({ at: (Math.log10(t.value) - MIN) / (MAX - MIN), label: `${t.label} ${fmt(t.value, 3)}` }))} testId="fd-eta-marks" />
    </LogSlider>
  );
}
