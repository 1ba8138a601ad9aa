/** Compact number formatting for readouts. */
export function fmt(v: number, digits = 4): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 2).replace('e', 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** The name of the step on the reduced loss: η, or η_eff = sη in data mode. */
export const etaName = (spec: { model: { data?: unknown } }) => (spec.model.data ? 'η_eff' : 'η');
