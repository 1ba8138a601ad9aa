import { useState } from 'react';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/FieldMessage';
import { fmt } from '../../ui/format';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { ncfWorker as ncf } from './ncf-client';
import { TermsLine } from '../../ui/TermsLine';

/** Projected gradient ascent on the sphere for a KKT point of the constrained NCF, and a warm start from it. */
export function NcfTools() {
  const editor = useSpecEditor('saddles');
  const spec = editor.spec;
  const [res, setRes] = useState<{ N: number; residual: number; steps: number; active: number; units: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const step = 0.025;
  const steps = 20_000;
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      setRes(await ncf().findKkt(spec, step, steps));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const warm = spec.init.dir.kind === 'kkt';
  return (
    <details className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="ncf-tools">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">NCF tools: KKT points by projected gradient ascent</summary>
      <p className="mt-1 text-xs text-slate-500">
        u ← (u + s∇N(u))/‖u + s∇N(u)‖ from the random direction of this seed (s = {step}, at most {steps} steps), stopped at KKT residual 10⁻¹⁰.
      </p>
      <TermsLine terms={['NCF', 'KKT', 'PGA warm start']} />
      <div className="mt-1 flex gap-2">
        <Button variant="subtle" onClick={() => void find()} disabled={busy} testId="pga-run">
          {busy ? 'Searching…' : 'Find a KKT point'}
        </Button>
        <Button
          variant="subtle"
          testId="warm-start"
          onClick={() => setError(editor.commit({ ...spec, init: { ...spec.init, dir: warm ? { kind: 'random' } : { kind: 'kkt', step, steps } } }))}
        >
          {warm ? 'Back to the random start' : 'Warm-start training from it'}
        </Button>
      </div>
      {res && (
        <p className="mt-1 text-xs num" aria-live="polite" data-testid="pga-result">
          N(u*) = {fmt(res.N, 7)}, residual {fmt(res.residual, 2)} after {res.steps} steps; {res.active} of {res.units} neurons active.
        </p>
      )}
      <FieldError message={error} className="mt-1 block" />
    </details>
  );
}
