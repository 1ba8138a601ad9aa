import { Tex } from '../../ui/Tex';

/** What the page shows, in a few lines (lab spec Sec. 1). */
export function Narration() {
  return (
    <div className="flex flex-col gap-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
      <p>
        The model fits one slope with two layers: <Tex>{'L(a,b)=\\tfrac12(a^\\top b-\\Phi)^2'}</Tex>. Its minima form the hyperbola <Tex>{'ab=\\Phi'}</Tex>; the sharpness of a
        minimum is <Tex>{'\\lambda=\\|a\\|^2+\\|b\\|^2\\ge 2\\Phi'}</Tex>, flattest where <Tex>{'a=\\pm b'}</Tex>.
      </p>
      <p>
        Gradient flow conserves the imbalance <Tex>{'Q=a^2-b^2'}</Tex>, so it stops at the minimum its start selects, with sharpness <Tex>{'R=\\sqrt{Q_0^2+4\\Phi^2}'}</Tex>.
        Gradient descent shrinks it at every step, exactly:
      </p>
      <Tex block>{'Q_{t+1}=(1-\\eta^2\\varepsilon_t^2)\\,Q_t,\\qquad \\varepsilon=a^\\top b-\\Phi'}</Tex>
      <p>
        so it ends flatter, and any minimum it converges to has <Tex>{'\\lambda\\le 2/\\eta'}</Tex>. Past <Tex>{'\\eta\\Phi=1'}</Tex> no minimum is stable: a 2-cycle on{' '}
        <Tex>{'a=b'}</Tex>, period doubling, chaos, then divergence.
      </p>
    </div>
  );
}
