import LZString from 'lz-string';
import type { Spec } from './schema';
import { parseSpec, type SpecResult } from './validate';

/** The hash key that carries the spec: `#s=<lz-string of the JSON>`. */
const KEY = 's';

/** JSON keeps float64 exactly (shortest round-trip digits), so a link replays bit for bit. */
export function encodeSpec(spec: Spec): string {
  return `${KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(spec))}`;
}

/** Decodes a location hash (with or without the leading '#'); every failure names what was wrong. */
export function decodeSpec(hash: string): SpecResult {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(KEY);
  if (packed === null || packed === '') {
    return { ok: false, issues: [{ field: 'link', message: 'the link carries no experiment (#s=... is missing)' }] };
  }
  let json: string | null = null;
  try {
    json = LZString.decompressFromEncodedURIComponent(packed.replace(/ /g, '+'));
  } catch {
    json = null;
  }
  if (!json) {
    return { ok: false, issues: [{ field: 'link', message: 'the link is truncated or garbled and cannot be decompressed' }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, issues: [{ field: 'link', message: 'the link is truncated or garbled: its experiment is not valid JSON' }] };
  }
  return parseSpec(raw);
}

/**
 * The link that reopens `spec`: the page's address with `#lab=<lab>&s=...`, keeping the hash's other flags
 * (the lab's page, embed=1) so a shared link opens the same view.
 */
export function shareUrl(spec: Spec, at: { origin: string; pathname: string; hash: string }): string {
  const kept = new URLSearchParams(at.hash.replace(/^#/, ''));
  kept.delete(KEY);
  kept.set('lab', spec.lab);
  return `${at.origin}${at.pathname}#${kept.toString()}&${encodeSpec(spec)}`;
}
