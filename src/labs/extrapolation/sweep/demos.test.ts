import { describe, expect, it } from 'vitest';
import { prop3Demo } from '../prop3';
import { firstDifference, lemma7Student, phiAgainstT1, phiTerms, responseOf, T1, T2 } from './demos';

describe('the Demos page numbers (lab spec Sec. 7, item 8)', () => {
  it('twin teachers: T1 = (1, 0, .5, 0, .25, 0, .125), T2 = (1, 0, .5, .25, .375, .3125, .34375); they first differ at j = 3', () => {
    const t1 = responseOf(T1, 7);
    const t2 = responseOf(T2, 7);
    [1, 0, 0.5, 0, 0.25, 0, 0.125].forEach((v, j) => expect(t1[j]).toBeCloseTo(v, 14));
    [1, 0, 0.5, 0.25, 0.375, 0.3125, 0.34375].forEach((v, j) => expect(t2[j]).toBeCloseTo(v, 14));
    expect(firstDifference(t1, t2)).toBe(3);
  });

  it('Lemma 7: the balanced student on (-0.9, 0, 0.9) matches T1 on h_0..h_3, has h_4 = 0.405 and Phi = 0.155; Phi(T1) = 0', () => {
    const s = lemma7Student(0.9);
    expect(s.q).toBeCloseTo(0.5 / 0.81, 15);
    const h = responseOf(s, 6);
    const t1 = responseOf(T1, 6);
    expect(firstDifference(h, t1)).toBe(4);
    expect(h[4]).toBeCloseTo(0.405, 14);
    expect(phiAgainstT1(h)).toBeCloseTo(0.155, 3);
    expect(phiTerms(s, T1.lambda).reduce((a, b) => a + b, 0)).toBeCloseTo(phiAgainstT1(h), 14);
    expect(Math.abs(phiAgainstT1(t1))).toBeLessThan(1e-15);
    // at a = 1/sqrt2 the middle mass vanishes and the student is T1
    const edge = lemma7Student(Math.SQRT1_2);
    expect(edge.p[1]).toBeCloseTo(0, 14);
    expect(Math.abs(phiAgainstT1(responseOf(edge, 5)))).toBeLessThan(1e-15);
    expect(() => lemma7Student(0.5)).toThrow(RangeError);
  });

  it('Proposition 3 at its defaults: fit to 1e-12, E = 0.8832, six negative masses', () => {
    const d = prop3Demo();
    expect(d.fitError).toBeLessThan(1e-12);
    expect(d.E).toBeCloseTo(0.8832, 4);
    expect(d.negative).toBe(6);
  });
});
