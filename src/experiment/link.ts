import LZString from 'lz-string';
import type { Spec } from './schema';
import { decompressBounded } from './bounded-lz';
import { parseSpec, type SpecResult } from './validate';

/** The largest link read (the packed text), and the largest experiment it may inflate to (a decompression bomb stops there). */
export const MAX_LINK_CHARS = 512 * 1024;
export const MAX_SPEC_CHARS = 2_000_000;

/** The hash key that carries the spec: `#s=<lz-string of the JSON>`. */
export const SPEC_KEY = 's';

/** JSON keeps float64 exactly (shortest round-trip digits), so a link replays bit for bit. */
export function encodeSpec(spec: Spec): string {
  return `${SPEC_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(spec))}`;
}

/** Decodes a location hash (with or without the leading '#'); every failure names what was wrong. */
export function decodeSpec(hash: string): SpecResult {
  return decodePacked(new URLSearchParams(hash.replace(/^#/, '')).get(SPEC_KEY));
}

/** The same for the `s` parameter itself, when the caller has the hash's parameters already (a big link's hash takes tens of ms to parse). */
export function decodePacked(packed: string | null): SpecResult {
  if (packed === null || packed === '') {
    return { ok: false, issues: [{ field: 'link', message: 'the link carries no experiment (#s=... is missing)' }] };
  }
  if (packed.length > MAX_LINK_CHARS) {
    return { ok: false, issues: [{ field: 'link', message: `the link is ${Math.round(packed.length / 1024)} KB long; links of at most ${MAX_LINK_CHARS / 1024} KB are read` }] };
  }
  let json: string | null = null;
  try {
    json = decompressBounded(packed, MAX_SPEC_CHARS);
  } catch {
    json = '';
  }
  if (json === null) {
    return { ok: false, issues: [{ field: 'link', message: `the link's experiment inflates past ${MAX_SPEC_CHARS / 1e6} million characters; it is refused before it is read` }] };
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
 * A hash's parameters other than its experiment (the lab's page, embed=1, ...). The experiment is cut out before the
 * rest is parsed: a big link's `s` holds hundreds of kilobytes and takes tens of milliseconds to parse.
 */
export function hashFlags(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, '').replace(new RegExp(`(^|&)${SPEC_KEY}=[^&]*`, 'g'), ''));
}

/** The first `s=...` of a hash, as it stands in it. */
const SPEC_PARAM = new RegExp(`(?:^#?|&)${SPEC_KEY}=([^&]*)`);

/** Whether a hash carries an experiment, without reading it. */
export const hashHasSpec = (hash: string): boolean => SPEC_PARAM.test(hash);

/**
 * A hash's `s` parameter as URLSearchParams reads it ('+' is a space, %XX an escape), without parsing the rest: a link's
 * own alphabet has no '%', and parsing a 376 KB hash took 50 ms.
 */
export function packedSpecOf(hash: string): string | null {
  const raw = SPEC_PARAM.exec(hash)?.[1];
  if (raw === undefined) return null;
  return raw.includes('%') ? new URLSearchParams(`${SPEC_KEY}=${raw}`).get(SPEC_KEY) : raw.replaceAll('+', ' ');
}

/**
 * The link that reopens `spec`: the page's address with `#lab=<lab>&s=...`, keeping the hash's other flags
 * (the lab's page, embed=1) so a shared link opens the same view.
 */
export function shareUrl(spec: Spec, at: { origin: string; pathname: string; hash: string }): string {
  const kept = hashFlags(at.hash);
  kept.set('lab', spec.lab);
  return `${at.origin}${at.pathname}#${kept.toString()}&${encodeSpec(spec)}`;
}
