import { Rng } from '../core/rng';
import { exp, log10 } from '../core/det-math';

/** diff(c, sd) = 0.05 exp(c log10 sd): the reference code's near-tie between the two largest entries. */
export function tieDiff(c: number, scale: number): number {
  return 0.05 * exp(c * log10(scale));
}

/**
 * Theorem-1 initialisation, identical to the reference: stream MT(seed), a = sort_desc(scale U[0,1)^d),
 * then overwrite a_2 := a_1 - diff (docs/labs/poisoning.md Sec. 5.3).
 */
export function uniformSortedInit(seed: number, d: number, scale: number, tieC: number): Float64Array {
  const rng = new Rng(seed);
  const a = new Float64Array(d);
  for (let j = 0; j < d; j++) a[j] = scale * rng.rand();
  a.sort().reverse();
  if (d > 1) a[1] = a[0] - tieDiff(tieC, scale);
  return a;
}

/** Number of MLP head weights: D_in (dh), depth-1 hidden dh x dh matrices, D_out (dh). */
export function headSize(head: { width: number; depth: number } | null): number {
  return head ? 2 * head.width + (head.depth - 1) * head.width * head.width : 0;
}

/**
 * The GD/Adam initialisation of the reference code (docs/labs/poisoning.md Sec. 5.4) from the stream MT(seed + 100000):
 * |N(0, sdA)| sorted descending for a, likewise for b, c only reversed; near-ties between the leading
 * entries (as many as the teacher has), then `warm` added to a and b; head weights continue the stream.
 */
export function gdNormalInit(
  seed: number,
  d: number,
  o: { sdA: number; sdBC: number; tieC: number; warm: number; sdD: number },
  teacherDim: number,
  nHead: number,
): { a: Float64Array; b: Float64Array; c: Float64Array; head: Float64Array } {
  const rng = new Rng((seed + 100000) >>> 0);
  const draw = (sd: number) => Float64Array.from({ length: d }, () => Math.abs(sd * rng.gauss()));
  const a = draw(o.sdA).sort().reverse();
  const b = draw(o.sdBC).sort().reverse();
  const c = draw(o.sdBC).reverse();
  const diff = tieDiff(o.tieC, o.sdA);
  const ties: [number, number][] = [[1, 1]];
  if (teacherDim >= 3) ties.push([2, 1.01]);
  if (teacherDim >= 4) ties.push([3, 1.05]);
  for (const [j, f] of ties) {
    if (j >= d) continue;
    a[j] = a[0] - f * diff;
    b[j] = b[0] - f * diff;
  }
  for (let j = 0; j < d; j++) {
    a[j] += o.warm;
    b[j] += o.warm;
  }
  const head = Float64Array.from({ length: nHead }, () => o.sdD * rng.gauss());
  return { a, b, c, head };
}
