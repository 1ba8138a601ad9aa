import { type AbParams, abZ0, phibarJet, phiJet } from '../../../engine/flow-descent/ab';

/**
 * App. B's pieces for a picture like the paper's Fig. 2 (FD-AB-shape, docs/labs/flow-vs-descent.md Sec. 2.1, 5.1):
 * small display constants a = 1, z_c = 3, zb = 2, rho = 0.3 that violate b >= 3 (zb = b + 1 = 2 means b = 1), so they
 * show the shape only; FD-AB itself uses z_c = 1e6, zb = 11.
 */
export const AB_SHAPE: AbParams = { a: 1, zc: 3, zb: 2, rho: 0.3 };

export interface AbCurves {
  z: Float64Array;
  value: Float64Array;
  /** Second derivative: the curvature of the piece z lies in. */
  curv: Float64Array;
}

function sample(lo: number, hi: number, points: number, jet: (z: number) => { f: number; d2: number }): AbCurves {
  const z = new Float64Array(points);
  const value = new Float64Array(points);
  const curv = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    z[i] = lo + ((hi - lo) * i) / (points - 1);
    const j = jet(z[i]);
    value[i] = j.f;
    curv[i] = j.d2;
  }
  return { z, value, curv };
}

/** phi on [-(z_c + 1.5), z_c + 1.5]: both transitions and the zero tails. */
export function phiCurves(p: AbParams, points = 801): AbCurves {
  const w = p.zc + 1.5;
  return sample(-w, w, points, (z) => phiJet(z, p.a, p.zc));
}

/** phibar on [2 z0 - zb - 1.5, zb + 1.5]: symmetric about z0 = rho/2 - 1. */
export function phibarCurves(p: AbParams, points = 801): AbCurves {
  const z0 = abZ0(p.rho);
  return sample(2 * z0 - p.zb - 1.5, p.zb + 1.5, points, (z) => phibarJet(z, p.a, p.zb, p.rho));
}

/** One piece of App. B's function with constant curvature. */
export interface AbPiece {
  coord: 'q1' | 'q2' | 'q3';
  name: string;
  from: number;
  to: number;
  curvature: number;
}

/** The constant-curvature pieces of Sec. 2.1 (and their mirror images): -a on (0, z_c), -a/2 anisotropic, -a isotropic (1, zb), +12a in q3. */
export function abPieces(p: AbParams): AbPiece[] {
  const { a, zc, zb, rho } = p;
  const z0 = abZ0(rho);
  return [
    { coord: 'q1', name: 'φ: concave core', from: -zc, to: zc, curvature: -a },
    { coord: 'q2', name: 'φ̄: anisotropic part', from: 2 * z0 - (1 - rho), to: 1 - rho, curvature: -a / 2 },
    { coord: 'q2', name: 'φ̄: isotropic part', from: 1, to: zb, curvature: -a },
    { coord: 'q2', name: 'φ̄: isotropic part (mirror)', from: 2 * z0 - zb, to: 2 * z0 - 1, curvature: -a },
    { coord: 'q3', name: '6a q₃²', from: -Infinity, to: Infinity, curvature: 12 * a },
  ];
}
