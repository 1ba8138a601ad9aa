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

export function shareUrl(spec: Spec, base: string): string {
  const url = new URL(base);
  url.hash = encodeSpec(spec);
  return url.toString();
}
