/** Being built. */
export function RunPage() {
  return <p className="text-sm text-slate-500">This page is being built.</p>;
}
