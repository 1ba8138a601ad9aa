import type { Arm } from '../../state/runs-store';
import { OKABE_ITO } from '../../plots/palette';

export const ARM_LABELS: Record<Arm, string> = { clean: 'Clean: trained on {e₁}', poisoned: 'Poisoned: trained on {e₁, e_(κ−1)}' };
export const ARM_SHORT: Record<Arm, string> = { clean: 'clean', poisoned: 'poisoned' };
export const ARM_COLORS: Record<Arm, string> = { clean: OKABE_ITO[0], poisoned: OKABE_ITO[1] };
