import { EXTRAPOLATION_PRESET_ROWS } from './presets';

/** Placeholder page: the lab's pages are being built; its presets already run from the CLI (npm run sim -- <id>). */
export function ExtrapolationLab() {
  return (
    <div className="mx-auto max-w-3xl p-4 text-sm" data-testid="extrapolation-placeholder">
      <h2 className="text-lg font-semibold">Extrapolation (paper 002)</h2>
      <p className="mt-2">
        This lab’s pages are being built. Its experiments already exist: each preset below reproduces a figure of the paper and runs from the command line with{' '}
        <code>npm run sim -- &lt;id&gt;</code>.
      </p>
      <table className="mt-3 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th className="py-1 pr-3 font-medium">Preset</th>
            <th className="py-1 pr-3 font-medium">Paper</th>
            <th className="py-1 font-medium">Experiment</th>
          </tr>
        </thead>
        <tbody>
          {EXTRAPOLATION_PRESET_ROWS.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top dark:border-slate-800" data-testid={`extrapolation-preset-${r.id}`}>
              <td className="py-1 pr-3 font-mono">{r.id}</td>
              <td className="py-1 pr-3 whitespace-nowrap">{r.figure}</td>
              <td className="py-1">{r.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
