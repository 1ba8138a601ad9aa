/**
 * Grid evaluation for the reusable landscape plot: a named scalar field sampled at the cell centres of an
 * nx x ny grid over an x/y domain (row 0 at the top, y = y[1]). Labs register their fields below; the worker
 * and Node tests call the same code.
 */
import { binBifurcation, runBifJob } from '../src/engine/stability/jobs';
import { log10 } from '../src/engine/core/det-math';

export interface GridRequest {
  field: string;
  params: Record<string, number>;
  x: [number, number];
  y: [number, number];
  nx: number;
  ny: number;
}

export interface GridResult {
  values: Float64Array;
  nx: number;
  ny: number;
  x: [number, number];
  y: [number, number];
  ms: number;
}

type Field = (params: Record<string, number>) => (x: number, y: number) => number;

/** The fields a landscape can show; add a lab's own with registerField. */
const FIELDS: Record<string, Field> = {
  /** Stability lab (paper 004): log10 of the reduced loss (1/2)(ab - Phi)^2 in the (a, b) plane. */
  'stability-log-loss': (p) => {
    const phi = p.phi ?? 1;
    // data mode: Lbar = s L + Const (Sec. 2.1); s = 1, Const = 0 otherwise
    const s = p.s ?? 1;
    const konst = p.konst ?? 0;
    return (a, b) => {
      const e = a * b - phi;
      return log10(Math.max(s * 0.5 * e * e + konst, 1e-300));
    };
  },
};

export function registerField(name: string, field: Field): void {
  FIELDS[name] = field;
}

export function computeGrid(req: GridRequest): GridResult {
  const t0 = performance.now();
  const field = FIELDS[req.field];
  if (!field) throw new Error(`unknown landscape field "${req.field}"`);
  const f = field(req.params);
  const { nx, ny } = req;
  const [x0, x1] = req.x;
  const [y0, y1] = req.y;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y1 - (j + 0.5) * dy;
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + (i + 0.5) * dx, y);
  }
  return { values, nx, ny, x: [x0, x1], y: [y0, y1], ms: performance.now() - t0 };
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
 * Bifurcation diagram as a density grid (same layout as computeGrid: columns = eta, rows = lam from the top):
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
