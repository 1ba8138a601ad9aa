import type { LabId } from '../experiment/schema';
import { extrapolationUi } from './extrapolation/ui';
import { flowVsDescentUi } from './flow-vs-descent/ui';
import type { LabUi, UpcomingLab } from './lab-ui';
import { poisoningUi } from './poisoning/ui';
import { saddlesUi } from './saddles/ui';
import { stabilityUi } from './stability/ui';
import { labInHash } from '../state/route';

/**
 * Every lab's page, once, keyed by the ids of registry.ts: a lab missing here (or one that is not a lab there)
 * does not compile. The app shell's navigation and routing are derived from this table.
 */
export const LAB_UIS: { [L in LabId]: LabUi } = {
  poisoning: poisoningUi,
  stability: stabilityUi,
  saddles: saddlesUi,
  extrapolation: extrapolationUi,
  'flow-vs-descent': flowVsDescentUi,
};

/** Labs announced in the header that have no page yet: their one-line promise stands in for the page. */
export const UPCOMING_LABS: UpcomingLab[] = [];

export type NavLab = (LabUi & { id: LabId; built: true }) | (UpcomingLab & { built: false });

/** The header's labs in order: the built ones and the announced ones. */
export const NAV_LABS: NavLab[] = [
  ...(Object.entries(LAB_UIS) as [LabId, LabUi][]).map(([id, ui]) => ({ ...ui, id, built: true as const })),
  ...UPCOMING_LABS.map((u) => ({ ...u, built: false as const })),
].sort((a, b) => a.navOrder - b.navOrder);

/** The lab named in the hash (`#lab=...`); the first lab by default. */
export function labFromHash(hash: string): NavLab {
  const id = labInHash(hash);
  return NAV_LABS.find((l) => l.id === id) ?? NAV_LABS[0];
}
