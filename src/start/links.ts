import { encodeSpec } from '../experiment/link';
import { findPreset } from '../experiment/presets';
import type { LabId } from '../experiment/schema';
import type { GalleryEntry } from '../labs/lab-ui';
import { NAV_LABS } from '../labs/ui-registry';

/**
 * The hash that opens a lab's page with a preset loaded (`#lab=...&page=...&s=...`, the share links' codec): the
 * link loader applies the spec and the lab's page starts it (a sweep's page keeps it ready to run).
 */
export function presetHash(lab: LabId, presetId: string, page?: string, flags: Record<string, string> = {}): string {
  const preset = findPreset(presetId);
  if (!preset || preset.lab !== lab) throw new Error(`${lab}: no preset ${presetId}`);
  const params = new URLSearchParams({ lab, ...(page ? { page } : {}), ...flags });
  return `#${params.toString()}&${encodeSpec(preset.spec)}`;
}

/** The same for a preset named by id alone (its lab is the preset's own). */
export function presetLink(presetId: string, page?: string): string {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  return presetHash(preset.lab, presetId, page);
}

/** A gallery entry with its lab: what the start page lists, derived from every lab's UI registration. */
export interface GalleryItem extends GalleryEntry {
  lab: LabId;
  labTitle: string;
  paper: string;
}

/** Every paper figure and table of every built lab, in the header's lab order. */
export function galleryItems(): GalleryItem[] {
  return NAV_LABS.flatMap((l) => (l.built ? l.gallery.map((g) => ({ ...g, lab: l.id, labTitle: l.title, paper: l.paper })) : []));
}
