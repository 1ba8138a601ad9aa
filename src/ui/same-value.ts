/**
 * Structural equality of plain JSON-like values (specs): same keys, same numbers (NaN equals NaN), same arrays.
 * Keys named in `ignore` are skipped at the top level only (e.g. a Poisoning spec's `arm`).
 */
export function sameValue(a: unknown, b: unknown, ignore: readonly string[] = []): boolean {
  if (Object.is(a, b) || a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys whose value is undefined count as absent (an optional field left out or set to undefined).
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined && !ignore.includes(k));
  const kx = keys(x);
  const ky = keys(y);
  if (kx.length !== ky.length) return false;
  for (const k of kx) if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
  return true;
}
