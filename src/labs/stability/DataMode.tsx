import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/FieldMessage';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { formatData, parseData } from './data-mode-logic';
import { fmt } from './format';
import { dataFit, type StabilitySpec } from './schema';

const EXAMPLE = '1, 2\n3, 2';

/**
 * Data mode (lab spec Sec. 2.1, 4): the user's points (x_i, y_i) define Lbar = (1/(2n)) sum (ab x_i - y_i)^2 =
 * s L + Const; the lab runs the reduced loss with Phi = |sum x y / sum x^2| and eta_eff = s eta, and shows Lbar.
 */
export function DataMode({ spec, update }: { spec: StabilitySpec; update: (next: StabilitySpec, refit?: boolean) => boolean }) {
  const data = spec.model.data;
  const [text, setText] = useState(data ? formatData(data) : EXAMPLE);
  const [err, setErr] = useState<string | null>(null);
  const editor = useSpecEditor('stability');
  useEffect(() => {
    if (data) setText(formatData(data));
  }, [data]);
  const apply = () => {
    const d = parseData(text);
    if (typeof d === 'string') return setErr(d);
    // validated here, so a refusal shows under the points (the view is refitted to the new Φ when accepted)
    const candidate: StabilitySpec = { ...spec, model: { ...spec.model, data: d, phi: Math.abs(dataFit(d).phi) }, ui: { ...spec.ui, preset: undefined } };
    const refused = editor.check(candidate);
    setErr(refused);
    if (!refused) update(candidate, true);
  };
  const leave = () => {
    if (!data) return;
    const { data: _d, ...model } = spec.model;
    update({ ...spec, model, ui: { ...spec.ui, preset: undefined } }, true);
  };
  const fit = data ? dataFit(data) : null;
  return (
    <details className="rounded border border-slate-200 p-2 dark:border-slate-800" open={!!data} data-testid="data-mode">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">Data mode: fit your own points (x, y){data ? ' · on' : ''}</summary>
      <div className="mt-2 flex flex-col gap-2 text-xs">
        <p className="text-slate-500">
          The net fits y ≈ (a·b) x by GD with step η on L̄ = (1/2n) Σ (a·b xᵢ − yᵢ)² = s·L + Const, which is the lab’s model with Φ = Σxy/Σx², s = mean x² and step η_eff = s·η.
        </p>
        <label className="flex flex-col gap-0.5 font-medium text-slate-600 dark:text-slate-400">
          points, one “x, y” per line
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            className="num rounded border border-slate-300 px-2 py-1 font-normal dark:border-slate-700 dark:bg-slate-900"
            data-testid="data-input"
          />
        </label>
        <FieldError message={err} />
        <div className="flex gap-2">
          <Button onClick={apply} testId="data-apply">
            {data ? 'Update data' : 'Use these data'}
          </Button>
          {data && (
            <Button onClick={leave} testId="data-leave">
              Leave data mode
            </Button>
          )}
        </div>
        {fit && (
          <p className="num text-slate-700 dark:text-slate-300" data-testid="data-fit" data-s={fit.s} data-phi={fit.phi} data-const={fit.konst}>
            n = {fit.n} · s = {fmt(fit.s, 6)} · Φ = {fmt(fit.phi, 6)} · Const = {fmt(fit.konst, 6)}
            {fit.phi < 0 ? ' · Φ < 0: the plane shows (−a, b) so that the lab’s Φ is positive' : ''}
          </p>
        )}
      </div>
    </details>
  );
}
