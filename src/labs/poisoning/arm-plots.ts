import type { PlotSeries } from '../../plots/TimeSeriesPlot';
import { useLabSpec } from '../../state/experiment-store';
import { ARMS, type Arm, type ArmRun, useRuns } from '../../state/runs-store';
import { useIsStale } from '../../ui/Stale';
import { ARM_COLORS } from './arms';

type Buffers = NonNullable<ArmRun['buffers']>;

const SUBS = '₀₁₂₃₄₅₆₇₈₉';
/** n in subscript digits. */
export const sub = (n: number) => String(n).replace(/\d/g, (c) => SUBS[Number(c)]);

/** One line per arm that has recorded: y against x of its buffers, in the arm's colour. */
export function armSeries(
  runs: Partial<Record<Arm, ArmRun>>,
  label: (arm: Arm) => string,
  x: (b: Buffers) => ArrayLike<number>,
  y: (b: Buffers) => ArrayLike<number>,
): PlotSeries[] {
  return ARMS.flatMap((arm) => {
    const b = runs[arm]?.buffers;
    return b ? [{ id: arm, label: label(arm), color: ARM_COLORS[arm], x: x(b), y: y(b), n: b.count }] : [];
  });
}

/**
 * What the Poisoning plots draw: both arms' runs, and the spec that produced them (the edited one before any run),
 * out of date when the experiment was edited after the run (the arm's own changes do not count).
 */
export function useArmPlots() {
  const arms = useRuns((s) => s.arms);
  const revision = useRuns((s) => s.revision);
  const edited = useLabSpec('poisoning');
  const ran = arms.clean?.spec ?? arms.poisoned?.spec;
  const stale = useIsStale(ran, edited, ['arm']);
  return { arms, revision, stale, spec: ran ?? edited };
}
