import { Rng } from '../core/rng';
import { paramCount, type StudentParam } from './metrics';

export type InitConvention = 'entrywise' | 'eps-normal';

/**
 * The student's initial parameter vector (lab spec Sec. 5), laid out as LinearRnnProblem's theta. s is the run's
 * seed; the draws come from the student stream MT(1000 + s), in this order, every draw sigma gauss():
 *   diag / diag-tied: a (d), then b (d); diag's c = b (balanced, no draws) or c (d draws);
 *   full: A (d^2, row-major), then B (d), then C (d; C = B^T without draws when balanced);
 *   sym: theta = upper triangle of A row-major (d(d+1)/2), then B, then C (C = B^T when balanced).
 * diag-tied ignores `balanced` (it is balanced by construction).
 * Convention 'entrywise': every entry N(0, sigma^2). 'eps-normal' (App. E.4): entries N(0, sigma^2 / n), n the
 * entry count of the tensor: d for a, b, c, B, C and d^2 for A (also for sym, whose tensor is the d x d matrix A).
 */
export function studentInit(s: number, param: StudentParam, d: number, sigma: number, balanced: boolean, convention: InitConvention): Float64Array {
  const rng = new Rng(1000 + s);
  const theta = new Float64Array(paramCount(param, d));
  const scaleVec = convention === 'eps-normal' ? sigma / Math.sqrt(d) : sigma;
  const scaleMat = convention === 'eps-normal' ? sigma / d : sigma;
  let o = 0;
  const draw = (count: number, scale: number) => {
    for (let i = 0; i < count; i++) theta[o++] = scale * rng.gauss();
  };
  const copyB = () => {
    for (let i = 0; i < d; i++) theta[o + i] = theta[o - d + i];
    o += d;
  };
  switch (param) {
    case 'diag-tied':
      draw(d, scaleVec);
      draw(d, scaleVec);
      break;
    case 'diag':
    case 'sym':
    case 'full':
      if (param === 'diag') draw(d, scaleVec);
      else draw(param === 'full' ? d * d : (d * (d + 1)) / 2, scaleMat);
      draw(d, scaleVec);
      if (balanced) copyB();
      else draw(d, scaleVec);
      break;
  }
  return theta;
}
