/** A thin progress bar (0..1), labelled for assistive technology; the fill takes a colour or the accent. */
export function ProgressBar({ value, label, color }: { value: number; label: string; color?: string }) {
  const pct = Math.round(100 * Math.min(1, Math.max(0, value)));
  return (
    <div className="mt-1 h-1.5 w-full rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className={`h-1.5 rounded ${color ? '' : 'bg-sky-600'}`} style={{ width: `${pct}%`, background: color }} />
    </div>
  );
}
