import { closedFormFlow, type GdResult } from '../../engine/stability/stability';
import { tolOf } from './schema';
import { etaName, fmt } from './format';
import { GD2_COLOR } from './landscape-overlays';
import { type Comparison } from './compare';
import { Term } from '../../ui/Term';

/** GD, the second start's GD (when placed) and gradient flow side by side: end point, sharpness, imbalance, steps. */
export function Readout({ c, second }: { c: Comparison; second: GdResult | null }) {
  const gd = c.gd;
  const limit = c.flow.limit();
  const s0 = c.spec.ui.compare;
  const R2 = second && s0 ? closedFormFlow([s0.a], [s0.b], c.phi).R : NaN;
  const end = (g: GdResult) => (g.outcome === 'diverged' ? '—' : `(${fmt(g.a)}, ${fmt(g.b)})`);
  const col = (g: GdResult | null, f: (g: GdResult) => React.ReactNode, testId?: string) => (g ? <td data-testid={testId}>{f(g)}</td> : null);
  return (
    <table className="num w-full text-xs" data-testid="stability-readout">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="font-normal">
            <span className="sr-only">Quantity</span>
          </th>
          <th className="font-normal">GD</th>
          {second && (
            <th className="font-normal" style={{ color: GD2_COLOR }}>
              GD, 2nd start
            </th>
          )}
          <th className="font-normal">gradient flow</th>
        </tr>
      </thead>
      <tbody>
        {second && s0 && (
          <tr>
            <td>start (a₀, b₀)</td>
            <td>
              ({fmt(c.a0)}, {fmt(c.b0)})
            </td>
            <td>
              ({fmt(s0.a)}, {fmt(s0.b)})
            </td>
            <td>same as GD’s</td>
          </tr>
        )}
        <tr>
          <td>end point (a, b)</td>
          <td>{end(gd)}</td>
          {col(second, end)}
          <td>{c.flow.toSaddle ? 'saddle (0, 0)' : `(${fmt(limit.a[0])}, ${fmt(limit.b[0])})`}</td>
        </tr>
        <tr>
          <td>
            <Term term="sharpness" /> λ at the end
          </td>
          <td data-testid="gd-lam">{gd.outcome === 'diverged' ? '—' : fmt(gd.lam)}</td>
          {col(second, (g) => (g.outcome === 'diverged' ? '—' : fmt(g.lam)), 'compare-lam')}
          <td>
            R = {fmt(c.flow.R)}
            {second ? ` (2nd: ${fmt(R2)})` : ''}
          </td>
        </tr>
        <tr>
          <td>
            <Term term="imbalance">Q(T)/Q(0)</Term>
          </td>
          <td data-testid="gd-q">{gd.outcome === 'diverged' ? '—' : fmt(gd.qRatio)}</td>
          {col(second, (g) => (g.outcome === 'diverged' ? '—' : fmt(g.qRatio)), 'compare-q')}
          <td>1 (conserved)</td>
        </tr>
        <tr>
          <td>steps / time</td>
          <td>
            {gd.steps} steps (t = {fmt(gd.steps * c.eta)})
          </td>
          {col(second, (g) => `${g.steps} steps${g.outcome === 'converged' ? '' : ` (${g.outcome})`}`, 'compare-steps')}
          <td>ODE vs closed form: {fmt(c.gf.odeVsClosed)}</td>
        </tr>
        <tr>
          <td>stability limit</td>
          <td colSpan={second ? 3 : 2}>
            2/{etaName(c.spec)} = {fmt(2 / c.eta)} · flattest 2Φ = {fmt(2 * c.phi)} · {etaName(c.spec)}Φ = {fmt(c.eta * c.phi)}
            {c.eta * c.phi >= 1 ? ' (no minimum is stable)' : ''} · tol {fmt(tolOf(c.spec))}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
