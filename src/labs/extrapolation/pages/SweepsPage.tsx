/** Being built. */
export function SweepsPage() {
  return <p className="text-sm text-slate-500">This page is being built.</p>;
}
