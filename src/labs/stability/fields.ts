import { log10 } from '../../engine/core/det-math';
import type { GridResult } from '../../engine/core/grid';
import { binBifurcation, runBifJob } from '../../engine/stability/jobs';

/** log10 of the reduced loss (1/2)(ab - Phi)^2 in the (a, b) plane; in data mode Lbar = s L + Const (Sec. 2.1). */
export function stabilityLogLoss(p: Record<string, number>) {
  const phi = p.phi ?? 1;
  const s = p.s ?? 1;
  const konst = p.konst ?? 0;
  return (a: number, b: number) => {
    const e = a * b - phi;
    return log10(Math.max(s * 0.5 * e * e + konst, 1e-300));
  };
}

export interface BifurcationRequest {
  phi: number;
  /** eta range (h = eta Phi on the x axis). */
  eta: [number, number];
  nEta: number;
  /** Start on the balanced line a = b = r0. */
  r0: number;
  burnIn: number;
  keep: number;
  /** lam range of the histogram and its number of bins. */
  lam: [number, number];
  nLam: number;
}

/**
 * Bifurcation diagram as a density grid (the layout of a landscape grid: columns = eta, rows = lam from the top):
 * for each eta, GD from (r0, r0) for burnIn steps, then the next `keep` values of lam are binned. Columns that
 * diverge are NaN.
 */
export function computeBifurcation(req: BifurcationRequest): GridResult & { diverged: number[] } {
  const t0 = performance.now();
  const { nEta, nLam, keep, burnIn, phi } = req;
  const deta = (req.eta[1] - req.eta[0]) / nEta;
  // The same column job the worker pool runs for the Stability lab's bifurcation tab.
  const cols = Array.from({ length: nEta }, (_, i) => runBifJob({ kind: 'bif', r0: req.r0, phi, eta: req.eta[0] + (i + 0.5) * deta, burnIn, keep }));
  const diverged = cols.flatMap((c, i) => (c.diverged ? [req.eta[0] + (i + 0.5) * deta] : []));
  const values = binBifurcation(cols, req.lam, nLam);
  return { values, nx: nEta, ny: nLam, x: [req.eta[0], req.eta[1]], y: [req.lam[0], req.lam[1]], ms: performance.now() - t0, diverged };
}
