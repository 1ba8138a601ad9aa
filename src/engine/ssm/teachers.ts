import { addPowers } from '../core/diagonal';

/** Which teacher (the lab's spec names one of these; the engine takes its plain shape). */
export type TeacherChoice = { kind: 'thm1' } | { kind: 'one' } | { kind: 'diag'; a: number[]; b?: number[]; c?: number[] };

/** A diagonal teacher SSM: A* = diag(a), B*, C*; its impulse response is h*_k = sum_i b_i c_i a_i^k. */
export interface DiagonalTeacher {
  a: number[];
  b: number[];
  c: number[];
}

/** The teachers of paper 000 (docs/labs/poisoning.md Sec. 2.4). thm1 depends on the student dimension d. */
export function resolveTeacher(t: TeacherChoice, d: number): DiagonalTeacher {
  switch (t.kind) {
    case 'thm1':
      // A* = diag(1, 0), B* = C*^T = (1, sqrt(d - 1)): h*_0 = d, h*_k = 1 for k >= 1 (App. E.1).
      return { a: [1, 0], b: [1, Math.sqrt(d - 1)], c: [1, Math.sqrt(d - 1)] };
    case 'one':
      return { a: [1], b: [1], c: [1] };
    case 'diag': {
      const ones = t.a.map(() => 1);
      return { a: [...t.a], b: t.b ? [...t.b] : ones, c: t.c ? [...t.c] : ones };
    }
  }
}

/** h*_k for k = 0..K-1, with a^0 = 1 even when a = 0. */
export function teacherImpulse(t: DiagonalTeacher, K: number): Float64Array {
  return impulseResponse(t.a, t.b, t.c, K);
}

/** h_k = sum_j b_j c_j a_j^k, k = 0..K-1 (a^0 = 1 even when a = 0). */
export function impulseResponse(a: ArrayLike<number>, b: ArrayLike<number> | null, c: ArrayLike<number> | null, K: number): Float64Array {
  const h = new Float64Array(K);
  for (let j = 0; j < a.length; j++) addPowers(h, K, (b ? b[j] : 1) * (c ? c[j] : 1), a[j]);
  return h;
}
