/**
 * The (a_1, a_2) slice of an arm's training loss as a landscape field, so the landscape worker maps it off the
 * page's thread. A field's parameters are plain numbers: the model is sent as its engine configuration (sizes,
 * the resolved teacher, the Gram matrix of the arm's rows or, under an MLP head, the rows themselves) and the
 * fixed parameter vector, arrays flattened to keys `name.i`; the worker rebuilds the same engine model, so the
 * slice has the values the page computed before (lossSlice in explore-model.ts).
 */
import type { GridDomain } from '../../../engine/core/grid';
import type { Problem } from '../../../engine/core/problem';
import { DiagonalSsm } from '../../../engine/ssm/ssm';
import { gramOfRows } from '../../../engine/ssm/ssm-data';
import { SsmMlp } from '../../../engine/ssm/ssm-mlp';
import { resolveTeacher } from '../../../engine/ssm/teachers';
import { activeRows, initialTheta } from '../build';
import type { PoisoningSpec } from '../schema';

/** The landscape field's name (in the Poisoning runtime's `fields`). */
export const SLICE_FIELD = 'poisoning-slice';

type Params = Record<string, number>;

function pack(out: Params, name: string, values: ArrayLike<number>) {
  out[`${name}.n`] = values.length;
  for (let i = 0; i < values.length; i++) out[`${name}.${i}`] = values[i];
}

function unpack(p: Params, name: string): Float64Array {
  const n = p[`${name}.n`];
  if (!(n >= 0)) throw new Error(`${SLICE_FIELD}: missing ${name}`);
  return Float64Array.from({ length: n }, (_, i) => p[`${name}.${i}`]);
}

/**
 * The field's parameters for one arm of a spec: its model and its initial parameters (with b = c = 1 when bcOne
 * and B, C are learned), or null when the slice does not exist (d < 2, or the arm has no enabled row).
 */
export function sliceParams(spec: PoisoningSpec, arm: 'clean' | 'poisoned', bcOne = false): Params | null {
  const s: PoisoningSpec = { ...spec, arm };
  const { d, trainBC, head, teacher } = s.model;
  const rows = activeRows(s);
  if (d < 2 || rows.length === 0) return null;
  const kappa = s.data.length;
  const p: Params = { d, kappa, trainBC: trainBC ? 1 : 0, genWindow: s.metrics.genWindow, seed: s.seed, head: head ? 1 : 0 };
  const t = resolveTeacher(teacher, d);
  pack(p, 'teacher.a', t.a);
  pack(p, 'teacher.b', t.b);
  pack(p, 'teacher.c', t.c);
  if (head) {
    p.width = head.width;
    p.depth = head.depth;
    pack(p, 'rows', rows.flat());
  } else {
    pack(p, 'gram', gramOfRows(rows, kappa));
  }
  const theta = initialTheta(s);
  if (bcOne && trainBC) theta.fill(1, d, 3 * d);
  pack(p, 'theta', theta);
  return p;
}

/** The model sliceParams describes: the same engine object the arm's run trains (buildPoisoning). */
function problemOf(p: Params): Problem {
  const { d, kappa, genWindow } = p;
  const trainBC = p.trainBC === 1;
  const teacher = { a: Array.from(unpack(p, 'teacher.a')), b: Array.from(unpack(p, 'teacher.b')), c: Array.from(unpack(p, 'teacher.c')) };
  if (p.head === 1) {
    const flat = Array.from(unpack(p, 'rows'));
    const rows = Array.from({ length: flat.length / kappa }, (_, r) => flat.slice(r * kappa, (r + 1) * kappa));
    return new SsmMlp({ d, kappa, trainBC, width: p.width, depth: p.depth, teacher, rows, seed: p.seed, genWindow });
  }
  return new DiagonalSsm({ d, kappa, trainBC, teacher, gram: unpack(p, 'gram'), genWindow });
}

/** The landscape field: the training loss at (a_1, a_2) = (x, y), every other parameter fixed. */
export function poisoningSliceField(p: Params): (x: number, y: number) => number {
  const problem = problemOf(p);
  const theta = unpack(p, 'theta');
  return (x, y) => {
    theta[0] = x;
    theta[1] = y;
    return problem.loss(theta);
  };
}

/**
 * The landscape worker samples cell centres (row 0 at the top); the slice is drawn on the n x n points
 * lo + i (hi - lo)/(n - 1) of the domain in both axes. This view of n x n cells, half a spacing wider on each
 * side, has its centres on those points.
 */
export function sliceDomain(domain: [number, number], n: number): GridDomain {
  const [lo, hi] = domain;
  const half = (hi - lo) / (n - 1) / 2;
  return { x: [lo - half, hi + half], y: [lo - half, hi + half], nx: n, ny: n };
}
